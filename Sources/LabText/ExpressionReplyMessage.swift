/// What the commands around expressions say: `save EXPR to PATH`, `let`, `spark EXPR`,
/// `vars`, a value that is not a tensor, a task check, and a lesson's name read with indices.
public enum ExpressionReplyMessage: Localized, Equatable {
    case saved(expression: String, shape: String, path: String)
    case saveNeedsTensor(expression: String, type: ExpressionType)
    case letOverMemory(name: String, need: String, limit: String)
    case sparkNeedsSequence(expression: String, shape: String)
    /// Ctrl-C during an expression (after `interrupted: `).
    case stopped
    case tuple(name: String, count: Int)
    case function(name: String)
    case module(name: String)
    case noVariables
    /// The detail line of a printed integer or boolean tensor.
    case integerValues
    case booleanValues
    /// A task check or `wrong:` line whose expression is not one number.
    case checkNotANumber(check: String)
    case numberTakesNoIndex(name: String)
    case gateNeedsTwo(name: String)
    case timeIndexFirst(name: String)
    case nameIndexOutOfBounds(index: Int, name: String, size: Int)
    case indexCount(name: String, shape: String, count: Int, given: Int)

    public var english: String {
        switch self {
        case .saved(let e, let shape, let path):
            "saved \(e) \(shape) to \(path) (float32 .npy: numpy.load or torch.from_numpy(numpy.load(…)))"
        case .saveNeedsTensor(let e, let t): "save writes a tensor: \(e) is a \(t.english)"
        case .letOverMemory(let name, let need, let limit):
            "\(name) would bring the variables to about \(need), over the memory limit of \(limit); use 'unlet' first"
        case .sparkNeedsSequence(let e, let shape):
            "spark draws a sequence: \(e) is \(shape); index it down to [T] or [T, N], as in c_f[:, 0, 5] or h_f[:, 0]"
        case .stopped: "the expression was stopped; the session is as it was"
        case .tuple(let name, let n): "\(name): a tuple of \(n)" + (n == 0 ? "" : "; each below as \(name)[i]")
        case .function(let n): "function \(n): call it, as in \(n)(…)"
        case .module(let n): "module \(n)"
        case .noVariables: "no variables yet (make one with 'let NAME = EXPR')"
        case .integerValues: "values (integers)"
        case .booleanValues: "values (1 = true, 0 = false)"
        case .checkNotANumber(let check): "a check must give one number: \(check)"
        case .numberTakesNoIndex(let name): "\(name) is a number: it takes no index"
        case .gateNeedsTwo(let name): "\(name) is [B, H]: give [b, unit]"
        case .timeIndexFirst(let name): "\(name) is [T, …]: give a time index first"
        case .nameIndexOutOfBounds(let i, let name, let size):
            "index \(i) is out of bounds for \(name) with size \(size)"
        case .indexCount(let name, let shape, let n, let given): "\(name) is \(shape): give \(n) indices, not \(given)"
        }
    }

    public var chinese: String {
        switch self {
        case .saved(let e, let shape, let path):
            "已把 '\(e)' \(shape) 存到 \(path)（float32 .npy，可用 numpy.load 或 torch.from_numpy(numpy.load(…)) 读回）"
        case .saveNeedsTensor(let e, let t): ChineseText.join("save 只能写出张量：'\(e)' 是", t.chinese)
        case .letOverMemory(let name, let need, let limit):
            "\(name) 会让变量共占用约 \(need)，超过内存上限 \(limit)；请先用 'unlet' 删掉一些变量"
        case .sparkNeedsSequence(let e, let shape):
            "spark 画的是序列：'\(e)' 的形状是 \(shape)；请用下标把它取到 [T] 或 [T, N]，例如 c_f[:, 0, 5] 或 h_f[:, 0]"
        case .stopped: "表达式停止了计算，会话保持原样"
        case .tuple(let name, let n): "\(name)：含 \(n) 项的元组" + (n == 0 ? "" : "；下面逐项显示为 \(name)[i]")
        case .function(let n): "函数 \(n)：要调用它，例如 \(n)(…)"
        case .module(let n): "模块 \(n)"
        case .noVariables: "还没有变量（用 'let NAME = EXPR' 定义一个）"
        case .integerValues: "数值都是整数"
        case .booleanValues: "数值是布尔值（1 = 真，0 = 假）"
        case .checkNotANumber(let check): "检查条件必须算出一个数：'\(check)'"
        case .numberTakesNoIndex(let name): "\(name) 是一个数，不能加下标"
        case .gateNeedsTwo(let name): "\(name) 的形状是 [B, H]：请给出 [b, unit]"
        case .timeIndexFirst(let name): "\(name) 的形状是 [T, …]：请先给出时间下标"
        case .nameIndexOutOfBounds(let i, let name, let size): "下标 \(i) 超出 \(name) 的范围（大小是 \(size)）"
        case .indexCount(let name, let shape, let n, let given): "\(name) 的形状是 \(shape)：要给 \(n) 个下标，不是 \(given) 个"
        }
    }
}
