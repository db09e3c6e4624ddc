import LSTMCore
import TermRender

/// What handling one line produced: text for stdout, an error for stderr.
public struct LineResult: Equatable, Sendable {
    public var output: String
    public var error: String?
    public var quit: Bool
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

    public init(interpreter: Interpreter = Interpreter(), width: Int = 80, color: Bool = false) {
        self.interpreter = interpreter
        self.width = width
        self.color = color
    }

    public var session: Session { interpreter.session }

    public var renderOptions: RenderOptions {
        RenderOptions(precision: interpreter.session.settings.precision, width: width, color: color)
    }

    /// Whether a lesson is playing (its words `next`, `back`, `hint`… apply).
    public var inLesson: Bool { lessons.isPlaying }

    public var parser: CommandParser { CommandParser(inLesson: inLesson) }

    /// Handles one line. Errors are returned, never thrown: the session goes on.
    public mutating func handle(_ line: String) -> LineResult {
        do {
            guard let command = try parser.parse(line) else { return LineResult(output: "", error: nil, quit: false) }
            return try execute(command)
        } catch {
            // Paths and lesson text reach messages whole: nothing invisible gets through.
            return LineResult(output: "", error: Quote.visible("\(error)", keepingNewlines: true), quit: false)
        }
    }

    public mutating func execute(_ command: Command) throws -> LineResult {
        if case .lesson(let lesson) = command { return try executeLesson(lesson) }
        let outputs = try interpreter.execute(command)
        let text = outputs.map { Renderer.render($0, options: renderOptions) }.joined(separator: "\n")
        return LineResult(output: text, error: nil, quit: interpreter.wantsQuit)
    }

    /// `lstmlab fwd 2/5 bwd 0/5> `
    public var prompt: String {
        (lessons.progressLine.map { "[\($0)] " } ?? "") + "lstmlab \(interpreter.session.positionText)> "
    }

    public static let banner = """
    LSTMLab: a bidirectional LSTM you can step through, one timestep at a time.
    Demo model: B=3 sequences, T=5 steps, D=8 inputs, H=16 hidden units (init tutorial, seed 0).
    Type 'help' for commands, 'step' to take a step in both directions, 'lesson list' for lessons.
    """
}
