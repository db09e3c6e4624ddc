/// Plays a lesson on a host session: a pure state machine. Each action runs
/// lab commands through the host and reports what to show through `emit`.
///
/// ```
///            start/next/back ─▶ playing a step ─▶ question? ── yes ─▶ awaitingAnswer
///                                      │                                │ answer ✓ / skip / solution
///                                      ▼                                ▼
///                                  stepDone ◀──────────── rest of the step plays
///            next on the last step ─▶ finished        quit (any time) ─▶ quit
/// ```
/// Going to step k (by `back` or when resuming) first replays the lab
/// commands of steps 1…k−1 silently, so the session is exactly as the
/// lesson left it there, whatever the learner typed in between.
public struct LessonPlayer: Sendable {
    public enum Phase: Equatable, Sendable {
        case notStarted, awaitingAnswer, stepDone, finished, quit
    }

    public let lesson: Lesson
    public private(set) var stepIndex: Int
    public private(set) var phase: Phase = .notStarted
    public private(set) var progress: LessonProgress
    /// Lab commands that failed and questions that could not be resolved, in order.
    public private(set) var failures: [LessonError] = []

    private var segmentIndex = 0
    private var expected: ExpectedAnswer? = nil
    private var expectedProblem: String? = nil
    private let text: PlayerText

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
    public var isActive: Bool { phase != .finished && phase != .quit }

    /// `lesson 3 · step 4/9`
    public var progressLine: String { text.progress(lesson.id, stepIndex + 1, lesson.steps.count) }

    public var currentStep: LessonStep? { lesson.steps.indices.contains(stepIndex) ? lesson.steps[stepIndex] : nil }

