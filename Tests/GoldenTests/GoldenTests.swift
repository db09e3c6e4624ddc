import LSTMCore
import Testing

/// The engine against PyTorch's nn.LSTM, on fixtures written by make_golden.py.
@Suite struct GoldenTests {
    @Test(arguments: Fixture.names, StepMode.allCases)
    func runMatchesPyTorch(name: String, mode: StepMode) throws {
        let f = try Fixture(name)
        for engine in EngineKind.allCases {
            var s = try f.stepper(mode: mode, engine: engine)
            while !s.isComplete(.forward) { try s.step(.forward) }
            while !s.isComplete(.backward) { try s.step(.backward) }
            expectMatches(s, f, "\(name) \(mode.rawValue) \(engine.rawValue)")
        }
    }

    /// `run` (hoisted, both directions at once) on each engine.
    @Test(arguments: Fixture.names, EngineKind.allCases)
    func runToEndMatchesPyTorch(name: String, engine: EngineKind) throws {
        let f = try Fixture(name)
        var s = try f.stepper(mode: .fused, engine: engine)
        try s.step(.backward)
        let finished = s.runToEnd(threads: 2, shouldCancel: { false })
        #expect(finished)
        expectMatches(s, f, "\(name) run \(engine.rawValue)")
    }

    /// Ways to walk both cursors to the end; the numbers must not depend on it.
    enum Order: String, CaseIterable, CustomTestStringConvertible {
        case backwardFirst, alternating, alternatingBackwardFirst, scattered, withUndo, modeChangingEveryStep
        var testDescription: String { rawValue }
    }

    @Test(arguments: Fixture.names, Order.allCases)
    func interleavingsGiveTheSameNumbers(name: String, order: Order) throws {
        let f = try Fixture(name)
        for mode in StepMode.allCases {
            for engine in EngineKind.allCases {
                var s = try f.stepper(mode: mode, engine: engine)
                let label = "\(name) \(mode.rawValue) \(order.rawValue) \(engine.rawValue)"
                switch order {
                case .backwardFirst:
                    while !s.isComplete(.backward) { try s.step(.backward) }
                    while !s.isComplete(.forward) { try s.step(.forward) }
                case .alternating, .alternatingBackwardFirst:
                    var d: Direction = order == .alternating ? .forward : .backward
                    while !s.isComplete {
                        if !s.isComplete(d) { try s.step(d) }
                        d = d == .forward ? .backward : .forward
                        expectKnownOutputMatches(s, f, label)
                    }
                case .scattered:
                    // A fixed pseudo-random order of directions.
                    var g = SeededGenerator(seed: 42)
                    while !s.isComplete {
                        let d: Direction = g.next() & 1 == 0 ? .forward : .backward
                        if !s.isComplete(d) { try s.step(d) }
                    }
                case .withUndo:
                    // Two steps forward, one back, in both directions, until done.
                    while !s.isComplete {
                        for d in Direction.allCases where !s.isComplete(d) {
                            try s.step(d)
                            if !s.isComplete(d) {
                                try s.step(d)
                                try s.back(d)
                            }
                        }
                    }
                    try s.moveTo(steps: 0, .backward)
                    try s.moveTo(steps: s.length, .backward)
                case .modeChangingEveryStep:
                    var k = 0
                    while !s.isComplete {
                        s.mode = StepMode.allCases[k % StepMode.allCases.count]
                        let d: Direction = k % 3 == 0 ? .backward : .forward
                        if !s.isComplete(d) { try s.step(d) } else { try s.step(d == .forward ? .backward : .forward) }
                        k += 1
                    }
                }
                expectMatches(s, f, label)
            }
        }
    }

    @Test(arguments: Fixture.names)
    func traceLooksUpTheStepThatVisitedT(name: String) throws {
        let f = try Fixture(name)
        var s = try f.stepper(mode: .fused)
        while !s.isComplete {
            try s.step(.backward)
            if !s.isComplete(.forward) { try s.step(.forward) }
        }
        let tl = s.length
        for t in 0..<tl {
            let fwd = try s.trace(.forward, at: t)
            let bwd = try s.trace(.backward, at: t)
            #expect(fwd.t == t && bwd.t == t)
            expectClose(fwd.h.tensor, try f.forward.h.slice(t), "\(name) fwd h at t=\(t)")
            expectClose(
                bwd.h.tensor, try f.backward.h.slice(tl - 1 - t), "\(name) bwd h at t=\(t) (step \(tl - 1 - t))")
        }
        // h_b (time order) is h_b_rev flipped; y's second half is h_b.
        let hb = s.hBackward.tensor
        for t in 0..<tl { expectClose(try hb.slice(t), try f.backward.h.slice(tl - 1 - t), "\(name) h_b[\(t)]") }
        expectClose(s.hBackwardProcessingOrder.tensor, f.backward.h, "\(name) h_b_rev")
    }

