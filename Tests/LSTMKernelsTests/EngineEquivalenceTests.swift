import LSTMCore
import Testing

@testable import LSTMKernels

/// The fast engine against the reference engine (`LSTMCell` as written), the
/// specification: the same commands on both, compared after every move.
///
/// The products sum in another order and the fast engine's σ and tanh are
/// vector formulas (about 2 ulp from the C library's), so the traces agree
/// within 1e-6 relative to max(1, |reference|). Where the arithmetic is the
/// same, the elementwise part with `.exact` activations, they agree bit for bit.
@Suite struct EngineEquivalenceTests {
    static let tolerance: Float = 1e-6

    /// One randomised case: sizes, mode, variant, initial state and a walk of
    /// steps, undos, gotos, mode changes and a final `run`.
    struct Case: CustomTestStringConvertible {
        let seed: UInt64
        var testDescription: String { "seed \(seed)" }
    }

    static let cases = (1...16).map { Case(seed: UInt64($0)) }

    @Test(arguments: cases)
    func fastEqualsReferenceOnARandomWalk(_ c: Case) throws {
        var g = SeededGenerator(seed: 1000 + c.seed)
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(g.next() % UInt64(range.count)) }
        let b = pick(1...5)
        let t = pick(1...7)
        let d = pick(1...20)
        let h = pick(1...40)
        let p = BiLSTMParameters.initialized(
            pick(0...1) == 0 ? .pytorch : .tutorial, inputSize: d, hiddenSize: h, using: &g)
        let x = try Tensor(shape: [b, t, d], data: g.uniforms(b * t * d, -2, 2))
        let withState = pick(0...1) == 1
        let h0 = withState ? try Tensor(shape: [2, b, h], data: g.uniforms(2 * b * h, -1, 1)) : nil
        let c0 = withState ? try Tensor(shape: [2, b, h], data: g.uniforms(2 * b * h, -2, 2)) : nil
        let mode = StepMode.allCases[pick(0...2)]
        let variant = Variant.allCases[pick(0...1)]
        let label = "B=\(b) T=\(t) D=\(d) H=\(h) \(mode.rawValue) \(variant.rawValue)\(withState ? " h0/c0" : "")"
        var reference = try BidirectionalStepper(parameters: p, input: x, h0: h0, c0: c0, mode: mode, variant: variant)
        var fast = try BidirectionalStepper(
            parameters: p, input: x, h0: h0, c0: c0, mode: mode, variant: variant,
            engine: FastEngine())
        #expect(reference.engineKind == .reference && fast.engineKind == .fast)
        var moves: [String] = []
        for _ in 0..<pick(4...14) {
            let direction: Direction = pick(0...1) == 0 ? .forward : .backward
            switch pick(0...9) {
            case 0...4:
                guard !reference.isComplete(direction) else { continue }
                try reference.step(direction)
                try fast.step(direction, threads: pick(1...2))
                moves.append("step \(direction.short)")
            case 5...6:
                guard reference.cursor(direction) > 0 else { continue }
                try reference.back(direction)
                try fast.back(direction)
                moves.append("back \(direction.short)")
            case 7:
                let target = pick(0...t)
                try reference.moveTo(steps: target, direction)
                try fast.moveTo(steps: target, direction)
                moves.append("goto \(target) \(direction.short)")
            default:
                let next = StepMode.allCases[pick(0...2)]
                reference.mode = next
                fast.mode = next
                moves.append("mode \(next.rawValue)")
            }
            try expectEqualWithinTolerance(reference, fast, "\(label) after \(moves.joined(separator: ", "))")
        }
        let threads = pick(1...2)
        _ = reference.runToEnd(threads: threads, shouldCancel: { false })
        _ = fast.runToEnd(threads: threads, minimumWorkForThreads: 0, shouldCancel: { false })
        try expectEqualWithinTolerance(reference, fast, "\(label) after \(moves.joined(separator: ", ")), run")
        expectClose(try reference.finalHidden().data, try fast.finalHidden().data, "\(label) h_n")
        expectClose(reference.output.tensor.data, fast.output.tensor.data, "\(label) y")
    }

    /// The elementwise part, σ/tanh and the state update, on the same z: the
    /// kernel's `.exact` path is `LSTMCell.finish`'s arithmetic, bit for bit.
    @Test(arguments: Variant.allCases)
    func exactFinishIsTheReferenceBitForBit(variant: Variant) throws {
        var g = SeededGenerator(seed: 77)
        for (b, h) in [(1, 1), (3, 5), (2, 17), (4, 33)] {
            let z = Matrix(rows: b, cols: 4 * h, data: g.uniforms(b * 4 * h, -8, 8))
            let state = LSTMState(
                h: Matrix(rows: b, cols: h, data: g.uniforms(b * h, -1, 1)),
                c: Matrix(rows: b, cols: h, data: g.uniforms(b * h, -3, 3)))
            let (gates, next) = LSTMCell.finish(z: z, state: state, variant: variant)
            var kGates = [Float](repeating: 0, count: b * 4 * h)
            var kc = [Float](repeating: 0, count: b * h)
            var kh = kc
            z.data.withUnsafeBufferPointer { zp in
                state.c.data.withUnsafeBufferPointer { cp in
                    kGates.withUnsafeMutableBufferPointer { gp in
                        kc.withUnsafeMutableBufferPointer { cOut in
                            kh.withUnsafeMutableBufferPointer { hOut in
                                guard let zb = zp.baseAddress, let cb = cp.baseAddress, let gb = gp.baseAddress,
                                    let co = cOut.baseAddress, let ho = hOut.baseAddress
                                else { return }
                                StepKernel.finish(
                                    batch: b, hiddenSize: h, z: zb, cPrev: cb, variant: variant,
                                    activations: .exact, gates: gb, c: co, h: ho)
                            }
                        }
                    }
                }
            }
            #expect(kGates.map(\.bitPattern) == gates.data.map(\.bitPattern), "B=\(b) H=\(h) gates")
            #expect(kc.map(\.bitPattern) == next.c.data.map(\.bitPattern), "B=\(b) H=\(h) c")
            #expect(kh.map(\.bitPattern) == next.h.data.map(\.bitPattern), "B=\(b) H=\(h) h")
        }
    }

    private func expectEqualWithinTolerance(
        _ reference: BidirectionalStepper, _ fast: BidirectionalStepper,
        _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for direction in Direction.allCases {
            #expect(
                reference.cursor(direction) == fast.cursor(direction), "\(label) cursor", sourceLocation: sourceLocation
            )
            for (r, f) in zip(reference.traces[direction], fast.traces[direction]) {
                let at = "\(label) \(direction.short) t=\(r.t)"
                #expect(
                    r.t == f.t && r.mode == f.mode && r.variant == f.variant && r.products == f.products,
                    "\(at) labels", sourceLocation: sourceLocation)
                expectClose(r.gatesPre.data, f.gatesPre.data, "\(at) z", sourceLocation: sourceLocation)
                expectClose(r.gates.data, f.gates.data, "\(at) gates", sourceLocation: sourceLocation)
                expectClose(r.c.data, f.c.data, "\(at) c", sourceLocation: sourceLocation)
                expectClose(r.h.data, f.h.data, "\(at) h", sourceLocation: sourceLocation)
            }
        }
    }

    private func expectClose(
        _ reference: [Float], _ fast: [Float], _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reference.count == fast.count, "\(label) count", sourceLocation: sourceLocation)
        var worst: Float = 0
        var worstAt = 0
        for (i, (r, f)) in zip(reference, fast).enumerated() {
            let excess = abs(r - f) / max(1, abs(r))
            if !(excess <= worst) {
                worst = excess
                worstAt = i
            }
        }
        #expect(
            worst <= Self.tolerance,
            "\(label): element \(worstAt) differs by \(worst) relative (reference \(reference[worstAt]), fast \(fast[worstAt]))",
            sourceLocation: sourceLocation)
    }
}
