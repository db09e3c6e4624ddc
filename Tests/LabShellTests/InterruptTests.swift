import LSTMCore
import Synchronization
import Testing

@testable import LabShell

/// Ctrl-C during the draws of `sizes`, `init` and `input random`: the command
/// stops between chunks of draws and the session is left exactly as it was.
@Suite struct InterruptTests {
    /// Says "cancel" from its `after`-th question on (counting from 1).
    final class Canceller: Sendable {
        let asked = Atomic<Int>(0)
        let after: Int
        init(after: Int) { self.after = after }
        func shouldCancel() -> Bool { asked.add(1, ordering: .relaxed).newValue >= after }
    }

    func lab(cancelAfter n: Int) -> (Lab, Canceller) {
        let canceller = Canceller(after: n)
        let context = ExecutionContext(shouldCancel: { canceller.shouldCancel() })
        return (Lab(interpreter: Interpreter(session: .demo(), context: context)), canceller)
    }

    func expectUnchanged(_ lab: Lab, _ before: Session, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(lab.session.sizes == before.sizes, sourceLocation: sourceLocation)
        #expect(lab.session.parameters == before.parameters, sourceLocation: sourceLocation)
        #expect(lab.session.input == before.input, sourceLocation: sourceLocation)
        #expect(lab.session.initializer == before.initializer, sourceLocation: sourceLocation)
        #expect(lab.session.parametersOrigin == before.parametersOrigin, sourceLocation: sourceLocation)
        #expect(lab.session.positionText == before.positionText, sourceLocation: sourceLocation)
        var (now, then) = (lab.session.generator, before.generator)
        #expect(now.next() == then.next(), "the generator is where it was", sourceLocation: sourceLocation)
    }

    @Test func initStoppedPartWayKeepsTheOldParameters() {
        // W_ih_f of init pytorch at H=256, D=2048 is 2 M draws: two chunks; cancel before the second.
        var (lab, canceller) = lab(cancelAfter: .max)
        #expect(lab.handle("sizes D=2048 H=256").error == nil)
        #expect(lab.handle("step").error == nil)
        let before = lab.session
        (lab.interpreter.context, canceller) = {
            let c = Canceller(after: 2)
            return (ExecutionContext(shouldCancel: { c.shouldCancel() }), c)
        }()
        let r = lab.handle("init pytorch seed 5")
        #expect(r.error == nil)
        #expect(r.output == "interrupted: init pytorch not done (the parameters are as they were)")
        #expect(canceller.asked.load(ordering: .relaxed) == 2)
        expectUnchanged(lab, before)
        #expect(lab.session.positionText == "fwd 1/5 bwd 1/5")
    }

    @Test func sizesStoppedKeepsModelInputAndCursors() {
        var (lab, _) = lab(cancelAfter: .max)
        _ = lab.handle("step fwd")
        lab.interpreter.context = {
            let c = Canceller(after: 1)
            return ExecutionContext(shouldCancel: { c.shouldCancel() })
        }()
        let before = lab.session
        let r = lab.handle("sizes B=4 H=20")
        #expect(r.output == "interrupted: sizes not changed (the model, input and cursors are as they were)")
        expectUnchanged(lab, before)
        #expect(lab.prompt == "lstmlab fwd 1/5 bwd 0/5> ")
    }

    @Test func inputAndTheQRStepStopToo() {
        var (lab, _) = lab(cancelAfter: 1)
        let before = lab.session
        #expect(
            lab.handle("input random seed 3").output == "interrupted: input random not done (the input is as it was)")
        expectUnchanged(lab, before)
        // Asked after the draws, before the QR: 3 questions for the forward direction's W_ih, Gaussian, QR.
        lab.interpreter.context = {
            let c = Canceller(after: 3)
            return ExecutionContext(shouldCancel: { c.shouldCancel() })
        }()
        #expect(
            lab.handle("init tutorial").output
                == "interrupted: init tutorial not done (the parameters are as they were)")
        expectUnchanged(lab, before)
        // Nothing to draw: init zeros and input ones are not interrupted.
        #expect(lab.handle("init zeros").output.hasPrefix("init zeros: every parameter 0"))
        #expect(lab.handle("input ones").error == nil)
    }
}
