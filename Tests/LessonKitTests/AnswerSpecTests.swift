import Testing

@testable import LessonKit

@Suite struct AnswerSpecTests {
    @Test func parsesEveryKind() throws {
        #expect(try AnswerSpec.parse("number 64") == .number(64, tolerance: .shown(digits: 0)))
        #expect(try AnswerSpec.parse("number 4*16 tol 0") == .number(64, tolerance: .absolute(0)))
        #expect(
            try AnswerSpec.parse("value y[0,4,20]")
                == .value(ValueReference(name: "y", index: [0, 4, 20], direction: nil), tolerance: .shown(digits: nil)))
        #expect(
            try AnswerSpec.parse("value h[0, 3] bwd tol 1e-4")
                == .value(ValueReference(name: "h", index: [0, 3], direction: "bwd"), tolerance: .absolute(1e-4)))
        #expect(try AnswerSpec.parse("shape [3, 5, 32]") == .shape([3, 5, 32]))
        #expect(try AnswerSpec.parse("shape y") == .liveShape(name: "y", direction: nil))
        #expect(try AnswerSpec.parse("shape gates fwd") == .liveShape(name: "gates", direction: "fwd"))
        #expect(try AnswerSpec.parse("gate f") == .gate("f"))
        #expect(try AnswerSpec.parse("choice B") == .choice("b"))
        #expect(try AnswerSpec.parse("text forward | 前向") == .text(["forward", "前向"]))
    }

    static let bad: [(String, String)] = [
        ("number", "'answer: number' needs a number, got ''"),
        ("number sixty", "'answer: number' needs a number, got 'sixty'"),
        ("number 1 tol -1", "tolerance must be a non-negative number, got '-1'"),
        ("value h", "'answer: value' needs NAME[i,j,...] like h[0,3], got 'h'"),
        ("value h[0,-1]", "'answer: value' needs NAME[i,j,...] like h[0,3], got 'h[0,-1]'"),
        ("value h[0,1] up", "direction must be fwd or bwd, got 'up'"),
        ("value h[0,1] fwd extra", "'answer: value' takes NAME[i,j,...] [fwd|bwd] [tol E], got 'h[0,1] fwd extra'"),
        ("shape [3, x]", "'answer: shape' needs [a, b, ...] with non-negative integers, got '[3, x]'"),
        ("shape", "'answer: shape' needs [a, b, ...] or a view name, got ''"),
        ("shape y sideways", "direction must be fwd or bwd, got 'sideways'"),
        ("gate c", "'answer: gate' must be one of i, f, g, o, got 'c'"),
        ("choice a b", "'answer: choice' needs one key like b, got 'a b'"),
        ("text |", "'answer: text' needs at least one word"),
    ]

    @Test(arguments: bad)
    func rejectsBadSpecs(text: String, message: String) {
        do {
            _ = try AnswerSpec.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func checksNumbersWithinTolerance() {
        let e = ExpectedAnswer.number(0.25, tolerance: 1e-3)
        #expect(e.check("0.25") == .correct)
        #expect(e.check("0.2509") == .correct)
        #expect(e.check("0.252") == .wrong)
        #expect(e.check("1/4") == .correct)
        #expect(e.check("quarter") == .unreadable(.number))
        #expect(e.check("  ") == .unreadable(.empty))
        #expect(ExpectedAnswer.number(64, tolerance: 0).check("4*16") == .correct)
        #expect(ExpectedAnswer.number(64, tolerance: 0).check("4×(8+8)") == .correct)
        #expect(ExpectedAnswer.number(-0.5, tolerance: 0).check("-1/2") == .correct)
    }

    @Test func checksLiveValuesReadWhenAsked() throws {
        var host = FakeHost()
        host.values["h[0, 3] fwd"] = 0.123456
        let e = try ExpectedAnswer.resolve(
            .value(ValueReference(name: "h", index: [0, 3], direction: "fwd"), tolerance: .absolute(1e-4)), host: host)
        #expect(e == .number(Double(Float(0.123456)), tolerance: 1e-4))
        #expect(e.check("0.1235") == .correct)
        #expect(e.check("0.1237") == .wrong)
        #expect(throws: FakeError.self) {
            try ExpectedAnswer.resolve(
                .value(ValueReference(name: "h", index: [9], direction: nil), tolerance: .absolute(1e-4)), host: host)
        }
    }

    @Test func checksShapes() throws {
        let e = ExpectedAnswer.shape([3, 5, 32])
        for ok in ["[3, 5, 32]", "(3,5,32)", "3x5x32", "3 × 5 × 32", "[3，5，32]"] {
            #expect(e.check(ok) == .correct, "\(ok)")
        }
        #expect(e.check("[5, 3, 32]") == .wrong)
        #expect(e.check("[3, 5") == .unreadable(.shape))
        var host = FakeHost()
        host.shapes["y"] = [3, 5, 32]
        #expect(try ExpectedAnswer.resolve(.liveShape(name: "y", direction: nil), host: host) == e)
    }

    @Test func checksGatesChoicesAndText() {
        let g = ExpectedAnswer.gate("f")
        for ok in ["f", "F", "forget", "Forget gate", "遗忘门"] { #expect(g.check(ok) == .correct, "\(ok)") }
        #expect(g.check("i") == .wrong)
        #expect(g.check("banana") == .unreadable(.gate))
        let c = ExpectedAnswer.choice("b")
        for ok in ["b", "B", "b)", "(b)"] { #expect(c.check(ok) == .correct, "\(ok)") }
        #expect(c.check("a") == .wrong)
        let t = ExpectedAnswer.text(["backward", "反向"])
        #expect(t.check("Backward.") == .correct)
        #expect(t.check("反向。") == .correct)
        #expect(t.check("forward") == .wrong)
    }

    @Test func canonicalAnswersAreAccepted() {
        let all: [ExpectedAnswer] = [
            .number(64, tolerance: 0), .number(-0.0312, tolerance: 1e-4), .shape([2, 3, 16]),
            .gate("g"), .choice("c"), .text(["yes", "是"]),
        ]
        for e in all { #expect(e.check(e.canonical) == .correct, "\(e)") }
        #expect(ExpectedAnswer.number(64, tolerance: 0).canonical == "64")
    }

    @Test func arithmetic() {
        #expect(ArithmeticExpression.evaluate("2+3*4") == 14)
        #expect(ArithmeticExpression.evaluate("(2+3)*4") == 20)
        #expect(ArithmeticExpression.evaluate("1e-3") == 0.001)
        #expect(ArithmeticExpression.evaluate("2·8") == 16)
        #expect(ArithmeticExpression.evaluate("1/0") == nil)
        #expect(ArithmeticExpression.evaluate("2+") == nil)
        #expect(ArithmeticExpression.evaluate("") == nil)
        #expect(ArithmeticExpression.evaluate(String(repeating: "(", count: 500)) == nil)
    }

    /// What the calculator cannot read goes to the expression language (float32, the engine's σ and tanh).
    @Test func expressionLanguageReadsWhatTheCalculatorCannot() {
        #expect(AnswerNumber.evaluate("torch.tensor([1.5, 2]).sum()") == 3.5)
        #expect(AnswerNumber.evaluate("tanh(0.3)") == Double(Float(0.291312635)))
        #expect(AnswerNumber.evaluate("4×16") == 64)
        #expect(AnswerNumber.evaluate("zeros(3)") == nil)
        #expect(AnswerNumber.evaluate("1/0") == nil)
        #expect(ExpectedAnswer.number(3.5, tolerance: 0).check("torch.tensor([1.5, 2]).sum()") == .correct)
        #expect(ExpectedAnswer.number(3.5, tolerance: 0).check("ones(2).sum()") == .wrong)
    }
}
