/// Plays a lesson on a host session: a pure state machine. Each action runs
/// lab commands through the host and reports what to show through `emit`.
///
/// ```
///            start/next/back ─▶ enter step k ─▶ question? ── yes ─▶ awaitingAnswer
///                 (restore k's         │        task? ──── yes ─▶ awaitingTask
///                  entry state)        ▼                            │ answer ✓ / check holds / skip / solution
///                                  stepDone ◀──────────── rest of the step plays
///            next on the last step ─▶ finished        quit (any time) ─▶ quit
/// ```
/// A step is a place: entering step k (forward, `back`, resume) restores the
/// session the lesson's own path leads to, the setup then the lab lines and
/// task solutions of steps 1…k−1, saved as a snapshot the first time it is
/// reached. The learner's experiments in between never leak into a step.
public struct LessonPlayer: Sendable {
    public enum Phase: Equatable, Sendable {
        case notStarted, awaitingAnswer, awaitingTask, stepDone, finished, quit
    }

    public let lesson: Lesson
    public internal(set) var stepIndex: Int
    public internal(set) var phase: Phase = .notStarted
    public internal(set) var progress: LessonProgress
    /// Lab commands that failed and questions that could not be resolved, in order.
    public internal(set) var failures: [LessonError] = []

    var segmentIndex = 0
    var pending: ResolvedQuestion? = nil
    var pendingProblem: String? = nil
    /// Entry state of each step reached so far, by step index.
    var snapshots: [Int: LessonSnapshot] = [:]
    /// Whether a typed command matched the waiting task's `typed:` patterns.
    var typedMatched = false
    /// Nobody types (`--auto`, the presenter): no "press Enter" lines.
    var unattended = false
    let text: PlayerText

    /// A player at step `progress.step` (clamped), keeping the recorded counts.
    public init(lesson: Lesson, progress: LessonProgress? = nil) {
        self.lesson = lesson
        var p = progress ?? LessonProgress(stepCount: lesson.steps.count, language: lesson.language)
        p.stepCount = lesson.steps.count
        p.language = lesson.language
        p.step = min(max(p.step, 0), max(lesson.steps.count - 1, 0))
        self.progress = p
        self.stepIndex = p.step
        self.text = PlayerText.forLanguage(lesson.language)
    }

    public var isLocked: Bool { lesson.lockSkip }
    /// False when the host could not save progress: `quit` then does not claim it was kept.
    public var progressIsSaved = true
    public var isActive: Bool { phase != .finished && phase != .quit }
    /// A question waits for an answer: a bare value at the prompt answers it.
    public var isAwaitingAnswer: Bool { phase == .awaitingAnswer }
    public var isAwaitingTask: Bool { phase == .awaitingTask }

    /// `lesson 3 · step 4/9`
    public var progressLine: String { text.progress(lesson.id, stepIndex + 1, lesson.steps.count) }

    public var currentStep: LessonStep? { lesson.steps.indices.contains(stepIndex) ? lesson.steps[stepIndex] : nil }

