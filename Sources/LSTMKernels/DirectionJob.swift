import LSTMCore

/// One direction's remaining steps as a self-contained value, so it can run
/// on its own thread: the full forward (`runToEnd`) and the benchmark both
/// run directions through this.
///
/// A class, so handing a job to a thread or a closure costs one reference
/// count instead of one per array it holds (measured: copies of the struct
/// were a third of a demo-size `run`).
final class DirectionJob: @unchecked Sendable {
    // @unchecked: the `var` settings are made by the creator before the job
    // is handed to a thread; `run` only reads them.
    let parameters: DirectionParameters
    /// The whole input, time-major `[T, B, D]`.
    let input: [Float]
    let batch: Int
    let length: Int
    let direction: Direction
    /// Steps this direction has already taken (0…T).
    let firstStep: Int
    /// The state before step `firstStep`.
    let state: StartState
    let mode: StepMode
    let variant: Variant
    /// Steps to take at most (nil: to the end).
    var maxSteps: Int? = nil
    /// `.vector` for speed and for stepping; `.exact` is `LSTMCell.step`'s
    /// scalar formulas.
    var activations: StepKernel.Activations = .vector
    /// Use the packed-weight AVX-512 kernel for the per-step products where
    /// the CPU has it; false keeps every product on OpenBLAS and the Swift loops.
    var packedKernel = true
    /// Weights packed ahead (the stepper's cache); packed here when nil.
    var packed: PackedDirection? = nil
    /// The hoisted projection made ahead (the stepper's cache); made here when nil.
    var projection: HoistedProjection? = nil
    /// Steps per chunk of a hoisted projection made here (nil: from
    /// `projectionChunkBytes`); tests make chunks small.
    var projectionChunkSteps: Int? = nil

    init(
        parameters: DirectionParameters, input: [Float], batch: Int, length: Int, direction: Direction,
        firstStep: Int, state: StartState, mode: StepMode, variant: Variant
    ) {
        self.parameters = parameters
        self.input = input
        self.batch = batch
        self.length = length
        self.direction = direction
        self.firstStep = firstStep
        self.state = state
        self.mode = mode
        self.variant = variant
    }

    /// Where the state before the first step comes from: matrices, or the
    /// previous step's trace (read in place when this engine wrote it).
    enum StartState: Sendable {
        case matrices(LSTMState)
        case trace(StepTrace, TraceStorage)

        init(_ start: StepStart) {
            switch start {
            case .initial(let state):
                self = .matrices(state)
            case .after(let trace):
                if let storage = trace.storage as? TraceStorage {
                    self = .trace(trace, storage)
                } else {
                    self = .matrices(trace.state)
                }
            }
        }

        func withPointers<R>(_ body: (UnsafePointer<Float>, UnsafePointer<Float>) -> R) -> R {
            switch self {
            case .trace(let trace, let storage):
                return withExtendedLifetime(storage) {
                    body(UnsafePointer(storage.h(trace.slot)), UnsafePointer(storage.c(trace.slot)))
                }
            case .matrices(let s):
                return s.h.data.withUnsafeBufferPointer { hb in
                    s.c.data.withUnsafeBufferPointer { cb in
                        guard let h = hb.baseAddress, let c = cb.baseAddress else {
                            preconditionFailure("a state is never empty")
                        }
                        return body(h, c)
                    }
                }
            }
        }

        var value: LSTMState {
            switch self {
            case .trace(let trace, _): return trace.state
            case .matrices(let s): return s
            }
        }
    }

    struct Result: Sendable {
        /// One trace per step taken, in processing order (empty unless traces were kept).
        var traces: [StepTrace]
        /// Steps taken by this run.
        var steps: Int
        /// The state after the last step taken (without traces), or nil to
        /// read it from the last trace.
        var lastState: LSTMState?
        var start: StartState

        /// The state after the last step taken.
        var finalState: LSTMState { lastState ?? traces.last?.state ?? start.value }
    }

    /// Time indices of the remaining steps, in processing order.
    var timeIndices: [Int] {
        let end = maxSteps.map { min(length, firstStep + max(0, $0)) } ?? length
        return (firstStep..<max(firstStep, end)).map { direction.timeIndex(step: $0, length: length) }
    }

    /// Whether this job's products use the packed kernel.
    var usesPackedKernel: Bool { packedKernel && GEMM.packedAvailable }

