/// What the learner has done in one lesson; stored in `progress.json`.
public struct LessonProgress: Codable, Equatable, Sendable {
    /// The step the learner is on, 0-based.
    public var step: Int
    public var stepCount: Int
    public var completed: Bool
    /// `en` or `zh`: the language last played.
    public var language: String
    /// Per question, keyed by its 1-based step number.
    public var questions: [String: QuestionRecord]

    public init(
        step: Int = 0, stepCount: Int, completed: Bool = false, language: String,
        questions: [String: QuestionRecord] = [:]
    ) {
        self.step = step
        self.stepCount = stepCount
        self.completed = completed
        self.language = language
        self.questions = questions
    }

    public var hintsUsed: Int { questions.values.reduce(0) { $0 + $1.hints } }
    public var wrongAnswers: Int { questions.values.reduce(0) { $0 + $1.wrong } }
}

/// How one question went.
public struct QuestionRecord: Codable, Equatable, Sendable {
    public var hints: Int
    public var wrong: Int
    public var outcome: Outcome?

    public init(hints: Int = 0, wrong: Int = 0, outcome: Outcome? = nil) {
        self.hints = hints
        self.wrong = wrong
        self.outcome = outcome
    }

    public enum Outcome: String, Codable, Sendable {
        /// Answered right (after `wrong` wrong tries and `hints` hints).
        case correct
        case skipped
        /// The solution was shown before a right answer.
        case revealed
    }
}
