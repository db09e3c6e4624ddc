/// The words of `trace u=N`: its title, the legend and the empty table.
public enum TraceMessage: Localized, Equatable {
    case title(unit: Int, forward: Bool, b: Int)
    case processingOrder(rows: Int, of: Int, forward: Bool)
    case legend(draft: Bool)
    case saturated
    case nothingYet(forward: Bool, short: String)

    public var english: String {
        switch self {
        case .title(let u, let f, let b): "unit \(u) of the \(f ? "forward" : "backward") direction, sequence b=\(b)"
        case .processingOrder(let rows, let of, let f):
            "\(rows)/\(of) steps in processing order" + (f ? " (t = 0, 1, …)" : " (t = T-1, …, 0)")
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
        case .processingOrder(let rows, let of, let f):
            "按处理顺序列出 \(rows)/\(of) 步" + (f ? "（t = 0, 1, …）" : "（t = T-1, …, 0）")
        case .legend(let draft):
            "z = 激活前的值，i f g o = 经过 σ/tanh 之后的门"
                + (draft ? "（draft 版本：o = tanh(z_g)，g = σ(z_o)）" : "") + "，c = f·c_prev + i·g，h = o·tanh(c)"
        case .saturated: "* = 饱和：σ 离 0 或 1 不到 0.01，|tanh| > 0.99"
        case .nothingYet(let f, let short): "还没有算出任何值：\(f ? "前向" : "反向")还没有走任何一步（试试 step \(short)）"
        }
    }
}