    @Test func saturatingFixtureReallySaturates() throws {
        let f = try Fixture("saturating")
        let z = f.forward.gatesPre.data + f.backward.gatesPre.data
        #expect((z.map(abs).max() ?? 0) > 100)
        var s = try f.stepper(mode: .fused)
        try s.moveTo(steps: s.length, .forward)
        try s.moveTo(steps: s.length, .backward)
        let gates = s.stackedTraces(.forward) { $0.gates }.data + s.stackedTraces(.backward) { $0.gates }.data
        #expect(gates.allSatisfy { $0.isFinite && $0 >= -1 && $0 <= 1 })
        #expect(gates.contains(1) && gates.contains(0))
    }
}

/// y, h_n, c_n and every per-step trace of a finished stepper against the fixture.
func expectMatches(
    _ s: BidirectionalStepper, _ f: Fixture, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(s.isComplete, "\(label): not complete", sourceLocation: sourceLocation)
    let y = s.output
    #expect(y.isComplete, "\(label): y incomplete", sourceLocation: sourceLocation)
    expectClose(y.tensor, f.y, "\(label) y", sourceLocation: sourceLocation)
    do {
        expectClose(try s.finalHidden(), f.hN, "\(label) h_n", sourceLocation: sourceLocation)
        expectClose(try s.finalCell(), f.cN, "\(label) c_n", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(label): \(error)", sourceLocation: sourceLocation)
    }
    for d in Direction.allCases {
        let ref = f.traces(d)
        expectClose(
            s.stackedTraces(d) { $0.gatesPre }, ref.gatesPre, "\(label) \(d.short)_gates_pre",
            sourceLocation: sourceLocation)
        expectClose(
            s.stackedTraces(d) { $0.gates }, ref.gates, "\(label) \(d.short)_gates", sourceLocation: sourceLocation)
        expectClose(s.stackedTraces(d) { $0.c }, ref.c, "\(label) \(d.short)_c", sourceLocation: sourceLocation)
        expectClose(s.stackedTraces(d) { $0.h }, ref.h, "\(label) \(d.short)_h", sourceLocation: sourceLocation)
    }
}

/// Mid-walk: every time index y claims to know equals PyTorch's y there.
func expectKnownOutputMatches(
    _ s: BidirectionalStepper, _ f: Fixture, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let y = s.output
    let b = s.batch
    let tl = s.length
    let w = 2 * s.hiddenSize
    for t in 0..<tl where y.known[t] {
        var got = [Float]()
        var want = [Float]()
        for bi in 0..<b {
            let base = (bi * tl + t) * w
            got += y.tensor.data[base..<(base + w)]
            want += f.y.data[base..<(base + w)]
        }
        do {
            expectClose(
                try Tensor(shape: [b, w], data: got), try Tensor(shape: [b, w], data: want),
                "\(label) y[:, \(t)] at fwd \(s.cursor(.forward)), bwd \(s.cursor(.backward))",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
    }
    let expectedKnown = (0..<tl).map { t in t < s.cursor(.forward) && t >= tl - s.cursor(.backward) }
    #expect(y.known == expectedKnown, "\(label): known times", sourceLocation: sourceLocation)
}

/// `runToEnd` (hoisted, directions on two threads) against PyTorch, from the
/// start and from cursors left part-way.
@Suite struct RunToEndGoldenTests {
    @Test(arguments: Fixture.names, [1, 2])
    func runToEndMatchesPyTorch(name: String, threads: Int) throws {
        let f = try Fixture(name)
        var s = try f.stepper(mode: .fused)
        let finished = s.runToEnd(threads: threads, shouldCancel: { false })
        #expect(finished)
        expectMatches(s, f, "\(name) runToEnd threads=\(threads)")
    }

    @Test(arguments: Fixture.names, StepMode.allCases)
    func runToEndFromPartWayMatchesPyTorch(name: String, mode: StepMode) throws {
        let f = try Fixture(name)
        var s = try f.stepper(mode: mode)
        // Forward a bit more than half, backward one step (when there is room).
        try s.moveTo(steps: (s.length + 1) / 2, .forward)
        try s.moveTo(steps: min(1, s.length), .backward)
        let finished = s.runToEnd(threads: 2, shouldCancel: { false })
        #expect(finished)
        expectMatches(s, f, "\(name) \(mode.rawValue) part-way then runToEnd")
        // Undo into the run's traces and redo by single steps: still PyTorch's numbers.
        try s.moveTo(steps: 0, .backward)
        try s.moveTo(steps: s.length / 2, .forward)
        while !s.isComplete { for d in Direction.allCases where !s.isComplete(d) { try s.step(d) } }
        expectMatches(s, f, "\(name) \(mode.rawValue) runToEnd, undo, step again")
    }
}
