import LSTMCore
import LabText
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
}

/// One line in, text out: tokenize, parse, execute, render. The executable
/// and the tests drive the lab through this.
public struct Lab: Sendable {
    public var interpreter: Interpreter
    /// Terminal width and colour, decided once by the front.
    public var width: Int
    public var color: Bool
    /// The playing lesson and where lessons and progress live (Interpreter+Lessons.swift).
    public var lessons = LessonDriver()
    /// The transcript `record FILE.md` is writing, if any.
    public var recording: Transcript?

    public init(interpreter: Interpreter = Interpreter(), width: Int = 80, color: Bool = false) {
        self.interpreter = interpreter
        self.width = width
        self.color = color
    }

    public var session: Session { interpreter.session }

    public var renderOptions: RenderOptions {
        RenderOptions(
            precision: interpreter.session.settings.precision, width: width, color: color,
            language: interpreter.session.settings.language)
    }

    /// Whether a lesson is playing (its words `next`, `back`, `hint`… apply).
    public var inLesson: Bool { lessons.isPlaying }

    public var parser: CommandParser {
        CommandParser(inLesson: inLesson, variables: Set(interpreter.session.variables.keys))
    }

    /// Handles one line. Errors are returned, never thrown: the session goes on.
    /// Lesson text comes first in the output, as it would appear on screen.
    public mutating func handle(_ line: String) -> LineResult {
        var parts: [String] = []
        var result = handle(line) { print in
            switch print {
            case .command(let c): parts.append(c)
            case .text(let t): parts.append(t)
            }
        }
        if !parts.isEmpty {
            result.output = (parts + (result.output.isEmpty ? [] : [result.output])).joined(separator: "\n")
        }
        return result
    }

    /// The learner's language: `--lang`, `set lang`, else the locale.
    public var language: Language { interpreter.session.settings.language }

    /// An error as the learner sees it: quotations show what was typed (full-width
    /// characters and all), and paths and lesson text reach it whole, with nothing
    /// invisible getting through.
    func errorText(_ error: any Error, read: String, typed: String) -> String {
        let text = InputNormalizer.requote(word(error), normalized: read, typed: typed)
        return Quote.visible(text, keepingNewlines: true)
    }

    /// Executes a parsed command, whatever its source (typed, a script, a pipe,
    /// a lesson's lab line): lesson words go to the lesson driver, their text to
    /// `sink` as it happens; every other command to the interpreter.
    public mutating func execute(_ command: Command, sink: (LessonPrint) -> Void) throws -> LineResult {
        if case .lesson(let lesson) = command {
            try executeLesson(lesson, sink: sink)
            return LineResult(output: "", error: nil, quit: false)
        }
        if case .record(let path) = command { return try record(path) }
        let execution = try interpreter.execute(command)
        // Lessons follow the session's language once it is changed in the lab.
        if case .set(.language(let language)) = command { lessons.config?.language = language.rawValue }
        return LineResult(
            output: render(execution.outputs), error: nil, quit: interpreter.wantsQuit,
            outcome: execution.outcome)
    }

    /// `execute(_:sink:)` with lesson text collected before the command's own output.
    public mutating func execute(_ command: Command) throws -> LineResult {
        var parts: [String] = []
        var result = try execute(command) { print in
            switch print {
            case .command(let c): parts.append(c)
            case .text(let t): parts.append(t)
            }
        }
        if !parts.isEmpty {
            result.output = (parts + (result.output.isEmpty ? [] : [result.output])).joined(separator: "\n")
        }
        return result
    }

    /// Outputs as text for this terminal's width, colour and the session's precision.
    func render(_ outputs: [Output]) -> String {
        outputs.map { Renderer.render($0, options: renderOptions) }.joined(separator: "\n")
    }

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
