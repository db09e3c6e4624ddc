import LSTMCore

/// The fast engine: the same step as `LSTMCell`, computed on packed weights
/// (AVX-512 CPUs; OpenBLAS elsewhere) with vector σ and tanh, the two
/// directions of a `run` on two threads, and every trace of a run in one
/// pooled block. Held equal to `ReferenceEngine` by the tests (within 1e-6
/// relative; the products sum in another order and the vector σ and tanh
/// are within about 2 ulp of the C library's).
///
/// The shell's `Session` makes steppers with this engine unless `set engine
/// reference` is given; LSTMCore itself knows only the reference.
public struct FastEngine: StepEngine {
    public init() {}

    public var kind: EngineKind { .fast }

    /// Packs the weights for fused and hoisted steps (and per-gate's when the
    /// stepper starts in that mode) now, so neither the first step nor `run`
    /// waits for it; takes them over from `previous` when it has them.
    public func prepare(_ problem: StepProblem, reusing previous: (any PreparedEngine)?) -> any PreparedEngine {
        let steps = FastSteps(problem)
        if let previous = previous as? FastSteps { steps.cache.adoptPacked(from: previous.cache) }
        for direction in Direction.allCases {
            _ = steps.packedWeights(direction, mode: .fused)
            if problem.mode == .perGate { _ = steps.packedWeights(direction, mode: .perGate) }
        }
        return steps
    }

    /// The engine a setting names: how the shell injects an engine into the core.
    public static func named(_ kind: EngineKind) -> any StepEngine {
        switch kind {
        case .reference: ReferenceEngine()
        case .fast: FastEngine()
        }
    }

    /// Multiply-adds per direction from which `run` uses a second thread:
    /// below about a million, handing a direction to another thread costs
    /// more than it saves.
    static let minimumWorkForThreads = 1 << 20

    /// Steps whose input projection a hoisted `run` (or the benchmark's
    /// hoisted forward) makes in one product when no projection was made
    /// ahead: enough for 128 rows, or more while the chunk stays under
    /// `DirectionJob.projectionChunkBytes`; from B = 64 one step, projected
    /// straight into that step's z. Only with the packed kernel (AVX-512).
    ///
    /// At B = 64 a step's 64 rows already keep the register tiles busy, and a
    /// chunk buffer beside z costs more than it saves: at B=64 T=200 D=H=512
    /// on one thread the hoisted forward took 0.91× the time with one step
    /// into z (median of 12 paired forwards against the two-step chunks,
    /// `lstmlab bench --paced`; 0.94× in a C harness); at B=64 and B=128 with
    /// H=256 no difference showed. Below 64 rows the chunk wins (C harness:
    /// one step into z 5% slower at B=32 H=256, 14% at B=16).
    public static func projectionChunkSteps(batch: Int, hiddenSize: Int) -> Int {
        if batch >= 64 { return 1 }
        let perStep = max(1, batch) * 4 * max(1, hiddenSize) * MemoryLayout<Float>.stride
        return max((128 + max(1, batch) - 1) / max(1, batch), DirectionJob.projectionChunkBytes / perStep)
    }
}

/// `FastEngine` for one model and input: the packed weights and hoisted
/// projections, made once and shared by the stepper's copies.
final class FastSteps: PreparedEngine {
    let problem: StepProblem
    let cache = StepperCache()

    init(_ problem: StepProblem) { self.problem = problem }

    var kind: EngineKind { .fast }

    /// One step on the kernel `run` uses (packed weights where the CPU has
    /// AVX-512, vector σ and tanh), so stepping to the end in hoisted mode
    /// and `run` give the same numbers, bit for bit. With `threads ≥ 2` a
    /// large product is split over two cores (same numbers; see `ParallelProducts`).
    func step(_ r: StepRequest) -> StepTrace {
        let (b, d, n, t) = (problem.batch, problem.inputSize, 4 * problem.hiddenSize, r.t)
        let packed = packedWeights(r.direction, mode: r.mode)
        let projection = r.mode == .hoisted ? hoistedProjection(r.direction, packed: packed) : nil
        let storage = TraceStorage(batch: b, hiddenSize: problem.hiddenSize, steps: 1)
        let start = DirectionJob.StartState(r.start)
        problem.parameters[r.direction].withPointers { w in
            problem.timeMajor.withUnsafeBufferPointer { xb in
                withPackedPointers(packed) { pk in
                    withProjectionPointer(projection) { pp, firstT in
                        start.withPointers { hPrev, cPrev in
                            guard let x = xb.baseAddress else { return }
                            // The gates' slot serves as the products' scratch before it receives the gates.
                            StepKernel.step(
                                batch: b, x: x + t * b * d, hPrev: hPrev, cPrev: cPrev, weights: w,
                                mode: r.mode, projected: pp.map { $0 + (t - firstT) * b * n }, packed: pk,
                                variant: r.variant, activations: .vector, split: r.threads >= 2,
                                scratch: storage.gates(0), z: storage.z(0), gates: storage.gates(0),
                                c: storage.c(0), h: storage.h(0))
                        }
                    }
                }
            }
        }
        return StepTrace(
            t: t, storage: storage, slot: 0, products: r.mode.productsPerStep, mode: r.mode,
            variant: r.variant)
    }

