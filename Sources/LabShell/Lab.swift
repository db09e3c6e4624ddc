import LSTMCore
import LabText
import LessonKit
import TermRender

/// What handling one line produced: text for stdout, an error for stderr.
public struct LineResult: Equatable, Sendable {
    public var output: String
    public var error: String?
    public var quit: Bool
    /// The 1-based column of the word the error is about, when the parser knows it (for the caret).
    public var column: Int? = nil
    /// `.interrupted` when Ctrl-C stopped the command part way (not an error: the session goes on).
    public var outcome: Outcome = .completed
    /// `clear`: the front clears a terminal before the output; a pipe or script prints nothing.
    public var clearsScreen = false
}

/// The one front door for a line of input, whether typed, scripted, piped or
/// the first line of `--lesson N`: normalize, parse by the command table,
/// execute through the interpreter, render. The executable and the tests
/// drive the lab through this; a lesson's own lab lines, already parsed when
/// the lesson loaded, go through the same `Interpreter.execute`.
public struct Lab: Sendable {
    /// Holds the session, the playing lesson, the recording and how to render.
    public var interpreter: Interpreter

    public init(interpreter: Interpreter = Interpreter(), width: Int = 80, color: Bool = false) {
        self.interpreter = interpreter
        self.interpreter.width = width
        self.interpreter.color = color
    }

    public var session: Session { interpreter.session }

    /// Terminal width and colour, decided once by the front (kept by the interpreter, which renders).
    public var width: Int {
        get { interpreter.width }
        set { interpreter.width = newValue }
    }
    public var color: Bool {
        get { interpreter.color }
        set { interpreter.color = newValue }
    }
    /// The playing lesson and where lessons and progress live.
    public var lessons: LessonDriver {
        get { interpreter.lessons }
        set { interpreter.lessons = newValue }
    }
    /// The transcript `record FILE.md` is writing, if any.
    public var recording: Transcript? {
        get { interpreter.recording }
        set { interpreter.recording = newValue }
    }

    public var renderOptions: RenderOptions { interpreter.renderOptions }

    /// Whether a lesson is playing (its words `next`, `back`, `hint`… apply).
    public var inLesson: Bool { lessons.isPlaying }

    /// The parser for the next line: inside a lesson its words apply, and while a
    /// question waits a line that starts with no command word is the answer.
    public var parser: CommandParser {
        CommandParser(
            inLesson: inLesson, awaitingAnswer: inLesson && lessons.player?.isAwaitingAnswer == true,
            variables: Set(interpreter.session.variables.keys))
    }

    /// Handles one line. Errors are returned, never thrown: the session goes on.
    /// Lesson text comes first in the output, as it would appear on screen.
    public mutating func handle(_ line: String) -> LineResult {
        var parts: [String] = []
        var result = handle(line) { print in
            switch print {
            case .command(let c): parts.append(c)
            case .text(let t): parts.append(t)
            case .clearScreen: break
            }
        }
        if !parts.isEmpty {
            result.output = (parts + (result.output.isEmpty ? [] : [result.output])).joined(separator: "\n")
        }
        return result
    }

    /// Handles one line, handing lesson output to `sink` as it happens
    /// (commands before they run); other output is returned as usual.
    ///
    /// While a lesson's question waits, a line that is not a command is the
    /// answer (`16`, `b`, `[3, 5, 32]`, full-width forms too). While a task
    /// waits, each command the learner types is shown, then the task's check
    /// is tried on the session.
    public mutating func handle(_ typed: String, sink: (LessonPrint) -> Void) -> LineResult {
        guard recording != nil, !typed.trimmingCharacters(in: .whitespaces).hasPrefix("record") else {
            return handleLine(typed, sink: sink)
        }
        var shown: [String] = []
        let result = handleLine(typed) { print in
            switch print {
            case .command(let c), .text(let c): shown.append(c)
            case .clearScreen: break
            }
            sink(print)
        }
        if result.clearsScreen {
            recordSeparator()
            return result
        }
        recordLine(
            typed,
            (shown + [result.output] + (result.error.map { [Caret.label(language) + $0] } ?? [])).joined(
                separator: "\n"))
        return result
    }

