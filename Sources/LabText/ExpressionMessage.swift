/// Expression errors as facts. The English is PyTorch's own message where PyTorch
/// has one (the PyTorch table test compares it); the Chinese words the same facts.
public enum ExpressionMessage: Localized, Equatable {
    /// Why a step of an over-time name is missing.
    public enum Missing: Equatable, Sendable {
        case direction(layer: Int?, forward: Bool, taken: Int, total: Int)
        case layerNotVisited(layer: Int, t: Int)

        var english: String {
            switch self {
            case .direction(let layer, let f, let taken, let total):
                "the \(layer.map { "layer \($0) " } ?? "")\(f ? "forward" : "backward") direction has taken "
                    + "\(taken) of \(total) steps"
            case .layerNotVisited(let l, let t): "layer \(l) has not visited t=\(t) in both directions"
            }
        }

        var chinese: String {
            switch self {
            case .direction(let layer, let f, let taken, let total):
                "\(layer.map { "第 \($0) 层的" } ?? "")\(f ? "前向" : "反向")走了 \(taken)/\(total) 步"
            case .layerNotVisited(let l, let t): "第 \(l) 层还没有在两个方向上都走到 t=\(t)"
            }
        }
    }

    case notComputed(name: String, index: String, missing: Missing?)
    case undefinedName(name: String, suggestion: String?)
    case matmulShapes(left: String, right: String)
    case batchMatmul(batch: Int, rows: Int, got: Int)
    case broadcast(left: Int, right: Int, dimension: Int)
    case indexOutOfBounds(index: Int, dimension: Int, size: Int)
    case dimensionOutOfRange(low: Int, high: Int, got: Int)
    case expectedExpression
    case unexpectedAfter(token: String)
    case unexpected(token: String)
    case neverClosed(bracket: String)
    case expected(what: String, got: String)
    case endsTooEarly
    case call(ExpressionCallMessage)
    case index(ExpressionIndexMessage)
    case shape(ExpressionShapeMessage)
    case syntax(ExpressionSyntaxMessage)
    case limit(ExpressionLimitMessage)
    /// A per-layer name (`c_f_l3`) for a layer the model does not have.
    case padding(PaddingMessage)
    /// `i_f`, `z_b`, …: the latest step's, before the direction has taken one.
    case noStepYet(name: String, forward: Bool, short: String)
    /// Values from outside (a session tensor) that do not fill their shape.
    case valuesDoNotFill(name: String, count: Int, shape: String)
    /// A step's stored gates of the wrong length (an internal check).
    case gatesCount(name: String, count: Int, expected: Int)

    public var english: String {
        switch self {
        case .notComputed(let name, let index, let missing):
            "\(name)[\(index)] is not computed yet: \(missing?.english ?? "")"
        case .undefinedName(let n, let s): "name '\(n)' is not defined" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        case .matmulShapes(let a, let b): "mat1 and mat2 shapes cannot be multiplied (\(a) and \(b))"
        case .batchMatmul(let nb, let k, let k2):
            "Expected size for first two dimensions of batch2 tensor to be: [\(nb), \(k)] but got: [\(nb), \(k2)]."
        case .broadcast(let a, let b, let i):
            "The size of tensor a (\(a)) must match the size of tensor b (\(b)) at non-singleton dimension \(i)"
        case .indexOutOfBounds(let i, let d, let size):
            "index \(i) is out of bounds for dimension \(d) with size \(size)"
        case .dimensionOutOfRange(let low, let high, let got):
            "Dimension out of range (expected to be in range of [\(low), \(high)], but got \(got))"
        case .expectedExpression: "expected an expression"
        case .unexpectedAfter(let t): "unexpected '\(t)' after the expression"
        case .unexpected(let t): "unexpected '\(t)'"
        case .neverClosed(let b): "'\(b)' was never closed"
        case .expected(let what, let got): "expected '\(what)', got '\(got)'"
        case .endsTooEarly: "the expression ends too early"
        case .call(let m): m.english
        case .index(let m): m.english
        case .shape(let m): m.english
        case .syntax(let m): m.english
        case .limit(let m): m.english
        case .padding(let m): m.english
        case .noStepYet(let name, let f, let short):
            "\(name) is the current \(f ? "forward" : "backward") step's, and the \(f ? "forward" : "backward") direction "
                + "has not taken a step yet (try 'step \(short)')"
        case .valuesDoNotFill(let name, let count, let shape):
            "\(name) has \(count) values, which do not fill its shape \(shape)"
        case .gatesCount(let name, let count, let expected):
            "\(name): the step's gates have \(count) values, not B·4H = \(expected)"
        }
    }

    public var chinese: String {
        switch self {
        case .notComputed(let name, let index, let missing):
            "\(name)[\(index)] 还没有算出" + (missing.map { "：\($0.chinese)" } ?? "")
        case .undefinedName(let n, let s): "没有名为 '\(n)' 的量" + (s.map { "（你是不是想输入 '\($0)'？）" } ?? "")
        case .matmulShapes(let a, let b): "两个矩阵的形状不能相乘（\(a) 和 \(b)：左边的列数要等于右边的行数）"
        case .batchMatmul(let nb, let k, let k2):
            "批量矩阵乘法的形状不匹配：右边张量的前两维应是 [\(nb), \(k)]，实际是 [\(nb), \(k2)]"
        case .broadcast(let a, let b, let i): "张量 a 的大小（\(a)）和张量 b 的大小（\(b)）在第 \(i) 维上不一致，无法广播"
        case .indexOutOfBounds(let i, let d, let size): "下标 \(i) 超出第 \(d) 维的范围（这一维的大小是 \(size)）"
        case .dimensionOutOfRange(let low, let high, let got): "维度超出范围：应在 \(low) 到 \(high) 之间，实际是 \(got)"
        case .expectedExpression: "这里应该是一个表达式"
        case .unexpectedAfter(let t): "表达式后面多了 '\(t)'"
        case .unexpected(let t): "这里不应出现 '\(t)'"
        case .neverClosed(let b): "'\(b)' 没有闭合"
        case .expected(let what, let got): "这里应该是 '\(what)'，却是 '\(got)'"
        case .endsTooEarly: "表达式提前结束了"
        case .call(let m): m.chinese
        case .index(let m): m.chinese
        case .shape(let m): m.chinese
        case .syntax(let m): m.chinese
        case .limit(let m): m.chinese
        case .padding(let m): m.chinese
        case .noStepYet(let name, let f, let short):
            "\(name) 是\(f ? "前向" : "反向")当前这一步的量，但\(f ? "前向" : "反向")还没有走过一步（试试 'step \(short)'）"
        case .valuesDoNotFill(let name, let count, let shape): "\(name) 有 \(count) 个值，和它的形状 \(shape) 对不上"
        case .gatesCount(let name, let count, let expected): "\(name)：这一步的门有 \(count) 个值，而不是 B·4H = \(expected) 个"
        }
    }
}
