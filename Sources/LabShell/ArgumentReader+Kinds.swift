import Foundation
import LSTMCore
import LabText
import TensorExpr

/// The argument kinds that read more than one word or build a value: views and
/// expressions, assignments, `save` targets, goto targets, shapes and lengths.
extension ArgumentReader {
    /// `NAME = EXPR`, `NAME=EXPR`: the name is what comes before the first lone `=`.
    mutating func readAssignment(_ token: Token) throws(CommandError) {
        let end = tokens.last?.end ?? token.end
        let rest = Array(line.dropFirst(token.column - 1).prefix(end - token.column))
        var split: Int?
        for i in rest.indices where rest[i] == "=" {
            let before = i > 0 ? rest[i - 1] : " "
            let after = i + 1 < rest.count ? rest[i + 1] : " "
            if after != "=" && !"<>!=".contains(before) {
                split = i
                break
            }
        }
        guard let split else {
            if completing {
                tokens = []
                return
            }
            throw CommandError(said: ArgumentMessage.letNeeds, column: token.column)
        }
        let name = String(rest[..<split]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw CommandError(said: ArgumentMessage.letNeedsName, column: token.column) }
        var start = split + 1
        while start < rest.count && rest[start] == " " { start += 1 }
        guard start < rest.count else {
            if completing {
                tokens = []
                candidates.expression = true
                return
            }
            throw CommandError(said: ArgumentMessage.letNeedsExpression(name: name), column: token.column + split)
        }
        let text = String(rest[start...])
        if !completing {
            do {
                _ = try ExprParser.parse(text)
            } catch {
                throw CommandError(error, column: token.column + start + (error.range?.lowerBound ?? 0))
            }
        }
        result.words["name"] = name
        result.texts["expr"] = text
        result.columns["expr"] = token.column + start
        tokens = []
        if completing { candidates.expression = true }
    }

    /// `weights PATH` or `EXPR to PATH` (the last `to` on the line separates them).
    mutating func readSaveTarget(_ token: Token) throws(CommandError) {
        let words = Array(tokens)
        if token.text == "weights" && words.count <= 2 {
            take()
            guard let path = tokens.first else {
                if completing {
                    candidates.files = true
                    stopped = true
                    return
                }
                throw CommandError(said: ArgumentMessage.saveWeightsNeedsPath, column: token.column)
            }
            try readOne(.required("path", .path), path, owner: token, more: false)
            return
        }
        guard let to = words.lastIndex(where: { $0.text == "to" }), to > 0 else {
            if completing {
                readExpression("expr", from: token)
                return
            }
            throw CommandError(said: ArgumentMessage.saveNeeds, column: token.column)
        }
        let text = String(line.dropFirst(token.column - 1).prefix(words[to - 1].end - token.column))
        if !completing {
            do {
                _ = try ExprParser.parse(text)
            } catch {
                throw CommandError(error, column: error.range.map { token.column + $0.lowerBound } ?? token.column)
            }
        }
        result.texts["expr"] = text
        result.columns["expr"] = token.column
        tokens = tokens.dropFirst(to + 1)
        guard let path = tokens.first else {
            if completing {
                candidates.files = true
                stopped = true
                return
            }
            throw CommandError(said: ArgumentMessage.saveNeedsPathAfterTo, column: words[to].column)
        }
        try readOne(.required("path", .path), path, owner: words[to], more: false)
    }

    /// The rest of the line, from `token` on, as typed.
    mutating func readExpression(_ key: String, from token: Token) {
        let end = tokens.last?.end ?? token.end
        result.texts[key] = String(line.dropFirst(token.column - 1).prefix(end - token.column))
        result.columns[key] = token.column
        tokens = []
        if completing { candidates.expression = true }
    }

