import Foundation

/// An answer spec resolved against the live session when its question is
/// asked, so exploring the lab afterwards does not move the target.
public enum ExpectedAnswer: Equatable, Sendable {
    case number(Double, tolerance: Double)
    case shape([Int])
    case gate(String)
    case choice(String)
    case text([String])

    /// Reads live values from `host` for `value` and `shape NAME` answers.
    public static func resolve<H: LessonHost>(_ spec: AnswerSpec, host: H) throws -> ExpectedAnswer {
        switch spec {
        case .number(let x, let tol): return .number(x, tolerance: absolute(tol, x, precision: host.displayPrecision))
        case .value(let ref, let tol):
            let x = Double(try host.value(of: ref.name, direction: ref.direction, index: ref.index))
            return .number(x, tolerance: absolute(tol, x, precision: host.displayPrecision))
        case .shape(let dims): return .shape(dims)
        case .liveShape(let name, let dir): return .shape(try host.shape(of: name, direction: dir))
        case .gate(let g): return .gate(g)
        case .choice(let k): return .choice(k)
        case .text(let words): return .text(words)
        }
    }

    /// A known wrong answer of the same kind as `self`, read from `text`
    /// (numbers through `evaluate`, which may read the session).
    public func wrong(
        _ text: String, evaluate: (String) throws -> Double, spec: AnswerSpec,
        precision: Int
    ) throws -> ExpectedAnswer {
        let t = ArithmeticExpression.normalize(text).trimmingSpaces
        switch self {
        case .number:
            let v = try evaluate(t)
            switch spec {
            case .number(_, let tol), .value(_, let tol):
                return .number(v, tolerance: ExpectedAnswer.absolute(tol, v, precision: precision))
            default: return .number(v, tolerance: 1e-9)
            }
        case .shape:
            guard let dims = AnswerSpec.parseShape(t) else { throw ExpressionError(.notAShape(text: t)) }
            return .shape(dims)
        case .gate:
            guard let g = ExpectedAnswer.gateAliases[ExpectedAnswer.normalize(t)] else {
                throw ExpressionError(.notAGate(text: t))
            }
            return .gate(g)
        case .choice: return .choice(ExpectedAnswer.normalize(t).trimmingCharacters(in: "()（）"))
        case .text: return .text([t])
        }
    }

    /// The absolute tolerance for target `x`: the larger of half a unit in
    /// the last digit shown and 0.1% of |x| (`shown`), or as the lesson says.
    public static func absolute(_ tolerance: Tolerance, _ x: Double, precision: Int) -> Double {
        switch tolerance {
        case .absolute(let e): return e
        case .relative(let r): return r * abs(x)
        case .shown(let digits):
            let d = digits ?? precision
            if digits == 0 { return 0 }
            return max(0.5 * pow(10, -Double(min(max(d, 0), 12))), 1e-3 * abs(x))
        }
    }

    /// An answer that `check` accepts: what `--auto` types.
    public var canonical: String {
        switch self {
        case .number(let x, _): return ExpectedAnswer.format(x)
        case .shape(let dims): return "[" + dims.map(String.init).joined(separator: ", ") + "]"
        case .gate(let g): return g
        case .choice(let k): return k
        case .text(let words): return words.first ?? ""
        }
    }

    /// Checks what the learner typed after `answer` (or alone at the prompt).
    /// `names` reads session names in an expression answer (`o_f[0,1] * tanh(0.5)`).
    /// - Parameter expression: reads what the calculator cannot (the expression language).
    public func check(
        _ given: String, names: ArithmeticExpression.Resolver? = nil,
        expression: (String) -> Double? = { AnswerNumber.evaluate($0) }
    ) -> AnswerVerdict {
        let g = ArithmeticExpression.normalize(given).trimmingSpaces
        guard !g.isEmpty else { return .unreadable(.empty) }
        switch self {
        case .number(let x, let tol):
            guard let v = (try? ArithmeticExpression.evaluate(g, names: names)) ?? expression(g) else {
                return .unreadable(.number)
            }
            // A tolerance a little above the float rounding of the target.
            if abs(v - x) <= tol + 1e-9 * max(1, abs(x)) { return .correct }
            // A plain number with at least three significant digits that is
            // the target rounded to the decimals the learner wrote.
            if let typed = Double(g), g.contains("."), tol > 0 {
                let d = AnswerSpec.decimals(of: g)
                let scale = pow(10, Double(d))
                let significant = g.filter { $0.isNumber }.drop { $0 == "0" }.count
                if significant >= 3, d <= 12, (x * scale).rounded() / scale == typed { return .correct }
            }
            return .wrong
        case .shape(let dims):
            guard let v = AnswerSpec.parseShape(g) else { return .unreadable(.shape) }
            return v == dims ? .correct : .wrong
        case .gate(let gate):
            guard let v = ExpectedAnswer.gateAliases[ExpectedAnswer.normalize(g)] else { return .unreadable(.gate) }
            return v == gate ? .correct : .wrong
        case .choice(let k):
            var c = ExpectedAnswer.normalize(g)
            c = c.trimmingCharacters(in: "()（）")
            return c == k ? .correct : .wrong
        case .text(let words):
            let c = ExpectedAnswer.normalize(g)
            return words.contains { ExpectedAnswer.normalize($0) == c } ? .correct : .wrong
        }
    }

    static let gateAliases: [String: String] = [
        "i": "i", "input": "i", "input gate": "i", "输入门": "i",
        "f": "f", "forget": "f", "forget gate": "f", "遗忘门": "f",
        "g": "g", "cell": "g", "candidate": "g", "cell candidate": "g", "c̃": "g", "候选": "g", "候选值": "g", "候选记忆": "g",
        "o": "o", "output": "o", "output gate": "o", "输出门": "o",
    ]

    /// Lowercased, trimmed, without closing punctuation.
    static func normalize(_ s: String) -> String {
        var t = s.lowercased().trimmingSpaces
        while let l = t.last, ".。!！".contains(l) { t.removeLast() }
        return t.trimmingSpaces
    }

    /// Shortest text that reads back as the same Double, without a trailing `.0`.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}

/// The outcome of checking one answer.
public enum AnswerVerdict: Equatable, Sendable {
    case correct
    case wrong
    /// The text is not an answer of the expected kind.
    case unreadable(AnswerKindHint)
}

/// What kind of answer was expected, for the "type a …" message.
public enum AnswerKindHint: Equatable, Sendable {
    case empty, number, shape, gate
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
