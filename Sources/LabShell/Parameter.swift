import LabText

/// One argument slot of a command as the table declares it. The same
/// declaration drives the parser (`ArgumentReader`), the usage line of `help`,
/// tab completion and `docs/COMMANDS.md`, so they cannot disagree.
///
/// ```
/// step [fwd|bwd|both] [N]      .optional("dir", .direction(.all)), .optional("count", .count(…))
/// init tutorial|… [seed N]     .required("kind", .oneOf(…)), .optional("seed", .clause("seed", .seed))
/// show NAME [fwd|bwd] [t=N]    .required("view", .view(options: […]))
/// ```
public struct Parameter: Sendable {
    public enum Presence: Sendable {
        /// Must be there; a missing one is an error naming it.
        case required
        /// Taken when the next word fits; skipped otherwise (the last one reports the misfit).
        case optional
        /// One or more, to the end of the line.
        case repeated
        /// None or more, to the end of the line (`watch` alone lists, `watch NAME … NAME …` adds).
        case any
        /// Any order among neighbouring `.option`s (`bench [B,T,D,H] [repeat R]`).
        case option
    }

    /// Where the parsed value is stored in `ParsedArguments`.
    public var key: String
    public var kind: ArgumentKind
    public var presence: Presence
    /// The placeholder in usage text (`N`, `PATH`, `DIR`, `VALUE`); nil: from the kind.
    public var label: String?
    /// Overrides the kind's "needs …" message when the parameter is missing.
    public var missing: MissingMessage?

    public init(
        _ key: String, _ kind: ArgumentKind, _ presence: Presence, label: String? = nil,
        missing: MissingMessage? = nil
    ) {
        self.key = key
        self.kind = kind
        self.presence = presence
        self.label = label
        self.missing = missing
    }

    public static func required(
        _ key: String, _ kind: ArgumentKind, label: String? = nil,
        missing: MissingMessage? = nil
    ) -> Parameter {
        Parameter(key, kind, .required, label: label, missing: missing)
    }

    public static func optional(_ key: String, _ kind: ArgumentKind, label: String? = nil) -> Parameter {
        Parameter(key, kind, .optional, label: label)
    }

    public static func repeated(_ key: String, _ kind: ArgumentKind, missing: MissingMessage? = nil) -> Parameter {
        Parameter(key, kind, .repeated, missing: missing)
    }

    public static func any(_ key: String, _ kind: ArgumentKind) -> Parameter {
        Parameter(key, kind, .any)
    }

    public static func option(_ key: String, _ kind: ArgumentKind, label: String? = nil) -> Parameter {
        Parameter(key, kind, .option, label: label)
    }
}

/// The message for a missing argument, given the command word and the word
/// that owns the argument (the command, or a subcommand such as `set mode`).
public struct MissingMessage: Sendable {
    public var said: @Sendable (_ command: String, _ owner: String) -> ArgumentMessage
    public init(said: @escaping @Sendable (_ command: String, _ owner: String) -> ArgumentMessage) { self.said = said }
    /// The same words whatever the owner.
    public static func fixed(_ s: ArgumentMessage) -> MissingMessage { MissingMessage(said: { _, _ in s }) }
    /// `set lang needs a value`.
    public static let value = MissingMessage(said: { .needsValue(command: $0, owner: $1) })
}

