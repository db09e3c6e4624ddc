import Testing

@testable import LessonKit

/// Tasks the learner does, known wrong answers, tolerances that follow the
/// screen, and answers typed on a Chinese keyboard.
@Suite struct LessonTaskTests {
    static let lesson = """
        ---
        id: 4
        title: Tasks
        setup: sizes B=3; init tutorial seed 0
        ---

        ## Do it yourself

        Before.

        ```task
        goal: Take backward steps until three are done.
        check: steps_b == 3
        hint: step bwd N
        solution: step bwd 3
        ```

        After.

        ```question
        ask: o times tanh(c)?
        answer: value h[0,1] fwd
        wrong: 0.5 * 0.8 → You forgot the tanh on c.
        solution: o·tanh(c).
        ```

        ## Look

        ```task
        goal: Show the gates at t=2.
        typed: show gates * t=2
        solution: show gates fwd t=2
        ```
        """

    /// A host whose state is a step count, the commands run, and one value.
    struct Host: LessonHost {
        var steps = 0
        var ran: [String] = []
        mutating func run(_ line: String) throws -> String {
            ran.append(line)
            if line.hasPrefix("step bwd "), let n = Int(line.dropFirst(9)) { steps += n }
            return "ok"
        }
        func value(of name: String, direction: String?, index: [Int]) throws -> Float { 0.3 }
        func shape(of name: String, direction: String?) throws -> [Int] { [1] }
        func number(named name: String, index: [Int]) throws -> Double? { name == "steps_b" ? Double(steps) : nil }
        func snapshot() -> LessonSnapshot { LessonSnapshot(steps) }
        mutating func restore(_ snapshot: LessonSnapshot) { steps = snapshot.state as? Int ?? 0 }
    }