    /// `X·W_ihᵀ + b_ih + b_hh` for the time indices `times`, as one
    /// `[rows, D] · [4H, D]ᵀ` product, `rows = times.count · B`.
    ///
    /// With `packed` weights (AVX-512) the product runs on the packed kernel
    /// in blocks of 128 rows, so a block of X stays in L2 while every panel
    /// of `W_ih` passes over it; the output starts from `b_ih + b_hh`, and the
    /// step adds only `h·W_hhᵀ`. Without, OpenBLAS computes `X·W_ihᵀ` and
    /// only `b_ih` is added here (the step adds `h·W_hhᵀ + b_hh`).
    static func makeProjection(
        input: [Float], batch b: Int, times: Range<Int>, parameters: DirectionParameters,
        packed: PackedDirection?
    ) -> HoistedProjection {
        let values = PooledFloats(count: times.count * b * 4 * parameters.hiddenSize)
        project(input: input, batch: b, times: times, parameters: parameters, packed: packed, into: values.base)
        return HoistedProjection(values: values, firstT: times.lowerBound, includesBiasSum: packed != nil)
    }

    /// `makeProjection`'s numbers written to `out` (`times.count · B` rows of 4H).
    /// With `packed`, every row is computed the same way whatever `times` is,
    /// so a projection made in chunks equals one made whole, bit for bit
    /// (OpenBLAS promises no such thing, so `run` chunks only with `packed`).
    static func project(
        input: [Float], batch b: Int, times: Range<Int>, parameters: DirectionParameters,
        packed: PackedDirection?, into pp: UnsafeMutablePointer<Float>
    ) {
        let d = parameters.inputSize
        let n = 4 * parameters.hiddenSize
        let rows = times.count * b
        guard rows > 0 else { return }
        parameters.withPointers { w in
            input.withUnsafeBufferPointer { xBuffer in
                guard let xAll = xBuffer.baseAddress else { return }
                let x = xAll + times.lowerBound * b * d
                if let packed {
                    packed.biasSum.withUnsafeBufferPointer { bs in
                        withExtendedLifetime(packed) {
                            guard let sum = bs.baseAddress else { return }
                            let pw = UnsafePointer(packed.wIH.base)
                            let block = 128
                            for r0 in stride(from: 0, to: rows, by: block) {
                                // Every row starts from b_ih + b_hh (the bias row, leading dimension 0).
                                let m = min(block, rows - r0)
                                GEMM.packedMultiply(
                                    m: m, n: n, k: d, a: x + r0 * d, lda: d, packed: pw,
                                    cin: sum, ldcin: 0, c: pp + r0 * n, ldc: n, rowKernel: false)
                            }
                        }
                    }
                    return
                }
                GEMM.multiplyTransposed(
                    m: rows, n: n, k: d, a: x, lda: d, b: w.wIH, ldb: d,
                    c: pp, ldc: n, accumulate: false)
                for r in 0..<rows {
                    let pr = pp + r * n
                    for j in 0..<n { pr[j] += w.bIH[j] }
                }
            }
        }
    }

    /// Bytes of input projection a hoisted `run` keeps at a time when it has
    /// no projection made ahead: it projects a chunk of steps (at least 128
    /// rows, for the product's sake), takes them, then projects the next
    /// chunk into the same buffer, which stays in L2. Made whole, the
    /// projection of B=64 T=200 H=512 is 100 MiB per direction, written once
    /// and read once from memory: hoisted then took longer than fused.
    static let projectionChunkBytes = 512 << 10

    /// Runs the remaining steps, asking `shouldStop` before each one.
    ///
    /// With `keepTraces` the steps write into one `TraceStorage` for the whole
    /// run (z, gates, h, c of every step); without, the same kernel writes into
    /// four buffers reused for the whole run, as a plain forward pass would,
    /// and `h` of every step goes to one output buffer like `nn.LSTM`'s `output`.
    func run(keepTraces: Bool, shouldStop: () -> Bool) -> Result {
        let b = batch
        let hs = parameters.hiddenSize
        let n = 4 * hs
        let times = timeIndices
        guard let tLo = times.min(), let tHi = times.max().map({ $0 + 1 }) else {
            return Result(traces: [], steps: 0, lastState: nil, start: state)
        }
        let packedWeights = stepWeights
        let plan = projectionPlan(times: times, tLo: tLo, tHi: tHi, packedWeights: packedWeights)
        let (hoisted, chunk, chunkSteps, projectsIntoZ) = (
            plan.hoisted, plan.chunk, plan.chunkSteps, plan.projectsIntoZ
        )
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: b * n)
        defer { scratch.deallocate() }
        let (forward, parameters, input) = (direction == .forward, self.parameters, self.input)

