/// The words around the output layer (nn.Linear(2H, K)): `show pred`, `show logits`
/// and the diagram's head lines. Class names come from the model's file and stay as they are.
public enum HeadMessage: Localized, Equatable {
    case predTitle(batch: Int, length: Int)
    case classes(list: String)
    case ablatedLabel
    case ablatedSees(forward: Bool, setting: String)
    case computed(runs: String, last: Int)
    case computedNothing
    case notComputedMark
    case columns(text: Bool)
    case logitsCaption(classes: String)
    case logitsAblated(forward: Bool)
    case logitsOrigin(classes: Int, width: Int, ablated: String, head: String)
    case logitsDetail
    case diagramHeadWeight(forward: Bool)

    public var english: String {
        switch self {
        case .predTitle(let b, let t): "[\(b), \(t)]  axes (b, t): the most likely class at each position"
        case .classes(let list): "classes: \(list); probability = softmax(logits)"
        case .ablatedLabel: "ablated:"
        case .ablatedSees(let f, let setting):
            "the head sees y with h_\(f ? "f" : "b") set to 0 (set ablate \(setting))"
        case .computed(let runs, let last): "computed: \(runs) of 0..\(last)"
        case .computedNothing: "computed: nothing yet"
        case .notComputedMark: "= not computed yet"
        case .columns(let text):
            text
                ? "(columns: t, last digit; first line: the input, _ = zero-row padding; second: the prediction)"
                : "(columns: t, last digit)"
        case .logitsCaption(let classes): "the head's scores per position, one column per class: \(classes)"
        case .logitsAblated(let f): " with h_\(f ? "f" : "b") set to 0 (set ablate)"
        case .logitsOrigin(let k, let w, let ablated, let head):
            "logits = y·Wᵀ + bias = h_f·w3ᵀ + h_b·w6ᵀ + bias, W [\(k), \(w)]\(ablated); head \(head)"
        case .logitsDetail: "a position shows as soon as the halves of y it reads are computed"
        case .diagramHeadWeight(let f): f ? "forward h_f[t] → output" : "backward h_b[t] → output"
        }
    }

    public var chinese: String {
        switch self {
        case .predTitle(let b, let t): "[\(b), \(t)]  轴 (b, t)：每个位置最可能的类别"
        case .classes(let list): "类别：\(list)；概率 = softmax(logits)"
        case .ablatedLabel: "已消融："
        case .ablatedSees(let f, let setting): "输出层看到的 y 中 h_\(f ? "f" : "b") 被置为 0（set ablate \(setting)）"
        case .computed(let runs, let last): "已算出：0..\(last) 中的 \(runs)"
        case .computedNothing: "已算出：还没有"
        case .notComputedMark: "= 还没有算出"
        case .columns(let text):
            text ? "（列：t 的个位数；第一行：输入，_ = 全零填充；第二行：预测）" : "（列：t 的个位数）"
        case .logitsCaption(let classes): "输出层在每个位置的得分，每个类别一列：\(classes)"
        case .logitsAblated(let f): "，其中 h_\(f ? "f" : "b") 被置为 0（set ablate）"
        case .logitsOrigin(let k, let w, let ablated, let head):
            "logits = y·Wᵀ + bias = h_f·w3ᵀ + h_b·w6ᵀ + bias，W [\(k), \(w)]\(ablated)；输出层：\(head)"
        case .logitsDetail: "一个位置读取的 y 的两半都算出后，这个位置就会显示"
        case .diagramHeadWeight(let f): f ? "前向 h_f[t] → 输出" : "反向 h_b[t] → 输出"
        }
    }
}
