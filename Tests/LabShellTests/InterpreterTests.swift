import LSTMCore
import LSTMKernels
import Testing

@testable import LabShell

@Suite struct InterpreterTests {
    func lab() -> Lab { Lab(interpreter: Interpreter(session: .demo())) }

    @Test func stepPrintsWhatEachDirectionRead() {
        var lab = lab()
        let r = lab.handle("step")
        #expect(r.error == nil)
        #expect(
            r.output == """
                fwd step 1/5: read x[:, 0, :] → h_f[0], c_f[0]  (fused, 2 products)
                bwd step 1/5: read x[:, 4, :] → h_b[4], c_b[4] (h_b_rev[0])  (fused, 2 products)
                """)
        #expect(lab.prompt == "lstmlab fwd 1/5 bwd 1/5> ")
    }

    @Test func yPositionCompletesWhenBothDirectionsVisitIt() {
        var lab = lab()
        _ = lab.handle("step fwd 4")
        let r = lab.handle("step bwd 2")
        #expect(r.output.contains("y[:, 3, :] complete: both directions have visited t=3"))
        #expect(r.output.contains("y[:, 2, :] complete") == false)
    }

    @Test func runFinishesBothAndFinalShapesAreTheTutorials() {
        var lab = lab()
        let r = lab.handle("run")
        #expect(
            r.output
                == "ran 5 fwd + 5 bwd steps (hoisted: x·W_ihᵀ for all t in one product, then h·W_hhᵀ\n"
                + "  per step): fwd 5/5 bwd 5/5\n    y [3, 5, 32], h_n [2, 3, 16], c_n [2, 3, 16] ready"
        )
        #expect(lab.handle("step").error == "both directions have finished all 5 steps (use 'back', 'goto' or 'reset')")
    }

    /// A long run projects the input a chunk of steps at a time and says so;
    /// after hoisted steps it reuses their projection of all t.
    @Test func runSaysHowItProjectsTheInput() {
        // Wide enough that each reply's first line is whole: the wording is what is tested here.
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 300)
        #expect(lab.handle("sizes B=48 T=40 D=4 H=64").error == nil)
        // 128 rows a chunk at least; 512 KiB of projection / (48·256·4 bytes a step) = 10 steps.
        #expect(FastEngine.projectionChunkSteps(batch: 48, hiddenSize: 64) == 10)
        let chunked = lab.session.stepper.runProjectionChunk != nil
        let r = lab.handle("run")
        #expect(r.error == nil)
        #expect(
            r.output.hasPrefix(
                chunked
                    ? "ran 40 fwd + 40 bwd steps (hoisted: x·W_ihᵀ for 10 steps at a time in one product, then h·W_hhᵀ per step): fwd 40/40 bwd 40/40"
                    : "ran 40 fwd + 40 bwd steps (hoisted: x·W_ihᵀ for all t in one product, then h·W_hhᵀ per step): fwd 40/40 bwd 40/40"
            ))
        _ = lab.handle("reset")
        _ = lab.handle("set mode hoisted")
        _ = lab.handle("step")
        #expect(
            lab.handle("run").output.hasPrefix(
                "ran 39 fwd + 39 bwd steps (hoisted: x·W_ihᵀ for all t in one product, then h·W_hhᵀ per step)"))
        // From B = 64 each step's projection goes straight into its z.
        #expect(lab.handle("sizes B=64 T=3 D=4 H=8").error == nil)
        #expect(
            lab.handle("run").output.hasPrefix(
                chunked
                    ? "ran 3 fwd + 3 bwd steps (hoisted: x·W_ihᵀ of each step straight into z, then h·W_hhᵀ per step): fwd 3/3 bwd 3/3"
                    : "ran 3 fwd + 3 bwd steps (hoisted: x·W_ihᵀ for all t in one product, then h·W_hhᵀ per step): fwd 3/3 bwd 3/3"
            ))
    }

    @Test func backUndoesExactly() throws {
        var lab = lab()
        _ = lab.handle("step fwd 3")
        let before = lab.session.stepper.currentState(.forward)
        _ = lab.handle("step fwd")
        #expect(lab.handle("back fwd").output == "undid fwd −1: fwd 3/5 bwd 0/5")
        #expect(lab.session.stepper.currentState(.forward) == before)
        #expect(lab.handle("back bwd").error == "the backward direction is at the start: nothing to undo")
    }

    @Test func gotoPutsTheLatestStepAtT() {
        var lab = lab()
        #expect(lab.handle("goto t=1").output == "now fwd 2/5 bwd 4/5 (fwd latest t=1, bwd latest t=1)")
        #expect(lab.handle("goto t=7").error == "t=7 is out of range: t goes from 0 to 4")
        #expect(lab.handle("goto start bwd").output == "now fwd 2/5 bwd 0/5")
    }

    @Test func finalStatesNeedBothDirections() {
        var lab = lab()
        _ = lab.handle("step fwd 5")
        #expect(
            lab.handle("show h_n").error
                == "h_n is not computed yet: it needs both directions finished (fwd 5/5, bwd 0/5); try 'run'")
    }

    @Test func hnIsLastForwardAndFirstBackward() throws {
        var lab = lab()
        _ = lab.handle("run")
        let st = lab.session.stepper
        let hn = try st.finalHidden()
        let hf = st.hForward.tensor
        let hb = st.hBackward.tensor
        let bh = 3 * 16
        #expect(Array(hn.data[0..<bh]) == Array(hf.data[(4 * bh)..<(5 * bh)]))
        #expect(Array(hn.data[bh..<(2 * bh)]) == Array(hb.data[0..<bh]))
    }

    @Test func sizesAreCheckedAgainstTheMemoryLimit() {
        var lab = lab()
        let r = lab.handle("sizes B=4096 T=4096 H=4096")
        #expect(r.error?.hasPrefix("sizes B=4096 T=4096 D=8 H=4096 would need about ") == true)
        #expect(r.error?.hasSuffix("over the limit of 2.0 GiB (start with --memory-limit MiB to raise it)") == true)
        #expect(lab.session.sizes == .demo)
    }

    @Test func sameCommandsPrintTheSameScreen() {
        var a = lab()
        var b = lab()
        for line in ["init pytorch seed 7", "input random seed 3", "step 2", "show h fwd"] {
            #expect(a.handle(line) == b.handle(line))
        }
    }

    /// The tutorial's draft literally: chunk order f, i, o, g, then `o = tanh(g)`, `g = σ(o)`
    /// of those chunks, so i = σ(z[H:2H]), f = σ(z[0:H]), g = σ(z[2H:3H]), o = tanh(z[3H:4H]).
    @Test func variantDraftIsTheTutorialsFirstDraft() throws {
        var lab = lab()
        _ = lab.handle("set variant draft")
        _ = lab.handle("step fwd")
        let trace = try lab.session.stepper.lastTrace(.forward)
        let h = 16
        let z = (0..<4).map { trace.gatesPre[0, $0 * h] }
        // The step's vector σ and tanh are within 2 ulp of the C library's.
        let expected = [
            Activation.sigmoid(z[1]), Activation.sigmoid(z[0]), Activation.sigmoid(z[2]), Activation.tanh(z[3]),
        ]
        for (k, value) in expected.enumerated() {
            #expect(abs(trace.gates[0, k * h] - value) <= 2 * value.ulp, "slot \(k)")
        }
        // Not the correct variant's values.
        #expect(abs(trace.gates[0, 2 * h] - Activation.tanh(z[2])) > 1e-3)
    }

    @Test func viewsValidateTheirIndices() {
        var lab = lab()
        #expect(lab.handle("show x b=3").error == "b=3 is out of range: b goes from 0 to 2")
        #expect(
            lab.handle("show gates fwd").error
                == "gates fwd: the forward direction has not taken a step yet (try 'step fwd')")
        #expect(
            lab.handle("show W_ih_f fwd").error
                == "W_ih_f does not take fwd/bwd (the direction is in its name: _f or _b)")
        _ = lab.handle("step fwd")
        #expect(
            lab.handle("show c fwd t=3").error
                == "c fwd t=3 is not computed yet: the forward direction has taken 1/5 steps (it reaches t=3 at step 4)"
        )
    }

    @Test func watchesReappearAfterMoves() {
        var lab = lab()
        #expect(lab.handle("watch h fwd").output == "watching: h fwd (shown after every step, back, goto, run, reset)")
        let r = lab.handle("step fwd")
        #expect(r.output.contains("h fwd t=0  [3, 16]  axes (b, unit)"))
    }
}
