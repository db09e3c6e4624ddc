/// One entry of the command table: a command's words, arguments, help,
/// examples and where it may be used, declared once. The parser, `help`,
/// tab completion and `docs/COMMANDS.md` are all read from it.
public struct CommandSpec: Sendable {
    public enum Scope: Sendable {
        /// Typed anywhere; a lesson's lab block may run it.
        case anywhere
        /// Reads or writes files: typed anywhere, refused in a lesson's lab block.
        case files
        /// Typed anywhere, but a lesson's lab block may not run it (lessons, quit).
        case notInLabBlocks
        /// Only while a lesson plays (`next`, `hint`, …).
        case lessonOnly
    }

    public var name: String
    public var aliases: [String]
    public var group: CommandGroup
    public var parameters: [Parameter]
    /// The one-line help shown by `help` (and the start of the doc's meaning column).
    public var summary: String
    /// More for `docs/COMMANDS.md` only: defaults, limits, what Ctrl-C does.
    public var details: String
    /// Each parses (a test checks); the first is shown by `help CMD`.
    public var examples: [String]
    public var scope: Scope
    /// Turns what was read into the command; nil only if the table and `make` disagree (a test parses every example).
    let make: @Sendable (ParsedArguments, ParseContext) -> Command?

    public init(
        _ name: String, aliases: [String] = [], group: CommandGroup, _ parameters: [Parameter] = [],
        summary: String, details: String = "", examples: [String], scope: Scope = .anywhere,
        make: @escaping @Sendable (ParsedArguments, ParseContext) -> Command?
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.parameters = parameters
        self.summary = summary
        self.details = details
        self.examples = examples
        self.scope = scope
        self.make = make
    }

    /// `step [fwd|bwd|both] [N]`.
    public var usage: String { Usage.line(name, parameters) }

    public var example: String { examples.first ?? name }

    /// Whether a lesson's lab block may run it.
    public var allowedInLabBlock: Bool { scope == .anywhere }

    /// Every word completion could offer somewhere in this command (for fuzzing and checks).
    public var keywords: [String] { Self.keywords(parameters) }

    /// Whether some argument is a file path.
    public var takesPath: Bool { Self.takesPath(parameters) }

    private static func keywords(_ parameters: [Parameter]) -> [String] {
        parameters.flatMap { p -> [String] in
            switch p.kind {
            case .direction(let set): return set.map(\.rawValue)
            case .keyed(let key, _): return [key + "="]
            case .oneOf(let choice): return choice.branches.flatMap { [$0.word] + keywords($0.parameters) }
            case .clause(let word, _): return [word]
            case .view(let options), .viewOrExpression(let options):
                return ViewName.allCases.map(\.rawValue) + keywords(options)
            case .assignments(let keys, _): return keys.map { $0 + "=" }
            case .timeTarget: return ["t=", "start", "end"]
            default: return []
            }
        }
    }

    private static func takesPath(_ parameters: [Parameter]) -> Bool {
        parameters.contains { p in
            switch p.kind {
            case .path: return true
            case .oneOf(let choice): return choice.branches.contains { takesPath($0.parameters) }
            default: return false
            }
        }
    }
}

/// The headings of `help` and of `docs/COMMANDS.md`, in order.
public enum CommandGroup: String, CaseIterable, Sendable {
    case model = "Model and input"
    case stepping = "Stepping"
    case looking = "Looking"
    case settings = "Settings"
    case lessons = "Lessons"
    case session = "Session"
}
