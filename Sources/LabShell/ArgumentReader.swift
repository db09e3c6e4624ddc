import Foundation
import LSTMCore
import LabText
import TensorExpr

/// What may come next where the words typed so far run out (for Tab).
public struct CompletionCandidates: Equatable, Sendable {
    public var words: [String] = []
    /// A path comes next: readline's file name completion.
    public var files = false
    /// A lesson number comes next: the lessons found.
    public var lessonNumbers = false
    /// An expression is being typed: names, functions, and methods after a `.`.
    public var expression = false
    /// A session variable's name comes next (`unlet NAME`): the variables `let` made.
    public var variableNames = false
    public init(words: [String] = [], files: Bool = false, lessonNumbers: Bool = false) {
        self.words = words
        self.files = files
        self.lessonNumbers = lessonNumbers
    }
}

/// Reads a command's words against its declared parameters: the one parser
/// every command goes through. In completion mode it reads the words before
/// the cursor and, where they run out, collects what could come next instead
/// of reporting what is missing.
struct ArgumentReader {
    let line: String
    let command: Token
    let usage: String
    var tokens: ArraySlice<Token>
    var result = ParsedArguments()
    let completing: Bool
    var candidates = CompletionCandidates()
    /// Completion reached a required argument: nothing after it can come next.
    var stopped = false
    /// Names an expression may read besides the built-in ones (the session's variables):
    /// a bare word that is none of them nor a view is refused as an unknown view.
    var variables: Set<String> = []

    init(line: String, tokens: [Token], usage: String, completing: Bool = false) {
        self.line = line
        self.command = tokens.first ?? Token(text: "", column: 1)
        self.tokens = tokens.dropFirst()
        self.usage = usage
        self.completing = completing
        result.isEmpty = self.tokens.isEmpty
    }

    /// Reads every parameter, then refuses any word left over.
    mutating func readAll(_ parameters: [Parameter]) throws(CommandError) -> ParsedArguments {
        try read(parameters, owner: command, more: false)
        if let extra = tokens.first, !completing { throw Self.unexpected(extra) }
        return result
    }

    static func unexpected(_ token: Token) -> CommandError {
        CommandError(.unexpected(word: Quote.word(token.text)), column: token.column)
    }

    /// - Parameter more: whether parameters of an enclosing list follow these.
    mutating func read(_ parameters: [Parameter], owner: Token, more: Bool) throws(CommandError) {
        var i = 0
        while i < parameters.count && !stopped {
            let p = parameters[i]
            let last = i == parameters.count - 1 && !more
            let following = i < parameters.count - 1 || more
            switch p.presence {
            case .option:
                var group = [p]
                while i + group.count < parameters.count, parameters[i + group.count].presence == .option {
                    group.append(parameters[i + group.count])
                }
                try readOptions(group, owner: owner)
                i += group.count
                continue
            case .required, .repeated, .any:
                guard let token = tokens.first else {
                    if p.presence == .any {
                        if completing { offer(p.kind) }
                        i += 1
                        continue
                    }
                    if completing {
                        offer(p.kind)
                        stopped = true
                        return
                    }
                    throw missing(p, owner: owner)
                }
                try readOne(p, token, owner: owner, more: following)
                let many = p.presence == .repeated || p.presence == .any
                while many && !stopped, let next = tokens.first {
                    try readOne(p, next, owner: owner, more: following)
                }
                if many && completing && tokens.isEmpty && !stopped { offer(p.kind) }
            case .optional:
                guard let token = tokens.first else {
                    if completing { offer(p.kind) }
                    i += 1
                    continue
                }
                if last || fits(p.kind, token) { try readOne(p, token, owner: owner, more: following) }
            }
            i += 1
        }
    }

