import Foundation
import LabText
import LessonKit
import Testing

@testable import LabShell

/// The lesson words inside the lab, on a small fixture course.
@Suite struct LessonShellTests {
    static let en = """
        ---
        id: 1
        title: Tiny
        ---

        # Tiny

        Intro.

        ## Setup

        ```lab
        sizes B=1 T=2 D=3 H=2
        init tutorial seed 0
        input random seed 1
        reset
        ```

        ```question
        ask: How many gate units?
        answer: number 4*2
        hint: Four gates.
        hint: H = 2.
        solution: 4H = 8.
        ```

        ## Step

        ```lab
        step fwd
        ```

        ```question
        ask: Activated forget gate of unit 0?
        answer: value gates[0,2] fwd
        solution: Read it.
        ```

        ## End

        Done.
        """

    static let zh = en.replacingOccurrences(of: "title: Tiny", with: "title: 小课")

    struct Fixture {
        let dir: URL
        var root: URL { dir.appendingPathComponent("lessons") }
        var state: URL { dir.appendingPathComponent("state/progress.json") }

        init(en: String = LessonShellTests.en, zh: String = LessonShellTests.zh) throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("shell-\(UUID().uuidString)")
            for (lang, text) in [("en", en), ("zh", zh)] {
                let d = dir.appendingPathComponent("lessons/\(lang)")
                try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: d.appendingPathComponent("01-tiny.md"))
            }
        }

        func lab(language: String = "en") -> Lab {
            var lab = Lab()
            lab.lessons.config = LessonConfig(root: root, language: language, progressURL: state)
            return lab
        }

        func progress() throws -> ProgressFile { try ProgressStore(url: state).load().progress }
    }

    @Test func playWrongHintQuitAndResume() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        #expect(!lab.inLesson)
        let start = lab.handle("lesson play 1")
        #expect(start.error == nil)
        #expect(
            start.output.hasPrefix(
                "━━ Lesson 1: Tiny ━━\n\nIntro.\n\nEnter or 'next' continues, 'back' goes back, 'hint' helps, 'answer …' answers,\n'skip' and 'solution' move on, 'quit' leaves (progress kept). Any lab command\nworks between steps.\n\n── lesson 1 · step 1/3 ──\n## Setup\nlstmlab> sizes B=1 T=2 D=3 H=2\n"
            ))
        #expect(start.output.hasSuffix("\n? How many gate units?\n  (answer …, hint, skip, solution)"))
        #expect(lab.inLesson)
        #expect(lab.prompt == "[lesson 1 · step 1/3] lstmlab fwd 0/2 bwd 0/2> ")
        #expect(lab.handle("answer 6").output == "✗ Not quite (try 1). Type 'hint' for a hint.")
        #expect(lab.handle("hint").output == "hint 1/2: Four gates.")
        #expect(lab.handle("").output == "A question is waiting: type 'answer …', 'hint', 'skip' or 'solution'.")
        #expect(
            lab.handle("answer 8").output
                == "✓ Correct.\nsolution: 4H = 8.\nPress Enter (or type 'next') to continue; 'back' returns; any lab command works\nhere."
        )
        // a lab command between steps, then the lesson goes on
        #expect(lab.handle("step bwd").error == nil)
        let step2 = lab.handle("next")
        #expect(step2.output.hasPrefix("\n── lesson 1 · step 2/3 ──\n## Step\nlstmlab> step fwd\n"))
        #expect(
            lab.handle("quit").output
                == "Left the lesson; progress kept (lesson 1 · step 2/3). 'lesson resume' continues.")
        #expect(!lab.inLesson)
        #expect(
            lab.handle("hint").error
                == "'hint' works inside a lesson: start one with 'lesson play N' (see 'lesson list')")

        let saved = try f.progress()
        #expect(saved.last == 1)
        #expect(
            saved[1]
                == LessonProgress(
                    step: 1, stepCount: 3, language: "en",
                    questions: ["1": QuestionRecord(hints: 1, wrong: 1, outcome: .correct)]))

        var again = f.lab()
        let resumed = again.handle("lesson resume")
        #expect(resumed.error == nil)
        #expect(resumed.output.hasPrefix("\n── lesson 1 · step 2/3 ──"))
        // step 1's commands were replayed silently: the fresh session is where the lesson left it
        #expect(again.prompt == "[lesson 1 · step 2/3] lstmlab fwd 1/2 bwd 0/2> ")
        let gates = try again.lessonTensor("gates", "fwd")
        #expect(again.handle("answer \(try gates.value(at: [0, 2]))").output.hasPrefix("✓ Correct."))
        #expect(
            again.handle("next").output.hasSuffix("That was the last step: press Enter (or type 'next') to finish."))
        #expect(again.handle("").output == "━━ Lesson 1 finished: 2 of 2 questions answered, 1 hint used. ━━")
        #expect(!again.inLesson)
        #expect(try f.progress()[1]?.completed == true)
    }

    /// `answer` reads an expression: arithmetic, functions, and the session's names.
    @Test func answersAreExpressions() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        _ = lab.handle("lesson play 1")
        #expect(lab.handle("answer tanh(0.3)").output == "✗ Not quite (try 1). Type 'hint' for a hint.")
        #expect(lab.handle("answer 2 * (3 + 1)").output.hasPrefix("✓ Correct."))
        _ = lab.handle("next")
        // The forget gate of unit 0 after the forward step: column 2 of gates, f_f[0, 0], σ of its z.
        #expect(lab.handle("answer sigmoid(z_f[0, 2]) + 1").output.hasPrefix("✗ Not quite"))
        #expect(lab.handle("answer f_f[0, 0]").output.hasPrefix("✓ Correct."))
    }

    @Test func listResetAndChinese() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab(language: "zh")
        #expect(lab.handle("lesson list").output == "课程（\(f.root.path)）：\n   1  小课  未开始\nlesson play N 开始一课。")
        _ = lab.handle("lesson play 1")
        #expect(lab.prompt == "[第 1 课 · 第 1/3 步] lstmlab fwd 0/2 bwd 0/2> ")
        #expect(lab.handle("answer 7").output == "✗ 还不对（第 1 次尝试）。输入 hint 可以看提示。")
        #expect(
            lab.handle("lesson list").output
                == "课程（\(f.root.path)）：\n   1  小课  第 1/3 步\nlesson resume 继续第 1 课；lesson play N 开始一课。")
        #expect(lab.handle("lesson reset 1").output == "progress of lesson 1 forgotten")
        #expect(!lab.inLesson)
        #expect(try f.progress()[1] == nil)
        #expect(
            lab.handle("lesson resume").error
                == "no lesson to resume: start one with 'lesson play N' (see 'lesson list')")
        #expect(lab.handle("lesson play 9").error == "no lesson 9: lessons are 1")
    }

    @Test func corruptProgressIsReportedOnceAndKept() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        try FileManager.default.createDirectory(
            at: f.state.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("garbage".utf8).write(to: f.state)
        var lab = f.lab()
        let out = lab.handle("lesson play 1").output
        #expect(
            out.hasPrefix(
                "warning: \(f.state.path) was unreadable (not valid progress JSON); a copy is kept at \(f.state.path).bak and progress starts fresh\n"
            ))
        #expect(!lab.handle("hint").output.contains("warning"))
        #expect(try String(contentsOfFile: f.state.path + ".bak", encoding: .utf8) == "garbage")
        #expect(try f.progress()[1]?.step == 0)
    }

    @Test func checkReportsFileAndLine() throws {
        let bad = LessonShellTests.en.replacingOccurrences(of: "step fwd", with: "stpe fwd")
        let f = try Fixture(en: bad)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        let path = f.root.appendingPathComponent("en/01-tiny.md").path
        let result = lab.handle("lesson check \(path)")
        let zhPath = f.root.appendingPathComponent("zh/01-tiny.md").path
        #expect(
            result.error == """
                \(path):30: error: 'stpe fwd': unknown command 'stpe' (did you mean 'step'?)
                \(path):30: error: step 2: lab command 'stpe fwd' here but 'step fwd' in \(zhPath):30
                """)
        #expect(
            lab.handle("lesson check \(zhPath)").error?.hasPrefix(
                "\(zhPath):30: error: step 2: lab command 'step fwd' here but 'stpe fwd' in") == true)
    }

    @Test func lessonsCannotTouchFilesOrQuit() throws {
        var lab = Lab()
        #expect(throws: LabError.self) { try lab.run("save weights /tmp/x.safetensors") }
        #expect(throws: LabError.self) { try lab.run("quit") }
        #expect(throws: LabError(said: LessonFileMessage.labBlockFiles(command: "save"))) {
            try lab.run("save weights /tmp/x.safetensors")
        }
        #expect(
            LabError(said: LessonFileMessage.labBlockFiles(command: "save")).message
                == "lessons cannot read or write files: 'save' is not allowed in a lab block")
        #expect(throws: LabError(said: LessonFileMessage.labBlockRefused(line: "'lesson list'"))) {
            try lab.run("lesson list")
        }
        #expect(
            LabError(said: LessonFileMessage.labBlockRefused(line: "'lesson list'")).message
                == "'lesson list' cannot be used inside a lesson's lab block")
        // Files still work when typed.
        #expect(lab.handle("export /nonexistent-dir/sub").error?.contains("cannot create the folder") == true)
        #expect(try lab.run("step fwd").hasPrefix("fwd step 1/5"))
        #expect(try lab.interpreter.shape(of: "y", direction: nil) == [3, 5, 32])
        #expect(try lab.interpreter.shape(of: "gates", direction: "fwd") == [3, 64])
        let v = try lab.interpreter.value(of: "gates", direction: "fwd", index: [0, 16])
        #expect(v == lab.session.stepper.traces.forward[0].gates[0, 16])
        #expect(throws: LabError.self) { try lab.interpreter.value(of: "gates", direction: "fwd", index: [0, 64]) }
        #expect(throws: LabError.self) { try lab.interpreter.value(of: "nope", direction: nil, index: [0]) }
    }
}
