/// The names of everything callable, for dispatch checks, completion and suggestions.
public enum Functions {
    static let unary = Ops.Unary.allCases.map(\.rawValue)
    static let binary = ["add", "sub", "mul", "div", "pow", "matmul", "mm", "maximum", "minimum"]
    static let reductions = ["sum", "mean", "max", "min", "argmax", "argmin", "norm", "prod"]
    static let shaping = [
        "transpose", "reshape", "flip", "chunk", "squeeze", "unsqueeze", "permute", "flatten", "t",
        "numel", "softmax", "log_softmax", "allclose", "equal", "clone",
    ]
    static let creation = [
        "zeros", "ones", "full", "eye", "arange", "tensor", "zeros_like", "ones_like", "cat", "stack",
        "linear",
    ]

    /// Callable as `f(…)`, `torch.f(…)` or `F.f(…)`.
    public static let all: [String] = unary + binary + reductions + shaping + creation

    /// Callable as `t.f(…)`.
    public static let methods: [String] =
        unary + binary + reductions + shaping
        + ["view", "item", "size", "dim", "float", "detach", "contiguous"]

    /// Read as `t.name`.
    public static let properties = ["T", "mT", "shape", "ndim"]

    /// Prefixes that name the function namespaces.
    public static let modules = ["torch", "F"]

    /// A close name, for "did you mean".
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        let limit = word.count <= 3 ? 1 : 2
        for c in candidates where abs(c.count - word.count) <= limit {
            let d = distance(Array(word.lowercased()), Array(c.lowercased()))
            if d <= limit && d < word.count && (best == nil || d < best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
