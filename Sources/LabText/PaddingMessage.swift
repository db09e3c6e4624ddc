/// The words about sequence lengths and padding (issue 18): what `input text`
/// says about the lengths it set, the legends of the padding marks, the
/// diagram's sequence ends, and the per-layer over-time names.
public enum PaddingMessage: Localized, Equatable {
    /// After a mark (`pad`, `░`): what it means.
    case legend
    /// `input text`'s line when the strings differ in length.
    case textLengths(lengths: String, padding: String)
    /// The label of the diagram's row for sequence b.
    case diagramEndRow(b: Int, length: Int)
    /// Under the diagram's sequence rows.
    case diagramEndsNote(more: Int)
    /// A per-step view at t: which rows are padding there.
    case stepRowsNote(t: Int, rows: String)
    /// `trace`: how many of the steps are sequence b's own.
    case traceOwnSteps(b: Int, length: Int, steps: Int)
    /// A name with `_lN` for a layer the model does not have.
    case noSuchLayer(name: String, layer: Int, count: Int)
    /// The caption of one step's rows when each sequence is on its own clock.
    case stepRowsCaption(layer: Int?, forward: Bool, name: String, t: Int?)
    /// A step view at t that some sequence has not reached yet.
    case stepNotComputed(name: String, direction: String, t: Int, b: Int, position: String)
    /// The last step did not move these sequences (they had finished).
    case finishedRows(rows: String, direction: String)
    /// Under `bench` on the session's stack.
    case benchSession(steps: Int, length: Int)

    public var english: String {
        switch self {
        case .legend: "= padding: past that sequence's length, never read (0 in the numbers)"
        case .textLengths(let lengths, let padding):
            "lengths \(lengths) set from the strings (packed: each sequence stops at its own last character and its "
                + "backward direction starts there); padding \(padding) is never read; "
                + "'lengths none' runs the padded batch as nn.LSTM does without packing"
        case .diagramEndRow(let b, let n): "b=\(b) len \(n)"
        case .diagramEndsNote(let more):
            "▶ ◀ = the forward, backward direction has read t of that sequence; ┤ = its last real step: forward "
                + "stops there, backward starts there; pad = never read"
                + (more > 0 ? " (\(more) more sequences not drawn)" : "")
        case .stepRowsNote(let t, let rows): "t=\(t) is padding for \(rows): no step read it"
        case .traceOwnSteps(let b, let n, let steps):
            "sequence b=\(b) has length \(n): its own steps are the first \(n) of \(steps); "
                + "the rows after them are padding (rows of longer sequences' steps)"
        case .noSuchLayer(let name, let layer, let count):
            "\(name) names layer \(layer), but the model has \(Plural.count(count, "layer")) (l0…l\(count - 1))"
        case .stepRowsCaption(let layer, let forward, let name, let t):
            (layer.map { "layer \($0) " } ?? "")
                + "\(forward ? "forward" : "backward") \(name) of each sequence's own step"
                + (t.map { " at t=\($0)" } ?? " (the last one taken)")
                + ": the rows read different steps k when the lengths differ"
        case .stepNotComputed(let name, let d, let t, let b, let position):
            "\(name) \(d) at t=\(t) is not computed yet for b=\(b) (\(position))"
        case .finishedRows(let rows, let d):
            "\(rows) had finished: the last \(d) step moved only longer sequences (show gates \(d) t=N for its own steps)"
        case .benchSession(let steps, let length):
            "on the session's weights, input and lengths (each direction takes \(steps) of T=\(length) steps and "
                + "computes only the sequences still running)"
        }
    }

    public var chinese: String {
        switch self {
        case .legend: "= 填充：超出该序列的长度，从不读取（数字处为 0）"
        case .textLengths(let lengths, let padding):
            "已按字符串设置 lengths \(lengths)（packed：每个序列在自己的最后一个字符处停下，反向也从那里开始）；"
                + "填充位置 \(padding) 从不读取；'lengths none' 则像不打包的 nn.LSTM 那样运行补齐后的批次"
        case .diagramEndRow(let b, let n): "b=\(b) 长 \(n)"
        case .diagramEndsNote(let more):
            "▶ ◀ = 前向、反向已读过该序列的 t；┤ = 它最后一个真实时间步：前向在此停下，反向从此开始；pad = 从不读取"
                + (more > 0 ? "（另有 \(more) 个序列未画出）" : "")
        case .stepRowsNote(let t, let rows): "t=\(t) 对 \(rows) 是填充：没有任何一步读取它"
        case .traceOwnSteps(let b, let n, let steps):
            "序列 b=\(b) 的长度为 \(n)：\(steps) 步中只有前 \(n) 步属于它；其后的行是填充（属于更长序列的步）"
        case .noSuchLayer(let name, let layer, let count):
            "\(name) 指的是第 \(layer) 层，但模型只有 \(count) 层（l0…l\(count - 1)）"
        case .stepRowsCaption(let layer, let forward, let name, let t):
            (layer.map { "第 \($0) 层：" } ?? "") + "每个序列自己那一步的\(forward ? "前向" : "反向") \(name)"
                + (t.map { "（t=\($0)）" } ?? "（最近一步）")
                + "：长度不同时，各行读的是不同的步 k"
        case .stepNotComputed(let name, let d, let t, let b, let position):
            "\(name) \(d) 在 t=\(t) 处对 b=\(b) 尚未计算（\(position)）"
        case .finishedRows(let rows, let d):
            "\(rows) 已经结束：最近的 \(d) 一步只推进了更长的序列（用 show gates \(d) t=N 看它自己的步）"
        case .benchSession(let steps, let length):
            "用本会话的权重、输入和长度（每个方向走 \(steps)/T=\(length) 步，只计算还没走完的序列）"
        }
    }
}