    /// A view with its options when the words read as one; otherwise the rest of the
    /// line as an expression, if it is one. A bare unknown word stays an unknown view.
    mutating func readViewOrExpression(_ p: Parameter, _ token: Token, options: [Parameter]) throws(CommandError) {
        let savedTokens = tokens
        let savedResult = result
        let viewError: CommandError
        do {
            try readView(token, options: options)
            // `show h_f c` is two views where one is taken: let readAll refuse the rest,
            // unless the line reads as an expression (`show h_f + c_f` is caught by readView).
            return
        } catch {
            viewError = error
        }
        tokens = savedTokens
        result = savedResult
        guard result.views.isEmpty, p.presence != .repeated || true else { throw viewError }
        // `show EXPR u=A..B`: the units come after the expression.
        let takesUnits = options.contains { if case .unitRange = $0.kind { return true } else { return false } }
        if takesUnits && !completing && tokens.count > 1, let last = tokens.last, last.text.hasPrefix("u=") {
            result.ranges[p.key] = try Self.unitRange(last)
            tokens = tokens.dropLast()
        }
        let end = tokens.last?.end ?? token.end
        let text = String(line.dropFirst(token.column - 1).prefix(end - token.column))
        let isBareName = text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        if isBareName && !SessionEnvironment.isBuiltIn(text) && !variables.contains(text) { throw viewError }
        if completing {
            readExpression(p.key, from: token)
            return
        }
        do {
            _ = try ExprParser.parse(text)
        } catch {
            // A line that starts with a view name, or a lone word with nothing of an expression in it,
            // was meant as a view: say what is wrong with it as one.
            let looksLikeExpression = text.contains { "[]().+-*/@<>=!,:".contains($0) }
            if ViewName(rawValue: token.text) != nil || !looksLikeExpression { throw viewError }
            throw CommandError(error, column: error.range.map { token.column + $0.lowerBound } ?? token.column)
        }
        readExpression(p.key, from: token)
    }

    /// `NAME` then its options in any order, up to the next view name.
    mutating func readView(_ token: Token, options: [Parameter]) throws(CommandError) {
        let names = ViewName.allCases.map(\.rawValue)
        guard let name = ViewName(rawValue: token.text) else {
            throw CommandError(
                .unknownView(word: Quote.word(token.text), names: names.joined(separator: ", ")),
                column: token.column, suggestion: Suggest.closest(to: token.text, in: names))
        }
        take()
        let outer = result
        result = ParsedArguments()
        while let next = tokens.first, ViewName(rawValue: next.text) == nil {
            guard let p = options.first(where: { fits($0.kind, next) }) else {
                let expected = options.flatMap(Usage.alternatives)
                let directionWords = options.flatMap { p -> [String] in
                    if case .direction(let set) = p.kind { return set.map(\.rawValue) }
                    return []
                }
                throw CommandError(
                    said: ArgumentMessage.unexpectedOption(word: Quote.word(next.text), expected: expected),
                    column: next.column, suggestion: Suggest.closest(to: next.text, in: directionWords))
            }
            try readOne(p, next, owner: token, more: true)
        }
        if completing && tokens.isEmpty { for p in options { offer(p.kind) } }
        var request = ViewRequest(name: name)
        switch result.directions["dir"] {
        case .fwd?: request.direction = .forward
        case .bwd?: request.direction = .backward
        default: break
        }
        var integers = result.integers
        request.t = integers.removeValue(forKey: "t")
        request.b = integers.removeValue(forKey: "b")
        request.units = result.ranges["u"]
        result = outer
        result.views.append(ViewArgument(request: request, integers: integers))
    }

    mutating func readAssignments(_ keys: [String], range: ClosedRange<Int>) throws(CommandError) {
        while let token = tokens.first {
            let parts = token.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, keys.contains(String(parts[0])) else {
                let forms = keys.map { $0 + "=N" }.joined(separator: ", ")
                throw CommandError(
                    said: ArgumentMessage.takesAssignments(
                        command: command.text, forms: forms, word: Quote.word(token.text)),
                    column: token.column)
            }
            let key = String(parts[0])
            let value = Token(text: String(parts[1]), column: token.column + key.count + 1)
            result.assignments[key] = try Self.integer(value, what: key, in: range)
            take()
        }
        if completing { offer(.assignments(keys, range: range)) }
    }