/// What a word (or the rest of the line) means to a command.
public indirect enum ArgumentKind: Sendable {
    /// `fwd`, `bwd`, `both` or a subset; stored as a `DirectionChoice`.
    case direction([DirectionChoice])
    /// A bare whole number in `range`; `what` names it in errors ("the number of steps").
    case count(what: String, range: ClosedRange<Int>)
    /// `key=N` with N in `range` (`t=`, `b=`, `u=`).
    case keyed(String, range: ClosedRange<Int>)
    /// `u=N` or `u=A..B`: a range of units (the hidden axis), stored under the key in `ranges`.
    case unitRange
    /// One word of a closed set, each with its own further parameters (`set mode …`, `lesson play N`).
    case oneOf(Choice)
    /// `word VALUE`, such as `seed N` or `repeat R`; the value is stored under the parameter's key.
    case clause(String, ArgumentKind)
    /// A whole number from 0 to `UInt64.max` (a seed).
    case seed
    /// A file or folder path (quotes keep spaces).
    case path
    /// A lesson number 1…999 (completion lists the lessons found).
    case lessonNumber
    /// A view name and its options in any order (`gates fwd t=0 b=1`).
    case view(options: [Parameter])
    /// A command word (for `help`).
    case commandName
    /// `KEY=N` pairs, any subset of `keys`, at least one (`sizes B=3 T=5`).
    case assignments([String], range: ClosedRange<Int>)
    /// `B,T,D,H` (and `,L` where `allowsLayers`).
    case shape
    /// `N,N,…` (one length per sequence) or `none`.
    case lengthList
    /// `t=N`, `start` or `end`.
    case timeTarget
    /// The rest of the line as the learner typed it (quotes and spacing kept): for expressions.
    case expression
    /// A view name and its options (as `.view`), or else an expression to the end of the line
    /// (`show c_f[:, 0]`, `spark c_f[:, 0, 5]`).
    case viewOrExpression(options: [Parameter])
    /// `NAME = EXPR` (under `name` and `expr`), spaces around `=` optional.
    case assignment
    /// A variable's name (one word).
    case variableName
    /// `weights PATH` (stored under `path`), or `EXPR to PATH` (under `expr` and `path`).
    case saveTarget
    /// The rest of the line as words joined by one space (quotes removed): for answers.
    case words
}

/// The closed set of words a `.oneOf` accepts, and how its errors read.
public struct Choice: Sendable {
    public struct Branch: Sendable {
        public var word: String
        public var parameters: [Parameter]
        public init(_ word: String, _ parameters: [Parameter] = []) {
            self.word = word
            self.parameters = parameters
        }
    }

    public var branches: [Branch]
    /// "no word given": (command, owner) → message.
    public var missing: MissingMessage
    /// "a word not in the set": the word as typed, quoted → message.
    public var unknown: @Sendable (_ quoted: String) -> ArgumentMessage

    public init(
        _ branches: [Branch], missing: MissingMessage, said unknown: @escaping @Sendable (String) -> ArgumentMessage
    ) {
        self.branches = branches
        self.missing = missing
        self.unknown = unknown
    }

    /// `packed is on or off, not 'x'`.
    public static func setting(_ name: String, _ words: [String]) -> Choice {
        Choice(words.map { Branch($0) }, missing: .value, said: { .settingIs(setting: name, words: words, word: $0) })
    }

    public var words: [String] { branches.map(\.word) }

    /// `init needs initialiser: tutorial|pytorch|zeros` / `unknown initialiser 'x': use tutorial, pytorch, zeros`.
    public static func keyword(_ words: [String], what: String) -> Choice {
        Choice(
            words.map { Branch($0) },
            missing: MissingMessage(said: { command, _ in .needsKeyword(command: command, what: what, words: words) }),
            said: { .unknownKeyword(what: what, word: $0, words: words) })
    }

    /// A setting's value: `unknown mode 'x': use fused, per-gate or hoisted`.
    public static func value(_ words: [String], what: String) -> Choice {
        Choice(
            words.map { Branch($0) },
            missing: .value, said: { .unknownValue(what: what, word: $0, words: words) })
    }

    /// Subcommands: `unknown lesson command 'x': one of list, play, …`.
    public static func subcommands(_ branches: [Branch], what: String, missing: MissingMessage) -> Choice {
        let words = branches.map(\.word)
        return Choice(
            branches, missing: missing,
            said: { .unknownSubcommand(what: what, word: $0, words: words) })
    }
}
