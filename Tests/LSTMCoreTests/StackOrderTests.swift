import LSTMCore
import Testing

/// The stacking rules as pure functions: exact refusals, and agreement with a
/// brute-force reading of "layer l at t needs both directions of layer l−1 at t".
@Suite struct StackOrderTests {
    private let full5 = SequenceLengths.full(batch: 2, length: 5)

    private func stepRefusal(_ l: Int, _ d: Direction, _ c: [[Int]], _ lens: SequenceLengths) -> String? {
        StackOrder.refusal(toStep: l, d, cursors: c, lengths: lens)?.description
    }

    @Test func refusalsNameWhatIsMissing() {
        #expect(
            stepRefusal(1, .forward, [[5, 0], [0, 0]], full5)
                == "layer 1 fwd at t=0 needs layer 0's y[0]: layer 0 bwd has not started")
        #expect(
            stepRefusal(1, .forward, [[5, 2], [0, 0]], full5)
                == "layer 1 fwd at t=0 needs layer 0's y[0]: layer 0 bwd has reached t=3")
        #expect(
            stepRefusal(1, .backward, [[5, 2], [0, 2]], full5)
                == "layer 1 bwd at t=2 needs layer 0's y[2]: layer 0 bwd has reached t=3")
        #expect(
            stepRefusal(1, .forward, [[2, 5], [2, 0]], full5)
                == "layer 1 fwd at t=2 needs layer 0's y[2]: layer 0 fwd has reached t=1")
        #expect(
            stepRefusal(2, .backward, [[5, 5], [0, 0], [0, 0]], full5)
                == "layer 2 bwd at t=4 needs layer 1's y[4]: "
                + "layer 1 fwd has not started and layer 1 bwd has not started")
        #expect(
            stepRefusal(0, .forward, [[5, 5], [5, 5]], full5)
                == "layer 0 fwd has finished all 5 steps (use 'back', 'goto' or 'reset')")
        #expect(stepRefusal(0, .backward, [[0, 0], [0, 0]], full5) == nil)
        #expect(stepRefusal(1, .backward, [[5, 1], [0, 0]], full5) == nil)
    }

    @Test func undoIsRefusedOnceTheLayerAboveHasReadIt() {
        func undo(_ l: Int, _ d: Direction, _ c: [[Int]]) -> String? {
            StackOrder.refusal(toUndo: l, d, cursors: c, lengths: full5)?.description
        }
        #expect(
            undo(0, .forward, [[5, 5], [0, 1]])
                == "layer 0 fwd cannot undo t=4: layer 1 bwd has read layer 0's y[4] (undo layer 1 first)")
        #expect(
            undo(0, .backward, [[5, 5], [1, 0]])
                == "layer 0 bwd cannot undo t=0: layer 1 fwd has read layer 0's y[0] (undo layer 1 first)")
        #expect(undo(0, .forward, [[5, 5], [0, 0]]) == nil)
        #expect(undo(1, .forward, [[5, 5], [1, 0]]) == nil)
        #expect(undo(1, .backward, [[5, 5], [1, 0]]) == "layer 1 bwd is at its start: nothing to undo")
    }

    @Test func withLengthsTheRefusalNamesTheSequence() throws {
        let lens = try SequenceLengths([3, 5, 1], batch: 3, length: 5)
        // Layer 0 bwd has taken 2 steps: t=2,1 of sequence 0, t=4,3 of sequence 1, t=0 of sequence 2.
        #expect(
            stepRefusal(1, .forward, [[5, 2], [0, 0]], lens)
                == "layer 1 fwd at t=0 of sequence 0 needs layer 0's y[0]: layer 0 bwd has reached t=1")
        // Layer 1 bwd starts at each sequence's own end: t=2, t=4, t=0.
        #expect(
            stepRefusal(1, .backward, [[3, 1], [0, 0]], lens)
                == "layer 1 bwd at t=4 of sequence 1 needs layer 0's y[4]: layer 0 fwd has reached t=2")
        #expect(stepRefusal(1, .backward, [[5, 1], [0, 0]], lens) == nil)
        #expect(lens.steps == 5)
        #expect(
            stepRefusal(0, .forward, [[5, 0], [0, 0]], lens)
                == "layer 0 fwd has finished all 5 steps (use 'back', 'goto' or 'reset')")
    }

    /// Every reachable cursor state of small stacks: the rules allow a step exactly
    /// when a brute-force walk over visited (sequence, t) pairs says its input is ready.
    @Test(arguments: [[4, 4], [3, 1, 4], [2, 2, 1]], [2, 3])
    func rulesAgreeWithBruteForce(lengthList: [Int], layers: Int) throws {
        let lens = try SequenceLengths(lengthList, batch: lengthList.count, length: 4)
        var seen = Set<[[Int]]>()
        var frontier: [[[Int]]] = [Array(repeating: [0, 0], count: layers)]
        while let c = frontier.popLast() {
            guard seen.insert(c).inserted else { continue }
            for l in 0..<layers {
                for d in Direction.allCases {
                    let allowed = StackOrder.refusal(toStep: l, d, cursors: c, lengths: lens) == nil
                    #expect(allowed == bruteForceAllows(l, d, c, lens), "step \(l) \(d.short) at \(c)")
                    if allowed {
                        var next = c
                        next[l][d.rawValue] += 1
                        frontier.append(next)
                    }
                    if c[l][d.rawValue] > 0 {
                        let undo = StackOrder.refusal(toUndo: l, d, cursors: c, lengths: lens) == nil
                        #expect(undo == bruteForceAllowsUndo(l, d, c, lens), "undo \(l) \(d.short) at \(c)")
                    }
                }
            }
        }
        let complete = Array(repeating: [lens.steps, lens.steps], count: layers)
        #expect(seen.contains(complete))
        #expect(StackOrder.isComplete(cursors: complete, lengths: lens))
    }

    @Test func aSingleLayerNeverWaits() {
        for f in 0..<5 {
            for b in 0..<5 {
                #expect(StackOrder.allowedSteps(cursors: [[f, b]], lengths: full5).count == 2)
            }
        }
    }

    @Test func lengthsAreChecked() {
        #expect(throws: LengthsError.count(given: 2, batch: 3)) { try SequenceLengths([1, 2], batch: 3, length: 4) }
        #expect(throws: LengthsError.outOfRange(sequence: 1, value: 0, length: 4)) {
            try SequenceLengths([1, 0, 2], batch: 3, length: 4)
        }
        #expect(
            LengthsError.outOfRange(sequence: 2, value: 9, length: 4).description
                == "the length of sequence 2 is 9; each length is 1…T = 1…4")
        #expect(
            LengthsError.count(given: 2, batch: 3).description
                == "lengths needs one length per sequence: 2 given for B=3")
    }
}