    func timeTarget(_ token: Token) throws(CommandError) -> GotoTarget {
        switch token.text {
        case "start": return .start
        case "end": return .end
        default:
            guard let value = try Self.keyValue(token, key: "t", in: 0...CommandParser.maxDimension) else {
                throw CommandError(
                    said: ArgumentMessage.takesTimeTarget(command: command.text, word: Quote.word(token.text)),
                    column: token.column)
            }
            return .time(value)
        }
    }

    static func integer(_ token: Token, what: String, in range: ClosedRange<Int>) throws(CommandError) -> Int {
        guard let n = Int(token.text), range.contains(n) else {
            throw CommandError(
                .wholeNumber(
                    what: what, low: range.lowerBound, high: range.upperBound,
                    typed: Quote.word(token.text)), column: token.column)
        }
        return n
    }

    /// `key=N` → N; nil if the token is not `key=…`.
    static func keyValue(_ token: Token, key: String, in range: ClosedRange<Int>) throws(CommandError) -> Int? {
        let prefix = key + "="
        guard token.text.hasPrefix(prefix) else { return nil }
        let value = Token(text: String(token.text.dropFirst(prefix.count)), column: token.column + prefix.count)
        return try integer(value, what: key, in: range)
    }

    static func shape(_ token: Token) throws(CommandError) -> (LSTMSizes, Int?) {
        let parts = token.text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 4 || parts.count == 5 else {
            throw CommandError(said: ArgumentMessage.benchShape(word: Quote.word(token.text)), column: token.column)
        }
        var values: [Int] = []
        for (name, part) in zip(["B", "T", "D", "H", "L"], parts) {
            let range = name == "L" ? 1...StackedParameters.maxLayers : 1...CommandParser.maxDimension
            values.append(try integer(Token(text: String(part), column: token.column), what: name, in: range))
        }
        return (
            LSTMSizes(batch: values[0], length: values[1], inputSize: values[2], hiddenSize: values[3]),
            values.count == 5 ? values[4] : nil
        )
    }

    /// `24,15,19,10` → the lengths; `none` → []. Each is a whole number from 1; T is checked by the session.
    static func lengthList(_ token: Token) throws(CommandError) -> [Int] {
        if token.text == "none" { return [] }
        var values: [Int] = []
        var column = token.column
        for part in token.text.split(separator: ",", omittingEmptySubsequences: false) {
            values.append(
                try integer(
                    Token(text: String(part), column: column), what: "a length",
                    in: 1...CommandParser.maxDimension))
            column += part.count + 1
        }
        return values
    }
}

/// `u=N` and `u=A..B` as typed and as shown back.
public enum UnitRangeText {
    /// `u=3`, `u=6..9`.
    public static func text(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? "u=\(r.lowerBound)" : "u=\(r.lowerBound)..\(r.upperBound)"
    }
}

extension ArgumentReader {
    /// `u=N` → N...N, `u=A..B` → A...B; empty, reversed or not whole numbers are refused at their column.
    static func unitRange(_ token: Token) throws(CommandError) -> ClosedRange<Int> {
        let body = String(token.text.dropFirst(2))
        let column = token.column + 2
        guard !body.isEmpty else { throw CommandError(said: ViewCommandMessage.unitsEmpty, column: token.column) }
        let parts = body.components(separatedBy: "..")
        guard parts.count <= 2 else {
            throw CommandError(said: ViewCommandMessage.unitsForm(typed: Quote.word(token.text)), column: column)
        }
        let numbers = try parts.map { part throws(CommandError) -> Int in
            guard let n = Int(part), n >= 0, n <= CommandParser.maxDimension else {
                throw CommandError(said: ViewCommandMessage.unitsForm(typed: Quote.word(token.text)), column: column)
            }
            return n
        }
        let low = numbers[0]
        let high = numbers.count == 2 ? numbers[1] : low
        guard low <= high else {
            throw CommandError(said: ViewCommandMessage.unitsReversed(low: high, high: low), column: column)
        }
        return low...high
    }
}

extension CommandError {
    /// An expression the parser refused while reading the line, worded from its catalog entry.
    init(_ error: ExprError, column: Int) {
        self.init(said: error.said, column: column)
    }
}
