import LSTMCore
import Testing

@testable import LSTMKernels

/// How `run` gets its speed without changing a number: the input projection
/// made a chunk of steps at a time, large traces written through a buffer
/// with non-temporal copies, and weights packed once per model.
@Suite struct RunPathTests {
    static func bits(_ m: Matrix) -> [UInt32] { m.data.map(\.bitPattern) }

    static func expectSameBits(_ a: [StepTrace], _ b: [StepTrace], _ label: String) {
        #expect(a.count == b.count, "\(label): \(a.count) against \(b.count) traces")
        for (ta, tb) in zip(a, b) {
            #expect(ta.t == tb.t && ta.mode == tb.mode, "\(label) t=\(ta.t)")
            #expect(bits(ta.gatesPre) == bits(tb.gatesPre), "\(label) t=\(ta.t) z")
            #expect(bits(ta.gates) == bits(tb.gates), "\(label) t=\(ta.t) gates")
            #expect(bits(ta.h) == bits(tb.h), "\(label) t=\(ta.t) h")
            #expect(bits(ta.c) == bits(tb.c), "\(label) t=\(ta.t) c")
        }
    }

    /// Chunks of 1, 2, 3 and 5 steps (B = 1 included: its projection rows
    /// must not take the one-row kernel) against the projection made whole,
    /// from the start and from the middle, with and without traces.
    @Test(arguments: [(1, 9, 5, 17), (3, 7, 70, 37), (2, 11, 8, 16), (1, 6, 33, 64)])
    func chunkedProjectionEqualsTheWholeOne(shape: (Int, Int, Int, Int)) throws {
        let (b, t, d, h) = shape
        let (p, x) = try NaiveLSTMReference.model(b: b, t: t, d: d, h: h, seed: 31)
        for start in [0, t / 2] {
            var stepper = try BidirectionalStepper(parameters: p, input: x, mode: .hoisted, engine: FastEngine())
            try stepper.moveTo(steps: start, .forward)
            try stepper.moveTo(steps: start, .backward)
            // The reference: the stepper's own projection over all T, as its hoisted steps use it.
            let whole = stepper.remainingJobs(mode: .hoisted)
            for job in whole {
                job.projection = stepper.fastSteps!.hoistedProjection(job.direction, packed: job.packed)
            }
            let expected = BidirectionalStepper.runJobs(whole, threads: 1, keepTraces: true, shouldCancel: { false })
            for chunk in [1, 2, 3, 5] {
                let jobs = stepper.remainingJobs(mode: .hoisted, cachedProjection: false)
                for job in jobs { job.projectionChunkSteps = chunk }
                for keep in [true, false] {
                    let got = BidirectionalStepper.runJobs(
                        jobs, threads: 2, keepTraces: keep, minimumWork: 0, shouldCancel: { false })
                    for ((direction, r), (_, e)) in zip(got, expected) {
                        let label = "\(shape) from \(start) chunk \(chunk) keep=\(keep) \(direction.short)"
                        #expect(r.steps == t - start, "\(label)")
                        if keep { Self.expectSameBits(r.traces, e.traces, label) }
                        #expect(Self.bits(r.finalState.h) == Self.bits(e.finalState.h), "\(label) final h")
                        #expect(Self.bits(r.finalState.c) == Self.bits(e.finalState.c), "\(label) final c")
                    }
                }
            }
        }
    }

    /// The chunk rule: 128 rows or 512 KiB below B = 64; from B = 64 one
    /// step, projected straight into its z, which a run at B = 64 takes by
    /// default and which equals stepping bit for bit.
    @Test func fromABatchOf64EachStepIsProjectedIntoItsZ() throws {
        #expect(BidirectionalStepper.projectionChunkSteps(batch: 1, hiddenSize: 256) == 128)
        #expect(BidirectionalStepper.projectionChunkSteps(batch: 32, hiddenSize: 256) == 4)
        #expect(BidirectionalStepper.projectionChunkSteps(batch: 32, hiddenSize: 16) == 64)
        #expect(BidirectionalStepper.projectionChunkSteps(batch: 63, hiddenSize: 512) == 3)
        #expect(BidirectionalStepper.projectionChunkSteps(batch: 64, hiddenSize: 16) == 1)
        #expect(BidirectionalStepper.projectionChunkSteps(batch: 200, hiddenSize: 512) == 1)
        let (b, t, d, h) = (64, 6, 5, 9)
        let (p, x) = try NaiveLSTMReference.model(b: b, t: t, d: d, h: h, seed: 41)
        var stepped = try BidirectionalStepper(parameters: p, input: x, mode: .hoisted, engine: FastEngine())
        try stepped.moveTo(steps: t, .forward)
        try stepped.moveTo(steps: t, .backward)
        var run = try BidirectionalStepper(parameters: p, input: x, mode: .hoisted, engine: FastEngine())
        #expect(run.runProjectionChunk == (GEMM.packedAvailable ? 1 : nil))
        let finished = run.runToEnd(threads: 2, shouldCancel: { false })
        #expect(finished)
        for direction in Direction.allCases {
            Self.expectSameBits(run.traces[direction], stepped.traces[direction], "B=64 \(direction.short)")
        }
    }