        return parameters.withPointers { w in
            input.withUnsafeBufferPointer { xBuffer in
                guard let xAll = xBuffer.baseAddress else {
                    return Result(traces: [], steps: 0, lastState: nil, start: state)
                }
                return withPackedPointers(packedWeights) { packed in
                    withProjectionPointer(hoisted) { p, firstT in
                        // The chunk holds the projection of times chunkLo ..< chunkHi.
                        var chunkLo = 0
                        var chunkHi = 0
                        @inline(__always) func projected(_ t: Int) -> UnsafePointer<Float>? {
                            if let p { return p + (t - firstT) * b * n }
                            guard let chunk else { return nil }
                            if t < chunkLo || t >= chunkHi {
                                // The next chunkSteps steps in processing order.
                                chunkLo = forward ? t : max(tLo, t + 1 - chunkSteps)
                                chunkHi = forward ? min(tHi, t + chunkSteps) : t + 1
                                Self.project(
                                    input: input, batch: b, times: chunkLo..<chunkHi, parameters: parameters,
                                    packed: packedWeights, into: chunk.base)
                            }
                            return UnsafePointer(chunk.base + (t - chunkLo) * b * n)
                        }
                        @inline(__always) func step(
                            _ t: Int, hPrev: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
                            z: UnsafeMutablePointer<Float>, gates: UnsafeMutablePointer<Float>,
                            h: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>
                        ) {
                            if projectsIntoZ {
                                Self.project(
                                    input: input, batch: b, times: t..<(t + 1), parameters: parameters,
                                    packed: packedWeights, into: z)
                            }
                            StepKernel.step(
                                batch: b, x: xAll + t * b * w.inputSize, hPrev: hPrev, cPrev: cPrev, weights: w,
                                mode: mode,
                                projected: projectsIntoZ ? UnsafePointer(z) : projected(t), packed: packed,
                                variant: variant,
                                activations: activations, scratch: scratch, z: z, gates: gates, c: c, h: h)
                        }
                        if keepTraces {
                            return runKeepingTraces(times, b: b, hs: hs, shouldStop: shouldStop, step: step)
                        } else {
                            return runWithoutTraces(times, b: b, hs: hs, shouldStop: shouldStop, step: step)
                        }
                    }
                }
            }
        }
    }

    /// The packed weights this run's steps use: the cache when it has this mode's layout, else packed now;
    /// nil without the packed kernel.
    private var stepWeights: PackedDirection? {
        guard usesPackedKernel else { return nil }
        return packed.flatMap { $0.perGate == (mode == .perGate) ? $0 : nil }
            ?? PackedDirection(parameters, perGate: mode == .perGate)
    }

    /// Where a hoisted run reads `X·W_ihᵀ` from.
    private struct ProjectionPlan {
        /// The whole projection (made ahead, or made here at once).
        var hoisted: HoistedProjection? = nil
        /// Without a projection made ahead, a hoisted run with packed weights
        /// projects `chunkSteps` steps at a time into `chunk`.
        var chunk: PooledFloats? = nil
        var chunkSteps = 0
        /// A chunk of one step is projected straight into the step's z, where
        /// h·W_hhᵀ then adds up (no chunk buffer: the order of a fused step,
        /// with the projection's kernel).
        var projectsIntoZ = false
    }

    private func projectionPlan(times: [Int], tLo: Int, tHi: Int, packedWeights: PackedDirection?) -> ProjectionPlan {
        var plan = ProjectionPlan()
        guard mode == .hoisted else { return plan }
        let (b, n) = (batch, 4 * parameters.hiddenSize)
        if let given = projection, given.includesBiasSum == (packedWeights != nil),
            given.firstT <= tLo, given.values.count >= (tHi - given.firstT) * b * n
        {
            plan.hoisted = given
        } else if packedWeights != nil,
            case let steps = projectionChunkSteps
                ?? FastEngine.projectionChunkSteps(batch: b, hiddenSize: parameters.hiddenSize),
            steps < times.count
        {
            plan.chunkSteps = max(1, steps)
            if plan.chunkSteps == 1 {
                plan.projectsIntoZ = true
            } else {
                plan.chunk = PooledFloats(count: plan.chunkSteps * b * n)
            }
        } else {
            plan.hoisted = Self.makeProjection(
                input: input, batch: b, times: tLo..<tHi, parameters: parameters, packed: packedWeights)
        }
        return plan
    }

    private typealias StepFunction = (
        Int, UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
        UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>
    ) -> Void

    /// Traces from which `run` writes z and gates through a small buffer and
    /// non-temporal copies (see `runKeepingTraces`).
    static let streamingTraceBytes = 8 << 20

    private func runKeepingTraces(
        _ times: [Int], b: Int, hs: Int, shouldStop: () -> Bool,
        step: StepFunction
    ) -> Result {
        let storage = TraceStorage(batch: b, hiddenSize: hs, steps: times.count)
        var traces: [StepTrace] = []
        traces.reserveCapacity(times.count)
        // A large run writes z and gates (80% of its traces) once and never
        // reads them again in the run. Written in place, every store to such
        // a cold line first reads it from memory; with two cores writing 0.5 GB
        // of traces (B=64 T=200 H=512), run took 1.6× a forward without
        // traces. So the step writes them into a buffer that stays in cache,
        // and non-temporal stores copy it out (same numbers: only where they
        // are written changes). h and c, read by the next step, go in place.
        let n = 4 * b * hs
        let streaming = usesPackedKernel && storage.byteCount >= Self.streamingTraceBytes && storage.slotsAreAligned
        let buffer = BlockPool.allocate(floats: streaming ? 2 * n : 1)  // 64-byte aligned
        defer { BlockPool.release(buffer, floats: streaming ? 2 * n : 1) }
        state.withPointers { h0, c0 in
            var hPrev = h0
            var cPrev = c0
            for (k, t) in times.enumerated() {
                if shouldStop() { break }
                if streaming {
                    step(t, hPrev, cPrev, buffer, buffer + n, storage.h(k), storage.c(k))
                    TraceStorage.streamCopy(to: storage.z(k), from: buffer, count: n)
                    TraceStorage.streamCopy(to: storage.gates(k), from: buffer + n, count: n)
                } else {
                    step(t, hPrev, cPrev, storage.z(k), storage.gates(k), storage.h(k), storage.c(k))
                }
                hPrev = UnsafePointer(storage.h(k))
                cPrev = UnsafePointer(storage.c(k))
                traces.append(
                    StepTrace(
                        t: t, storage: storage, slot: k, products: mode.productsPerStep, mode: mode, variant: variant))
            }
        }
        return Result(traces: traces, steps: traces.count, lastState: nil, start: state)
    }

    private func runWithoutTraces(
        _ times: [Int], b: Int, hs: Int, shouldStop: () -> Bool,
        step: StepFunction
    ) -> Result {
        let n = 4 * hs
        let bh = b * hs
        // 64-byte aligned (BlockPool), so the elementwise part's 16-float
        // loads and stores do not straddle cache lines; h and c are
        // double-buffered, [previous | next], each half starting on a line.
        let half = (bh + 15) / 16 * 16
        let z = BlockPool.allocate(floats: b * n)
        let gates = BlockPool.allocate(floats: b * n)
        let h = BlockPool.allocate(floats: 2 * half)
        let c = BlockPool.allocate(floats: 2 * half)
        let output = BlockPool.allocate(floats: max(1, length * bh))
        defer {
            BlockPool.release(z, floats: b * n)
            BlockPool.release(gates, floats: b * n)
            BlockPool.release(h, floats: 2 * half)
            BlockPool.release(c, floats: 2 * half)
            BlockPool.release(output, floats: max(1, length * bh))
        }
        state.withPointers { h0, c0 in
            h.update(from: h0, count: bh)
            c.update(from: c0, count: bh)
        }
        var prev = 0
        var taken = 0
        for t in times {
            if shouldStop() { break }
            let next = half - prev
            step(t, h + prev, c + prev, z, gates, h + next, c + next)
            (output + t * bh).update(from: h + next, count: bh)
            prev = next
            taken += 1
        }
        let final = LSTMState(
            h: Matrix(rows: b, cols: hs, data: Array(UnsafeBufferPointer(start: h + prev, count: bh))),
            c: Matrix(rows: b, cols: hs, data: Array(UnsafeBufferPointer(start: c + prev, count: bh))))
        return Result(traces: [], steps: taken, lastState: final, start: state)
    }
}
