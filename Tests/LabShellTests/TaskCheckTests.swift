import LabText
import Testing

@testable import LabShell

/// Task checks read by the full expression language on the live session, with the
/// lessons' scalar names beside it; true is a nonzero one-element result.
@Suite struct TaskCheckTests {
    func lab(_ lines: [String] = []) -> Lab {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in lines { _ = lab.handle(line) }
        return lab
    }

    @Test func theLessonsScalarNames() throws {
        var lab = lab()
        #expect(try lab.interpreter.evaluate("steps_b == 3") == 0)
        _ = lab.handle("step bwd 3")
        #expect(try lab.interpreter.evaluate("steps_b == 3") == 1)
        #expect(try lab.interpreter.evaluate("steps_f == 0 and steps_b == 3") == 1)
        #expect(try lab.interpreter.evaluate("steps_f == 1 and steps_b == 3") == 0)
        #expect(try lab.interpreter.evaluate("steps_f == 1 or steps_b == 3") == 1)
        #expect(try lab.interpreter.evaluate("steps_f == 1 || H * 4 == 64 && T == 5") == 1)
        #expect(try lab.interpreter.evaluate("steps_b") == 3)
    }

    @Test func shapesMatricesAndFunctions() throws {
        var lab = lab(["step bwd 3"])
        #expect(try lab.interpreter.evaluate("h_b_rev.shape[0] == 5 and h_b_rev.shape[2] == H") == 1)
        #expect(try lab.interpreter.evaluate("(W_hh_f.T @ W_hh_f - eye(16)).abs().max() < 1e-5") == 1)
        #expect(try lab.interpreter.evaluate("(W_hh_f @ W_hh_f.T - eye(64)).abs().max() < 1e-5") == 0)
        #expect(try lab.interpreter.evaluate("c_b_rev[2].shape[1] == 16 and c_b_rev[2, 0, 3] == c_b_rev[2][0][3]") == 1)
        _ = lab.handle("init pytorch")
        #expect(try lab.interpreter.evaluate("(W_hh_f.T @ W_hh_f - eye(16)).abs().max() < 1e-5") == 0)
    }

    /// A learner's `let` variable is a name a check may read; before it exists the check fails.
    @Test func theLearnersVariables() throws {
        var lab = lab()
        #expect(throws: (any Error).self) { try lab.interpreter.evaluate("err < 1e-5") }
        _ = lab.handle("let err = (W_hh_f.T @ W_hh_f).abs().max()")
        #expect(try lab.interpreter.evaluate("err < 1e-5") == 0)
        _ = lab.handle("unlet err")
        _ = lab.handle("let err = (W_hh_f.T @ W_hh_f - eye(16)).abs().max()")
        #expect(try lab.interpreter.evaluate("err < 1e-5") == 1)
    }

    @Test func aCheckGivesOneNumber() {
        let lab = lab()
        #expect(throws: LabError(said: ExpressionReplyMessage.checkNotANumber(check: "W_hh_f > 0"))) {
            try lab.interpreter.evaluate("W_hh_f > 0")
        }
        #expect(
            ExpressionReplyMessage.checkNotANumber(check: "W_hh_f > 0").english
                == "a check must give one number: W_hh_f > 0")
    }

    @Test func andOrSplitOutsideBrackets() {
        #expect(TaskCheckClauses.split("a == 1 and (b or c)") == [["a == 1", "(b or c)"]])
        #expect(TaskCheckClauses.split("a or b and c") == [["a"], ["b", "c"]])
        #expect(TaskCheckClauses.split("random_draft == 1") == [["random_draft == 1"]])
        #expect(TaskCheckClauses.split("x[0 and 1]") == [["x[0 and 1]"]])
    }
}
