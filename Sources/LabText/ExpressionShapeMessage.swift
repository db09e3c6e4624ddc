/// Expression errors about shapes: reshaping, permuting, joining, splitting,
/// creating, reducing and multiplying tensors whose sizes do not fit. The
/// English is PyTorch's own (the PyTorch table test compares it); shapes are
/// given as written (`[2, 3]`).
public enum ExpressionShapeMessage: Localized, Equatable {
    case permuteLength(rank: Int, dims: Int)
    case permuteDuplicate
    case inferOnlyOne
    case invalidDimension(size: Int, index: Int, shape: String)
    case reshapeSize(shape: String, size: Int)
    case dimRepeated(dim: Int)
    case chunkCount(chunks: Int)
    case chunkScalar
    case catEmpty
    case catScalar(position: Int)
    case catRank(first: Int, got: Int)
    case catSizes(dimension: Int, expected: Int, got: Int, tensor: Int)
    case stackEmpty
    case stackSizes(first: String, got: String, entry: Int)
    /// `zeros`, `ones`, `full` with a negative size.
    case negativeSize(function: String)
    /// `eye(n, m)` with `n` or `m` below 0.
    case eyeNegative(label: String, got: Int)
    case arangeStepZero
    case arangeSign
    /// A nested `[…]` literal whose rows differ in length.
    case literalLength(expected: Int, got: Int)
    case reductionEmpty(function: String)
    case matmulScalar(left: Int, right: Int)
    case dotSizes(left: Int, right: Int)
    case matrixVector(rows: Int, columns: Int, vector: Int)
    /// `F.linear`'s bias with more dimensions than the product.
    case expandRank(target: Int, tensor: Int)
    case expandedSize(target: Int, existing: Int, dimension: Int, targetShape: String, tensorShape: String)
    case transposeRank(rank: Int)
    case matrixTransposeRank(rank: Int)
    case flattenOrder
    case itemCount(count: Int)

    public var english: String {
        switch self {
        case .permuteLength(let rank, let dims):
            "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(rank) is not equal to len(dims) = \(dims)"
        case .permuteDuplicate: "permute(): duplicate dims are not allowed."
        case .inferOnlyOne: "only one dimension can be inferred"
        case .invalidDimension(let d, let i, let shape): "invalid shape dimension \(d) at index \(i) of shape \(shape)"
        case .reshapeSize(let shape, let n): "shape '\(shape)' is invalid for input of size \(n)"
        case .dimRepeated(let n): "dim \(n) appears multiple times in the list of dims"
        case .chunkCount(let c): "chunk expects `chunks` to be greater than 0, got: \(c)"
        case .chunkScalar: "chunk expects at least a 1-dimensional tensor"
        case .catEmpty: "torch.cat(): expected a non-empty list of Tensors"
        case .catScalar(let p): "zero-dimensional tensor (at position \(p)) cannot be concatenated"
        case .catRank(let a, let b): "Tensors must have same number of dimensions: got \(a) and \(b)"
        case .catSizes(let d, let e, let g, let k):
            "Sizes of tensors must match except in dimension \(d). Expected size \(e) but got size \(g) for tensor number \(k) in the list."
        case .stackEmpty: "stack expects a non-empty TensorList"
        case .stackSizes(let a, let b, let k):
            "stack expects each tensor to be equal size, but got \(a) at entry 0 and \(b) at entry \(k)"
        case .negativeSize(let f): "\(f): Dimension size must be non-negative."
        case .eyeNegative(let l, let v): "\(l) must be greater or equal to 0, got \(v)"
        case .arangeStepZero: "step must be nonzero"
        case .arangeSign: "upper bound and larger bound inconsistent with step sign"
        case .literalLength(let e, let g): "expected sequence of length \(e) at dim 1 (got \(g))"
        case .reductionEmpty(let f):
            "\(f)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument."
        case .matmulScalar(let a, let b):
            "both arguments to matmul need to be at least 1D, but they are \(a)D and \(b)D"
        case .dotSizes(let a, let b):
            "inconsistent tensor size, expected tensor [\(a)] and src [\(b)] to have the same number of elements, but got \(a) and \(b) elements respectively"
        case .matrixVector(let r, let c, let v): "size mismatch, got input (\(r)), mat (\(r)x\(c)), vec (\(v))"
        case .expandRank(let y, let b):
            "The expand size of the tensor must be at least the number of dimensions: got \(y) and \(b)"
        case .expandedSize(let t, let e, let d, let ts, let s):
            "The expanded size of the tensor (\(t)) must match the existing size (\(e)) at non-singleton dimension \(d).  Target sizes: \(ts).  Tensor sizes: \(s)"
        case .transposeRank(let r): "t() expects a tensor with <= 2 dimensions, but self is \(r)D"
        case .matrixTransposeRank(let r):
            "tensor.mT is only supported on matrices or batches of matrices. Got \(r)-D tensor."
        case .flattenOrder: "flatten() has invalid args: start_dim cannot come after end_dim"
        case .itemCount(let n): "a Tensor with \(n) elements cannot be converted to Scalar"
        }
    }

