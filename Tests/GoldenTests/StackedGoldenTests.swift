import LSTMCore
import Testing

/// The readable stacked/packed reference against PyTorch's packed and multi-layer nn.LSTM.
@Suite struct StackedGoldenTests {
    @Test(arguments: StackedFixture.names)
    func runMatchesPyTorch(name: String) throws {
        let f = try StackedFixture(name)
        var r = try f.reference()
        r.run()
        try expectStackedMatches(r, f, "\(name) run")
    }

    /// Random orders among the steps the rules allow; every one ends at torch's numbers,
    /// and every step the rules refuse on the way is refused by the stepper too.
    @Test(arguments: StackedFixture.names, [1, 2, 3])
    func randomValidOrdersMatchPyTorch(name: String, seed: UInt64) throws {
        let f = try StackedFixture(name)
        var r = try f.reference()
        var g = SeededGenerator(seed: seed)
        var moves = 0
        while !r.isComplete {
            let allowed = StackOrder.allowedSteps(cursors: r.cursors, lengths: r.effectiveLengths)
            try #require(!allowed.isEmpty, "\(name): stuck at \(r.cursors)")
            for l in 0..<r.layerCount {
                for d in Direction.allCases where !allowed.contains(where: { $0.layer == l && $0.direction == d }) {
                    var copy = r
                    #expect(throws: StackOrderRefusal.self) { try copy.step(layer: l, d) }
                }
            }
            let pick = allowed[Int(g.next() % UInt64(allowed.count))]
            try r.step(layer: pick.layer, pick.direction)
            moves += 1
            // Now and then undo a step whose undo is allowed, and take it again.
            if g.next() % 5 == 0, (try? r.back(layer: pick.layer, pick.direction)) != nil {
                try r.step(layer: pick.layer, pick.direction)
            }
        }
        #expect(moves == 2 * r.layerCount * r.effectiveLengths.steps)
        try expectStackedMatches(r, f, "\(name) random order seed \(seed)")
    }

    /// With `set packed off` the lengths are labels: torch's unpacked run of the same padded batch.
    @Test(arguments: StackedFixture.packedNames)
    func packedOffIsTheNaivePaddedRun(name: String) throws {
        let f = try StackedFixture(name)
        var r = try f.reference(packed: false)
        r.run()
        let naiveY = try f.file("naive_y.npy")
        expectClose(r.y(), f.meta.batch_first ? naiveY : try naiveY.swappingFirstAxes(), "\(name) naive y")
        expectClose(r.finalStates(), try f.file("naive_h_n.npy"), "\(name) naive h_n")
        expectClose(r.finalStates(cell: true), try f.file("naive_c_n.npy"), "\(name) naive c_n")
        if f.lengths?.isFull == false {
            #expect(r.finalStates() != f.hN, "\(name): padding read by the backward direction changes h_n")
        }
    }

    /// The padded positions of the input are never read: other values there change nothing.
    @Test(arguments: StackedFixture.packedNames)
    func paddingIsNeverRead(name: String) throws {
        let f = try StackedFixture(name)
        let lengths = try #require(f.lengths)
        var x = f.x
        let (t, d) = (x.shape[1], x.shape[2])
        for b in 0..<x.shape[0] {
            for ti in lengths[b]..<t { for j in 0..<d { x.data[(b * t + ti) * d + j] = 1e6 } }
        }
        var r = try StackedReference(parameters: f.parameters, input: x, lengths: lengths, h0: f.h0, c0: f.c0)
        r.run()
        try expectStackedMatches(r, f, "\(name) with 1e6 in the padding")
    }

    @Test func packingFullLengthsChangesNothing() throws {
        let f = try StackedFixture("packed_all_full")
        var packed = try f.reference()
        var plain = try StackedReference(parameters: f.parameters, input: f.x)
        packed.run()
        plain.run()
        #expect(packed.y() == plain.y() && packed.finalStates() == plain.finalStates())
    }
}

/// What a finished stacked run produced, from either the reference or the live stepper.
struct StackedOutcome {
    var complete: Bool
    var steps: Int
    var layers: Int
    var y: Tensor
    var hN: Tensor
    var cN: Tensor
    var layerY: [Tensor]
    /// "l0_fwd_gates_pre" → [K, B, width], rows of sequences that did not move 0.
    var traces: [String: Tensor]

    init(_ r: StackedReference) {
        complete = r.isComplete
        steps = r.effectiveLengths.steps
        layers = r.layerCount
        y = r.y()
        hN = r.finalStates()
        cN = r.finalStates(cell: true)
        layerY = (0..<r.layerCount).map { r.y(layer: $0) }
        traces = [:]
        let parts: [(String, KeyPath<StackedReference.Step, Matrix>)] =
            [("gates_pre", \.gatesPre), ("gates", \.gates), ("c", \.c), ("h", \.h)]
        for l in 0..<r.layerCount {
            for d in Direction.allCases {
                for (part, path) in parts { traces["l\(l)_\(d.short)_\(part)"] = r.trace(layer: l, d, path) }
            }
        }
    }

    init(_ s: StackedStepper) {
        complete = s.isComplete
        steps = s.stepCount
        layers = s.layerCount
        y = s.y()
        hN = s.finalStates()
        cN = s.finalStates(cell: true)
        layerY = (0..<s.layerCount).map { s.y(layer: $0) }
        traces = [:]
        let parts: [(String, (StepTrace) -> Matrix)] =
            [("gates_pre", { $0.gatesPre }), ("gates", { $0.gates }), ("c", { $0.c }), ("h", { $0.h })]
        for l in 0..<s.layerCount {
            for d in Direction.allCases {
                for (part, pick) in parts { traces["l\(l)_\(d.short)_\(part)"] = s.trace(layer: l, d, pick) }
            }
        }
    }
}

/// y, h_n, c_n, every layer's y and every per-layer, per-direction, per-step trace against the fixture.
func expectStackedMatches(
    _ r: StackedReference, _ f: StackedFixture, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectStackedMatches(StackedOutcome(r), f, label, sourceLocation: sourceLocation)
}

func expectStackedMatches(
    _ r: StackedOutcome, _ f: StackedFixture, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(r.complete, "\(label): not complete", sourceLocation: sourceLocation)
    expectClose(r.y, f.y, "\(label) y", sourceLocation: sourceLocation)
    expectClose(r.hN, f.hN, "\(label) h_n", sourceLocation: sourceLocation)
    expectClose(r.cN, f.cN, "\(label) c_n", sourceLocation: sourceLocation)
    for l in 0..<r.layers {
        expectClose(r.layerY[l], try f.file("l\(l)_y.npy"), "\(label) layer \(l) y", sourceLocation: sourceLocation)
        for d in Direction.allCases {
            for part in ["gates_pre", "gates", "c", "h"] {
                // The fixture has T rows; the steps past the longest sequence are all 0 there.
                let want = try f.trace(layer: l, d, part)
                let rows = want.count / want.shape[0]
                let expected = try Tensor(
                    shape: [r.steps] + want.shape.dropFirst(),
                    data: Array(want.data[0..<(r.steps * rows)]))
                #expect(want.data[(r.steps * rows)...].allSatisfy { $0 == 0 }, sourceLocation: sourceLocation)
                let name = "l\(l)_\(d.short)_\(part)"
                guard let got = r.traces[name] else {
                    Issue.record("\(label): no \(name)", sourceLocation: sourceLocation)
                    continue
                }
                expectClose(got, expected, "\(label) \(name)", sourceLocation: sourceLocation)
            }
        }
    }
}
