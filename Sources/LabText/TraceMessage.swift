/// The words of `trace u=N`: its title, the legend and the empty table.
public enum TraceMessage: Localized, Equatable {
    case title(unit: Int, forward: Bool, b: Int)
    /// `last`: the last t the sequence reads (T-1, or its own length - 1 when the batch is packed).
    case processingOrder(rows: Int, of: Int, forward: Bool, last: Int)
    case legend(draft: Bool)
    case saturated
    case nothingYet(forward: Bool, short: String)

    public var english: String {
        switch self {
        case .title(let u, let f, let b): "unit \(u) of the \(f ? "forward" : "backward") direction, sequence b=\(b)"
        case .processingOrder(let rows, let of, let f, let last):
            "\(rows)/\(of) steps in processing order (t = \(Self.times(forward: f, last: last)))"
        case .legend(let draft):
            "z = pre-activations, i f g o = gates after σ/tanh"
                + (draft ? " (draft variant: o = tanh(z_g), g = σ(z_o))" : "") + ", c = f·c_prev + i·g, h = o·tanh(c)"
        case .saturated: "* = saturated: σ within 0.01 of 0 or 1, |tanh| > 0.99"
        case .nothingYet(let f, let short):
            "nothing computed yet: the \(f ? "forward" : "backward") direction has not taken a step (try 'step \(short)')"
        }
    }

    public var chinese: String {
        switch self {
        case .title(let u, let f, let b): "\(f ? "前向" : "反向")第 \(u) 个单元，序列 b=\(b)"
        case .processingOrder(let rows, let of, let f, let last):
            "按处理顺序列出 \(rows)/\(of) 步（t = \(Self.times(forward: f, last: last))）"
        case .legend(let draft):
            "z = 激活前的值，i f g o = 经过 σ/tanh 之后的门"
                + (draft ? "（draft 版本：o = tanh(z_g)，g = σ(z_o)）" : "") + "，c = f·c_prev + i·g，h = o·tanh(c)"
        case .saturated: "* = 饱和：σ 离 0 或 1 不到 0.01，|tanh| > 0.99"
        case .nothingYet(let f, let short): "还没有算出任何值：\(f ? "前向" : "反向")还没有走任何一步（试试 step \(short)）"
        }
    }

    /// The times a direction reads, in its order: `0, 1, …, 4` forward, `4, 3, …, 0` backward (short runs whole).
    static func times(forward: Bool, last: Int) -> String {
        let all = last < 3 ? (0...max(0, last)).map(String.init) : ["0", "1", "…", "\(last)"]
        let backward = last < 3 ? all.reversed() : ["\(last)", "\(last - 1)", "…", "0"]
        return (forward ? all : backward).joined(separator: ", ")
    }
}
