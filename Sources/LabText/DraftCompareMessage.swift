/// The words of `compare draft` (issue 15 part 4): the correct step and the
/// tutorial's first draft side by side, from the same state and the same z.
public enum DraftCompareMessage: Localized, Equatable {
    /// The first line: which step, from which state.
    case header(direction: String, t: Int, b: Int, step: Int, of: Int)
    /// Where each z_* block sits in z (nn.LSTM's row order).
    case blocks(layout: String)
    /// The correct cell's two lines.
    case correctLines
    /// The draft's two lines, as the tutorial writes them.
    case draftLines
    /// The title over the correct gate columns.
    case correctTitle
    /// The title over the draft gate columns.
    case draftTitle
    /// The heading of the unit column.
    case unit
    /// The title of the second table (c and h of both).
    case stateTitle
    /// Under the tables: what `*` means.
    case legend
    /// The step at t needs the state before it, which the direction has not reached.
    case notReached(direction: String, t: Int, needed: Int, taken: Int, of: Int)
    /// `b=` or `t=` past the session's sizes.
    case outOfRange(key: String, value: Int, last: Int)
    /// With lengths each sequence has its own clock: compare reads full-length steps only.
    case packed

    public var english: String {
        switch self {
        case .header(let d, let t, let b, let step, let n):
            "compare draft \(d) t=\(t) b=\(b): step \(step) of \(n); both cells start from the same h_prev, c_prev "
                + "and the same z = x_t·W_ihᵀ + b_ih + h_prev·W_hhᵀ + b_hh"
        case .blocks(let layout): "z's blocks, named as nn.LSTM stores them: \(layout)"
        case .correctLines: "correct: i, f, g, o = z.chunk(4, 1);  i, f, g, o = σ(i), σ(f), tanh(g), σ(o)"
        case .draftLines: "draft:   f, i, o, g = z.chunk(4, 1);  f, i, o, g = σ(f), σ(i), tanh(g), σ(o)"
        case .correctTitle: "correct (nn.LSTM)"
        case .draftTitle: "the tutorial's draft"
        case .unit: "unit"
        case .stateTitle: "the new state of both (c = f ⊙ c_prev + i ⊙ g,  h = o ⊙ tanh(c))"
        case .legend:
            "* = the draft's value differs from the correct one as shown; each column says which block of z "
                + "its value really came from"
        case .notReached(let d, let t, let needed, let taken, let n):
            "compare draft \(d) t=\(t) needs the state before that step: take \(needed) \(d) "
                + "\(Plural.word(needed, "step")) first (\(d) has taken \(taken) of \(n))"
        case .outOfRange(let key, let value, let last):
            "\(key)=\(value) is out of range: \(key) goes from 0 to \(last)"
        case .packed:
            "compare draft reads full-length steps: with lengths each sequence has its own clock; "
                + "'lengths none' first"
        }
    }

    public var chinese: String {
        switch self {
        case .header(let d, let t, let b, let step, let n):
            "compare draft \(d) t=\(t) b=\(b)：第 \(step)/\(n) 步；两种写法都从同一个 h_prev、c_prev "
                + "和同一个 z = x_t·W_ihᵀ + b_ih + h_prev·W_hhᵀ + b_hh 出发"
        case .blocks(let layout): "z 的各块（按 nn.LSTM 的存放顺序命名）：\(layout)"
        case .correctLines: "正确：i, f, g, o = z.chunk(4, 1)；  i, f, g, o = σ(i), σ(f), tanh(g), σ(o)"
        case .draftLines: "草稿：f, i, o, g = z.chunk(4, 1)；  f, i, o, g = σ(f), σ(i), tanh(g), σ(o)"
        case .correctTitle: "正确（nn.LSTM）"
        case .draftTitle: "教程的草稿"
        case .unit: "单元"
        case .stateTitle: "两者的新状态（c = f ⊙ c_prev + i ⊙ g，h = o ⊙ tanh(c)）"
        case .legend: "* = 草稿的值与正确的值（按显示的位数）不同；每列都标出值实际来自 z 的哪一块"
        case .notReached(let d, let t, let needed, let taken, let n):
            "compare draft \(d) t=\(t) 需要这一步之前的状态：先让 \(d) 走 \(needed) 步（\(d) 已走 \(taken)/\(n) 步）"
        case .outOfRange(let key, let value, let last): "\(key)=\(value) 超出范围：\(key) 只能取 0 到 \(last)"
        case .packed: "compare draft 只读完整长度的步：设了 lengths 时每个序列有自己的时钟；请先 'lengths none'"
        }
    }
}
