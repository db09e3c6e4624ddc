import LabText

/// Playing a lesson with nobody at the keyboard: `--auto` (and the course
/// tests) answer every question and do every task from its solution; the
/// presenter mode shows each solution instead of typing an answer.
extension LessonPlayer {
    /// Plays the whole lesson, answering every question and doing every task
    /// itself. Throws every failure with `FILE:LINE`: a refused lab command,
    /// an answer that cannot be read from the session or is not accepted, a
    /// known wrong answer that would be accepted, a task whose check holds
    /// before the learner acts or does not hold after its solution.
    ///
    /// - Parameters:
    ///   - present: reveal each question's solution instead of typing its answer.
    ///   - shouldStop: polled between beats; true leaves the lesson (Ctrl-C).
    public mutating func playAuto<H: LessonHost>(
        host: inout H, present: Bool = false,
        shouldStop: () -> Bool = { false },
        emit: (LessonEvent) -> Void
    ) throws(LessonErrors) {
        unattended = true
        start(host: &host, emit: emit)
        var guardCount = 0
        while phase != .finished {
            guardCount += 1
            if !failures.isEmpty || guardCount > 10 * (lesson.steps.count + 2) { break }
            if shouldStop() {
                quit(emit: emit)
                return
            }
            switch phase {
            case .awaitingAnswer:
                autoAnswer(host: &host, present: present, emit: emit)
            case .awaitingTask:
                autoTask(host: &host, emit: emit)
            case .stepDone:
                next(host: &host, emit: emit)
            case .notStarted, .finished, .quit:
                failures.append(LessonError(file: lesson.file, line: 1, problem: LessonCheckMessage.stoppedBeforeEnd))
            }
        }
        if !failures.isEmpty { throw LessonErrors(failures) }
    }

    private mutating func autoAnswer<H: LessonHost>(host: inout H, present: Bool, emit: (LessonEvent) -> Void) {
        guard let q = currentStep?.question, let pending else {
            if let q = currentStep?.question {
                failures.append(
                    LessonError(file: lesson.file, line: q.answerLine, problem: LessonCheckMessage.cannotCheckQuestion))
            }
            return
        }
        for (w, _) in pending.wrongs {
            if pending.expected.check(w.canonical) == .correct {
                failures.append(
                    LessonError(
                        file: lesson.file, line: q.answerLine,
                        problem: LessonCheckMessage.wrongAccepted(answer: w.canonical)))
            }
        }
        if present {
            record(questionKey) { if $0.outcome == nil { $0.outcome = .revealed } }
            emit(.solution(solutionText(q)))
            goOn(host: &host, emit: emit)
            return
        }
        let typed = pending.expected.canonical
        emit(.command("answer " + typed))
        answer(typed, host: &host, emit: emit)
        if phase == .awaitingAnswer {
            failures.append(
                LessonError(
                    file: lesson.file, line: q.answerLine, problem: LessonCheckMessage.answerRefused(answer: typed)))
        }
    }

    private mutating func autoTask<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard let task = currentStep?.task else { return }
        if task.typed.isEmpty && checksHold(task, host: host) {
            failures.append(
                LessonError(
                    file: lesson.file, line: task.line,
                    problem: LessonCheckMessage.taskHoldsBefore))
            return
        }
        for lab in task.solution where phase == .awaitingTask {
            emit(.command(lab.command))
            do {
                emit(.output(try host.run(lab.command)))
            } catch {
                emit(.refused(command: lab.command, message: host.describe(error)))
            }
            observe(typed: lab.command, host: &host, emit: emit)
        }
        if phase == .awaitingTask {
            failures.append(
                LessonError(
                    file: lesson.file, line: task.line,
                    problem: LessonCheckMessage.taskNotSolved(
                        solution: task.solution.map(\.command).joined(separator: "; "))))
        }
    }
}
