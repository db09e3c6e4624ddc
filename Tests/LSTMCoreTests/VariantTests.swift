import Testing
@testable import LSTMCore

/// The tutorial draft's bug, exactly: `o` receives tanh of the g block and
/// `g` receives σ of the o block; i and f are untouched.
@Suite struct VariantTests {
    @Test func draftSwapsTheActivationsOfTheGAndOBlocks() throws {
        let b = 2, h = 3
        var rng = SeededGenerator(seed: 5)
        let z = Matrix(rows: b, cols: 4 * h, data: (0..<(b * 4 * h)).map { _ in rng.uniform(-3, 3) })
        let state = LSTMState(h: Matrix(rows: b, cols: h, data: (0..<(b * h)).map { _ in rng.uniform(-1, 1) }),
                              c: Matrix(rows: b, cols: h, data: (0..<(b * h)).map { _ in rng.uniform(-2, 2) }))
        let correct = LSTMCell.finish(z: z, state: state, variant: .correct)
        let draft = LSTMCell.finish(z: z, state: state, variant: .draft)
        for r in 0..<b { for u in 0..<h {
            func zAt(_ gate: Gate) -> Float { z[r, gate.rows(hiddenSize: h).lowerBound + u] }
            func at(_ m: Matrix, _ gate: Gate) -> Float { m[r, gate.rows(hiddenSize: h).lowerBound + u] }
            let i = Activation.sigmoid(zAt(.input)), f = Activation.sigmoid(zAt(.forget))
            // correct: i, f, g, o = σ, σ, tanh, σ of their own blocks
            #expect(at(correct.gates, .input) == i && at(correct.gates, .forget) == f)
            #expect(at(correct.gates, .cell) == Activation.tanh(zAt(.cell)))
            #expect(at(correct.gates, .output) == Activation.sigmoid(zAt(.output)))
            // draft: i and f as correct; g = σ(o block), o = tanh(g block)
            #expect(at(draft.gates, .input) == i && at(draft.gates, .forget) == f)
            #expect(at(draft.gates, .cell) == Activation.sigmoid(zAt(.output)))
            #expect(at(draft.gates, .output) == Activation.tanh(zAt(.cell)))
            // and the state update uses those gates
            let c = state.c[r, u]
            let cDraft = f * c + i * Activation.sigmoid(zAt(.output))
            #expect(draft.state.c[r, u] == cDraft)
            #expect(draft.state.h[r, u] == Activation.tanh(zAt(.cell)) * Activation.tanh(cDraft))
            let cCorrect = f * c + i * Activation.tanh(zAt(.cell))
            #expect(correct.state.c[r, u] == cCorrect)
            #expect(correct.state.h[r, u] == Activation.sigmoid(zAt(.output)) * Activation.tanh(cCorrect))
        } }
        #expect(draft.gates != correct.gates)
    }

    @Test(arguments: StepMode.allCases)
    func draftKeepsThePreActivationsOfItsFirstStep(mode: StepMode) throws {
        var g = SeededGenerator(seed: 1)
        let p = BiLSTMParameters.initialized(.tutorial, inputSize: 4, hiddenSize: 3, using: &g)
        let x = try Tensor(shape: [2, 3, 4], data: (0..<24).map { _ in g.uniform(-1, 1) })
        var a = try BidirectionalStepper(parameters: p, input: x, mode: mode, variant: .correct)
        var d = try BidirectionalStepper(parameters: p, input: x, mode: mode, variant: .draft)
        let ta = try a.step(.forward), td = try d.step(.forward)
        #expect(ta.gatesPre == td.gatesPre)  // the same z from a zero state
        #expect(ta.gates != td.gates && td.variant == .draft)
        let tb = try d.step(.forward)
        #expect(tb.h != (try a.step(.forward)).h)  // and the difference propagates
    }
}
