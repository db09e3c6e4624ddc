import Foundation
import LabText

/// A small calculator for answers and task checks, so a learner may type
/// `4*16`, `0.58 * tanh(0.093)` or `sigmoid(2)`, and a task may check
/// `steps_b == 3`. Names (`steps_b`, `h_f[0, 2, 1]`) are read through a
/// resolver the host supplies; without one, a name is an error.
///
/// ```
/// check  = compare (('and' | 'or' | '&&' | '||') compare)*
/// compare = expr (('==' | '!=' | '<' | '<=' | '>' | '>=') expr)?
/// expr   = term (('+' | '-') term)*
/// term   = power (('*' | '×' | '·' | '/') power)*
/// power  = factor (('**' | '^') power)?
/// factor = ('-' | '+') factor | number | '(' check ')' | FUNC '(' check ')' | NAME ('[' int (',' int)* ']')?
/// ```
/// Comparisons and `and`/`or` give 1 or 0.
public enum ArithmeticExpression {
    /// Reads a name with an optional index; nil when unknown.
    public typealias Resolver = (_ name: String, _ index: [Int]) throws -> Double?

    /// The value of `text`, or nil when it is not a finite arithmetic expression.
    public static func evaluate(_ text: String) -> Double? {
        try? evaluate(text, names: nil)
    }

    /// The value of `text` with names from `names`; throws what went wrong.
    public static func evaluate(_ text: String, names: Resolver?) throws -> Double {
        var p = Evaluator(chars: Array(normalize(text).filter { $0 != " " && $0 != "\t" }), names: names)
        guard !p.chars.isEmpty else { throw ExpressionError(.empty) }
        let v = try p.check(depth: 0)
        guard p.pos == p.chars.count else {
            throw ExpressionError(.unexpected(rest: String(p.chars[p.pos...])))
        }
        guard v.isFinite else { throw ExpressionError(.notFinite) }
        return v
    }

    /// Full-width forms from a Chinese keyboard (`３２`, `［３，５］`, `ａ`) and
    /// typographic signs (`−`, `×`) as their ASCII twins.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(s.value - 0xFEE0) ?? s)
            case 0x3000: out.append(" ")
            case 0x3001: out.append(",")  // 、
            case 0x3002: out.append(".")  // 。
            case 0x2212: out.append("-")  // −
            default: out.append(s)
            }
        }
        return String(out)
    }

    static let functions: [String: @Sendable (Double) -> Double] = [
        "tanh": { Foundation.tanh($0) },
        "sigmoid": { 1 / (1 + Foundation.exp(-$0)) },
        "σ": { 1 / (1 + Foundation.exp(-$0)) },
        "exp": { Foundation.exp($0) },
        "log": { Foundation.log($0) },
        "sqrt": { Foundation.sqrt($0) },
        "√": { Foundation.sqrt($0) },
        "abs": { Swift.abs($0) },
    ]
}

/// Why an expression could not be evaluated (English in `description`, both languages in `said`).
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var said: CalculatorMessage
    public init(_ said: CalculatorMessage) { self.said = said }
    public var message: String { said.english }
    public var description: String { said.english }
}

private struct Evaluator {
    let chars: [Character]
    let names: ArithmeticExpression.Resolver?
    var pos = 0

    init(chars: [Character], names: ArithmeticExpression.Resolver?) {
        self.chars = chars
        self.names = names
    }

    var peek: Character? { pos < chars.count ? chars[pos] : nil }

    func at(_ k: Int) -> Character? { pos + k < chars.count ? chars[pos + k] : nil }

    mutating func take(_ s: String) -> Bool {
        let a = Array(s)
        guard pos + a.count <= chars.count, Array(chars[pos..<pos + a.count]) == a else { return false }
        pos += a.count
        return true
    }

