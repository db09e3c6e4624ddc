import LSTMCore
import LabText

/// Turns one line into a `Command`. The only place that looks at raw words.
public struct CommandParser: Sendable {
    /// Inside a lesson, `back`, `quit` and an empty line mean the lesson's words.
    public var inLesson: Bool

    public init(inLesson: Bool = false) { self.inLesson = inLesson }

    /// Largest size the parser accepts for one of B, T, D, H (memory is checked separately).
    public static let maxDimension = 1 << 24
    /// Largest step count for `step`/`back`.
    public static let maxCount = 1 << 24

    /// Parses a line; returns nil for a blank line or a comment (outside a lesson).
    public func parse(_ line: String) throws(CommandError) -> Command? {
        let tokens = try Tokenizer.tokenize(line)
        guard let head = tokens.first else { return inLesson ? .lesson(.next) : nil }
        var args = Array(tokens.dropFirst())
        let word = CommandTable.aliases[head.text] ?? head.text
        switch word {
        case "help":
            let topic = try optionalWord(&args)
            try noMore(args)
            return .help(topic: topic)
        case "quit":
            try noMore(args)
            return inLesson ? .lesson(.quit) : .quit
        case "sizes":
            return .sizes(try sizes(args, head))
        case "init":
            let kind = try keyword(&args, Initializer.self, what: "initialiser", after: head)
            let seed = try seedClause(&args)
            try noMore(args)
            return .initialize(kind, seed: seed)
        case "input":
            let kind = try keyword(&args, InputFill.self, what: "input fill", after: head)
            let seed = try seedClause(&args)
            try noMore(args)
            return .input(kind, seed: seed)
        case "load":
            let target = try keyword(&args, LoadTarget.self, what: "what to load", after: head)
            let path = try pathArgument(&args, after: head)
            try noMore(args)
            return .load(target, path: path)
        case "save":
            guard let what = args.first else { throw CommandError("save needs: save weights PATH", column: head.column) }
            guard what.text == "weights" else {
                throw CommandError("unknown word \(Quote.word(what.text)): save takes 'weights'", column: what.column, suggestion: Suggest.closest(to: what.text, in: ["weights"]))
            }
            args.removeFirst()
            let path = try pathArgument(&args, after: head)
            try noMore(args)
            return .saveWeights(path: path)
        case "export":
            let path = try pathArgument(&args, after: head)
            try noMore(args)
            return .export(path: path)
        case "step", "back":
            if word == "back" && inLesson && args.isEmpty { return .lesson(.back) }
            var choice = DirectionChoice.both
            var count = 1
            if let first = args.first, let d = DirectionChoice(rawValue: first.text) { choice = d; args.removeFirst() }
            if let first = args.first {
                count = try integer(first, what: "the number of steps", in: 1...CommandParser.maxCount)
                args.removeFirst()
            }
            try noMore(args)
            return word == "step" ? .step(choice, count: count) : .back(choice, count: count)
        case "goto":
            guard let first = args.first else { throw CommandError("goto needs a target: goto t=N|start|end [fwd|bwd|both]", column: head.column) }
            args.removeFirst()
            let target: GotoTarget
            switch first.text {
            case "start": target = .start
            case "end": target = .end
            default:
                guard let value = try keyValue(first, key: "t") else {
                    throw CommandError("goto takes t=N, start or end, not \(Quote.word(first.text))", column: first.column)
                }
                target = .time(value)
            }
            var choice = DirectionChoice.both
            if let d = args.first {
                guard let c = DirectionChoice(rawValue: d.text) else {
                    throw CommandError("unknown direction \(Quote.word(d.text)): use fwd, bwd or both", column: d.column, suggestion: Suggest.closest(to: d.text, in: CommandTable.directions))
                }
                choice = c
                args.removeFirst()
            }
            try noMore(args)
            return .goto(target, choice)
        case "run", "reset", "diagram", "unwatch", "info":
            try noMore(args)
            switch word {
            case "run": return .run
            case "reset": return .reset
            case "diagram": return .diagram
            case "unwatch": return .unwatch
            default: return .info
            }
        case "show", "heatmap":
            let request = try viewRequest(&args, after: head, allowUnit: false).0
            try noMore(args)
            return word == "show" ? .show(request) : .heatmap(request)
        case "spark":
            let (request, unit) = try viewRequest(&args, after: head, allowUnit: true)
            try noMore(args)
            return .spark(request, unit: unit)
        case "watch":
            guard !args.isEmpty else { throw CommandError("watch needs at least one view: watch NAME [fwd|bwd] …", column: head.column) }
            var requests: [ViewRequest] = []
            while !args.isEmpty {
                requests.append(try viewRequest(&args, after: head, allowUnit: false).0)
            }
            return .watch(requests)
        case "set":
            return .set(try setting(&args, head))
        case "bench":
            var shape: BenchShape?
            var repeats: Int?
            while let first = args.first {
                args.removeFirst()
                if first.text == "repeat" {
                    guard let r = args.first else { throw CommandError("repeat needs a number", column: first.column) }
                    args.removeFirst()
                    repeats = try integer(r, what: "the repeat count", in: 1...1000)
                } else if shape == nil {
                    shape = try benchShape(first)
                } else {
                    throw CommandError("unexpected \(Quote.word(first.text))", column: first.column)
                }
            }
            return .bench(shape, repeats: repeats)
        case "lesson":
            return .lesson(try lessonCommand(&args, head))
        case "next", "hint", "skip", "solution", "answer":
            guard inLesson else {
                throw CommandError("'\(word)' works inside a lesson: start one with 'lesson play N' (see 'lesson list')", column: head.column)
            }
            switch word {
            case "next": try noMore(args); return .lesson(.next)
            case "hint": try noMore(args); return .lesson(.hint)
            case "skip": try noMore(args); return .lesson(.skip)
            case "solution": try noMore(args); return .lesson(.solution)
            default:
                guard !args.isEmpty else { throw CommandError("answer needs a value: answer VALUE", column: head.column) }
                return .lesson(.answer(args.map(\.text).joined(separator: " ")))
            }
        default:
            throw CommandError("unknown command \(Quote.word(head.text))", column: head.column,
                               suggestion: Suggest.closest(to: head.text, in: CommandTable.names))
        }
    }

