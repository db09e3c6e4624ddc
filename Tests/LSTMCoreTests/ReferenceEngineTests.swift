import Testing

@testable import LSTMCore

/// The reference engine's own promises: its three modes and its `run` make
/// the same sums in the same order, so they agree bit for bit.
@Suite struct ReferenceEngineTests {
    static func model(b: Int, t: Int, d: Int, h: Int, seed: UInt64) throws -> (BiLSTMParameters, Tensor) {
        var g = SeededGenerator(seed: seed)
        let p = BiLSTMParameters.initialized(.pytorch, inputSize: d, hiddenSize: h, using: &g)
        return (p, try Tensor(shape: [b, t, d], data: g.uniforms(b * t * d, -1, 1)))
    }

    @Test(arguments: Variant.allCases)
    func everyModeAndRunGiveTheSameBits(variant: Variant) throws {
        let (p, x) = try Self.model(b: 3, t: 4, d: 5, h: 6, seed: 11)
        var run = try BidirectionalStepper(parameters: p, input: x, variant: variant)
        #expect(run.engineKind == .reference)
        let finished = run.runToEnd(threads: 2, shouldCancel: { false })
        #expect(finished)
        for mode in StepMode.allCases {
            var stepped = try BidirectionalStepper(parameters: p, input: x, mode: mode, variant: variant)
            for d in Direction.allCases { try stepped.moveTo(steps: 4, d) }
            for d in Direction.allCases {
                for (a, b) in zip(stepped.traces[d], run.traces[d]) {
                    #expect(
                        a.gatesPre == b.gatesPre && a.gates == b.gates && a.state == b.state,
                        "\(mode) \(d.short) t=\(a.t)")
                    #expect(a.products == mode.productsPerStep && b.mode == .hoisted)
                }
            }
        }
    }

    @Test func runStopsAtAWholeStepWhenCancelled() throws {
        let (p, x) = try Self.model(b: 2, t: 5, d: 3, h: 4, seed: 3)
        var s = try BidirectionalStepper(parameters: p, input: x)
        try s.step(.backward)
        var asked = 0
        let finished = s.runToEnd(threads: 1) {
            asked += 1
            return asked > 3
        }
        #expect(!finished)
        #expect(s.cursor(.forward) == 3 && s.cursor(.backward) == 1)
    }

    @Test func perDirectionNamesBothValues() {
        var p = PerDirection { $0 == .forward ? 1 : 2 }
        p[.backward] += 10
        #expect(p.forward == 1 && p.backward == 12 && p.map { $0 * 2 } == PerDirection(forward: 2, backward: 24))
    }

    @Test func stepperErrorsAreFactsWithoutCommands() throws {
        let (p, x) = try Self.model(b: 1, t: 2, d: 1, h: 1, seed: 1)
        var s = try BidirectionalStepper(parameters: p, input: x)
        #expect(throws: StepperError.nothingToUndo(.forward)) { try s.back(.forward) }
        #expect(throws: StepperError.needsBothFinished(name: "h_n", forward: 0, backward: 0, length: 2)) {
            try s.finalHidden()
        }
        try s.moveTo(steps: 2, .forward)
        #expect(throws: StepperError.directionComplete(.forward, length: 2)) { try s.step(.forward) }
        #expect(throws: StepperError.timeNotReached(.backward, t: 1, steps: 0, length: 2)) {
            try s.trace(.backward, at: 1)
        }
    }
}
