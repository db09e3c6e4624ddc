/// The captions of the views that change with layers or lengths and had no catalog entry:
/// the padding note, the `[2L, B, H]` initial states, and the hidden states over time with
/// each sequence on its own clock.
public enum StackViewMessage: Localized, Equatable {
    /// `padding (never read; 0 here): b=0 t=3..5, b=2 t=2..5`.
    case paddingNote(positions: String)
    case initialCaption(hidden: Bool)
    case initialOrigin(loaded: String?)
    /// `layer` is nil with one layer.
    case forwardOverTime(layer: Int?)
    case backwardOverTime(layer: Int?)
    case backwardProcessing(layer: Int?)
    /// `b=0 k=0..2, b=1 k=0..5`.
    case ownSteps(ranges: String)

    public var english: String {
        switch self {
        case .paddingNote(let p): "padding (never read; 0 here): \(p)"
        case .initialCaption(let hidden): "initial \(hidden ? "hidden" : "cell") state, [2L, B, H]"
        case .initialOrigin(let loaded): loaded.map { "loaded with 'load \($0)'" } ?? "zeros (nothing loaded)"
        case .forwardOverTime(let l):
            Self.layer(l) + "forward hidden states in time order; sequence b stops at t = len_b − 1"
        case .backwardOverTime(let l):
            Self.layer(l)
                + "backward hidden states in time order: sequence b's backward direction started at its own "
                + "last step t = len_b − 1"
        case .backwardProcessing(let l):
            Self.layer(l)
                + "backward hidden states in each sequence's processing order: h_b_rev[k] of sequence b read "
                + "t = len_b − 1 − k"
        case .ownSteps(let ranges): "each sequence takes len_b steps (0 after them): \(ranges)"
        }
    }

    public var chinese: String {
        switch self {
        case .paddingNote(let p): "填充位置（从不读取，这里为 0）：\(p)"
        case .initialCaption(let hidden): "初始\(hidden ? "隐藏状态" : "细胞状态")，[2L, B, H]"
        case .initialOrigin(let loaded): loaded.map { "用 load \($0) 载入" } ?? "全零（没有载入）"
        case .forwardOverTime(let l): Self.layerZh(l) + "按时间顺序的前向隐藏状态；序列 b 在 t = len_b − 1 处停下"
        case .backwardOverTime(let l):
            Self.layerZh(l) + "按时间顺序的反向隐藏状态：序列 b 的反向从它自己的最后一步 t = len_b − 1 开始"
        case .backwardProcessing(let l):
            Self.layerZh(l) + "按每个序列自己的处理顺序排列的反向隐藏状态：序列 b 的 h_b_rev[k] 读的是 t = len_b − 1 − k"
        case .ownSteps(let ranges): "每个序列走 len_b 步（之后为 0）：\(ranges)"
        }
    }

    private static func layer(_ l: Int?) -> String { l.map { "layer \($0) " } ?? "" }
    private static func layerZh(_ l: Int?) -> String { l.map { "第 \($0) 层：" } ?? "" }
}
