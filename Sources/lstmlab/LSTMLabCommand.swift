import ArgumentParser
import Foundation
import LSTMCore
import LabShell
import LabText
import TensorFiles

struct LSTMLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lstmlab",
        abstract: "Step through a bidirectional LSTM one timestep at a time, in either direction.",
        discussion: """
            With no FILE and no -c, lstmlab starts the interactive lab on a terminal, or reads commands from standard input when it is a pipe. Inside the lab, 'help' lists the commands.

            'lstmlab bench --shape B,T,D,H [--threads N] [--repeat R] [--json]' times a full bidirectional forward in each mode (see 'lstmlab bench --help').

            Exit status: 0 ok, 1 a command failed, 2 usage error.
            """
    )

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run these commands (separated by ';') and exit.", valueName: "commands"))
    var commands: String?

    @Flag(
        name: .long, help: "Print the command reference (docs/COMMANDS.md), generated from the command table, and exit."
    )
    var commandsMarkdown = false

    @Flag(
        name: .long,
        help: "In -c, FILE or piped input: report each failing command and go on (exit 1 at the end if any failed).")
    var keepGoing = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Colour: auto (a terminal without NO_COLOR or TERM=dumb), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(
        name: .long, help: ArgumentHelp("Refuse sizes whose memory estimate exceeds this many MiB.", valueName: "MiB"))
    var memoryLimit: Int = 2048

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Refuse commands whose estimated floating-point work exceeds this many GFLOP (init, sizes, step, goto, run, bench).",
            valueName: "GFLOP"))
    var computeLimit: Int = 1000

    @Option(
        name: .long,
        help: ArgumentHelp("Threads for step, run and bench (default: the machine's cores).", valueName: "N"))
    var threads: Int?

    @OptionGroup(title: "Lessons") var lessonOptions: LessonOptions

    @Argument(help: ArgumentHelp("A script of lab commands, one per line ('#' starts a comment).", valueName: "FILE"))
    var file: String?

    func validate() throws {
        let say = UsageMessage.refusal
        guard memoryLimit >= 1 && memoryLimit <= 1 << 30 else { throw say(.memoryLimitRange(max: 1 << 30)) }
        guard computeLimit >= 1 && computeLimit <= 1_000_000_000 else {
            throw say(.computeLimitRange(max: 1_000_000_000))
        }
        if let threads, !(1...64).contains(threads) { throw say(.threadsRange(max: 64)) }
        if commands != nil && file != nil { throw say(.commandsOrFile) }
        if lessonOptions.lesson != nil && (commands != nil || file != nil) { throw say(.lessonWithScript) }
    }

    func run() throws {
        if commandsMarkdown {
            let zh = lessonOptions.lang.flatMap(Language.init(code:)) == .zh
            FileHandle.standardOutput.write(
                Data(
                    (zh
                        ? LauncherReference.chineseCommandsMarkdown
                        : LauncherReference.commandsMarkdown).utf8))
            return
        }
        var settings = Session.Settings()
        settings.memoryLimit = memoryLimit << 20
        settings.computeLimit = Double(computeLimit) * 1e9
        settings.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        settings.language =
            lessonOptions.lang.flatMap(Language.init(code:))
            ?? Language.fromLocale(Terminal.current.environment)
        let interpreter = Interpreter(session: .demo(settings: settings))
        let terminal = Terminal.current
        var lab = Lab(interpreter: interpreter, width: terminal.width, color: color.enabled(on: terminal))
        Interrupts.installTermination()
        lab.interpreter.context.shouldCancel = { Interrupts.isRequested }
        lab.lessons.config = lessonOptions.config(terminal)
        if let id = lessonOptions.lesson {
            throw ExitCode(LessonLaunch.run(lessonOptions, id: id, lab: &lab, terminal: terminal))
        }
        if let commands {
            let lines = Tokenizer.splitStatements(commands).map(Optional.some)
            throw ExitCode(ScriptRunner.run(lines: lines, source: "-c", lab: &lab, keepGoing: keepGoing))
        }
        if let file {
            // Checked by name before opening: a FIFO would block the open, /dev/zero never ends.
            let kind = FileKind(path: file)
            let lines: [String?]
            do {
                switch kind {
                case .missing: throw FileFormatError(file: file, problem: .missing)
                case .folder: throw FileFormatError(file: file, said: FileReplyMessage.folderNotScript)
                case .regular: lines = try TextLines.read(path: file, maxBytes: Self.maxScriptBytes)
                default: throw FileFormatError(file: file, problem: kind.problem ?? .notRegular(kind: nil))
                }
            } catch {
                let said = (error as? FileFormatError)?.text(lab.language) ?? "\(error)"
                FileHandle.standardError.write(Data("lstmlab: \(said)\n".utf8))
                throw ExitCode(2)
            }
            throw ExitCode(ScriptRunner.run(lines: lines, source: file, lab: &lab, keepGoing: keepGoing))
        }
        if terminal.stdinIsTTY {
            throw ExitCode(InteractiveLoop.run(lab: &lab, terminal: terminal))
        }
        let lines = TextLines.split(Array(FileHandle.standardInput.readDataToEndOfFile()))
        throw ExitCode(ScriptRunner.run(lines: lines, source: "<stdin>", lab: &lab, keepGoing: keepGoing))
    }

    /// The largest script file read (a line is at most 4,096 characters; this is 16,384 such lines).
    static let maxScriptBytes = 64 << 20
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(on terminal: Terminal) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto:
            terminal.stdoutIsTTY && terminal.environment["NO_COLOR"] == nil && terminal.environment["TERM"] != "dumb"
        }
    }
}
