/// Why a lesson's arithmetic (an `answer:` line, a task's `check:`, a question's
/// expected value) could not be read: the lesson calculator's refusals.
public enum CalculatorMessage: Localized, Equatable {
    case empty
    case unexpected(rest: String)
    case notFinite
    case tooDeep
    case endsTooEarly
    case missingClose
    case expectedNumber(at: String)
    case needsParenthesis(function: String)
    case missingCloseAfter(function: String)
    case indexNotInteger(value: String)
    case missingBracketAfter(name: String)
    case unknownName(name: String)
    case notAShape(text: String)
    case notAGate(text: String)

    public var english: String {
        switch self {
        case .empty: "empty expression"
        case .unexpected(let rest): "unexpected '\(rest)'"
        case .notFinite: "the result is not a finite number"
        case .tooDeep: "the expression is nested too deeply"
        case .endsTooEarly: "the expression ends too early"
        case .missingClose: "missing ')'"
        case .expectedNumber(let at): "expected a number at '\(at)'"
        case .needsParenthesis(let f): "\(f) needs '(': \(f)(x)"
        case .missingCloseAfter(let f): "missing ')' after \(f)(…"
        case .indexNotInteger(let v): "an index must be an integer, got \(v)"
        case .missingBracketAfter(let n): "missing ']' after \(n)[…"
        case .unknownName(let n): "unknown name '\(n)'"
        case .notAShape(let t): "'\(t)' is not a shape"
        case .notAGate(let t): "'\(t)' is not a gate"
        }
    }

    public var chinese: String {
        switch self {
        case .empty: "表达式是空的"
        case .unexpected(let rest): "多余的内容：'\(rest)'"
        case .notFinite: "结果不是有限的数"
        case .tooDeep: "表达式嵌套太深"
        case .endsTooEarly: "表达式提前结束了"
        case .missingClose: "缺少 ')'"
        case .expectedNumber(let at): "'\(at)' 处应该是一个数"
        case .needsParenthesis(let f): "\(f) 后面要跟 '('：\(f)(x)"
        case .missingCloseAfter(let f): "\(f)(… 后面缺少 ')'"
        case .indexNotInteger(let v): "下标必须是整数，不能是 \(v)"
        case .missingBracketAfter(let n): "\(n)[… 后面缺少 ']'"
        case .unknownName(let n): "没有名为 '\(n)' 的量"
        case .notAShape(let t): "'\(t)' 不是一个形状"
        case .notAGate(let t): "'\(t)' 不是一个门"
        }
    }
}