    public var chinese: String {
        switch self {
        case .permuteLength(let rank, let dims): "permute() 给出的维度顺序有 \(dims) 项，但张量有 \(rank) 维"
        case .permuteDuplicate: "permute() 的维度不能重复"
        case .inferOnlyOne: "只能有一个维度写成 -1 来自动推断"
        case .invalidDimension(let d, let i, let shape): "形状 \(shape) 的第 \(i) 项是 \(d)，不是有效的维度大小"
        case .reshapeSize(let shape, let n): "形状 '\(shape)' 和张量的元素个数 \(n) 对不上"
        case .dimRepeated(let n): "第 \(n) 维在维度列表里出现了不止一次"
        case .chunkCount(let c): "chunk() 的参数 'chunks'（块数）必须大于 0，实际是 \(c)"
        case .chunkScalar: "chunk() 需要至少一维的张量"
        case .catEmpty: "torch.cat() 需要一个非空的张量列表"
        case .catScalar(let p): "第 \(p) 个张量是零维的，不能拼接"
        case .catRank(let a, let b): "拼接的张量维数必须相同：这里是 \(a) 维和 \(b) 维"
        case .catSizes(let d, let e, let g, let k): "除第 \(d) 维外，拼接的张量大小必须一致：应是 \(e)，列表中第 \(k) 个张量却是 \(g)"
        case .stackEmpty: "stack() 需要一个非空的张量列表"
        case .stackSizes(let a, let b, let k): "stack() 要求每个张量形状相同：第 0 个是 \(a)，第 \(k) 个是 \(b)"
        case .negativeSize(let f): "\(f)()：维度大小不能是负数"
        case .eyeNegative(let l, let v): "eye() 的参数 \(l) 必须大于等于 0，实际是 \(v)"
        case .arangeStepZero: "arange() 的步长不能是 0"
        case .arangeSign: "arange() 的步长方向与从起点到终点的方向相反"
        case .literalLength(let e, let g): "嵌套列表长短不一：第 1 维应是长度为 \(e) 的序列，实际长度是 \(g)"
        case .reductionEmpty(let f): "\(f)()：输入是空张量，要用参数 'dim' 指定沿哪一维计算"
        case .matmulScalar(let a, let b): "矩阵乘法的两个参数都至少要是一维的，这里是 \(a) 维和 \(b) 维"
        case .dotSizes(let a, let b): "两个向量的长度不同（\(a) 和 \(b)），无法做点积"
        case .matrixVector(let r, let c, let v): "矩阵和向量的形状不匹配：矩阵是 \(r)x\(c)，向量长度是 \(v)，应等于矩阵的列数"
        case .expandRank(let y, let b): "张量无法扩展：目标形状只有 \(y) 维，张量却有 \(b) 维"
        case .expandedSize(let t, let e, let d, let ts, let s):
            "张量第 \(d) 维的大小 \(e) 无法扩展成 \(t)（目标形状 \(ts)，张量形状 \(s)）"
        case .transposeRank(let r): "t() 只能用于不超过 2 维的张量，这里是 \(r) 维"
        case .matrixTransposeRank(let r): ".mT 只能用于矩阵或一批矩阵，这里是 \(r) 维张量"
        case .flattenOrder: "flatten() 的参数不对：start_dim 不能在 end_dim 之后"
        case .itemCount(let n): "有 \(n) 个元素的张量不能转成一个数（item() 只用于单个元素）"
        }
    }
}
