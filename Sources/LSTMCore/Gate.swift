/// The four LSTM gates in PyTorch's row order: the fused layout, stated once.
///
/// ```
/// W_ih [4H, D] rows:  0..<H  i   input gate      σ
///                     H..<2H f   forget gate     σ
///                    2H..<3H g   cell candidate  tanh
///                    3H..<4H o   output gate     σ
/// ```
public enum Gate: Int, CaseIterable, Sendable {
    case input = 0
    case forget, cell, output

    /// The one-letter name used by PyTorch's docs and the tutorial: i, f, g, o.
    public var symbol: String {
        switch self {
        case .input: "i"
        case .forget: "f"
        case .cell: "g"
        case .output: "o"
        }
    }

    public var longName: String {
        switch self {
        case .input: "input gate"
        case .forget: "forget gate"
        case .cell: "cell candidate"
        case .output: "output gate"
        }
    }

    /// The activation this gate takes in `nn.LSTM`.
    public var activation: Activation { self == .cell ? .tanh : .sigmoid }

    /// This gate's rows (or columns of a `[B, 4H]` gates tensor).
    public func rows(hiddenSize: Int) -> Range<Int> {
        (rawValue * hiddenSize)..<((rawValue + 1) * hiddenSize)
    }
}
