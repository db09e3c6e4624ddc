import LSTMCore
import Testing

@testable import LabShell

/// `set engine reference|fast`: the readable cell on the live path, the same
/// numbers within the equivalence tolerance, steps kept across a switch.
@Suite struct EngineSettingTests {
    func lab() -> Lab { Lab(interpreter: Interpreter(session: .demo())) }

    @Test func theShellStartsOnTheFastEngineAndInfoSaysSo() {
        var lab = lab()
        #expect(lab.interpreter.session.stepper.engineKind == .fast)
        #expect(
            lab.handle("info").output.contains("mode     fused, variant correct, engine fast, precision 4, threads 1"))
    }

    @Test func setEngineSwitchesAndKeepsTheStepsTaken() throws {
        var lab = lab()
        _ = lab.handle("step fwd 2")
        let r = lab.handle("set engine reference")
        #expect(r.error == nil)
        #expect(
            r.output == "engine reference: LSTMCell as written (plain loops, the C library's σ and tanh,\n"
                + "  one thread), the specification; steps already taken are kept")
        #expect(lab.interpreter.session.stepper.engineKind == .reference)
        #expect(lab.interpreter.session.stepper.cursor(.forward) == 2)
        #expect(lab.handle("info").output.contains("engine reference"))
        // The rest of the walk on the reference engine, then the same walk on the fast one.
        _ = lab.handle("run")
        var fast = self.lab()
        _ = fast.handle("run")
        let a = try lab.interpreter.session.stepper.finalHidden().data
        let b = try fast.interpreter.session.stepper.finalHidden().data
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-6 * max(1, abs(y))) }
        // A rebuilt stepper (new input) stays on the chosen engine.
        _ = lab.handle("input random seed 4")
        #expect(lab.interpreter.session.stepper.engineKind == .reference)
    }

    @Test func unknownEngineIsRefusedWithASuggestion() {
        var lab = lab()
        #expect(
            lab.handle("set engine fats").error == "unknown engine 'fats': use reference or fast (did you mean 'fast'?)"
        )
        #expect(lab.handle("set engine").error == "set engine needs a value")
    }
}