    @Test func parsesSetupTasksAndWrongs() throws {
        let l = try LessonParser.parse(Self.lesson, file: "t.md")
        #expect(l.setup.map(\.command) == ["sizes B=3", "init tutorial seed 0"])
        let t = try #require(l.steps[0].task)
        #expect(t.checks == ["steps_b == 3"])
        #expect(t.solution.map(\.command) == ["step bwd 3"])
        #expect(
            l.steps[0].question?.wrongs == [
                WrongAnswer(expression: "0.5 * 0.8", feedback: "You forgot the tanh on c.", line: 23)
            ])
        #expect(l.steps[1].task?.typed == ["show gates * t=2"])
        #expect(l.steps[0].canonicalLines().map(\.command) == ["step bwd 3"])
    }

    @Test func aTaskPassesAsSoonAsItsCheckHolds() throws {
        var p = LessonPlayer(lesson: try LessonParser.parse(Self.lesson, file: "t.md"))
        var host = Host()
        var events: [LessonEvent] = []
        p.start(host: &host) { events.append($0) }
        #expect(host.ran == ["sizes B=3", "init tutorial seed 0"])
        #expect(events.contains(.setup("sizes B=3; init tutorial seed 0")))
        #expect(
            events.last
                == .task(
                    goal: "Take backward steps until three are done.",
                    how: "(your turn: type lab commands; hint, solution, skip)"))
        events = []
        p.handle(.next, host: &host) { events.append($0) }
        p.handle(.solution, host: &host) { events.append($0) }
        #expect(
            events == [
                .notice(
                    "A task is waiting: do it with lab commands; 'hint' helps, 'solution' shows the commands, 'skip' runs them for you."
                ),
                .taskSolution(["step bwd 3"]),
            ])
        _ = try host.run("step bwd 2")
        p.observe(typed: "step bwd 2", host: &host) { _ in }
        #expect(p.phase == .awaitingTask)
        events = []
        _ = try host.run("step bwd 1")
        p.observe(typed: "step bwd 1", host: &host) { events.append($0) }
        #expect(events.prefix(2) == [.taskDone("Done."), .narration("After.")])
        #expect(p.phase == .awaitingAnswer)
    }

    @Test func knownWrongAnswersGetTheirFeedback() throws {
        var p = LessonPlayer(lesson: try LessonParser.parse(Self.lesson, file: "t.md"))
        var host = Host()
        p.start(host: &host) { _ in }
        p.handle(.skip, host: &host) { _ in }
        var events: [LessonEvent] = []
        p.handle(.answer("0.4"), host: &host) { events.append($0) }
        p.handle(.answer("0.41"), host: &host) { events.append($0) }
        p.handle(.answer("０．３"), host: &host) { events.append($0) }
        #expect(
            events.prefix(3) == [
                .wrong("You forgot the tanh on c. (try 1)"),
                .wrong("Not quite (try 2)."), .correct("Correct."),
            ])
        #expect(events.contains(.solution("o·tanh(c). The number: 0.3000.")))
    }

    @Test func typedPatternsMatchWordsInAnyOrder() {
        #expect(LessonTask.matches("show gates t=2 fwd", pattern: "show gates * t=2"))
        #expect(LessonTask.matches("show gates fwd t=2", pattern: "show gates fwd t=2"))
        #expect(!LessonTask.matches("show gates fwd t=2 b=0", pattern: "show gates fwd t=2"))
        #expect(!LessonTask.matches("show c t=2", pattern: "show gates * t=2"))
        #expect(!LessonTask.matches("", pattern: "show"))
    }

    @Test func autoPlayDoesTasksAndLintsThem() throws {
        var p = LessonPlayer(lesson: try LessonParser.parse(Self.lesson, file: "t.md"))
        var host = Host()
        try p.playAuto(host: &host) { _ in }
        #expect(p.phase == .finished)
        // A task whose check already holds is a lesson bug.
        let broken = Self.lesson.replacingOccurrences(of: "check: steps_b == 3", with: "check: steps_b == 0")
        var q = LessonPlayer(lesson: try LessonParser.parse(broken, file: "t.md"))
        var host2 = Host()
        #expect(throws: LessonErrors.self) { try q.playAuto(host: &host2) { _ in } }
        // So is a known wrong answer that would be accepted.
        let lax = Self.lesson.replacingOccurrences(of: "wrong: 0.5 * 0.8", with: "wrong: 0.30001")
        var r = LessonPlayer(lesson: try LessonParser.parse(lax, file: "t.md"))
        var host3 = Host()
        #expect(throws: LessonErrors.self) { try r.playAuto(host: &host3) { _ in } }
    }

    @Test func toleranceFollowsTheScreen() {
        // A live value at precision 4: half a unit in the 4th decimal, or 0.1% of it.
        let tol = ExpectedAnswer.absolute(.shown(digits: nil), 0.0123, precision: 4)
        #expect(tol == 0.00005)
        #expect(ExpectedAnswer.absolute(.shown(digits: 0), 16, precision: 4) == 0)
        let e = ExpectedAnswer.number(
            0.28868, tolerance: ExpectedAnswer.absolute(.shown(digits: 4), 0.28868, precision: 4))
        #expect(e.check("0.2887") == .correct)
        #expect(e.check("0.289") == .correct)  // the target rounded to the digits typed
        #expect(e.check("0.29") == .wrong)  // two digits are not enough
        #expect(e.check("0.2897") == .wrong)
        #expect(e.check("sqrt(6/72)") == .correct)
        #expect(ExpectedAnswer.number(64, tolerance: 0).check("６４") == .correct)
        #expect(ExpectedAnswer.shape([3, 5]).check("［３，５］") == .correct)
        #expect(ExpectedAnswer.choice("a").check("ａ") == .correct)
        #expect(ExpectedAnswer.number(0.0538, tolerance: 1e-4).check("0.58 * tanh(0.093)") == .correct)
    }

    @Test func expressionsCompareAndCall() throws {
        #expect(ArithmeticExpression.evaluate("2 ** 3") == 8)
        #expect(ArithmeticExpression.evaluate("sigmoid(0)") == 0.5)
        #expect(ArithmeticExpression.evaluate("1 < 2 and 3 >= 3") == 1)
        #expect(ArithmeticExpression.evaluate("1 == 2 or 0") == 0)
        #expect(ArithmeticExpression.evaluate("tanh(") == nil)
        #expect(ArithmeticExpression.evaluate(String(repeating: "(", count: 500)) == nil)
        let v = try ArithmeticExpression.evaluate("h_f[0, -1] * 2") { name, index in
            name == "h_f" && index == [0, -1] ? 0.25 : nil
        }
        #expect(v == 0.5)
        #expect(throws: ExpressionError.self) { try ArithmeticExpression.evaluate("nope + 1", names: nil) }
    }
}

@Suite struct TypedExpressionTests {
    @Test func expressionsMatchWhateverTheSpacing() {
        #expect(LessonTask.matches("print F.linear(x[:,0], W)", pattern: "print F.linear(x[:, 0], W)"))
        #expect(LessonTask.matches("print  W_hh_f.T@W_hh_f", pattern: "print W_hh_f.T @ W_hh_f"))
        #expect(!LessonTask.matches("let W = zeros(64, 3)", pattern: "print F.linear(x[:, 0], W)"))
        #expect(!LessonTask.matches("print W_hh_f", pattern: "print W_hh_f.T @ W_hh_f"))
    }
}
