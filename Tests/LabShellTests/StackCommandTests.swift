import LSTMCore
import Testing

@testable import LabShell

/// `lengths`, `layer`, `set packed` and `sizes L=` as a learner types them: exact output and refusals.
@Suite struct StackCommandTests {
    func lab() -> Lab { Lab(interpreter: Interpreter(session: .demo())) }

    @Test func lengthsSetEachSequencesEnd() {
        var lab = lab()
        let r = lab.handle("lengths 5,3,1")
        #expect(
            r.output == "lengths 5,3,1 (packed: each sequence's backward direction starts at its own last\n"
                + "  step); padding b=1 t=3..4, b=2 t=1..4; cursors at the start")
        #expect(
            lab.handle("step bwd").output
                == "bwd step 1/5: sequences moved: b=0 t=4, b=1 t=2, b=2 t=0  (fused, 2 products)")
        #expect(
            lab.handle("step bwd").output == "bwd step 2/5: sequences moved: b=0 t=3, b=1 t=1; "
                + "finished, not moving: b=2\n  (fused, 2 products)")
        #expect(lab.prompt == "lstmlab fwd 0/5 bwd 2/5> ")
        #expect(lab.handle("lengths none").output == "lengths none: every sequence is full (T=5); cursors at the start")
        #expect(lab.session.stack == nil)
    }

    @Test func lengthsAreChecked() {
        var lab = lab()
        #expect(lab.handle("lengths 5,3").error == "lengths needs one length per sequence: 2 given for B=3")
        #expect(lab.handle("lengths 5,6,1").error == "the length of sequence 1 is 6; each length is 1…T = 1…5")
        #expect(lab.handle("lengths 5,0,1").error?.hasPrefix("a length must be a whole number from 1") == true)
        #expect(lab.handle("lengths").error != nil)
        #expect(lab.session.lengths == nil)
    }

    /// The longest sequence sets the step count; h_n holds each sequence's own final states.
    @Test func packedAndNaiveFinalStatesDiffer() throws {
        var lab = lab()
        _ = lab.handle("lengths 2,5,3")
        _ = lab.handle("run")
        let packed = try #require(lab.session.stack).finalStates()
        #expect(
            lab.handle("set packed off").output
                == "packed off: every sequence runs all T steps, padding included (lengths kept as\n  labels); cursors at the start"
        )
        _ = lab.handle("run")
        let naive = try #require(lab.session.stack).finalStates()
        // Sequence 1 is full: the same numbers (to float rounding: once the others have finished, the
        // packed run's products have one row instead of three); sequences 0 and 2 read padding in the naive run.
        let hs = 16
        for row in 0..<2 {
            let full = (row * 3 + 1) * hs
            for u in full..<(full + hs) { #expect(abs(packed.data[u] - naive.data[u]) <= 1e-6) }
            let short = (row * 3) * hs
            #expect(Array(packed.data[short..<(short + hs)]) != Array(naive.data[short..<(short + hs)]))
        }
    }

    @Test func layersAreSteppedInAValidOrderOnly() {
        var lab = lab()
        #expect(
            lab.handle("sizes L=2").output
                == "sizes B=3 T=5 D=8 H=16 L=2: layers 1…1 drawn (init tutorial, W_ih [64, 32]);\n  cursors at the start"
        )
        #expect(lab.prompt == "lstmlab l0 fwd 0/5 bwd 0/5> ")
        #expect(lab.handle("layer 1").output == "layer 1 of 2: it reads layer 0's y [B, T, 2H]; l1 fwd 0/5 bwd 0/5")
        #expect(
            lab.handle("step fwd").error
                == "layer 1 fwd at t=0 needs layer 0's y[0]: layer 0 fwd has not started and layer 0 bwd has not started"
        )
        _ = lab.handle("layer 0")
        _ = lab.handle("step fwd 5")
        _ = lab.handle("step bwd 2")
        _ = lab.handle("layer 1")
        #expect(lab.handle("step fwd").error == "layer 1 fwd at t=0 needs layer 0's y[0]: layer 0 bwd has reached t=3")
        #expect(
            lab.handle("step bwd").output
                == "l1 bwd step 1/5: read y_l0[:, 4, :] → h_b[4], c_b[4] (h_b_rev[0])  (fused, 2\n  products)")
        _ = lab.handle("layer 0")
        #expect(
            lab.handle("back fwd").error
                == "layer 0 fwd cannot undo t=4: layer 1 bwd has read layer 0's y[4] (undo layer 1 first)")
        #expect(
            lab.handle("layer 2").error
                == "layer 2 does not exist: the model has 2 layers (0…1)")
        #expect(lab.handle("run").output.hasPrefix("ran 12 steps, layer by layer"))
        #expect(lab.handle("show h_n").output.contains("row=3 (l1 bwd)"))
    }

    @Test func layerCountIsChecked() {
        var lab = lab()
        #expect(lab.handle("sizes L=9").error == "L must be a whole number from 1 to 8, not 9")
        #expect(
            lab.handle("layer 1").error
                == "layer 1 does not exist: the model has 1 layer (layer 0; add layers with 'sizes L=N')")
        _ = lab.handle("sizes L=3")
        #expect(lab.session.layerCount == 3)
        _ = lab.handle("layer 2")
        _ = lab.handle("sizes L=1")
        #expect(lab.session.layerCount == 1 && lab.session.layer == 0 && lab.session.stack == nil)
    }

    /// Memory grows with L: a size that fits with one layer is refused with eight.
    @Test func memoryEstimateGrowsWithLayers() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        lab.interpreter.session.settings.memoryLimit = 512 << 20
        #expect(lab.handle("sizes B=64 T=200 H=128").error == nil)
        let r = lab.handle("sizes L=8")
        #expect(r.error?.hasPrefix("sizes B=64 T=200 D=8 H=128 L=8 would need about") == true)
        #expect(lab.session.layerCount == 1)
    }
}