/// (sequence, t) pairs a direction of a layer has visited after `cursor` steps.
private func visited(_ d: Direction, _ cursor: Int, _ lens: SequenceLengths) -> Set<[Int]> {
    var out = Set<[Int]>()
    for b in 0..<lens.batch {
        for k in 0..<cursor {
            if let t = lens.timeIndex(d, step: k, sequence: b) { out.insert([b, t]) }
        }
    }
    return out
}

private func bruteForceAllows(_ l: Int, _ d: Direction, _ c: [[Int]], _ lens: SequenceLengths) -> Bool {
    let k = c[l][d.rawValue]
    guard k < lens.steps else { return false }
    guard l > 0 else { return true }
    let ready = visited(.forward, c[l - 1][0], lens).intersection(visited(.backward, c[l - 1][1], lens))
    return (0..<lens.batch).allSatisfy { b in
        lens.timeIndex(d, step: k, sequence: b).map { ready.contains([b, $0]) } ?? true
    }
}

private func bruteForceAllowsUndo(_ l: Int, _ d: Direction, _ c: [[Int]], _ lens: SequenceLengths) -> Bool {
    guard l + 1 < c.count else { return true }
    let read = visited(.forward, c[l + 1][0], lens).union(visited(.backward, c[l + 1][1], lens))
    let dropped = visited(d, c[l][d.rawValue], lens).subtracting(visited(d, c[l][d.rawValue] - 1, lens))
    return read.isDisjoint(with: dropped)
}