    /// Shows the header (from step 1), runs the setup, then enters the saved step.
    public mutating func start<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        if stepIndex == 0 {
            emit(.header(id: lesson.id, title: lesson.title, intro: lesson.intro))
            if !unattended { emit(.notice(text.usage(isLocked))) }
        }
        runSetup(host: &host)
        if !lesson.setup.isEmpty { emit(.setup(lesson.setup.map(\.command).joined(separator: "; "))) }
        enter(stepIndex, host: &host, emit: emit)
    }

    public mutating func handle<H: LessonHost>(_ command: PlayerCommand, host: inout H, emit: (LessonEvent) -> Void) {
        switch command {
        case .next: next(host: &host, emit: emit)
        case .back: back(host: &host, emit: emit)
        case .hint: hint(emit: emit)
        case .skip: skip(host: &host, emit: emit)
        case .solution: solution(host: &host, emit: emit)
        case .answer(let a): answer(a, host: &host, emit: emit)
        case .quit: quit(emit: emit)
        }
    }

    public mutating func next<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        switch phase {
        case .notStarted: start(host: &host, emit: emit)
        case .awaitingAnswer: emit(.notice(text.awaiting(isLocked)))
        case .awaitingTask: emit(.notice(text.taskAwaiting(isLocked)))
        case .finished, .quit: emit(.notice(text.alreadyFinished))
        case .stepDone:
            if stepIndex + 1 < lesson.steps.count {
                enter(stepIndex + 1, host: &host, emit: emit)
            } else {
                finish(emit: emit)
            }
        }
    }

    public mutating func back<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard isActive else {
            emit(.notice(text.alreadyFinished))
            return
        }
        guard stepIndex > 0 else {
            emit(.notice(text.firstStep))
            return
        }
        enter(stepIndex - 1, host: &host, emit: emit)
    }

    public mutating func hint(emit: (LessonEvent) -> Void) {
        let hints: [String]
        let key: String
        switch phase {
        case .awaitingAnswer:
            guard let q = currentStep?.question else {
                emit(.notice(text.noQuestion))
                return
            }
            hints = q.hints
            key = questionKey
        case .awaitingTask:
            guard let t = currentStep?.task else {
                emit(.notice(text.noTask))
                return
            }
            hints = t.hints
            key = taskKey
        default:
            emit(
                .notice(
                    currentStep?.question == nil && currentStep?.task == nil ? text.noQuestion : text.nothingWaiting))
            return
        }
        var r = progress.questions[key] ?? QuestionRecord()
        guard r.hints < hints.count else {
            emit(.notice(text.noMoreHints(hints.count)))
            return
        }
        r.hints += 1
        progress.questions[key] = r
        emit(.hint(index: r.hints, count: hints.count, text: hints[r.hints - 1]))
    }

    public mutating func skip<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard !isLocked else {
            emit(.notice(text.locked("skip")))
            return
        }
        switch phase {
        case .awaitingAnswer:
            record(questionKey) { if $0.outcome == nil { $0.outcome = .skipped } }
            emit(.notice(text.skipped))
            goOn(host: &host, emit: emit)
        case .awaitingTask:
            record(taskKey) { if $0.outcome == nil { $0.outcome = .skipped } }
            emit(.notice(text.taskSkipped))
            runTaskSolution(host: &host, emit: emit)
            continueStep(host: &host, emit: emit)
        default:
            next(host: &host, emit: emit)
        }
    }

    public mutating func solution<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard !isLocked else {
            emit(.notice(text.locked("solution")))
            return
        }
        if phase == .awaitingTask, let t = currentStep?.task {
            record(taskKey) { if $0.outcome == nil { $0.outcome = .revealed } }
            emit(.taskSolution(t.solution.map(\.command)))
            return
        }
        guard let q = currentStep?.question else {
            emit(.notice(text.noQuestion))
            return
        }
        switch phase {
        case .awaitingAnswer:
            record(questionKey) { if $0.outcome == nil || $0.outcome == .skipped { $0.outcome = .revealed } }
            emit(.solution(solutionText(q)))
            goOn(host: &host, emit: emit)
        case .stepDone:
            emit(.solution(solutionText(q)))
        case .notStarted, .finished, .quit, .awaitingTask:
            emit(.notice(text.nothingWaiting))
        }
    }

    public mutating func answer<H: LessonHost>(_ given: String, host: inout H, emit: (LessonEvent) -> Void) {
        guard phase == .awaitingAnswer, let q = currentStep?.question else {
            emit(.notice(text.nothingWaiting))
            return
        }
        guard let pending else {
            emit(.notice(text.unchecked(pendingProblem ?? "?")))
            return
        }
        let reader = host
        let names: ArithmeticExpression.Resolver = { try reader.number(named: $0, index: $1) }
        let expression: (String) -> Double? = { reader.expressionNumber($0) }
        switch pending.expected.check(given, names: names, expression: expression) {
        case .correct:
            record(questionKey) { if $0.outcome == nil || $0.outcome == .skipped { $0.outcome = .correct } }
            emit(.correct(text.correct))
            emit(.solution(solutionText(q)))
            goOn(host: &host, emit: emit)
        case .wrong:
            var tries = 0
            record(questionKey) {
                $0.wrong += 1
                tries = $0.wrong
            }
            if let known = pending.wrongs.first(where: {
                $0.0.check(given, names: names, expression: expression) == .correct
            }) {
                emit(.wrong(text.feedback(known.1, tries)))
                return
            }
            let hintsLeft = (progress.questions[questionKey]?.hints ?? 0) < q.hints.count
            emit(.wrong(text.wrong(tries, hintsLeft)))
        case .unreadable(let kind):
            emit(.notice(text.unreadable(kind)))
        }
    }

    /// Tells the player the learner ran `command` (a lab command that
    /// succeeded); a waiting task is done as soon as its checks hold.
    public mutating func observe<H: LessonHost>(typed command: String, host: inout H, emit: (LessonEvent) -> Void) {
        guard phase == .awaitingTask, let task = currentStep?.task else { return }
        if task.typed.contains(where: { LessonTask.matches(command, pattern: $0) }) { typedMatched = true }
        guard task.typed.isEmpty || typedMatched, checksHold(task, host: host) else { return }
        record(taskKey) { if $0.outcome == nil { $0.outcome = .correct } }
        emit(.taskDone(text.taskDone))
        // From here the step goes on from the lesson's own state, whatever else was typed.
        rebuild(upTo: segmentIndex, host: &host)
        continueStep(host: &host, emit: emit)
    }

    /// After a question: the step goes on from the lesson's own state, not
    /// from whatever the learner tried while thinking.
    mutating func goOn<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        rebuild(upTo: segmentIndex, host: &host)
        continueStep(host: &host, emit: emit)
    }

    public mutating func quit(emit: (LessonEvent) -> Void) {
        let line = progressLine
        if phase != .finished { phase = .quit }
        emit(.notice(progressIsSaved ? text.quit(line) : text.quitUnsaved(line)))
    }

    // MARK: Internal

    var questionKey: String { String(stepIndex + 1) }
    var taskKey: String { "\(stepIndex + 1)t" }

    mutating func record(_ key: String, _ change: (inout QuestionRecord) -> Void) {
        var r = progress.questions[key] ?? QuestionRecord()
        change(&r)
        progress.questions[key] = r
    }

    func checksHold<H: LessonHost>(_ task: LessonTask, host: H) -> Bool {
        task.checks.allSatisfy { ((try? host.evaluate($0)) ?? 0) != 0 }
    }

    /// The solution, with the number it comes to for a live value.
    func solutionText(_ q: LessonQuestion) -> String {
        guard let shown = pending?.shown else { return q.solution }
        // Chinese sentences end in full-width punctuation and take no space after it.
        let gap = q.solution.last.map { "。）！？".contains($0) } == true ? "" : " "
        return q.solution + gap + text.theNumber(shown)
    }

    mutating func finish(emit: (LessonEvent) -> Void) {
        phase = .finished
        progress.completed = true
        let asked = lesson.steps.filter { $0.question != nil }.count
        let right = lesson.steps.indices.filter { progress.questions[String($0 + 1)]?.outcome == .correct }.count
        emit(.finished(text.finished(lesson.id, right, asked, progress.hintsUsed)))
    }
}

/// A question's answer read from the session when it is asked.
struct ResolvedQuestion: Sendable {
    var expected: ExpectedAnswer
    /// Known wrong answers and what to say.
    var wrongs: [(ExpectedAnswer, String)]
    /// A live value as the screen shows it, for the solution.
    var shown: String?
}