    /// Order-free options: read while a word fits one not yet taken.
    mutating func readOptions(_ group: [Parameter], owner: Token) throws(CommandError) {
        var taken = Set<String>()
        while let token = tokens.first {
            // A word that names an option (`repeat`, `t=`) goes to it before a bare value is tried.
            let open = group.filter { isRepeatable($0.kind) || !taken.contains($0.key) }
            guard
                let p = open.first(where: { isRepeatable($0.kind) && fits($0.kind, token) })
                    ?? open.first(where: { fits($0.kind, token) })
            else { return }
            taken.insert(p.key)
            try readOne(p, token, owner: owner, more: true)
            if stopped { return }
        }
        if completing { for p in group { offer(p.kind) } }
    }

    /// Keyed options and clauses may be given again (the last wins); a bare value only once.
    func isRepeatable(_ kind: ArgumentKind) -> Bool {
        switch kind {
        case .keyed, .clause, .direction, .unitRange: true
        default: false
        }
    }

    /// Whether `token` can be this kind of argument (an optional one is skipped when not).
    func fits(_ kind: ArgumentKind, _ token: Token) -> Bool {
        switch kind {
        case .direction(let set): set.contains { $0.rawValue == token.text }
        case .keyed(let key, _): token.text.hasPrefix(key + "=")
        case .unitRange: token.text.hasPrefix("u=")
        case .oneOf(let choice): choice.words.contains(token.text)
        case .clause(let word, _): token.text == word
        default: true
        }
    }

    mutating func offer(_ kind: ArgumentKind) {
        switch kind {
        case .direction(let set): candidates.words += set.map(\.rawValue)
        case .keyed(let key, _): candidates.words.append(key + "=")
        case .unitRange: candidates.words.append("u=")
        case .oneOf(let choice): candidates.words += choice.words
        case .clause(let word, _): candidates.words.append(word)
        case .path: candidates.files = true
        case .lessonNumber: candidates.lessonNumbers = true
        case .view: candidates.words += ViewName.allCases.map(\.rawValue)
        case .viewOrExpression:
            candidates.words += ViewName.allCases.map(\.rawValue)
            candidates.expression = true
        case .commandName: candidates.words += CommandTable.names
        case .assignments(let keys, _): candidates.words += keys.map { $0 + "=" }
        case .timeTarget: candidates.words += ["t=", "start", "end"]
        case .expression: candidates.expression = true
        case .assignment: break
        case .variableName: candidates.variableNames = true
        case .saveTarget:
            candidates.words.append("weights")
            candidates.expression = true
        case .lengthList: candidates.words.append("none")
        case .count, .seed, .shape, .words: break
        }
    }

    func missing(_ p: Parameter, owner: Token) -> CommandError {
        let (c, o) = (command.text, owner.text)
        if let m = p.missing { return CommandError(said: m.said(c, o), column: owner.column) }
        let said: ArgumentMessage
        let names = ViewName.allCases.map(\.rawValue)
        switch p.kind {
        case .oneOf(let choice): said = choice.missing.said(c, o)
        case .path: said = .needsPath(owner: o)
        case .view: said = .needsNames(command: c, names: names)
        case .timeTarget: said = .needsTarget(command: c, usage: usage)
        case .assignments(let keys, _): said = .needsAssignments(command: c, keys: keys)
        case .expression, .words: said = .needsValueUsage(command: c, usage: usage)
        case .assignment: said = .letNeeds
        case .variableName: said = .needsVariable(command: c)
        case .saveTarget: said = .saveNeeds
        case .viewOrExpression: said = .needsNameOrExpression(command: c, names: names)
        default: said = .needsArgument(owner: o, form: Usage.core(p))
        }
        return CommandError(said: said, column: owner.column)
    }
}

// MARK: - One argument

extension ArgumentReader {
    mutating func take() { tokens = tokens.dropFirst() }

