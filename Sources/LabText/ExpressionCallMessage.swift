/// Expression errors about calls and names: an argument missing, repeated, extra
/// or of the wrong type, a name that is not a function or has no such attribute.
/// The English is Python's and PyTorch's own (the PyTorch table test compares it).
public enum ExpressionCallMessage: Localized, Equatable {
    case multipleValues(function: String, label: String)
    case missingArgument(function: String, label: String)
    case argumentType(function: String, label: String, expected: ExpressionType, got: ExpressionType)
    case argumentTooLarge(function: String, label: String, value: String)
    case tooManyPositional(function: String, takes: Int, given: Int)
    case unexpectedKeyword(function: String, keyword: String)
    case notCallable(type: ExpressionType)
    case nameNotCallable(name: String)
    case moduleNoAttribute(module: String, attribute: String, suggestion: String?)
    case noAttribute(type: ExpressionType, attribute: String, suggestion: String?)
    /// A tensor method named without its parentheses (`x.sum`).
    case methodNotCalled(attribute: String)
    /// A function name used as a value (`tanh + 1`).
    case isFunction(name: String)
    case expectedTensor(got: ExpressionType)
    case cannotCallHere(name: String)
    case arangeArgument(got: ExpressionType)
    case normOrder
    /// `mm` of something other than two matrices.
    case mmNeedsMatrices

    public var english: String {
        switch self {
        case .multipleValues(let f, let l): "\(f)() got multiple values for argument '\(l)'"
        case .missingArgument(let f, let l): "\(f)() missing required argument '\(l)'"
        case .argumentType(let f, let l, let e, let g): "\(f)(): argument '\(l)' must be \(e.english), not \(g.english)"
        case .argumentTooLarge(let f, let l, let x):
            "\(f)(): argument '\(l)' is too large (\(x)) for a size, a dimension or an index"
        case .tooManyPositional(let f, let n, let given):
            "\(f)() takes \(n) positional argument\(n == 1 ? "" : "s") but \(given) were given"
        case .unexpectedKeyword(let f, let k): "\(f)() got an unexpected keyword argument '\(k)'"
        case .notCallable(let t): "'\(t.english)' object is not callable"
        case .nameNotCallable(let n): "'\(n)' is not callable"
        case .moduleNoAttribute(let m, let a, let s): "module '\(m)' has no attribute '\(a)'" + Self.didYouMean(s)
        case .noAttribute(let t, let a, let s): "'\(t.english)' object has no attribute '\(a)'" + Self.didYouMean(s)
        case .methodNotCalled(let a): "'Tensor' object has no attribute '\(a)' (it is a method: call it, as in .\(a)())"
        case .isFunction(let n): "'\(n)' is a function: call it, as in \(n)(…)"
        case .expectedTensor(let t): "expected a Tensor, got \(t.english)"
        case .cannotCallHere(let n): "'\(n)' cannot be called here"
        case .arangeArgument(let t): "arange(): argument must be Number, not \(t.english)"
        case .normOrder: "norm(): only p=2 (the default) is supported here"
        case .mmNeedsMatrices: "self must be a matrix"
        }
    }

    public var chinese: String {
        switch self {
        case .multipleValues(let f, let l): "\(f)() 的参数 '\(l)' 既按位置给了，又按名字给了"
        case .missingArgument(let f, let l): "\(f)() 缺少必需的参数 '\(l)'"
        case .argumentType(let f, let l, let e, let g):
            ChineseText.join("\(f)() 的参数 '\(l)' 应是", e.chinese, "，不能是", g.chinese)
        case .argumentTooLarge(let f, let l, let x): "\(f)() 的参数 '\(l)' 太大（\(x)），不能当作大小、维度或下标"
        case .tooManyPositional(let f, let n, let given): "\(f)() 最多接受 \(n) 个位置参数，却给了 \(given) 个"
        case .unexpectedKeyword(let f, let k): "\(f)() 没有名为 '\(k)' 的参数"
        case .notCallable(let t): ChineseText.join(t.chinese, "不能像函数那样调用")
        case .nameNotCallable(let n): "'\(n)' 不能像函数那样调用"
        case .moduleNoAttribute(let m, let a, let s): "模块 '\(m)' 里没有 '\(a)'" + Self.didYouMeanZh(s)
        case .noAttribute(let t, let a, let s): ChineseText.join(t.chinese, "没有属性 '\(a)'") + Self.didYouMeanZh(s)
        case .methodNotCalled(let a): "'\(a)' 是张量的方法，要加括号调用，例如 .\(a)()"
        case .isFunction(let n): "'\(n)' 是函数，要调用它，例如 \(n)(…)"
        case .expectedTensor(let t): ChineseText.join("这里应是张量，却是", t.chinese)
        case .cannotCallHere(let n): "这里不能调用 '\(n)'"
        case .arangeArgument(let t): ChineseText.join("arange() 的参数应是数，不能是", t.chinese)
        case .normOrder: "norm() 在这里只支持 p=2（默认值）"
        case .mmNeedsMatrices: "mm() 的两个参数都必须是矩阵（二维张量）"
        }
    }

    static func didYouMean(_ s: String?) -> String { s.map { " (did you mean '\($0)'?)" } ?? "" }
    static func didYouMeanZh(_ s: String?) -> String { s.map { "（你是不是想输入 '\($0)'？）" } ?? "" }
}