    /// A run whose traces pass `streamingTraceBytes` (B=8, T=410, H=64:
    /// 8.4 MB) writes z and gates through the buffer: the same numbers as
    /// stepping one step at a time, and as a run on a width whose slots are
    /// not 64-byte aligned (B·H not a multiple of 16: written in place).
    @Test func largeRunEqualsStepping() throws {
        for (b, t, d, h) in [(8, 410, 16, 64), (3, 1000, 5, 70)] {
            let storage = TraceStorage(batch: b, hiddenSize: h, steps: t)
            #expect(storage.byteCount >= DirectionJob.streamingTraceBytes)
            #expect(storage.slotsAreAligned == ((b * h) % 16 == 0))
            let (p, x) = try NaiveLSTMReference.model(b: b, t: t, d: d, h: h, seed: 37)
            var stepped = try BidirectionalStepper(parameters: p, input: x, mode: .hoisted, engine: FastEngine())
            try stepped.moveTo(steps: t, .forward)
            try stepped.moveTo(steps: t, .backward)
            var run = try BidirectionalStepper(parameters: p, input: x, mode: .hoisted, engine: FastEngine())
            let finished = run.runToEnd(threads: 2, shouldCancel: { false })
            #expect(finished)
            for direction in Direction.allCases {
                Self.expectSameBits(
                    run.traces[direction], stepped.traces[direction],
                    "B=\(b) H=\(h) \(direction.short)")
            }
            let reference = NaiveLSTMReference.run(p.backward, input: x, direction: .backward)
            expectNearReference(
                run.currentState(.backward).h.data, reference[t - 1].h, "B=\(b) H=\(h) final backward h")
        }
    }

    /// The non-temporal copy, at every alignment of the target and lengths
    /// that end mid-vector: the same floats as a plain copy, nothing past the end.
    @Test func streamCopyCopiesExactly() {
        let source = (0..<200).map { Float($0) * 0.5 - 7 }
        for offset in 0..<17 {
            for count in [0, 1, 15, 16, 17, 100, 183 - offset] {
                let target = UnsafeMutablePointer<Float>.allocate(capacity: 256)
                defer { target.deallocate() }
                target.initialize(repeating: -1, count: 256)
                source.withUnsafeBufferPointer {
                    TraceStorage.streamCopy(to: target + offset, from: $0.baseAddress!, count: count)
                }
                let got = Array(UnsafeBufferPointer(start: target, count: 256))
                #expect(
                    Array(got[offset..<(offset + count)]) == Array(source[0..<count]), "offset \(offset) count \(count)"
                )
                #expect(got[..<offset].allSatisfy { $0 == -1 } && got[(offset + count)...].allSatisfy { $0 == -1 })
            }
        }
    }

    /// The weights are packed when a stepper is made, and a stepper made for
    /// the same model (new input, new h0) takes them over instead of packing again.
    @Test func packedWeightsAreMadeOncePerModel() throws {
        guard GEMM.packedAvailable else { return }
        let (p, x) = try NaiveLSTMReference.model(b: 2, t: 4, d: 6, h: 9, seed: 41)
        let first = try BidirectionalStepper(parameters: p, input: x, engine: FastEngine())
        let packed = first.fastSteps!.cache.existingPacked(.forward, perGate: false)
        #expect(packed != nil)
        #expect(first.fastSteps!.cache.existingPacked(.backward, perGate: false) != nil)
        #expect(first.fastSteps!.cache.existingPacked(.forward, perGate: true) == nil)
        let (_, y) = try NaiveLSTMReference.model(b: 2, t: 4, d: 6, h: 9, seed: 43)
        let second = try BidirectionalStepper(parameters: p, input: y, engine: FastEngine(), reusing: first)
        #expect(second.fastSteps!.cache.existingPacked(.forward, perGate: false) === packed)
        // Other weights of the same sizes are packed anew.
        let (q, _) = try NaiveLSTMReference.model(b: 2, t: 4, d: 6, h: 9, seed: 47)
        let third = try BidirectionalStepper(parameters: q, input: y, engine: FastEngine(), reusing: first)
        let other = third.fastSteps!.cache.existingPacked(.forward, perGate: false)
        #expect(other != nil && other !== packed)
        // Per-gate's layout is packed up front when the stepper starts per-gate.
        let perGate = try BidirectionalStepper(parameters: p, input: x, mode: .perGate, engine: FastEngine())
        #expect(perGate.fastSteps!.cache.existingPacked(.backward, perGate: true) != nil)
    }
}