    // The kinds are one switch on purpose: each case is a few lines, and a new
    // kind is added here and in `fits`, `offer` and `Usage.core`.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func readOne(_ p: Parameter, _ token: Token, owner: Token, more: Bool) throws(CommandError) {
        switch p.kind {
        case .direction(let set):
            try readDirection(p.key, token, set)
        case .count(let what, let range):
            result.integers[p.key] = try Self.integer(token, what: what, in: range)
            take()
        case .keyed(let key, let range):
            guard let value = try Self.keyValue(token, key: key, in: range) else { throw Self.unexpected(token) }
            take()
            result.integers[p.key] = value
        case .unitRange:
            result.ranges[p.key] = try Self.unitRange(token)
            take()
        case .oneOf(let choice):
            try readBranch(p.key, token, choice, more: more)
        case .clause(let word, let valueKind):
            try readClause(p.key, token, word: word, valueKind, more: more)
        case .seed:
            try readSeed(p.key, token)
        case .path:
            guard !token.text.isEmpty else { throw CommandError(said: ArgumentMessage.emptyPath, column: token.column) }
            take()
            result.texts[p.key] = token.text
        case .lessonNumber:
            result.integers[p.key] = try Self.integer(token, what: "the lesson number", in: 1...999)
            take()
        case .view(let options):
            try readView(token, options: options)
        case .commandName:
            take()
            result.words[p.key] = token.text
        case .assignments(let keys, let range):
            try readAssignments(keys, range: range)
        case .shape:
            (result.shape, result.shapeLayers) = try Self.shape(token)
            take()
        case .lengthList:
            result.lengthList = try Self.lengthList(token)
            take()
        case .timeTarget:
            result.goto = try timeTarget(token)
            take()
        case .expression:
            readExpression(p.key, from: token)
        case .viewOrExpression(let options):
            try readViewOrExpression(p, token, options: options)
        case .saveTarget:
            try readSaveTarget(token)
        case .variableName:
            take()
            result.words[p.key] = token.text
        case .assignment:
            try readAssignment(token)
        case .words:
            result.texts[p.key] = tokens.map(\.text).joined(separator: " ")
            tokens = []
        }
    }

    /// `fwd`, `bwd` or `both`, as the parameter allows.
    private mutating func readDirection(
        _ key: String, _ token: Token, _ set: [DirectionChoice]
    ) throws(CommandError) {
        guard let d = set.first(where: { $0.rawValue == token.text }) else {
            let words = set.map(\.rawValue)
            throw CommandError(
                said: ArgumentMessage.unknownDirection(word: Quote.word(token.text), words: words),
                column: token.column, suggestion: Suggest.closest(to: token.text, in: words))
        }
        take()
        result.directions[key] = d
    }

    /// A subcommand word, then that branch's own parameters.
    private mutating func readBranch(
        _ key: String, _ token: Token, _ choice: Choice, more: Bool
    ) throws(CommandError) {
        guard let branch = choice.branches.first(where: { $0.word == token.text }) else {
            throw CommandError(
                said: choice.unknown(Quote.word(token.text)), column: token.column,
                suggestion: Suggest.closest(to: token.text, in: choice.words))
        }
        take()
        result.words[key] = branch.word
        try read(branch.parameters, owner: token, more: more)
    }

    /// `WORD VALUE` (`seed 3`, `repeat 20`, `step 4`).
    private mutating func readClause(
        _ key: String, _ token: Token, word: String, _ valueKind: ArgumentKind, more: Bool
    ) throws(CommandError) {
        guard token.text == word else {
            throw CommandError(
                said: ArgumentMessage.expectedClause(word: Quote.word(token.text), clause: word), column: token.column,
                suggestion: Suggest.closest(to: token.text, in: [word]))
        }
        take()
        guard let value = tokens.first else {
            if completing {
                stopped = true
                return
            }
            throw CommandError(said: ArgumentMessage.clauseNeedsNumber(clause: word), column: token.column)
        }
        try readOne(Parameter(key, valueKind, .required), value, owner: token, more: more)
    }

    private mutating func readSeed(_ key: String, _ token: Token) throws(CommandError) {
        guard let n = UInt64(token.text) else {
            throw CommandError(
                said: ArgumentMessage.seedRange(max: "\(UInt64.max)", word: Quote.word(token.text)),
                column: token.column)
        }
        take()
        result.seeds[key] = n
    }
}
