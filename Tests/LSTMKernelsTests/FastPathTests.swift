import Foundation
import LSTMCore
import Testing

@testable import LSTMKernels

/// The three step modes and the fast products against the naive reference.
@Suite struct FastPathTests {
    /// Odd sizes: D ≠ H, B = 1, T = 1, widths that are not multiples of 8 or 16,
    /// and sizes past the small-product limit so OpenBLAS (sgemm and sgemv) runs too.
    static let shapes: [(b: Int, t: Int, d: Int, h: Int)] = [
        (1, 1, 3, 5), (2, 3, 7, 5), (3, 4, 5, 17), (1, 6, 33, 9), (4, 5, 8, 16), (5, 3, 70, 37), (1, 4, 130, 67),
    ]

    @Test(arguments: [StepMode.perGate, .fused, .hoisted], [Variant.correct, .draft])
    func steppingMatchesTheNaiveReference(mode: StepMode, variant: Variant) throws {
        for s in Self.shapes {
            let (p, x) = try NaiveLSTMReference.model(b: s.b, t: s.t, d: s.d, h: s.h)
            var stepper = try BidirectionalStepper(
                parameters: p, input: x, mode: mode, variant: variant, engine: FastEngine())
            for direction in Direction.allCases {
                let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction, variant: variant)
                for (k, ref) in reference.enumerated() {
                    let trace = try stepper.step(direction)
                    let label = "\(s) \(mode) \(variant) \(direction.short) step \(k)"
                    #expect(trace.t == ref.t)
                    #expect(trace.products == mode.productsPerStep)
                    expectNearReference(trace.gatesPre.data, ref.z, "\(label) z")
                    expectNearReference(trace.gates.data, ref.gates, "\(label) gates")
                    expectNearReference(trace.h.data, ref.h, "\(label) h")
                    expectNearReference(trace.c.data, ref.c, "\(label) c")
                }
            }
        }
    }

    @Test(arguments: [1, 2])
    func runToEndMatchesTheNaiveReference(threads: Int) throws {
        for s in Self.shapes {
            let (p, x) = try NaiveLSTMReference.model(b: s.b, t: s.t, d: s.d, h: s.h, seed: 11)
            var stepper = try BidirectionalStepper(parameters: p, input: x, engine: FastEngine())
            let finished = stepper.runToEnd(threads: threads, minimumWorkForThreads: 0, shouldCancel: { false })
            #expect(finished && stepper.isComplete)
            for direction in Direction.allCases {
                let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction)
                let traces = stepper.traces[direction]
                #expect(traces.count == s.t)
                for (trace, ref) in zip(traces, reference) {
                    let label = "\(s) threads=\(threads) \(direction.short) t=\(ref.t)"
                    #expect(trace.t == ref.t)
                    #expect(trace.mode == .hoisted && trace.products == 1)
                    expectNearReference(trace.gatesPre.data, ref.z, "\(label) z")
                    expectNearReference(trace.gates.data, ref.gates, "\(label) gates")
                    expectNearReference(trace.h.data, ref.h, "\(label) h")
                    expectNearReference(trace.c.data, ref.c, "\(label) c")
                }
            }
        }
    }

    /// The full forward the benchmark times, in every mode, with and without
    /// the packed-weight kernel, with and without traces.
    @Test(arguments: [StepMode.perGate, .fused, .hoisted], [true, false])
    func directionJobsMatchTheNaiveReference(mode: StepMode, packed: Bool) throws {
        // packed: the AVX-512 kernels (products and elementwise) where the CPU has them;
        // otherwise OpenBLAS products and the portable Swift SIMD activations.
        for s in Self.shapes {
            let (p, x) = try NaiveLSTMReference.model(b: s.b, t: s.t, d: s.d, h: s.h, seed: 13)
            let stepper = try BidirectionalStepper(parameters: p, input: x, engine: FastEngine())
            let jobs = stepper.remainingJobs(mode: mode)
            for i in jobs.indices {
                jobs[i].packedKernel = packed
                jobs[i].activations = packed ? .vector : .vectorPortable
            }
            for threads in [1, 2] {
                for keep in [true, false] {
                    for (direction, result) in BidirectionalStepper.runJobs(
                        jobs, threads: threads, keepTraces: keep, minimumWork: 0, shouldCancel: { false })
                    {
                        let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction)
                        let label = "\(s) \(mode) packed=\(packed) threads=\(threads) keep=\(keep) \(direction.short)"
                        #expect(result.steps == s.t)
                        #expect(result.traces.count == (keep ? s.t : 0))
                        for (trace, ref) in zip(result.traces, reference) {
                            #expect(trace.mode == mode && trace.t == ref.t)
                            expectNearReference(trace.gatesPre.data, ref.z, "\(label) t=\(ref.t) z")
                            expectNearReference(trace.gates.data, ref.gates, "\(label) t=\(ref.t) gates")
                            expectNearReference(trace.h.data, ref.h, "\(label) t=\(ref.t) h")
                            expectNearReference(trace.c.data, ref.c, "\(label) t=\(ref.t) c")
                        }
                        expectNearReference(result.finalState.h.data, reference[s.t - 1].h, "\(label) final h")
                        expectNearReference(result.finalState.c.data, reference[s.t - 1].c, "\(label) final c")
                    }
                }
            }
        }
    }

    @Test(arguments: [StepKernel.Activations.vector, .vectorPortable])
    func draftVariantInTheVectorActivations(activations: StepKernel.Activations) throws {
        for s in [(2, 3, 7, 5), (3, 4, 5, 17), (1, 2, 9, 40)] {
            let (p, x) = try NaiveLSTMReference.model(b: s.0, t: s.1, d: s.2, h: s.3, seed: 19)
            let stepper = try BidirectionalStepper(parameters: p, input: x, variant: .draft, engine: FastEngine())
            let jobs = stepper.remainingJobs(mode: .fused)
            for i in jobs.indices { jobs[i].activations = activations }
            for (direction, result) in BidirectionalStepper.runJobs(
                jobs, threads: 1, keepTraces: true, shouldCancel: { false })
            {
                let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction, variant: .draft)
                for (trace, ref) in zip(result.traces, reference) {
                    #expect(trace.variant == .draft)
                    expectNearReference(trace.gates.data, ref.gates, "\(s) \(direction.short) t=\(ref.t) gates")
                    expectNearReference(trace.h.data, ref.h, "\(s) \(direction.short) t=\(ref.t) h")
                }
            }
        }
    }

    @Test(arguments: [1, 2])
    func runToEndEqualsSteppingOneByOne(threads: Int) throws {
        let (p, x) = try NaiveLSTMReference.model(b: 3, t: 7, d: 70, h: 37, seed: 3)
        var stepped = try BidirectionalStepper(parameters: p, input: x, mode: .hoisted, engine: FastEngine())
        try stepped.moveTo(steps: 7, .forward)
        try stepped.moveTo(steps: 7, .backward)
        var run = try BidirectionalStepper(parameters: p, input: x, mode: .hoisted, engine: FastEngine())
        run.runToEnd(threads: threads, minimumWorkForThreads: 0, shouldCancel: { false })
        // Stepping and `run` take their steps through the same kernel with the
        // same packed weights and the same hoisted projection: equal bit for bit.
        for direction in Direction.allCases {
            let a = run.traces[direction]
            let b = stepped.traces[direction]
            #expect(a.count == b.count)
            for (ta, tb) in zip(a, b) {
                #expect(ta.t == tb.t && ta.mode == tb.mode && ta.products == tb.products && ta.variant == tb.variant)
                #expect(
                    ta.gatesPre.data.map(\.bitPattern) == tb.gatesPre.data.map(\.bitPattern),
                    "\(direction.short) t=\(ta.t) z")
                #expect(
                    ta.gates.data.map(\.bitPattern) == tb.gates.data.map(\.bitPattern),
                    "\(direction.short) t=\(ta.t) gates")
                #expect(ta.h.data.map(\.bitPattern) == tb.h.data.map(\.bitPattern), "\(direction.short) t=\(ta.t) h")
                #expect(ta.c.data.map(\.bitPattern) == tb.c.data.map(\.bitPattern), "\(direction.short) t=\(ta.t) c")
            }
            #expect(a == b)
        }
        #expect(try run.finalHidden() == stepped.finalHidden())
        #expect(try run.finalCell() == stepped.finalCell())
    }

    /// A step split over two cores gives the numbers of one core, bit for bit,
    /// in every mode (B=1, 4H·H = 2048·512 multiply-adds: at the split threshold).
    @Test(arguments: [StepMode.perGate, .fused, .hoisted])
    func stepOnTwoCoresEqualsOneCore(mode: StepMode) throws {
        var g = SeededGenerator(seed: 23)
        let p = BiLSTMParameters.initialized(.pytorch, inputSize: 512, hiddenSize: 512, using: &g)
        let x = try Tensor(shape: [1, 3, 512], data: (0..<(3 * 512)).map { _ in g.uniform(-1, 1) })
        var one = try BidirectionalStepper(parameters: p, input: x, mode: mode, engine: FastEngine())
        var two = try BidirectionalStepper(parameters: p, input: x, mode: mode, engine: FastEngine())
        for direction in Direction.allCases {
            for _ in 0..<3 {
                let a = try one.step(direction, threads: 1)
                let b = try two.step(direction, threads: 2)
                #expect(a == b, "\(mode) \(direction.short) t=\(a.t)")
            }
        }
        let reference = NaiveLSTMReference.run(p.forward, input: x, direction: .forward)
        expectNearReference(two.currentState(.forward).h.data, reference[2].h, "\(mode) h after 3 steps")
    }

    /// The elementwise half of every step the lab shows (vector σ and tanh,
    /// the state update) against the formulas in Double, over saturating and
    /// tiny inputs: within 1e-7 + 2e-7·|ref|, about 2 ulp.
    @Test(arguments: [StepKernel.Activations.vector, .vectorPortable])
    func stepActivationsAgreeWithDouble(activations: StepKernel.Activations) {
        let special: [Float] = [
            0, -0.0, 1e-8, -1e-8, 0.3, -0.3, 0.6249, 0.625, -0.7, 1, -1, 5, -5, 9.5, -9.5,
            20, -20, 44, -44, 87, -87, 88.5, -88.5, 100, -100, 1000, -1000,
        ]
        var g = SeededGenerator(seed: 29)
        let hs = 531  // not a multiple of 16: the masked tail runs too
        var z = [Float](repeating: 0, count: 4 * hs)
        var cPrev = [Float](repeating: 0, count: hs)
        for j in z.indices { z[j] = j < special.count * 4 ? special[j % special.count] : g.uniform(-30, 30) }
        for u in cPrev.indices { cPrev[u] = g.uniform(-5, 5) }
        var gates = [Float](repeating: 0, count: 4 * hs)
        var c = [Float](repeating: 0, count: hs)
        var h = c
        z.withUnsafeBufferPointer { zp in
            cPrev.withUnsafeBufferPointer { cp in
                gates.withUnsafeMutableBufferPointer { gp in
                    c.withUnsafeMutableBufferPointer { cn in
                        h.withUnsafeMutableBufferPointer { hn in
                            StepKernel.finish(
                                batch: 1, hiddenSize: hs, z: zp.baseAddress!, cPrev: cp.baseAddress!, variant: .correct,
                                activations: activations, gates: gp.baseAddress!, c: cn.baseAddress!, h: hn.baseAddress!
                            )
                        }
                    }
                }
            }
        }
        func near(_ a: Float, _ r: Double, _ what: String) {
            #expect(abs(Double(a) - r) <= 1e-7 + 2e-7 * abs(r), "\(what) = \(a), expected \(r)")
        }
        for u in 0..<hs {
            let zi = Double(z[u])
            let zf = Double(z[hs + u])
            let zg = Double(z[2 * hs + u])
            let zo = Double(z[3 * hs + u])
            let i = 1 / (1 + exp(-zi))
            let f = 1 / (1 + exp(-zf))
            let gg = tanh(zg)
            let o = 1 / (1 + exp(-zo))
            near(gates[u], i, "σ(\(zi))")
            near(gates[hs + u], f, "σ(\(zf))")
            near(gates[2 * hs + u], gg, "tanh(\(zg))")
            near(gates[3 * hs + u], o, "σ(\(zo))")
            // The state update from the kernel's own gates, so only its arithmetic is checked here.
            let cr = Double(gates[hs + u]) * Double(cPrev[u]) + Double(gates[u]) * Double(gates[2 * hs + u])
            near(c[u], cr, "c[\(u)]")
            near(h[u], Double(gates[3 * hs + u]) * tanh(Double(c[u])), "h[\(u)]")
        }
    }

    @Test(arguments: [1, 2])
    func runToEndContinuesFromTheCursors(threads: Int) throws {
        let (p, x) = try NaiveLSTMReference.model(b: 2, t: 9, d: 6, h: 11, seed: 5)
        var stepper = try BidirectionalStepper(parameters: p, input: x, mode: .fused, engine: FastEngine())
        try stepper.moveTo(steps: 4, .forward)
        try stepper.moveTo(steps: 2, .backward)
        stepper.runToEnd(threads: threads, minimumWorkForThreads: 0, shouldCancel: { false })
        #expect(stepper.cursor(.forward) == 9 && stepper.cursor(.backward) == 9)
        #expect(stepper.mode == .fused)
        for direction in Direction.allCases {
            let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction)
            for (trace, ref) in zip(stepper.traces[direction], reference) {
                #expect(trace.t == ref.t)
                expectNearReference(trace.h.data, ref.h, "\(direction.short) t=\(ref.t) h")
                expectNearReference(trace.c.data, ref.c, "\(direction.short) t=\(ref.t) c")
            }
        }
        // Finished directions are left alone.
        let before = stepper.traces
        let again = stepper.runToEnd(threads: threads, minimumWorkForThreads: 0, shouldCancel: { false })
        #expect(again && stepper.traces == before)
    }

    @Test(arguments: [1, 2])
    func cancelLeavesWholeStepsOnly(threads: Int) throws {
        let (p, x) = try NaiveLSTMReference.model(b: 2, t: 40, d: 5, h: 7, seed: 9)
        var stepper = try BidirectionalStepper(parameters: p, input: x, engine: FastEngine())
        var asked = 0
        let finished = stepper.runToEnd(threads: threads, minimumWorkForThreads: 0) {
            asked += 1
            return asked > 6
        }
        #expect(!finished)
        #expect(!stepper.isComplete)
        // The forward direction runs on the calling thread and polls before
        // each step: six steps, then the seventh poll cancels. Sequentially the
        // backward direction never starts; on its own thread it stops at the
        // next step boundary after the cancel (or had already finished).
        let fwd = stepper.cursor(.forward)
        let bwd = stepper.cursor(.backward)
        #expect(fwd == 6)
        if threads == 1 { #expect(bwd == 0) } else { #expect(bwd <= 40) }
        for direction in Direction.allCases {
            let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction)
            for (k, trace) in stepper.traces[direction].enumerated() {
                #expect(trace.t == direction.timeIndex(step: k, length: 40))
                #expect(trace.h.rows == 2 && trace.h.cols == 7 && trace.gates.cols == 28)
                expectNearReference(trace.h.data, reference[k].h, "\(direction.short) step \(k) h")
            }
        }
        // The stepper goes on normally afterwards.
        try stepper.back(.forward)
        try stepper.step(.forward)
        let completed = stepper.runToEnd(threads: threads, minimumWorkForThreads: 0, shouldCancel: { false })
        #expect(completed)
        for direction in Direction.allCases {
            let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction)
            expectNearReference(stepper.currentState(direction).h.data, reference[39].h, "\(direction.short) final h")
        }
    }

    @Test func publicRunToEndOnBothSidesOfTheThreadThreshold() throws {
        // 4·8·268·137 ≈ 1.2M multiply-adds per direction: over the threshold; the demo size is under it.
        for (b, t, d, h) in [(4, 8, 70, 67), (3, 5, 8, 16)] {
            let (p, x) = try NaiveLSTMReference.model(b: b, t: t, d: d, h: h, seed: 17)
            for threads in [1, 2] {
                var stepper = try BidirectionalStepper(parameters: p, input: x, engine: FastEngine())
                let finished = stepper.runToEnd(threads: threads, shouldCancel: { false })
                #expect(finished)
                for direction in Direction.allCases {
                    let reference = NaiveLSTMReference.run(p[direction], input: x, direction: direction)
                    expectNearReference(
                        stepper.currentState(direction).h.data, reference[t - 1].h,
                        "\(b),\(t),\(d),\(h) threads=\(threads) \(direction.short)")
                }
            }
        }
    }
}