    /// Shows the header (from step 1) or replays up to the saved step, then plays it.
    public mutating func start<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        if stepIndex == 0 {
            emit(.header(id: lesson.id, title: lesson.title, intro: lesson.intro))
            emit(.notice(text.usage(isLocked)))
        }
        go(to: stepIndex, host: &host, emit: emit)
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
        case .finished, .quit: emit(.notice(text.alreadyFinished))
        case .stepDone:
            if stepIndex + 1 < lesson.steps.count {
                stepIndex += 1
                progress.step = stepIndex
                playCurrent(host: &host, emit: emit)
            } else {
                finish(emit: emit)
            }
        }
    }

    public mutating func back<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard isActive else { emit(.notice(text.alreadyFinished)); return }
        guard stepIndex > 0 else { emit(.notice(text.firstStep)); return }
        go(to: stepIndex - 1, host: &host, emit: emit)
    }

    public mutating func hint(emit: (LessonEvent) -> Void) {
        guard phase == .awaitingAnswer, let q = currentStep?.question else {
            emit(.notice(currentStep?.question == nil ? text.noQuestion : text.nothingWaiting))
            return
        }
        let key = questionKey
        var r = progress.questions[key] ?? QuestionRecord()
        guard r.hints < q.hints.count else { emit(.notice(text.noMoreHints(q.hints.count))); return }
        r.hints += 1
        progress.questions[key] = r
        emit(.hint(index: r.hints, count: q.hints.count, text: q.hints[r.hints - 1]))
    }

    public mutating func skip<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard !isLocked else { emit(.notice(text.locked("skip"))); return }
        guard phase == .awaitingAnswer else { next(host: &host, emit: emit); return }
        record { if $0.outcome == nil { $0.outcome = .skipped } }
        emit(.notice(text.skipped))
        continueStep(host: &host, emit: emit)
    }

    public mutating func solution<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard !isLocked else { emit(.notice(text.locked("solution"))); return }
        guard let q = currentStep?.question else { emit(.notice(text.noQuestion)); return }
        switch phase {
        case .awaitingAnswer:
            record { if $0.outcome == nil || $0.outcome == .skipped { $0.outcome = .revealed } }
            emit(.solution(q.solution))
            continueStep(host: &host, emit: emit)
        case .stepDone:
            emit(.solution(q.solution))
        case .notStarted, .finished, .quit:
            emit(.notice(text.nothingWaiting))
        }
    }

    public mutating func answer<H: LessonHost>(_ given: String, host: inout H, emit: (LessonEvent) -> Void) {
        guard phase == .awaitingAnswer, let q = currentStep?.question else {
            emit(.notice(text.nothingWaiting))
            return
        }
        guard let expected else {
            emit(.notice(text.unchecked(expectedProblem ?? "?")))
            return
        }
        switch expected.check(given) {
        case .correct:
            record { if $0.outcome == nil || $0.outcome == .skipped { $0.outcome = .correct } }
            emit(.correct(text.correct))
            emit(.solution(q.solution))
            continueStep(host: &host, emit: emit)
        case .wrong:
            var tries = 0
            record { $0.wrong += 1; tries = $0.wrong }
            let hintsLeft = (progress.questions[questionKey]?.hints ?? 0) < q.hints.count
            emit(.wrong(text.wrong(tries, hintsLeft)))
        case .unreadable(let kind):
            emit(.notice(text.unreadable(kind)))
        }
    }

    public mutating func quit(emit: (LessonEvent) -> Void) {
        let line = progressLine
        if phase != .finished { phase = .quit }
        emit(.notice(text.quit(line)))
    }

    /// Plays the whole lesson answering every question itself (`--auto`).
    /// Throws every failure with `FILE:LINE`: a refused lab command, an
    /// answer that cannot be read from the session or is not accepted.
    public mutating func playAuto<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) throws(LessonErrors) {
        start(host: &host, emit: emit)
        var guardCount = 0
        while phase != .finished {
            guardCount += 1
            if !failures.isEmpty || guardCount > 10 * (lesson.steps.count + 2) { break }
            switch phase {
            case .awaitingAnswer:
                guard let q = currentStep?.question, let expected else { break }
                let typed = expected.canonical
                emit(.command("answer " + typed))
                answer(typed, host: &host, emit: emit)
                if phase == .awaitingAnswer {
                    failures.append(LessonError(file: lesson.file, line: q.answerLine,
                                                message: "the answer '\(typed)' was not accepted"))
                }
            case .stepDone:
                next(host: &host, emit: emit)
            case .notStarted, .finished, .quit:
                failures.append(LessonError(file: lesson.file, line: 1, message: "the player stopped before the end"))
            }
        }
        if !failures.isEmpty { throw LessonErrors(failures) }
    }

    // MARK: Private

    private var questionKey: String { String(stepIndex + 1) }

    private mutating func record(_ change: (inout QuestionRecord) -> Void) {
        var r = progress.questions[questionKey] ?? QuestionRecord()
        change(&r)
        progress.questions[questionKey] = r
    }

    /// Replays steps 0..<k silently, then plays step k.
    private mutating func go<H: LessonHost>(to k: Int, host: inout H, emit: (LessonEvent) -> Void) {
        guard !lesson.steps.isEmpty else { finish(emit: emit); return }
        for s in 0..<k {
            for lab in lesson.steps[s].labLines { _ = runLab(lab, host: &host) }
        }
        stepIndex = k
        progress.step = k
        playCurrent(host: &host, emit: emit)
    }

    private mutating func playCurrent<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard let step = currentStep else { return }
        emit(.progress(progressLine))
        emit(.stepTitle(step.title))
        segmentIndex = 0
        expected = nil
        expectedProblem = nil
        continueStep(host: &host, emit: emit)
    }

    /// Plays segments from `segmentIndex` until a question or the step's end.
    private mutating func continueStep<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard let step = currentStep else { return }
        while segmentIndex < step.segments.count {
            let segment = step.segments[segmentIndex]
            segmentIndex += 1
            switch segment {
            case .narration(let t):
                emit(.narration(t))
            case .lab(let lines):
                for lab in lines {
                    emit(.command(lab.command))
                    switch runLab(lab, host: &host) {
                    case .success(let out): emit(.output(out))
                    case .failure(let e): emit(.commandFailed(command: lab.command, message: e.message, location: lesson.location(lab.line)))
                    }
                }
            case .question(let q):
                do {
                    expected = try ExpectedAnswer.resolve(q.answer, host: host)
                    expectedProblem = nil
                } catch {
                    expected = nil
                    expectedProblem = "\(error)"
                    failures.append(LessonError(file: lesson.file, line: q.answerLine,
                                                message: "cannot read the answer '\(q.answerText)' from the session: \(error)"))
                }
                phase = .awaitingAnswer
                emit(.question(ask: q.ask, choices: q.choices, how: text.answerHow(isLocked)))
                return
            }
        }
        phase = .stepDone
        emit(.notice(stepIndex + 1 < lesson.steps.count ? text.stepDone : text.lastStepDone))
    }

    private mutating func finish(emit: (LessonEvent) -> Void) {
        phase = .finished
        progress.completed = true
        let asked = lesson.steps.filter { $0.question != nil }.count
        let right = progress.questions.values.filter { $0.outcome == .correct }.count
        emit(.finished(text.finished(lesson.id, right, asked, progress.hintsUsed)))
    }

    private struct LabFailure: Error { let message: String }

    private mutating func runLab<H: LessonHost>(_ lab: LabLine, host: inout H) -> Result<String, LabFailure> {
        let word = lab.command.split(separator: " ").first.map(String.init) ?? ""
        if LessonParser.fileCommands.contains(word) {
            let e = LabFailure(message: "lessons cannot read or write files")
            failures.append(LessonError(file: lesson.file, line: lab.line, message: "'\(lab.command)': \(e.message)"))
            return .failure(e)
        }
        do {
            return .success(try host.run(lab.command))
        } catch {
            let e = LabFailure(message: "\(error)")
            failures.append(LessonError(file: lesson.file, line: lab.line, message: "'\(lab.command)': \(e.message)"))
            return .failure(e)
        }
    }
}