    // MARK: Pieces

    private func noMore(_ args: [Token]) throws(CommandError) {
        if let extra = args.first { throw CommandError("unexpected \(Quote.word(extra.text))", column: extra.column) }
    }

    private func optionalWord(_ args: inout [Token]) throws(CommandError) -> String? {
        guard let first = args.first else { return nil }
        args.removeFirst()
        return first.text
    }

    private func keyword<K: RawRepresentable & CaseIterable>(_ args: inout [Token], _: K.Type, what: String, after head: Token)
        throws(CommandError) -> K where K.RawValue == String {
        let options = K.allCases.map(\.rawValue)
        guard let first = args.first else {
            throw CommandError("\(head.text) needs \(what): \(options.joined(separator: "|"))", column: head.column)
        }
        guard let k = K(rawValue: first.text) else {
            throw CommandError("unknown \(what) \(Quote.word(first.text)): use \(options.joined(separator: ", "))", column: first.column,
                               suggestion: Suggest.closest(to: first.text, in: options))
        }
        args.removeFirst()
        return k
    }

    private func pathArgument(_ args: inout [Token], after head: Token) throws(CommandError) -> String {
        guard let first = args.first else { throw CommandError("\(head.text) needs a path", column: head.column) }
        guard !first.text.isEmpty else { throw CommandError("empty path", column: first.column) }
        args.removeFirst()
        return first.text
    }

    private func seedClause(_ args: inout [Token]) throws(CommandError) -> UInt64? {
        guard let first = args.first else { return nil }
        guard first.text == "seed" else {
            throw CommandError("unexpected \(Quote.word(first.text)) (expected 'seed N')", column: first.column, suggestion: Suggest.closest(to: first.text, in: ["seed"]))
        }
        args.removeFirst()
        guard let value = args.first else { throw CommandError("seed needs a number", column: first.column) }
        args.removeFirst()
        guard let n = UInt64(value.text) else {
            throw CommandError("seed must be a whole number from 0 to \(UInt64.max), not \(Quote.word(value.text))", column: value.column)
        }
        return n
    }

    func integer(_ token: Token, what: String, in range: ClosedRange<Int>) throws(CommandError) -> Int {
        guard let n = Int(token.text), range.contains(n) else {
            throw CommandError("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(Quote.word(token.text))", column: token.column)
        }
        return n
    }

    /// `key=N` → N; nil if the token is not `key=…`.
    private func keyValue(_ token: Token, key: String) throws(CommandError) -> Int? {
        let prefix = key + "="
        guard token.text.hasPrefix(prefix) else { return nil }
        let value = Token(text: String(token.text.dropFirst(prefix.count)), column: token.column + prefix.count)
        return try integer(value, what: key, in: 0...CommandParser.maxDimension)
    }

    private func sizes(_ args: [Token], _ head: Token) throws(CommandError) -> SizeChange {
        guard !args.isEmpty else { throw CommandError("sizes needs at least one of B=N T=N D=N H=N", column: head.column) }
        var change = SizeChange()
        for token in args {
            let parts = token.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, ["B", "T", "D", "H"].contains(String(parts[0])) else {
                throw CommandError("sizes takes B=N, T=N, D=N, H=N, not \(Quote.word(token.text))", column: token.column)
            }
            let key = String(parts[0])
            let value = Token(text: String(parts[1]), column: token.column + 2)
            let n = try integer(value, what: key, in: 1...CommandParser.maxDimension)
            switch key {
            case "B": change.batch = n
            case "T": change.length = n
            case "D": change.inputSize = n
            default: change.hiddenSize = n
            }
        }
        return change
    }