    func run(_ requests: [RunRequest], threads: Int, shouldCancel: () -> Bool) -> PerDirection<[StepTrace]> {
        run(requests, threads: threads, minimumWork: FastEngine.minimumWorkForThreads, shouldCancel: shouldCancel)
    }

    /// `run` with the threshold for a second thread given (tests use 0).
    func run(
        _ requests: [RunRequest], threads: Int, minimumWork: Int,
        shouldCancel: () -> Bool
    ) -> PerDirection<[StepTrace]> {
        let jobs = requests.map { job($0, mode: .hoisted, cachedProjection: true) }
        var out = PerDirection<[StepTrace]>(forward: [], backward: [])
        for (direction, result) in JobRunner.run(
            jobs, threads: threads, keepTraces: true, minimumWork: minimumWork,
            shouldCancel: shouldCancel)
        {
            out[direction] = result.traces
        }
        return out
    }

    /// The projection is the one hoisted steps made, if any; otherwise it is
    /// made a chunk of steps at a time, which keeps it in cache (same numbers).
    func runProjectionChunk(_ requests: [RunRequest]) -> Int? {
        guard GEMM.packedAvailable else { return nil }
        let chunk = FastEngine.projectionChunkSteps(batch: problem.batch, hiddenSize: problem.hiddenSize)
        let remaining = requests.filter { cache.existingProjection($0.direction, biasSum: true) == nil }
            .map { problem.length - $0.firstStep }
        guard let most = remaining.max(), chunk < most else { return nil }
        return chunk
    }

    /// The weights of `direction` packed for `mode` (nil without AVX-512),
    /// packed at the first use (fused's layout when prepared).
    func packedWeights(_ direction: Direction, mode: StepMode) -> PackedDirection? {
        cache.packed(direction, perGate: mode == .perGate) { problem.parameters[direction] }
    }

    /// The hoisted projection of `direction` over all T, made at the first use
    /// (on the packed kernel with `packed`, as `DirectionJob` makes it).
    func hoistedProjection(_ direction: Direction, packed: PackedDirection?) -> HoistedProjection {
        let p = problem
        return cache.projection(direction, biasSum: packed != nil) {
            DirectionJob.makeProjection(
                input: p.timeMajor, batch: p.batch, times: 0..<p.length,
                parameters: p.parameters[direction], packed: packed)
        }
    }

    /// The remaining steps of one direction as a job, with the cached packed
    /// weights (and, when `cachedProjection`, the hoisted projection if
    /// hoisted steps made one; otherwise a hoisted job projects the input
    /// itself, a chunk at a time).
    func job(_ r: RunRequest, mode: StepMode, cachedProjection: Bool) -> DirectionJob {
        let job = DirectionJob(
            parameters: problem.parameters[r.direction], input: problem.timeMajor,
            batch: problem.batch, length: problem.length, direction: r.direction,
            firstStep: r.firstStep, state: DirectionJob.StartState(r.start), mode: mode,
            variant: r.variant)
        job.packed = packedWeights(r.direction, mode: mode)
        if mode == .hoisted && cachedProjection {
            job.projection = cache.existingProjection(r.direction, biasSum: job.packed != nil)
        }
        return job
    }
}

extension BidirectionalStepper {
    /// The fast engine's state for this stepper, when it runs on it.
    var fastSteps: FastSteps? { engine as? FastSteps }

    /// The remaining steps of each unfinished direction as jobs on the fast
    /// engine's packed weights (the benchmark times these). `cachedProjection:
    /// false` makes a hoisted job compute its input projection itself.
    func remainingJobs(mode: StepMode, cachedProjection: Bool = true) -> [DirectionJob] {
        guard let fast = fastSteps else { return [] }
        return remainingRuns.map { fast.job($0, mode: mode, cachedProjection: cachedProjection) }
    }

    /// `runToEnd` with the threshold for a second thread given (tests use 0).
    @discardableResult
    mutating func runToEnd(threads: Int, minimumWorkForThreads: Int, shouldCancel: () -> Bool) -> Bool {
        guard let fast = fastSteps else { return runToEnd(threads: threads, shouldCancel: shouldCancel) }
        record(
            fast.run(remainingRuns, threads: threads, minimumWork: minimumWorkForThreads, shouldCancel: shouldCancel))
        return isComplete
    }
}
