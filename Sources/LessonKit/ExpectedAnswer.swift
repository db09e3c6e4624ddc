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
        case .number(let x, let tol): return .number(x, tolerance: tol)
        case .value(let ref, let tol):
            return .number(Double(try host.value(of: ref.name, direction: ref.direction, index: ref.index)), tolerance: tol)
        case .shape(let dims): return .shape(dims)
        case .liveShape(let name, let dir): return .shape(try host.shape(of: name, direction: dir))
        case .gate(let g): return .gate(g)
        case .choice(let k): return .choice(k)
        case .text(let words): return .text(words)
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

    /// Checks what the learner typed after `answer`.
    public func check(_ given: String) -> AnswerVerdict {
        let g = given.trimmingSpaces
        guard !g.isEmpty else { return .unreadable(.empty) }
        switch self {
        case .number(let x, let tol):
            guard let v = ArithmeticExpression.evaluate(g) else { return .unreadable(.number) }
            // A tolerance a little above the float rounding of the target.
            return abs(v - x) <= tol + 1e-9 * max(1, abs(x)) ? .correct : .wrong
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
