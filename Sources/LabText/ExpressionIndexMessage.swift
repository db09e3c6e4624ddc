/// Expression errors about indexing (`x[…]`, `t.shape[1]`): what may index, how
/// many indices, slices, masks and index lists. The English is PyTorch's and Python's own.
public enum ExpressionIndexMessage: Localized, Equatable {
    case notSubscriptable(type: ExpressionType)
    /// `t.shape[0, 1]`: a sequence takes one index.
    case tupleIndexIsTuple
    case tupleIndexOutOfRange
    case tupleIndexKind
    case sliceStepZero
    case sliceStepNegative
    case floatIndex
    case maskRank
    case indexTensorType
    case indexListRank
    /// An index list holding a value that is not a finite integer.
    case indexNotFinite(value: String)
    case singleEllipsis
    case tooManyIndices(rank: Int)
    case maskShape(mask: Int, size: Int)
    /// Index lists of different lengths (none of them 1).
    case indexBroadcast(shapes: String)

    public var english: String {
        switch self {
        case .notSubscriptable(let t): "'\(t.english)' object is not subscriptable"
        case .tupleIndexIsTuple: "tuple indices must be integers or slices, not tuple"
        case .tupleIndexOutOfRange: "tuple index out of range"
        case .tupleIndexKind: "tuple indices must be integers or slices"
        case .sliceStepZero: "slice step cannot be zero"
        case .sliceStepNegative: "step must be greater than zero"
        case .floatIndex:
            "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)"
        case .maskRank: "only 1-D boolean masks are supported here"
        case .indexTensorType: "tensors used as indices must be long, int, byte or bool tensors"
        case .indexListRank: "only 1-D index lists are supported here"
        case .indexNotFinite(let x): "index \(x) is out of bounds"
        case .singleEllipsis: "an index can only have a single ellipsis ('...')"
        case .tooManyIndices(let rank): "too many indices for tensor of dimension \(rank)"
        case .maskShape(let m, let size):
            "The shape of the mask [\(m)] at index 0 does not match the shape of the indexed tensor [\(size)] at index 0"
        case .indexBroadcast(let shapes):
            "shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)"
        }
    }

    public var chinese: String {
        switch self {
        case .notSubscriptable(let t): ChineseText.join(t.chinese, "不能加下标")
        case .tupleIndexIsTuple: "元组的下标只能是一个整数或切片，不能是元组"
        case .tupleIndexOutOfRange: "元组的下标超出范围"
        case .tupleIndexKind: "元组的下标只能是整数或切片"
        case .sliceStepZero: "切片的步长不能是 0"
        case .sliceStepNegative: "切片的步长必须大于 0（要倒序，请用 flip）"
        case .floatIndex: "下标只能是整数、切片（`:`）、省略号（`...`）、None 或整数张量，不能是浮点数"
        case .maskRank: "这里只支持一维的布尔掩码"
        case .indexTensorType: "用作下标的张量必须是整数张量或布尔张量"
        case .indexListRank: "这里只支持一维的下标列表"
        case .indexNotFinite(let x): "下标 \(x) 超出范围"
        case .singleEllipsis: "一个下标里只能有一个省略号（'...'）"
        case .tooManyIndices(let rank): "下标太多：这个张量只有 \(rank) 维"
        case .maskShape(let m, let size): "布尔掩码的长度（\(m)）和被索引的那一维的大小（\(size)）不一致"
        case .indexBroadcast(let shapes): "形状不匹配：用作下标的几个张量无法一起广播（形状分别是 \(shapes)）"
        }
    }
}
