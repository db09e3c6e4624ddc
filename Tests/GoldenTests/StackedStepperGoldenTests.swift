import LSTMCore
import LSTMKernels
import Testing

/// The live stacked stepper (every step through a `BidirectionalStepper`) against
/// PyTorch's packed and multi-layer nn.LSTM, in every step mode and order.
@Suite struct StackedStepperGoldenTests {
    private func stepper(
        _ f: StackedFixture, mode: StepMode, packed: Bool = true,
        engine: EngineKind = .fast
    ) throws -> StackedStepper {
        try StackedStepper(
            parameters: f.parameters, input: f.x, lengths: f.lengths, h0: f.h0, c0: f.c0,
            packed: packed, mode: mode, engine: FastEngine.named(engine))
    }

    @Test(arguments: StackedFixture.names, [1, 2])
    func runMatchesPyTorch(name: String, threads: Int) throws {
        let f = try StackedFixture(name)
        for engine in EngineKind.allCases {
            var s = try stepper(f, mode: .fused, engine: engine)
            #expect(try s.run(threads: threads, shouldCancel: { false }))
            try expectStackedMatches(StackedOutcome(s), f, "\(name) run threads=\(threads) \(engine.rawValue)")
        }
    }

    /// Random valid orders with the step mode changing as it goes, a few undos, then `run` for the rest.
    @Test(arguments: StackedFixture.names, [1, 2])
    func randomValidOrdersMatchPyTorch(name: String, seed: UInt64) throws {
        let f = try StackedFixture(name)
        var s = try stepper(f, mode: .perGate)
        var g = SeededGenerator(seed: seed)
        var moves = 0
        while !s.isComplete && moves < 3 * s.stepCount {
            let allowed = StackOrder.allowedSteps(cursors: s.cursors, lengths: s.effectiveLengths)
            let pick = allowed[Int(g.next() % UInt64(allowed.count))]
            s.mode = StepMode.allCases[Int(g.next() % 3)]
            try s.step(layer: pick.layer, pick.direction)
            if g.next() % 4 == 0 { try? s.back(layer: pick.layer, pick.direction) }
            moves += 1
        }
        #expect(try s.run(threads: 2, shouldCancel: { false }))
        try expectStackedMatches(StackedOutcome(s), f, "\(name) random order seed \(seed), then run")
        // The same numbers as the reference taken step by step, within the golden tolerance.
        var r = try f.reference()
        r.run()
        expectClose(s.y(), r.y(), "\(name) stepper y vs reference")
    }

    @Test(arguments: StackedFixture.names)
    func refusedStepsAreTheRulesRefusals(name: String) throws {
        let f = try StackedFixture(name)
        var s = try stepper(f, mode: .fused)
        guard s.layerCount > 1 else { return }
        try s.step(layer: 0, .forward)
        do {
            try s.step(layer: 1, .forward)
            Issue.record("\(name): layer 1 stepped before layer 0's bwd reached t=0")
        } catch let refusal as StackOrderRefusal {
            let cursors = [[1, 0]] + Array(repeating: [0, 0], count: s.layerCount - 1)
            #expect(refusal == StackOrder.refusal(toStep: 1, .forward, cursors: cursors, lengths: s.effectiveLengths))
        }
        #expect(s.cursors[1] == [0, 0])
    }

    @Test(arguments: StackedFixture.packedNames)
    func packedOffIsTheNaivePaddedRun(name: String) throws {
        let f = try StackedFixture(name)
        var s = try stepper(f, mode: .hoisted, packed: false)
        #expect(try s.run(threads: 1, shouldCancel: { false }))
        let naiveY = try f.file("naive_y.npy")
        expectClose(s.y(), f.meta.batch_first ? naiveY : try naiveY.swappingFirstAxes(), "\(name) naive y")
        expectClose(s.finalStates(), try f.file("naive_h_n.npy"), "\(name) naive h_n")
        expectClose(s.finalStates(cell: true), try f.file("naive_c_n.npy"), "\(name) naive c_n")
    }

    @Test func cancelStopsAtAWholeStep() throws {
        let f = try StackedFixture("packed_layers2")
        var s = try stepper(f, mode: .fused)
        var asked = 0
        #expect(
            try !s.run(
                threads: 1,
                shouldCancel: {
                    asked += 1
                    return asked > 3
                }))
        #expect(!s.isComplete)
        #expect(try s.run(threads: 1, shouldCancel: { false }))
        try expectStackedMatches(StackedOutcome(s), f, "packed_layers2 cancelled, then run")
    }
}
