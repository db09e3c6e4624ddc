import Foundation
import Testing

@testable import LabShell
@testable import LessonKit

/// The course played by two scripted learners through the lab's front door
/// (`Lab.handle`), in both languages: one who types every task's solution
/// and every answer bare at the prompt, and one who first does other things
/// (wrong answers, its own `step` and `set`, `back`, `quit` and `lesson
/// resume`). Both must reach the end with every question right, and every
/// question must expect the same live value for both: a step is a place.
@Suite struct LearnerTests {
    enum Learner { case diligent, wanderer }

    struct Run {
        /// Per step with a question: the answer the player expected.
        var expected: [Int: String] = [:]
        var finished = false
        var wrongFeedback = 0
        var outcomes: [String: QuestionRecord] = [:]
    }

    static func play(_ file: String, as learner: Learner) throws -> (Run, Lesson) {
        let url = CourseTests.root.appendingPathComponent(file)
        let language = LessonCatalog.language(ofPath: url.path)
        let lesson = try LessonCatalog.load(url: url, displayPath: file, language: language)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("learner-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var lab = Lab(width: 100)
        lab.lessons.config = LessonConfig(
            root: CourseTests.root, language: language,
            progressURL: dir.appendingPathComponent("progress.json"))
        var run = Run()
        _ = lab.handle("lesson play \(lesson.id)")
        var wentBack: Set<Int> = []
        var triedWrong: Set<Int> = []
        var triedTask: Set<Int> = []
        var resumed = false
        for _ in 0..<2000 {
            guard let player = lab.lessons.player, player.isActive else { break }
            let k = player.stepIndex
            switch player.phase {
            case .awaitingAnswer:
                guard let pending = player.pending else {
                    Issue.record("\(file) step \(k + 1): no answer")
                    return (run, lesson)
                }
                let right = pending.expected.canonical
                run.expected[k] = right
                if learner == .wanderer && !triedWrong.contains(k) {
                    triedWrong.insert(k)
                    let out = lab.handle(wrongAnswer(pending.expected)).output
                    if pending.wrongs.contains(where: { out.contains($0.1) }) { run.wrongFeedback += 1 }
                    _ = lab.handle("set precision 2")
                    _ = lab.handle("step bwd 1")
                    continue
                }
                let out = lab.handle(right).output  // bare, no 'answer'
                #expect(out.contains("✓"), "\(file) step \(k + 1): '\(right)' → \(out)")
            case .awaitingTask:
                guard let task = player.currentStep?.task else { return (run, lesson) }
                if learner == .wanderer && !triedTask.contains(k) {
                    triedTask.insert(k)
                    _ = lab.handle("set precision 3")
                    _ = lab.handle("hint")
                    _ = lab.handle("info")
                    continue
                }
                for line in task.solution.map(\.command) where lab.lessons.player?.isAwaitingTask == true {
                    _ = lab.handle(line)
                }
                #expect(
                    lab.lessons.player?.isAwaitingTask == false,
                    "\(file) step \(k + 1): the task's solution did not pass")
                if lab.lessons.player?.isAwaitingTask == true { return (run, lesson) }
            case .stepDone:
                if learner == .wanderer && k >= 1 && !wentBack.contains(k) {
                    wentBack.insert(k)
                    _ = lab.handle("step fwd")
                    _ = lab.handle("set batch_first off")
                    _ = lab.handle("back")
                    continue
                }
                if learner == .wanderer && k == 2 && !resumed {
                    resumed = true
                    _ = lab.handle("quit")
                    _ = lab.handle("set precision 6")
                    _ = lab.handle("sizes H=5")
                    let r = lab.handle("lesson resume")
                    #expect(r.error == nil, "\(file): \(r.error ?? "")")
                    continue
                }
                _ = lab.handle("")
            case .notStarted, .finished, .quit:
                break
            }
        }
        if let p = lab.lessons.player {
            run.finished = p.phase == .finished
            run.outcomes = p.progress.questions
        }
        return (run, lesson)
    }

    /// An answer of the right kind that is not the right one (a known wrong one when there is one).
    static func wrongAnswer(_ e: ExpectedAnswer) -> String {
        switch e {
        case .number(let x, _): return ExpectedAnswer.format(x == 0 ? 7 : x * 2 + 1)
        case .shape(let dims): return "[" + (dims + [1]).map(String.init).joined(separator: ", ") + "]"
        case .gate(let g): return g == "i" ? "f" : "i"
        case .choice(let k): return k == "a" ? "b" : "a"
        case .text: return "nonsense"
        }
    }

    @Test(arguments: CourseTests.files)
    func bothLearnersReachTheEndWithEveryAnswerRight(file: String) throws {
        let (a, lesson) = try Self.play(file, as: .diligent)
        let (b, _) = try Self.play(file, as: .wanderer)
        #expect(a.finished, "\(file): the diligent learner did not finish")
        #expect(b.finished, "\(file): the wandering learner did not finish")
        for (k, step) in lesson.steps.enumerated() {
            if step.question != nil {
                #expect(
                    a.outcomes[String(k + 1)]?.outcome == .correct, "\(file) step \(k + 1): question not answered right"
                )
                #expect(
                    b.outcomes[String(k + 1)]?.outcome == .correct, "\(file) step \(k + 1): question not answered right"
                )
                #expect(
                    b.outcomes[String(k + 1)]?.wrong == 1, "\(file) step \(k + 1): the wrong answer was not counted")
            }
            if step.task != nil {
                #expect(a.outcomes["\(k + 1)t"]?.outcome == .correct, "\(file) step \(k + 1): task not done")
                #expect(b.outcomes["\(k + 1)t"]?.outcome == .correct, "\(file) step \(k + 1): task not done")
            }
        }
        // Whatever the wanderer did before, each question expected the same live value.
        #expect(a.expected == b.expected)
        #expect(a.expected.count == lesson.steps.filter { $0.question != nil }.count)
    }

    @Test func tasksAreAThirdOfTheCourseAndInEveryLesson() throws {
        let catalog = LessonCatalog(root: CourseTests.root)
        for language in LessonCatalog.languages {
            var steps = 0
            var tasks = 0
            for entry in catalog.entries(language: language) {
                let lesson = try catalog.load(entry)
                let n = lesson.steps.filter { $0.task != nil }.count
                #expect(n >= 1, "\(entry.displayPath) has no task")
                steps += lesson.steps.count
                tasks += n
            }
            #expect(3 * tasks >= steps, "\(language): \(tasks) tasks in \(steps) steps")
        }
    }
}
