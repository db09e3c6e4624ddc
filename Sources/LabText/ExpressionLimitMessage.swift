/// An expression refused before it is computed (over the memory or compute
/// limit, too many elements to count) or stopped by Ctrl-C.
public enum ExpressionLimitMessage: Localized, Equatable {
    /// What would be too large: an operation's result, as the limit messages name it.
    public enum What: Equatable, Sendable {
        case indexed, product, permuted, reshaped, flipped, chunk, concatenated, literal
        /// `the result of '+'`
        case result(op: String)
        /// A call as written: `sum(…)`, `zeros(2, 3)`, `arange`.
        case call(text: String)

        var english: String {
            switch self {
            case .indexed: "the indexed tensor"
            case .product: "the product '@'"
            case .permuted: "the permuted tensor"
            case .reshaped: "the reshaped tensor"
            case .flipped: "the flipped tensor"
            case .chunk: "a chunk"
            case .concatenated: "the concatenated tensor"
            case .literal: "the tensor literal"
            case .result(let op): "the result of '\(op)'"
            case .call(let text): text
            }
        }

        var chinese: String {
            switch self {
            case .indexed: "索引得到的张量"
            case .product: "乘积 '@'"
            case .permuted: "重排维度后的张量"
            case .reshaped: "改变形状后的张量"
            case .flipped: "翻转后的张量"
            case .chunk: "切出的一块"
            case .concatenated: "拼接后的张量"
            case .literal: "张量字面量"
            case .result(let op): "'\(op)' 的结果"
            case .call(let text): text
            }
        }
    }

    case interrupted
    case tooManyToCount(what: What, shape: String)
    case memory(what: What, shape: String, need: String, limit: String)
    case compute(what: What, need: String, limit: String)
    case batchTooMany(shape: String)
    case arangeTooMany(count: String)

    public var english: String {
        switch self {
        case .interrupted: "interrupted: the expression was stopped"
        case .tooManyToCount(let w, let s): "\(w.english) would have \(s) elements: too many to count"
        case .memory(let w, let s, let need, let limit):
            "\(w.english) of shape \(s) would bring the expression to about \(need), over the memory limit of \(limit) (start with --memory-limit MiB to raise it)"
        case .compute(let w, let need, let limit):
            "\(w.english) would bring the expression to about \(need) of floating-point work, over the compute limit of \(limit) (start with --compute-limit GFLOP to raise it)"
        case .batchTooMany(let s): "the product '@' would have a batch of \(s): too many to count"
        case .arangeTooMany(let c): "arange would have \(c) elements: too many to count"
        }
    }

    public var chinese: String {
        switch self {
        case .interrupted: "已中断：表达式停止了计算"
        case .tooManyToCount(let w, let s): ChineseText.join(w.chinese, "的形状会是 \(s)，元素多得无法计数")
        case .memory(let w, let s, let need, let limit):
            ChineseText.join(w.chinese, "（形状 \(s)）会让表达式占用约 \(need)，超过内存上限 \(limit)（启动时加 --memory-limit MiB 可以调高）")
        case .compute(let w, let need, let limit):
            ChineseText.join(
                w.chinese, "会让表达式的浮点运算量达到约 \(need)，超过计算量上限 \(limit)（启动时加 --compute-limit GFLOP 可以调高）")
        case .batchTooMany(let s): "乘积 '@' 的批量形状会是 \(s)，多得无法计数"
        case .arangeTooMany(let c): "arange() 会有 \(c) 个元素，多得无法计数"
        }
    }
}