    mutating func check(depth: Int) throws -> Double {
        guard depth < 64 else { throw ExpressionError(.tooDeep) }
        var v = try compare(depth: depth)
        while true {
            if take("and") || take("&&") {
                let r = try compare(depth: depth)
                v = (v != 0 && r != 0) ? 1 : 0
            } else if take("or") || take("||") {
                let r = try compare(depth: depth)
                v = (v != 0 || r != 0) ? 1 : 0
            } else {
                return v
            }
        }
    }

    mutating func compare(depth: Int) throws -> Double {
        let v = try expr(depth: depth)
        for op in ["==", "!=", "<=", ">=", "<", ">"] where take(op) {
            let r = try expr(depth: depth)
            let holds: Bool
            switch op {
            case "==": holds = v == r
            case "!=": holds = v != r
            case "<=": holds = v <= r
            case ">=": holds = v >= r
            case "<": holds = v < r
            default: holds = v > r
            }
            return holds ? 1 : 0
        }
        return v
    }

    mutating func expr(depth: Int) throws -> Double {
        var v = try term(depth: depth)
        while let c = peek, c == "+" || c == "-" {
            pos += 1
            let r = try term(depth: depth)
            v = c == "+" ? v + r : v - r
        }
        return v
    }

    mutating func term(depth: Int) throws -> Double {
        var v = try power(depth: depth)
        while let c = peek, c == "*" || c == "×" || c == "·" || c == "/", !(c == "*" && at(1) == "*") {
            pos += 1
            let r = try power(depth: depth)
            v = c == "/" ? v / r : v * r
        }
        return v
    }

    mutating func power(depth: Int) throws -> Double {
        let base = try factor(depth: depth)
        if take("**") || take("^") {
            return Foundation.pow(base, try power(depth: depth + 1))
        }
        return base
    }

    mutating func factor(depth: Int) throws -> Double {
        guard depth < 64 else { throw ExpressionError(.tooDeep) }
        guard let c = peek else { throw ExpressionError(.endsTooEarly) }
        if c == "-" || c == "+" {
            pos += 1
            let v = try factor(depth: depth + 1)
            return c == "-" ? -v : v
        }
        if c == "(" {
            pos += 1
            let v = try check(depth: depth + 1)
            guard take(")") else { throw ExpressionError(.missingClose) }
            return v
        }
        if c.isLetter || c == "_" {
            return try name(depth: depth)
        }
        let start = pos
        while let d = peek, d.isASCII, d.isNumber || d == "." { pos += 1 }
        if let e = peek, e == "e" || e == "E", pos > start {
            var q = pos + 1
            if q < chars.count, chars[q] == "-" || chars[q] == "+" { q += 1 }
            if q < chars.count, chars[q].isASCII, chars[q].isNumber {
                pos = q
                while let d = peek, d.isASCII, d.isNumber { pos += 1 }
            }
        }
        guard pos > start, let v = Double(String(chars[start..<pos])) else {
            throw ExpressionError(.expectedNumber(at: String(chars[start...])))
        }
        return v
    }

    mutating func name(depth: Int) throws -> Double {
        let start = pos
        while let d = peek, d.isLetter || d.isNumber || d == "_" { pos += 1 }
        let word = String(chars[start..<pos])
        if let f = ArithmeticExpression.functions[word] {
            guard take("(") else { throw ExpressionError(.needsParenthesis(function: word)) }
            let v = try check(depth: depth + 1)
            guard take(")") else { throw ExpressionError(.missingCloseAfter(function: word)) }
            return f(v)
        }
        var index: [Int] = []
        if take("[") {
            while true {
                let v = try expr(depth: depth + 1)
                guard v == v.rounded(), abs(v) < 1e9 else {
                    throw ExpressionError(.indexNotInteger(value: "\(v)"))
                }
                index.append(Int(v))
                if take(",") { continue }
                guard take("]") else { throw ExpressionError(.missingBracketAfter(name: word)) }
                break
            }
        }
        guard let names, let v = try names(word, index) else {
            throw ExpressionError(.unknownName(name: word))
        }
        return v
    }
}
