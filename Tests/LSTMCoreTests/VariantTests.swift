import Testing

@testable import LSTMCore

/// The tutorial's first draft, exactly: `f, i, o, g = z.chunk(4, 1)`, then
/// `f, i, o, g = σ(f), σ(i), tanh(g), σ(o)`, on nn.LSTM's weights.
@Suite struct VariantTests {
    @Test func theDraftIsWiredAsItsTwoLinesSay() {
        #expect(
            Variant.correct.wirings.map { "\($0.gate.symbol)=\($0.activation.symbol)(z_\($0.block.symbol))" }
                == ["i=σ(z_i)", "f=σ(z_f)", "g=tanh(z_g)", "o=σ(z_o)"])
        // The chunk the draft names f is z_i's rows, the one it names o is z_g's, …
        #expect(
            Variant.draft.wirings.map { "\($0.gate.symbol)=\($0.activation.symbol)(z_\($0.block.symbol))" }
                == ["i=σ(z_f)", "f=σ(z_i)", "g=σ(z_g)", "o=tanh(z_o)"])
    }

    @Test func finishComputesTheDraftFromTheRowsItNamed() throws {
        let b = 2
        let h = 3
        var rng = SeededGenerator(seed: 5)
        let z = Matrix(rows: b, cols: 4 * h, data: (0..<(b * 4 * h)).map { _ in rng.uniform(-3, 3) })
        let state = LSTMState(
            h: Matrix(rows: b, cols: h, data: (0..<(b * h)).map { _ in rng.uniform(-1, 1) }),
            c: Matrix(rows: b, cols: h, data: (0..<(b * h)).map { _ in rng.uniform(-2, 2) }))
        let correct = LSTMCell.finish(z: z, state: state, variant: .correct)
        let draft = LSTMCell.finish(z: z, state: state, variant: .draft)
        for r in 0..<b {
            for u in 0..<h {
                // The draft's own names for z's row blocks, in row order.
                let chunk = (0..<4).map { z[r, $0 * h + u] }
                let (fChunk, iChunk, oChunk, gChunk) = (chunk[0], chunk[1], chunk[2], chunk[3])
                let f = Activation.sigmoid(fChunk)
                let i = Activation.sigmoid(iChunk)
                let o = Activation.tanh(gChunk)
                let g = Activation.sigmoid(oChunk)
                func at(_ m: Matrix, _ gate: Gate) -> Float { m[r, gate.rows(hiddenSize: h).lowerBound + u] }
                #expect(at(draft.gates, .input) == i && at(draft.gates, .forget) == f)
                #expect(at(draft.gates, .cell) == g && at(draft.gates, .output) == o)
                let c = f * state.c[r, u] + i * g
                #expect(draft.state.c[r, u] == c)
                #expect(draft.state.h[r, u] == o * Activation.tanh(c))
                // nn.LSTM: i, f, g, o of their own rows.
                let ci = Activation.sigmoid(chunk[0])
                let cf = Activation.sigmoid(chunk[1])
                let cg = Activation.tanh(chunk[2])
                let co = Activation.sigmoid(chunk[3])
                #expect(at(correct.gates, .input) == ci && at(correct.gates, .forget) == cf)
                #expect(at(correct.gates, .cell) == cg && at(correct.gates, .output) == co)
                #expect(correct.state.c[r, u] == cf * state.c[r, u] + ci * cg)
            }
        }
        #expect(draft.gates != correct.gates)
    }

    @Test(arguments: StepMode.allCases)
    func draftKeepsThePreActivationsOfItsFirstStep(mode: StepMode) throws {
        var g = SeededGenerator(seed: 1)
        let p = BiLSTMParameters.initialized(.tutorial, inputSize: 4, hiddenSize: 3, using: &g)
        let x = try Tensor(shape: [2, 3, 4], data: (0..<24).map { _ in g.uniform(-1, 1) })
        var a = try BidirectionalStepper(parameters: p, input: x, mode: mode, variant: .correct)
        var d = try BidirectionalStepper(parameters: p, input: x, mode: mode, variant: .draft)
        let ta = try a.step(.forward)
        let td = try d.step(.forward)
        #expect(ta.gatesPre == td.gatesPre)  // the same z from a zero state
        #expect(ta.gates != td.gates && td.variant == .draft)
        let tb = try d.step(.forward)
        #expect(tb.h != (try a.step(.forward)).h)  // and the difference propagates
    }
}
