/// A lesson: a Markdown article whose `## ` sections are steps the player runs
/// on the learner's live session. See `docs/LESSON-FORMAT.md`.
public struct Lesson: Equatable, Sendable {
    /// The file it was read from, as given to the loader (used in `FILE:LINE`).
    public var file: String
    public var id: Int
    public var title: String
    /// `en` or `zh`; decides the player's own messages.
    public var language: String
    /// A teacher's lesson: `skip` and `solution` are refused.
    public var lockSkip: Bool
    /// Text before the first step.
    public var intro: String
    public var steps: [LessonStep]

    public init(file: String, id: Int, title: String, language: String, lockSkip: Bool,
                intro: String, steps: [LessonStep]) {
        self.file = file
        self.id = id
        self.title = title
        self.language = language
        self.lockSkip = lockSkip
        self.intro = intro
        self.steps = steps
    }

    /// `FILE:LINE`.
    public func location(_ line: Int) -> String { "\(file):\(line)" }
}

/// One `## ` section: narration, lab commands and at most one question, in
/// the order they are written.
public struct LessonStep: Equatable, Sendable {
    public var title: String
    /// The line of the `## ` heading.
    public var line: Int
    public var segments: [LessonSegment]

    public init(title: String, line: Int, segments: [LessonSegment]) {
        self.title = title
        self.line = line
        self.segments = segments
    }

    public var question: LessonQuestion? {
        for case .question(let q) in segments { return q }
        return nil
    }

    /// Every lab line of the step, in order.
    public var labLines: [LabLine] {
        segments.flatMap { segment -> [LabLine] in
            if case .lab(let lines) = segment { return lines }
            return []
        }
    }
}

public enum LessonSegment: Equatable, Sendable {
    case narration(String)
    case lab([LabLine])
    case question(LessonQuestion)
}

/// One command of a ```` ```lab ```` block.
public struct LabLine: Equatable, Sendable {
    /// The command as written, without a trailing comment.
    public var command: String
    public var line: Int

    public init(command: String, line: Int) {
        self.command = command
        self.line = line
    }
}

/// A ```` ```question ```` block.
public struct LessonQuestion: Equatable, Sendable {
    public var ask: String
    public var answer: AnswerSpec
    /// The `answer:` text as written (compared between languages).
    public var answerText: String
    public var choices: [Choice]
    /// Graded hints, at most three, gentlest first.
    public var hints: [String]
    public var solution: String
    /// The line of the opening fence.
    public var line: Int
    public var answerLine: Int

    public init(ask: String, answer: AnswerSpec, answerText: String, choices: [Choice], hints: [String],
                solution: String, line: Int, answerLine: Int) {
        self.ask = ask
        self.answer = answer
        self.answerText = answerText
        self.choices = choices
        self.hints = hints
        self.solution = solution
        self.line = line
        self.answerLine = answerLine
    }

    public static let maxHints = 3
}

/// A `choice: K) text` line.
public struct Choice: Equatable, Sendable {
    /// Lowercased key, for example `b`.
    public var key: String
    public var text: String

    public init(key: String, text: String) {
        self.key = key
        self.text = text
    }
}

/// What counts as a right answer, checked by value.
public enum AnswerSpec: Equatable, Sendable {
    /// `number X [tol E]`
    case number(Double, tolerance: Double)
    /// `value NAME[i,j,k] [fwd|bwd] [tol E]`: an element of a live view.
    case value(ValueReference, tolerance: Double)
    /// `shape [a, b, c]`
    case shape([Int])
    /// `shape NAME [fwd|bwd]`: the shape of a live view.
    case liveShape(name: String, direction: String?)
    /// `gate i|f|g|o`
    case gate(String)
    /// `choice K`
    case choice(String)
    /// `text word|other word`: any of them, case-insensitive.
    case text([String])

    public static let defaultTolerance = 1e-3
}

/// `NAME[i,j,k] [fwd|bwd]`.
public struct ValueReference: Equatable, Sendable, CustomStringConvertible {
    public var name: String
    public var index: [Int]
    public var direction: String?

    public init(name: String, index: [Int], direction: String?) {
        self.name = name
        self.index = index
        self.direction = direction
    }

    public var description: String {
        "\(name)[\(index.map(String.init).joined(separator: ","))]" + (direction.map { " " + $0 } ?? "")
    }
}
