import TensorExpr

/// The number an answer stands for, read by the lab's expression language:
/// `64`, `4*16`, `2·8`, `1/4`, `tanh(0.3)`, and with a session's names
/// `o_f[0, 3] * tanh(c_f[0, 0, 3])`.
public enum AnswerNumber {
    /// A small budget: an answer is a number, not a computation.
    static let budget = Budget(memoryLimit: 64 << 20, computeLimit: 1e9)

    /// The value of `text` when it is one finite number (a scalar or a one-element tensor), else nil.
    public static func evaluate(_ text: String, in environment: any ExprEnvironment = DictionaryEnvironment())
        -> Double?
    {
        // The multiplication signs of hand-written arithmetic.
        let t = String(text.map { $0 == "×" || $0 == "·" ? "*" : $0 })
        guard let value = try? Evaluator.evaluate(t, in: environment, budget: budget),
            case .tensor(let x) = value, x.data.count == 1, let v = x.data.first, v.isFinite
        else { return nil }
        return Double(v)
    }
}
