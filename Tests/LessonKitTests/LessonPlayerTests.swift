import Testing

@testable import LessonKit

@Suite struct LessonPlayerTests {
    func make(_ text: String = Fixture.lesson, progress: LessonProgress? = nil) throws -> LessonPlayer {
        LessonPlayer(lesson: try LessonParser.parse(text, file: "l.md"), progress: progress)
    }

    @Test func startPlaysUntilTheFirstQuestion() throws {
        var p = try make()
        var host = FakeHost()
        var events: [LessonEvent] = []
        p.start(host: &host) { events.append($0) }
        #expect(
            events == [
                .header(
                    id: 3, title: "One product for four gates", intro: "# One product for four gates\n\nIntro text."),
                .notice(
                    "Enter or 'next' continues, 'back' goes back, 'hint' helps, 'answer …' answers, 'skip' and 'solution' move on, 'quit' leaves (progress kept). Any lab command works between steps."
                ),
                .progress("lesson 3 · step 1/3"),
                .stepTitle("Look at the fused weight"),
                .narration("Narration before."),
                .command("sizes B=3 T=5 D=8 H=16"), .output("ran sizes B=3 T=5 D=8 H=16"),
                .command("show W_ih_f"), .output("ran show W_ih_f"),
                .narration("More narration."),
                .question(ask: "How many rows does W_ih_f have?", choices: [], how: "(answer …, hint, skip, solution)"),
            ])
        #expect(p.phase == .awaitingAnswer)
        #expect(p.progressLine == "lesson 3 · step 1/3")
    }

    @Test func wrongThenHintsThenRightAnswer() throws {
        var p = try make()
        var host = FakeHost()
        p.start(host: &host) { _ in }
        var events: [LessonEvent] = []
        p.handle(.next, host: &host) { events.append($0) }
        p.handle(.answer("32"), host: &host) { events.append($0) }
        p.handle(.answer("many"), host: &host) { events.append($0) }
        for _ in 0..<4 { p.handle(.hint, host: &host) { events.append($0) } }
        p.handle(.answer("4*16"), host: &host) { events.append($0) }
        #expect(
            events == [
                .notice("A question is waiting: type 'answer …', 'hint', 'skip' or 'solution'."),
                .wrong("Not quite (try 1). Type 'hint' for a hint."),
                .notice("That is not a number: type one, for example 'answer 0.25' or 'answer 4*16'."),
                .hint(index: 1, count: 3, text: "It stacks one block per gate."),
                .hint(index: 2, count: 3, text: "There are four gates, each with H rows."),
                .hint(index: 3, count: 3, text: "H is 16."),
                .notice("No more hints: that was all 3."),
                .correct("Correct."),
                .solution("4·H = 64 rows."),
                .narration("After the question."),
                .notice("Press Enter (or type 'next') to continue; 'back' returns; any lab command works here."),
            ])
        #expect(p.phase == .stepDone)
        #expect(p.progress.questions["1"] == QuestionRecord(hints: 3, wrong: 1, outcome: .correct))
    }

    @Test func valueQuestionsReadTheLiveSessionWhenAsked() throws {
        var p = try make()
        var host = FakeHost()
        host.values["h[0, 3] fwd"] = 0.5
        p.start(host: &host) { _ in }
        p.handle(.answer("64"), host: &host) { _ in }
        var events: [LessonEvent] = []
        p.handle(.next, host: &host) { events.append($0) }
        #expect(p.phase == .awaitingAnswer)
        #expect(p.progressLine == "lesson 3 · step 2/3")
        host.values["h[0, 3] fwd"] = 9  // exploring afterwards does not move the target
        p.handle(.answer("0.5"), host: &host) { events.append($0) }
        #expect(events.contains(.correct("Correct.")))
        #expect(host.ran == ["sizes B=3 T=5 D=8 H=16", "show W_ih_f", "step fwd"])
    }

    @Test func skipSolutionAndFinish() throws {
        var p = try make()
        var host = FakeHost()
        host.values["h[0, 3] fwd"] = 0.5
        p.start(host: &host) { _ in }
        var events: [LessonEvent] = []
        p.handle(.skip, host: &host) { events.append($0) }
        p.handle(.solution, host: &host) { events.append($0) }  // after the question: shows it again
        p.handle(.next, host: &host) { _ in }
        p.handle(.solution, host: &host) { events.append($0) }
        p.handle(.next, host: &host) { _ in }
        p.handle(.hint, host: &host) { events.append($0) }
        p.handle(.answer("1"), host: &host) { events.append($0) }
        p.handle(.next, host: &host) { events.append($0) }
        p.handle(.next, host: &host) { events.append($0) }
        #expect(
            events == [
                .notice("Question skipped."),
                .narration("After the question."),
                .notice("Press Enter (or type 'next') to continue; 'back' returns; any lab command works here."),
                .solution("4·H = 64 rows."),
                .solution("Read it off the screen. The number: 0.5000."),
                .notice("Press Enter (or type 'next') to continue; 'back' returns; any lab command works here."),
                .notice("This step has no question."),
                .notice("No question is waiting for an answer."),
                .finished("Lesson 3 finished: 0 of 2 questions answered, 0 hints used."),
                .notice("The lesson is finished: 'lesson list' shows the others."),
            ])
        #expect(p.progress.completed)
        #expect(p.progress.questions["1"]?.outcome == .skipped)
        #expect(p.progress.questions["2"]?.outcome == .revealed)
    }

    @Test func lockedLessonsRefuseSkipAndSolution() throws {
        let text = Fixture.lesson.replacingOccurrences(
            of: "title: One product for four gates\n", with: "title: One product for four gates\nlock_skip: true\n")
        var p = try make(text)
        var host = FakeHost()
        var events: [LessonEvent] = []
        p.start(host: &host) { if case .question = $0 { events.append($0) } }
        p.handle(.skip, host: &host) { events.append($0) }
        p.handle(.solution, host: &host) { events.append($0) }
        p.handle(.next, host: &host) { events.append($0) }
        #expect(
            events == [
                .question(ask: "How many rows does W_ih_f have?", choices: [], how: "(answer …, hint)"),
                .notice("'skip' is turned off in this lesson: the teacher wants the answers typed."),
                .notice("'solution' is turned off in this lesson: the teacher wants the answers typed."),
                .notice("A question is waiting: type 'answer …' or 'hint'."),
            ])
        #expect(p.phase == .awaitingAnswer)
    }

    @Test func backReplaysEarlierStepsSilently() throws {
        var p = try make()
        var host = FakeHost()
        host.values["h[0, 3] fwd"] = 0.5
        p.start(host: &host) { _ in }
        p.handle(.answer("64"), host: &host) { _ in }
        p.handle(.next, host: &host) { _ in }
        p.handle(.answer("0.5"), host: &host) { _ in }
        p.handle(.next, host: &host) { _ in }
        #expect(p.stepIndex == 2)
        host.ran = []
        var events: [LessonEvent] = []
        p.handle(.back, host: &host) { events.append($0) }
        #expect(p.stepIndex == 1)
        // step 1's commands ran silently, then step 2 played.
        #expect(host.ran == ["sizes B=3 T=5 D=8 H=16", "show W_ih_f", "step fwd"])
        #expect(events.first == .progress("lesson 3 · step 2/3"))
        #expect(events.contains(.command("step fwd")))
        #expect(!events.contains(.command("show W_ih_f")))
        p.handle(.back, host: &host) { _ in }
        events = []
        p.handle(.back, host: &host) { events.append($0) }
        #expect(events == [.notice("This is the first step.")])
    }

    @Test func quitKeepsProgressAndResumeReplays() throws {
        var p = try make()
        var host = FakeHost()
        host.values["h[0, 3] fwd"] = 0.5
        p.start(host: &host) { _ in }
        p.handle(.hint, host: &host) { _ in }
        p.handle(.answer("64"), host: &host) { _ in }
        p.handle(.next, host: &host) { _ in }
        var events: [LessonEvent] = []
        p.handle(.quit, host: &host) { events.append($0) }
        #expect(events == [.notice("Left the lesson; progress kept (lesson 3 · step 2/3). 'lesson resume' continues.")])
        #expect(p.phase == .quit)
        let saved = p.progress
        #expect(saved.step == 1)

        var resumed = try make(progress: saved)
        var fresh = FakeHost()
        fresh.values["h[0, 3] fwd"] = 0.5
        events = []
        resumed.start(host: &fresh) { events.append($0) }
        #expect(fresh.ran == ["sizes B=3 T=5 D=8 H=16", "show W_ih_f", "step fwd"])
        #expect(events.first == .progress("lesson 3 · step 2/3"))
        #expect(resumed.progress.questions["1"] == QuestionRecord(hints: 1, wrong: 0, outcome: .correct))
    }

    @Test func autoPlaysToTheEnd() throws {
        var p = try make()
        var host = FakeHost()
        host.values["h[0, 3] fwd"] = -0.25
        var answers: [String] = []
        try p.playAuto(host: &host) { if case .command(let c) = $0, c.hasPrefix("answer") { answers.append(c) } }
        #expect(answers == ["answer 64", "answer -0.25"])
        #expect(p.phase == .finished)
        #expect(p.progress.completed)
    }

    @Test func autoReportsFailuresWithFileAndLine() throws {
        var p = try make(Fixture.lesson.replacingOccurrences(of: "show W_ih_f", with: "bad command"))
        var host = FakeHost()
        host.values["h[0, 3] fwd"] = 0.5
        do {
            try p.playAuto(host: &host) { _ in }
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == "l.md:16: error: 'bad command': unknown command 'bad'")
        }
        var q = try make()
        var empty = FakeHost()
        do {
            try q.playAuto(host: &empty) { _ in }
            Issue.record("expected a failure")
        } catch {
            #expect(
                error.description
                    == "l.md:40: error: cannot read the answer 'value h[0,3] fwd tol 1e-4' from the session: no view h[0, 3] fwd"
            )
        }
    }

    @Test func chineseLessonsSpeakChinese() throws {
        var p = LessonPlayer(lesson: try LessonParser.parse(Fixture.lesson, file: "l.md", language: "zh"))
        var host = FakeHost()
        var events: [LessonEvent] = []
        p.start(host: &host) { if case .progress = $0 { events.append($0) } }
        p.handle(.answer("1"), host: &host) { events.append($0) }
        #expect(events == [.progress("第 3 课 · 第 1/3 步"), .wrong("还不对（第 1 次尝试）。输入 hint 可以看提示。")])
    }

    @Test func lessonWordsAreRecognised() {
        #expect(PlayerCommand.parse("") == .next)
        #expect(PlayerCommand.parse(" next ") == .next)
        #expect(PlayerCommand.parse("back") == .back)
        #expect(PlayerCommand.parse("back fwd 2") == nil)
        #expect(PlayerCommand.parse("answer [3, 5, 32]") == .answer("[3, 5, 32]"))
        #expect(PlayerCommand.parse("answer") == .answer(""))
        #expect(PlayerCommand.parse("hint") == .hint)
        #expect(PlayerCommand.parse("show h") == nil)
    }
}
