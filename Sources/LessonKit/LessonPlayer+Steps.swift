import Foundation
import LabText

/// Steps as places: setup, snapshots, replays, and playing a step's segments.
extension LessonPlayer {
    /// Default settings and the lesson's `setup:`, silently; the entry state of step 1.
    mutating func runSetup<H: LessonHost>(host: inout H) {
        host.prepareLesson()
        for line in lesson.setup { replay(line, host: &host) }
        snapshots = [0: host.snapshot()]
    }

    /// Restores step `k`'s entry state (computing it the first time) and plays the step.
    mutating func enter<H: LessonHost>(_ k: Int, host: inout H, emit: (LessonEvent) -> Void) {
        guard !lesson.steps.isEmpty else {
            finish(emit: emit)
            return
        }
        if snapshots[0] == nil { runSetup(host: &host) }
        ensureSnapshot(k, host: &host)
        if let s = snapshots[k] { host.restore(s) }
        stepIndex = k
        progress.step = k
        emit(.progress(progressLine))
        if let step = currentStep { emit(.stepTitle(step.title)) }
        segmentIndex = 0
        pending = nil
        pendingProblem = nil
        typedMatched = false
        continueStep(host: &host, emit: emit)
    }

    /// Makes `snapshots[k]` from the nearest earlier one by replaying the
    /// lesson's own commands of the steps in between.
    mutating func ensureSnapshot<H: LessonHost>(_ k: Int, host: inout H) {
        guard snapshots[k] == nil else { return }
        let j = snapshots.keys.filter { $0 <= k }.max() ?? 0
        if let s = snapshots[j] { host.restore(s) }
        for s in j..<k {
            for line in lesson.steps[s].canonicalLines() { replay(line, host: &host) }
            snapshots[s + 1] = host.snapshot()
        }
    }

    /// The current step's state after its first `end` segments, as the lesson means them.
    mutating func rebuild<H: LessonHost>(upTo end: Int, host: inout H) {
        guard let step = currentStep, let s = snapshots[stepIndex] else { return }
        host.restore(s)
        for line in step.canonicalLines(before: end) { replay(line, host: &host) }
    }

    /// Plays segments from `segmentIndex` until a question, a task or the step's end.
    mutating func continueStep<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard let step = currentStep else { return }
        while segmentIndex < step.segments.count {
            let segment = step.segments[segmentIndex]
            segmentIndex += 1
            switch segment {
            case .narration(let t):
                emit(.narration(t))
            case .lab(let lines):
                for lab in lines { runVisibly(lab, host: &host, emit: emit) }
            case .question(let q):
                resolve(q, host: host)
                if progress.questions[questionKey]?.outcome != nil {
                    // Answered before (the learner came back): shown with its solution, not asked again.
                    emit(.question(ask: q.ask, choices: q.choices, how: text.answeredBefore))
                    emit(.solution(solutionText(q)))
                    continue
                }
                phase = .awaitingAnswer
                emit(.question(ask: q.ask, choices: q.choices, how: unattended ? "" : text.answerHow(isLocked)))
                return
            case .task(let t):
                if progress.questions[taskKey]?.outcome != nil {
                    emit(.task(goal: t.goal, how: text.doneBefore))
                    for lab in t.solution { runVisibly(lab, host: &host, emit: emit) }
                    continue
                }
                typedMatched = false
                phase = .awaitingTask
                emit(.task(goal: t.goal, how: unattended ? "" : text.taskHow(isLocked)))
                return
            }
        }
        phase = .stepDone
        if !unattended { emit(.notice(stepIndex + 1 < lesson.steps.count ? text.stepDone : text.lastStepDone)) }
    }

    /// A skipped task: back to the state before it, then its solution, shown as it runs.
    mutating func runTaskSolution<H: LessonHost>(host: inout H, emit: (LessonEvent) -> Void) {
        guard let task = currentStep?.task else { return }
        rebuild(upTo: segmentIndex - 1, host: &host)
        for lab in task.solution { runVisibly(lab, host: &host, emit: emit) }
    }

    mutating func resolve<H: LessonHost>(_ q: LessonQuestion, host: H) {
        do {
            let expected = try ExpectedAnswer.resolve(q.answer, host: host)
            var wrongs: [(ExpectedAnswer, String)] = []
            for w in q.wrongs {
                do {
                    let e = try expected.wrong(
                        w.expression, evaluate: { try host.evaluate($0) }, spec: q.answer,
                        precision: host.displayPrecision)
                    wrongs.append((e, w.feedback))
                } catch {
                    failures.append(
                        LessonError(
                            file: lesson.file, line: w.line,
                            problem: LessonCheckMessage.cannotReadWrong(
                                expression: w.expression, detail: host.describe(error))))
                }
            }
            var shown: String? = nil
            switch (q.answer, expected) {
            case (.value, .number(let x, _)):
                shown = String(format: "%.\(min(max(host.displayPrecision, 0), 12))f", x)
            case (.liveShape, .shape):
                shown = expected.canonical
            default: break
            }
            pending = ResolvedQuestion(expected: expected, wrongs: wrongs, shown: shown)
            pendingProblem = nil
        } catch {
            pending = nil
            pendingProblem = host.describe(error)
            failures.append(
                LessonError(
                    file: lesson.file, line: q.answerLine,
                    problem: LessonCheckMessage.cannotReadAnswer(answer: q.answerText, detail: "\(error)")))
        }
    }

    mutating func runVisibly<H: LessonHost>(_ lab: LabLine, host: inout H, emit: (LessonEvent) -> Void) {
        emit(.command(lab.command))
        switch runLab(lab, host: &host) {
        case .success(let out):
            emit(.output(out))
            if lab.expectsError {
                failures.append(
                    LessonError(
                        file: lesson.file, line: lab.line,
                        problem: LessonCheckMessage.expectedRefusal(command: lab.command)))
            }
        case .failure(let e) where lab.expectsError:
            emit(.refused(command: lab.command, message: e.message))
        case .failure(let e):
            emit(.commandFailed(command: lab.command, message: e.message, location: lesson.location(lab.line)))
        }
    }

    mutating func replay<H: LessonHost>(_ lab: LabLine, host: inout H) {
        do {
            try host.replay(lab.command)
        } catch  where lab.expectsError {
            return
        } catch {
            failures.append(
                LessonError(
                    file: lesson.file, line: lab.line,
                    problem: LessonCheckMessage.labLine(
                        command: lab.command, detail: .init(english: "\(error)", chinese: host.describe(error)))))
        }
    }

    struct LabFailure: Error { let message: String }

    mutating func runLab<H: LessonHost>(_ lab: LabLine, host: inout H) -> Result<String, LabFailure> {
        do {
            return .success(try host.run(lab.command))
        } catch  where lab.expectsError {
            return .failure(LabFailure(message: host.describe(error)))
        } catch {
            failures.append(
                LessonError(
                    file: lesson.file, line: lab.line,
                    problem: LessonCheckMessage.labLine(
                        command: lab.command, detail: .init(english: "\(error)", chinese: host.describe(error)))))
            return .failure(LabFailure(message: host.describe(error)))
        }
    }
}
