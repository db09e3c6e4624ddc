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
        var packed = try f.reference(), plain = try StackedReference(parameters: f.parameters, input: f.x)
        packed.run()
        plain.run()
        #expect(packed.y() == plain.y() && packed.finalStates() == plain.finalStates())
    }
}

/// y, h_n, c_n, every layer's y and every per-layer, per-direction, per-step trace against the fixture.
func expectStackedMatches(_ r: StackedReference, _ f: StackedFixture, _ label: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(r.isComplete, "\(label): not complete", sourceLocation: sourceLocation)
    expectClose(r.y(), f.y, "\(label) y", sourceLocation: sourceLocation)
    expectClose(r.finalStates(), f.hN, "\(label) h_n", sourceLocation: sourceLocation)
    expectClose(r.finalStates(cell: true), f.cN, "\(label) c_n", sourceLocation: sourceLocation)
    let steps = r.effectiveLengths.steps
    for l in 0..<r.layerCount {
        expectClose(r.y(layer: l), try f.file("l\(l)_y.npy"), "\(label) layer \(l) y", sourceLocation: sourceLocation)
        for d in Direction.allCases {
            let parts: [(String, KeyPath<StackedReference.Step, Matrix>)] =
                [("gates_pre", \.gatesPre), ("gates", \.gates), ("c", \.c), ("h", \.h)]
            for (part, path) in parts {
                // The fixture has T rows; the steps past the longest sequence are all 0 there.
                let want = try f.trace(layer: l, d, part)
                let rows = want.count / want.shape[0]
                let expected = try Tensor(shape: [steps] + want.shape.dropFirst(),
                                          data: Array(want.data[0..<(steps * rows)]))
                #expect(want.data[(steps * rows)...].allSatisfy { $0 == 0 }, sourceLocation: sourceLocation)
                expectClose(r.trace(layer: l, d, path), expected, "\(label) l\(l)_\(d.short)_\(part)",
                            sourceLocation: sourceLocation)
            }
        }
    }
}