    private mutating func handleLine(_ typed: String, sink: (LessonPrint) -> Void) -> LineResult {
        let line = InputNormalizer.normalize(typed)
        let taskWaits = lessons.player?.isAwaitingTask == true && inLesson
        do {
            guard let command = try parser.parse(line) else { return LineResult(output: "", error: nil, quit: false) }
            let result = try execute(command, sink: sink)
            // A waiting task sees the lab commands the learner types, not the lesson's own words.
            guard taskWaits, !command.isLessonWord else { return result }
            sink(.text(result.output))
            interpreter.observeTask(line, sink: sink)
            var shown = LineResult(output: "", error: nil, quit: result.quit, outcome: result.outcome)
            shown.clearsScreen = result.clearsScreen
            return shown
        } catch {
            guard taskWaits else { return LineResult(failure: error, read: line, typed: typed, in: self) }
            // A refused command may be the task (running the tutorial's error).
            sink(.text(Caret.label(language) + errorText(error, read: line, typed: typed)))
            interpreter.observeTask(line, sink: sink)
            return LineResult(output: "", error: nil, quit: false)
        }
    }

    /// The session's variables (`let`), sorted: Tab offers them.
    public var variableNames: [String] { interpreter.session.variables.keys.sorted() }

    /// The learner's language: `--lang`, `set lang`, else the locale.
    public var language: Language { interpreter.session.settings.language }

    /// An error as the learner sees it: quotations show what was typed (full-width
    /// characters and all), and paths and lesson text reach it whole, with nothing
    /// invisible getting through.
    func errorText(_ error: any Error, read: String, typed: String) -> String {
        let text = InputNormalizer.requote(word(error), normalized: read, typed: typed)
        return Quote.visible(text, keepingNewlines: true)
    }

    /// Executes a parsed command, whatever its source: the interpreter
    /// dispatches it (lesson words and `record` included), its outputs are
    /// rendered for this terminal; lesson text goes to `sink` as it happens.
    public mutating func execute(_ command: Command, sink: (LessonPrint) -> Void) throws -> LineResult {
        let execution = try interpreter.execute(command, sink: sink)
        var result = LineResult(
            output: render(execution.outputs), error: nil, quit: interpreter.wantsQuit,
            outcome: execution.outcome)
        result.clearsScreen = command == .clear
        return result
    }

    /// `execute(_:sink:)` with lesson text collected before the command's own output.
    public mutating func execute(_ command: Command) throws -> LineResult {
        var parts: [String] = []
        var result = try execute(command) { print in
            switch print {
            case .command(let c): parts.append(c)
            case .text(let t): parts.append(t)
            case .clearScreen: break
            }
        }
        if !parts.isEmpty {
            result.output = (parts + (result.output.isEmpty ? [] : [result.output])).joined(separator: "\n")
        }
        return result
    }

    /// Outputs as text for this terminal's width, colour and the session's precision.
    func render(_ outputs: [Output]) -> String { interpreter.render(outputs) }

    /// `lstmlab fwd 2/5 bwd 0/5> `
    public var prompt: String {
        (lessons.progressLine.map { "[\($0)] " } ?? "") + "lstmlab \(interpreter.session.positionText)> "
    }

    /// The greeting, in the session's language, with the demo model's sizes.
    public var banner: String {
        let s = interpreter.session.sizes
        return ShellMessage.banner(batch: s.batch, length: s.length, inputs: s.inputSize, hidden: s.hiddenSize).text(
            language)
    }

    /// The line-editing keys, said once after the banner on a terminal.
    public var keysHint: String { ShellMessage.keysHint.text(language) }
}

extension LineResult {
    /// A line that failed, worded by `lab.errorText`; a parse error keeps its column for the caret.
    init(failure error: any Error, read: String, typed: String, in lab: Lab) {
        self.init(
            output: "", error: lab.errorText(error, read: read, typed: typed), quit: false,
            column: (error as? CommandError)?.column ?? (error as? ExpressionFailure)?.column)
    }
}