    private func viewRequest(_ args: inout [Token], after head: Token, allowUnit: Bool) throws(CommandError) -> (ViewRequest, Int?) {
        guard let first = args.first else {
            throw CommandError("\(head.text) needs a name: \(CommandTable.viewNames.joined(separator: ", "))", column: head.column)
        }
        guard let name = ViewName(rawValue: first.text) else {
            throw CommandError("unknown view \(Quote.word(first.text)): one of \(CommandTable.viewNames.joined(separator: ", "))", column: first.column,
                               suggestion: Suggest.closest(to: first.text, in: CommandTable.viewNames))
        }
        args.removeFirst()
        var request = ViewRequest(name: name)
        var unit: Int?
        while let token = args.first, ViewName(rawValue: token.text) == nil {
            if token.text == "fwd" { request.direction = .forward }
            else if token.text == "bwd" { request.direction = .backward }
            else if let t = try keyValue(token, key: "t") { request.t = t }
            else if let b = try keyValue(token, key: "b") { request.b = b }
            else if allowUnit, let u = try keyValue(token, key: "u") { unit = u }
            else {
                throw CommandError("unexpected \(Quote.word(token.text)) (expected fwd, bwd, t=N or b=N\(allowUnit ? " or u=N" : ""))", column: token.column,
                                   suggestion: Suggest.closest(to: token.text, in: ["fwd", "bwd"]))
            }
            args.removeFirst()
        }
        return (request, unit)
    }

    private func setting(_ args: inout [Token], _ head: Token) throws(CommandError) -> Setting {
        let names = ["batch_first", "mode", "variant", "precision", "threads", "lang"]
        guard let name = args.first else { throw CommandError("set needs a setting: \(names.joined(separator: ", "))", column: head.column) }
        args.removeFirst()
        guard let value = args.first else { throw CommandError("set \(name.text) needs a value", column: name.column) }
        args.removeFirst()
        defer {}
        let result: Setting
        switch name.text {
        case "batch_first":
            guard value.text == "on" || value.text == "off" else {
                throw CommandError("batch_first is on or off, not \(Quote.word(value.text))", column: value.column)
            }
            result = .batchFirst(value.text == "on")
        case "mode":
            guard let m = StepMode(rawValue: value.text) else {
                throw CommandError("unknown mode \(Quote.word(value.text)): use fused, per-gate or hoisted", column: value.column,
                                   suggestion: Suggest.closest(to: value.text, in: StepMode.allCases.map(\.rawValue)))
            }
            result = .mode(m)
        case "variant":
            guard let v = Variant(rawValue: value.text) else {
                throw CommandError("unknown variant \(Quote.word(value.text)): use correct or draft", column: value.column,
                                   suggestion: Suggest.closest(to: value.text, in: Variant.allCases.map(\.rawValue)))
            }
            result = .variant(v)
        case "precision":
            result = .precision(try integer(value, what: "precision", in: 0...10))
        case "threads":
            result = .threads(try integer(value, what: "threads", in: 1...64))
        case "lang":
            guard let language = Language(code: value.text) else {
                throw CommandError("lang is en or zh, not \(Quote.word(value.text))", column: value.column,
                                   suggestion: Suggest.closest(to: value.text, in: Language.allCases.map(\.rawValue)))
            }
            result = .language(language)
        default:
            throw CommandError("unknown setting \(Quote.word(name.text)): one of \(names.joined(separator: ", "))", column: name.column,
                               suggestion: Suggest.closest(to: name.text, in: names))
        }
        try noMore(args)
        return result
    }

    private func benchShape(_ token: Token) throws(CommandError) -> BenchShape {
        let parts = token.text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 4 else {
            throw CommandError("bench shape is B,T,D,H (four numbers), not \(Quote.word(token.text))", column: token.column)
        }
        var values: [Int] = []
        for (i, p) in parts.enumerated() {
            values.append(try integer(Token(text: String(p), column: token.column), what: ["B", "T", "D", "H"][i], in: 1...CommandParser.maxDimension))
        }
        return BenchShape(sizes: LSTMSizes(batch: values[0], length: values[1], inputSize: values[2], hiddenSize: values[3]))
    }

    private func lessonCommand(_ args: inout [Token], _ head: Token) throws(CommandError) -> LessonCommand {
        let words = ["list", "play", "resume", "reset", "check"]
        guard let sub = args.first else { throw CommandError("lesson needs: \(words.joined(separator: ", "))", column: head.column) }
        args.removeFirst()
        let result: LessonCommand
        switch sub.text {
        case "list": result = .list
        case "resume": result = .resume
        case "play":
            guard let n = args.first else { throw CommandError("lesson play needs a lesson number (see 'lesson list')", column: sub.column) }
            args.removeFirst()
            result = .play(try integer(n, what: "the lesson number", in: 1...999))
        case "reset":
            if let n = args.first {
                args.removeFirst()
                result = .reset(try integer(n, what: "the lesson number", in: 1...999))
            } else {
                result = .reset(nil)
            }
        case "check":
            result = .check(path: try pathArgument(&args, after: sub))
        default:
            throw CommandError("unknown lesson command \(Quote.word(sub.text)): one of \(words.joined(separator: ", "))", column: sub.column,
                               suggestion: Suggest.closest(to: sub.text, in: words))
        }
        try noMore(args)
        return result
    }
}
