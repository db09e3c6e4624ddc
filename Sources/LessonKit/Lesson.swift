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
    /// The front matter's `setup:` commands, run silently before step 1 and
    /// shown as one line, so every step starts from a state the lesson names.
    public var setup: [LabLine]

    public init(
        file: String, id: Int, title: String, language: String, lockSkip: Bool,
        intro: String, steps: [LessonStep], setup: [LabLine] = []
    ) {
        self.file = file
        self.id = id
        self.title = title
        self.language = language
        self.lockSkip = lockSkip
        self.intro = intro
        self.steps = steps
        self.setup = setup
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

    public var task: LessonTask? {
        for case .task(let t) in segments { return t }
        return nil
    }

    /// Every lab line of the step, in order.
    public var labLines: [LabLine] {
        segments.flatMap { segment -> [LabLine] in
            if case .lab(let lines) = segment { return lines }
            return []
        }
    }

    /// The commands that take the session through this step as the lesson
    /// means it: its lab lines and its tasks' solutions, in order. Replaying
    /// them from the step's entry state gives the next step's entry state.
    /// Task lines are marked `expectsError` so that a replay tolerates a refusal.
    public func canonicalLines(before end: Int? = nil) -> [LabLine] {
        segments.prefix(end ?? segments.count).flatMap { segment -> [LabLine] in
            switch segment {
            case .lab(let lines): return lines
            // A task's command may be refused on purpose (running the tutorial's error).
            case .task(let t): return t.solution.map { LabLine(command: $0.command, line: $0.line, expectsError: true) }
            case .narration, .question: return []
            }
        }
    }
}

public enum LessonSegment: Equatable, Sendable {
    case narration(String)
    case lab([LabLine])
    case question(LessonQuestion)
    case task(LessonTask)
}

/// A ```` ```task ````: the learner types lab commands until the checks hold.
/// The player does not run `solution`; it shows it when asked.
public struct LessonTask: Equatable, Sendable {
    public var goal: String
    /// Expressions over the session that must all be true (`steps_b == 3`).
    public var checks: [String]
    /// Command patterns; when present one of them must match a typed command
    /// (`show gates * t=2`: the first word exactly, the other words in any order, `*` any).
    public var typed: [String]
    public var hints: [String]
    /// The commands that do it, one per line.
    public var solution: [LabLine]
    /// The line of the opening fence.
    public var line: Int

    public init(goal: String, checks: [String], typed: [String], hints: [String], solution: [LabLine], line: Int) {
        self.goal = goal
        self.checks = checks
        self.typed = typed
        self.hints = hints
        self.solution = solution
        self.line = line
    }

    /// Whether `command` matches `pattern`: the first words are equal, and
    /// every other word of the pattern (but `*`) appears in the command.
    /// An expression command (`print …`, `let …`) matches when the pattern,
    /// spaces removed, is part of the command, spaces removed: expressions are
    /// spelled freely (`x[:, 0]` or `x[:,0]`).
    public static func matches(_ command: String, pattern: String) -> Bool {
        let head = pattern.split(separator: " ").first.map(String.init)
        if head == "print" || head == "let" || head == "p" {
            let squeeze = { (s: String) in s.filter { $0 != " " && $0 != "\t" } }
            let c = command.trimmingSpaces
            guard c.split(separator: " ").first.map(String.init) == head else { return false }
            return squeeze(c).contains(squeeze(pattern))
        }
        let c = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let p = pattern.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let head = p.first, c.first == head else { return false }
        var rest = Array(c.dropFirst())
        for word in p.dropFirst() where word != "*" {
            guard let k = rest.firstIndex(of: word) else { return false }
            rest.remove(at: k)
        }
        return p.contains("*") || rest.isEmpty
    }
}

/// A `wrong: EXPR → feedback` line: a known mistake and what to say about it.
public struct WrongAnswer: Equatable, Sendable {
    /// Read like the answer: an expression for numbers, a key, a gate, a shape.
    public var expression: String
    public var feedback: String
    public var line: Int

    public init(expression: String, feedback: String, line: Int) {
        self.expression = expression
        self.feedback = feedback
        self.line = line
    }
}

/// One command of a ```` ```lab ```` block.
public struct LabLine: Equatable, Sendable {
    /// The command as written, without a trailing comment (and without the `!`).
    public var command: String
    public var line: Int
    /// Written `! command`: the lab is expected to refuse it, and the refusal
    /// is the lesson (a shape error the tutorial's code would raise).
    public var expectsError: Bool

    public init(command: String, line: Int, expectsError: Bool = false) {
        self.command = command
        self.line = line
        self.expectsError = expectsError
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
    /// Known mistakes with their feedback.
    public var wrongs: [WrongAnswer]
    /// The line of the opening fence.
    public var line: Int
    public var answerLine: Int

    public init(
        ask: String, answer: AnswerSpec, answerText: String, choices: [Choice], hints: [String],
        solution: String, wrongs: [WrongAnswer] = [], line: Int, answerLine: Int
    ) {
        self.ask = ask
        self.answer = answer
        self.answerText = answerText
        self.choices = choices
        self.hints = hints
        self.solution = solution
        self.wrongs = wrongs
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

/// How close a number must be. `shown` follows what is displayed: half a
/// unit in the last digit shown (the session's precision for a live value,
/// the digits written for `number X`; exact for an integer), or 0.1% of the
/// value when that is larger.
public enum Tolerance: Equatable, Sendable {
    /// `digits`: decimals written in `number X` (0: an integer, exact); nil
    /// for a live value, whose digits are the session's precision.
    case shown(digits: Int?)
    /// `tol E`
    case absolute(Double)
    /// `rel R` (0.01 is 1%)
    case relative(Double)
}

/// What counts as a right answer, checked by value.
public enum AnswerSpec: Equatable, Sendable {
    /// `number X [tol E|rel R]`
    case number(Double, tolerance: Tolerance)
    /// `value NAME[i,j,k] [fwd|bwd] [tol E|rel R]`: an element of a live view.
    case value(ValueReference, tolerance: Tolerance)
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
