import Foundation
import LSTMCore
import LabText
import LessonKit
import TensorExpr

/// Task checks and `wrong:` lines read through the lab's full expression language
/// (`h_b_rev.shape[0] == 3`, `(W_hh_f.T @ W_hh_f - eye(16)).abs().max() < 1e-5`) on
/// the live session, with the lesson's scalar names (`steps_b`, `H`, `draft`, …) beside
/// the session's tensors. Clauses joined by `and`/`or` (`&&`, `||`) are read one by one;
/// a clause the expression language cannot read falls back to the lessons' calculator.
/// True is a nonzero one-element result.
extension Interpreter {
    public func evaluate(_ expression: String) throws -> Double {
        let groups = TaskCheckClauses.split(expression)
        if groups.count == 1, let only = groups.first, only.count == 1 { return try clause(expression) }
        for group in groups {
            var all = true
            for part in group where try clause(part) == 0 {
                all = false
                break
            }
            if all { return 1 }
        }
        return 0
    }

    /// One clause: the expression language on the session, else the calculator.
    private func clause(_ text: String) throws -> Double {
        let environment = CheckEnvironment(base: SessionEnvironment(session: session), scalars: lessonScalars)
        let value: Value
        do throws(ExprError) {
            value = try Evaluator.evaluate(text, in: environment, budget: Self.checkBudget)
        } catch {
            // When neither reads it, the expression language's words say why.
            do {
                return try ArithmeticExpression.evaluate(text) { try number(named: $0, index: $1) }
            } catch _ {
                throw LabError(said: error.said)
            }
        }
        guard case .tensor(let x) = value, x.data.count == 1, let v = x.data.first else {
            throw LabError(said: ExpressionReplyMessage.checkNotANumber(check: text))
        }
        return Double(v)
    }

    /// Enough for a check over the session's matrices (`W_hh_f.T @ W_hh_f`), not for a benchmark.
    private static let checkBudget = Budget(memoryLimit: 256 << 20, computeLimit: 1e10)

    /// The lesson's scalar names (`number(named:)`'s), as integer scalars for the expression language.
}

/// The session's names with the lesson's scalar names in front.
private struct CheckEnvironment: ExprEnvironment {
    let base: SessionEnvironment
    let scalars: [String: Double]

    func lookup(_ name: String) throws(ExprError) -> ExprTensor? {
        if let v = scalars[name] { return .scalar(Float(v), isInteger: true) }
        return try base.lookup(name)
    }

    var names: [String] { base.names + scalars.keys.sorted() }
}

/// `a and b or c` as Python groups it: `or` of `and`s, split outside brackets and quotes.
enum TaskCheckClauses {
    /// The `or` groups, each a list of `and` clauses; empty when there is nothing to split.
    static func split(_ text: String) -> [[String]] {
        let chars = Array(text)
        var groups: [[String]] = []
        var clauses: [String] = []
        var current = ""
        var depth = 0
        var i = 0
        func word(_ w: String) -> Bool {
            let n = w.count
            guard i + n <= chars.count, String(chars[i..<(i + n)]) == w else { return false }
            if w.first?.isLetter == true {
                let before = i == 0 ? " " : chars[i - 1]
                let after = i + n < chars.count ? chars[i + n] : " "
                return !(before.isLetter || before.isNumber || before == "_")
                    && !(after.isLetter || after.isNumber || after == "_")
            }
            return true
        }
        while i < chars.count {
            let c = chars[i]
            if "([{".contains(c) { depth += 1 }
            if ")]}".contains(c) { depth -= 1 }
            if depth == 0, word("and") || word("&&") {
                clauses.append(current)
                current = ""
                i += word("and") ? 3 : 2
                continue
            }
            if depth == 0, word("or") || word("||") {
                clauses.append(current)
                groups.append(clauses)
                clauses = []
                current = ""
                i += 2
                continue
            }
            current.append(c)
            i += 1
        }
        clauses.append(current)
        groups.append(clauses)
        return groups.map { $0.map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}
