import LabText

/// Why an `answer:` line could not be read.
public struct AnswerSpecError: Error, Equatable, Sendable {
    public var problem: LessonFileMessage
    public var message: String { problem.english }
}

extension AnswerSpec {
    public static let kinds = ["number", "value", "shape", "gate", "choice", "text"]

    /// Parses the text after `answer:`.
    ///
    /// ```
    /// number 64            number 4*16 tol 0
    /// value h[0,3] fwd     value y[0,4,20] tol 1e-4
    /// shape [3, 5, 32]     shape y
    /// gate f               choice b            text forward|前向
    /// ```
    public static func parse(_ text: String) throws(AnswerSpecError) -> AnswerSpec {
        let t = text.trimmingSpaces
        let kind = String(t.prefix { $0 != " " })
        let rest = String(t.dropFirst(kind.count)).trimmingSpaces
        func fail(_ m: LessonFileMessage) -> AnswerSpecError { AnswerSpecError(problem: m) }
        switch kind {
        case "number":
            let (body, tol) = try splitTolerance(rest)
            guard !body.isEmpty, let x = ArithmeticExpression.evaluate(body) else {
                throw fail(.answerNumber(got: body))
            }
            return .number(x, tolerance: tol ?? .shown(digits: decimals(of: body)))
        case "value":
            let (body, tol) = try splitTolerance(rest)
            // The index may hold spaces: `h[0, 3] fwd`.
            let close = body.firstIndex(of: "]").map { body.index(after: $0) } ?? body.endIndex
            let head = String(body[..<close])
            let words = [head] + body[close...].split(separator: " ").map(String.init)
            guard !head.isEmpty, let ref = parseIndexed(head) else {
                throw fail(.answerValue(got: body))
            }
            var r = ref
            if words.count == 2 {
                guard words[1] == "fwd" || words[1] == "bwd" else {
                    throw fail(.answerDirection(got: words[1]))
                }
                r.direction = words[1]
            } else if words.count > 2 {
                throw fail(.answerValueForm(got: body))
            }
            return .value(r, tolerance: tol ?? .shown(digits: nil))
        case "shape":
            if rest.hasPrefix("[") {
                guard let dims = parseShape(rest) else {
                    throw fail(.answerShapeNumbers(got: rest))
                }
                return .shape(dims)
            }
            let words = rest.split(separator: " ").map(String.init)
            guard let name = words.first, words.count <= 2, isName(name) else {
                throw fail(.answerShape(got: rest))
            }
            var dir: String? = nil
            if words.count == 2 {
                guard words[1] == "fwd" || words[1] == "bwd" else {
                    throw fail(.answerDirection(got: words[1]))
                }
                dir = words[1]
            }
            return .liveShape(name: name, direction: dir)
        case "gate":
            guard ["i", "f", "g", "o"].contains(rest) else {
                throw fail(.answerGate(got: rest))
            }
            return .gate(rest)
        case "choice":
            let k = rest.lowercased()
            guard !k.isEmpty, !k.contains(" ") else {
                throw fail(.answerChoice(got: rest))
            }
            return .choice(k)
        case "text":
            let words = rest.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            guard !words.isEmpty else { throw fail(.answerText) }
            return .text(words)
        default:
            throw fail(.answerKind(kind: kind, known: kinds.joined(separator: ", ")))
        }
    }

    /// `… tol E` or `… rel R` → (…, tolerance); nil when absent.
    private static func splitTolerance(_ s: String) throws(AnswerSpecError) -> (String, Tolerance?) {
        let words = s.split(separator: " ").map(String.init)
        guard words.count >= 2, ["tol", "rel"].contains(words[words.count - 2]) else { return (s, nil) }
        let e = words[words.count - 1]
        guard let tol = Double(e), tol >= 0, tol.isFinite else {
            throw AnswerSpecError(problem: .answerTolerance(got: e))
        }
        let body = words.dropLast(2).joined(separator: " ")
        return (body, words[words.count - 2] == "tol" ? .absolute(tol) : .relative(tol))
    }

    /// Decimals of the last number written in `text` (`0.2887` → 4, `2*5*2` → 0).
    static func decimals(of text: String) -> Int {
        var best = 0
        var current: Int? = nil
        for ch in text {
            if ch == "." {
                current = 0
            } else if ch.isASCII && ch.isNumber {
                if let c = current { current = c + 1 }
            } else {
                if let c = current { best = max(best, c) }
                current = nil
            }
        }
        return max(best, current ?? 0)
    }

    static func isName(_ s: String) -> Bool {
        guard let f = s.first, f.isLetter || f == "_" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// `h[0,3]` → name and index.
    static func parseIndexed(_ s: String) -> ValueReference? {
        guard let open = s.firstIndex(of: "["), s.hasSuffix("]") else { return nil }
        let name = String(s[..<open])
        guard isName(name) else { return nil }
        let inner = s[s.index(after: open)..<s.index(before: s.endIndex)]
        var index: [Int] = []
        for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
            guard let i = Int(part.trimmingSpaces), i >= 0 else { return nil }
            index.append(i)
        }
        guard !index.isEmpty else { return nil }
        return ValueReference(name: name, index: index, direction: nil)
    }

    /// `[3, 5, 32]`, `(3, 5, 32)`, `3,5,32`, `3x5x32`, `3 × 5 × 32` → dims.
    public static func parseShape(_ s: String) -> [Int]? {
        var t = s.trimmingSpaces
        if (t.hasPrefix("[") && t.hasSuffix("]")) || (t.hasPrefix("(") && t.hasSuffix(")")) {
            t = String(t.dropFirst().dropLast())
        }
        // `3x5x32` only when there are no commas: a stray x elsewhere is not a separator.
        let byTimes = !t.contains(",") && !t.contains("，") && (t.contains("x") || t.contains("×"))
        let parts =
            byTimes
            ? t.split(whereSeparator: { $0 == "x" || $0 == "×" }).map { $0.trimmingSpaces[...] }
            : t.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " })
        guard !parts.isEmpty else { return nil }
        var dims: [Int] = []
        for p in parts {
            guard let d = Int(p), d >= 0 else { return nil }
            dims.append(d)
        }
        return dims
    }
}
