import LSTMCore

/// Times a full bidirectional forward in each step mode, on deterministic
/// random weights and input. Returns numbers; never prints.
///
/// ```
/// FLOPs counted = 2 · T · (2·B·D·4H + 2·B·H·4H)    the products of both directions
/// GFLOP/s       = FLOPs / median time
/// ```
public enum Benchmark {
    public struct Configuration: Equatable, Sendable {
        public var sizes: LSTMSizes
        /// 1: directions one after the other; ≥ 2: the two directions at once.
        public var threads: Int
        /// Timed forwards per mode (after one untimed warm-up).
        public var repeats: Int
        /// Also time `runToEnd`, the shell's `run`, which keeps every trace.
        public var timesRun: Bool
        public var seed: UInt64
        /// With a budget, each part (a mode's forwards, its single steps, the
        /// runs) stops repeating once it has taken this many seconds, after at
        /// least one timed sample; when the untimed first forward (or run)
        /// alone takes longer, it is the sample. Nil: exactly `repeats`.
        public var budgetSeconds: Double?

        public init(
            sizes: LSTMSizes, threads: Int, repeats: Int = 5, timesRun: Bool = true, seed: UInt64 = 1,
            budgetSeconds: Double? = nil
        ) {
            self.sizes = sizes
            self.threads = threads
            self.repeats = repeats
            self.timesRun = timesRun
            self.seed = seed
            self.budgetSeconds = budgetSeconds
        }
    }

    public struct ModeResult: Equatable, Sendable {
        public var mode: StepMode
        public var medianMilliseconds: Double
        public var minMilliseconds: Double
        public var gflops: Double
        /// The median latency of one `BidirectionalStepper.step` in this mode,
        /// trace included, as a learner stepping sees it.
        public var stepMicroseconds: Double
        /// Timed forwards behind the median (fewer than `repeats` under a budget).
        public var samples: Int
    }

    public struct Result: Equatable, Sendable {
        public var configuration: Configuration
        public var flops: Double
        /// per-gate, fused, hoisted (without keeping traces, like `nn.LSTM`'s forward).
        public var modes: [ModeResult]
        /// Median of `runToEnd` keeping every trace, when timed.
        public var runMedianMilliseconds: Double?
        /// Runs behind that median.
        public var runSamples: Int
        /// False when `shouldCancel` stopped the benchmark early; the numbers
        /// then cover what was timed before.
        public var completed: Bool
        /// Steps per input-projection product in hoisted forwards and runs, or
        /// nil when all T are projected in one product.
        public var projectionChunkSteps: Int? = nil
    }

    /// Which kernels the products use on this machine, for reports: for
    /// example `OpenBLAS (SkylakeX kernels), packed-weight AVX-512 kernel for the per-step products`.
    public static var kernels: String {
        "OpenBLAS (\(GEMM.blasCoreName) kernels)"
            + (GEMM.packedAvailable ? ", packed-weight AVX-512 kernel for the per-step products" : "")
    }

    /// The BLAS library's kernel set (`SkylakeX`) and whether the packed per-step kernel runs here.
    public static var kernelFacts: (core: String, packed: Bool) { (GEMM.blasCoreName, GEMM.packedAvailable) }

    /// `2 · T · (2·B·D·4H + 2·B·H·4H)`.
    public static func flops(_ s: LSTMSizes) -> Double {
        let (b, t, d, h) = (Double(s.batch), Double(s.length), Double(s.inputSize), Double(s.hiddenSize))
        return 2 * t * (2 * b * d * 4 * h + 2 * b * h * 4 * h)
    }

    /// Limits that keep a benchmark from exhausting memory by mistake.
    public static let maxTraceBytes = 4 << 30

    public static func validate(_ c: Configuration) throws {
        let s = c.sizes
        for (name, v) in [("B", s.batch), ("T", s.length), ("D", s.inputSize), ("H", s.hiddenSize)] where v < 1 {
            throw BenchmarkError.invalid("\(name) must be at least 1 (got \(v))")
        }
        guard c.threads >= 1 else { throw BenchmarkError.invalid("threads must be at least 1 (got \(c.threads))") }
        guard c.repeats >= 1 else { throw BenchmarkError.invalid("repeat must be at least 1 (got \(c.repeats))") }
        guard let bytes = s.estimatedBytes, bytes <= maxTraceBytes else {
            throw BenchmarkError.invalid(
                "B=\(s.batch), T=\(s.length), D=\(s.inputSize), H=\(s.hiddenSize) needs more than \(maxTraceBytes >> 30) GiB"
            )
        }
    }

    /// Runs the benchmark on weights and input drawn from `c.seed`. `shouldCancel` is polled between steps.
    public static func run(_ c: Configuration, shouldCancel: () -> Bool = { false }) throws -> Result {
        let (parameters, input) = try model(c)
        return try run(c, parameters: parameters, input: input, shouldCancel: shouldCancel)
    }

    /// The benchmark's model: weights and input `[B, T, D]` drawn from `c.seed`.
    static func model(_ c: Configuration) throws -> (BiLSTMParameters, Tensor) {
        try validate(c)
        let s = c.sizes
        var g = SeededGenerator(seed: c.seed)
        let parameters = BiLSTMParameters.initialized(
            .pytorch, inputSize: s.inputSize, hiddenSize: s.hiddenSize, using: &g)
        let input = try Tensor(
            shape: [s.batch, s.length, s.inputSize],
            data: g.uniforms(s.batch * s.length * s.inputSize, -1, 1))
        return (parameters, input)
    }

    /// Runs the benchmark on given weights and input `[B, T, D]` (the shell's
    /// `bench` on the session's own model: nothing to draw, no second copy of
    /// the weights); their sizes must be `c.sizes`. The times do not depend on
    /// the values.
    public static func run(
        _ c: Configuration, parameters: BiLSTMParameters, input: Tensor,
        shouldCancel: () -> Bool = { false }
    ) throws -> Result {
        try validate(c)
        let s = c.sizes
        guard parameters.inputSize == s.inputSize, parameters.hiddenSize == s.hiddenSize,
            input.shape == [s.batch, s.length, s.inputSize]
        else {
            throw BenchmarkError.invalid(
                "the model's sizes are not B=\(s.batch), T=\(s.length), D=\(s.inputSize), H=\(s.hiddenSize)")
        }
        let stepper = try BidirectionalStepper(parameters: parameters, input: input, engine: FastEngine())
        let clock = ContinuousClock()
        let total = flops(s)
        var cancelled = false
        let poll: () -> Bool = {
            if !cancelled && shouldCancel() { cancelled = true }
            return cancelled
        }

        var modes: [ModeResult] = []
        for mode in [StepMode.perGate, .fused, .hoisted] {
            // Weights packed once, as the lab packs them when a model is made; a
            // hoisted forward computes its input projection every time.
            let jobs = stepper.remainingJobs(mode: mode, cachedProjection: false)
            var times: [Double] = []
            var spent = 0.0
            for i in 0...c.repeats {
                let start = clock.now
                _ = BidirectionalStepper.runJobs(jobs, threads: c.threads, keepTraces: false, shouldCancel: poll)
                let ms = milliseconds(clock.now - start)
                spent += ms
                if i > 0 { times.append(ms) }  // i = 0 warms up
                if cancelled { break }
                if let budget = c.budgetSeconds, spent >= budget * 1000 {
                    if times.isEmpty { times.append(ms) }  // one forward is over the budget: it is the sample
                    break
                }
            }
            if cancelled { break }
            let median = Self.median(times)
            modes.append(
                ModeResult(
                    mode: mode, medianMilliseconds: median, minMilliseconds: times.min() ?? median,
                    gflops: median > 0 ? total / (median * 1e6) : 0,
                    stepMicroseconds: stepLatency(
                        stepper, mode: mode, threads: c.threads, repeats: c.repeats,
                        budgetSeconds: c.budgetSeconds, clock: clock, poll: poll),
                    samples: times.count))
            if cancelled { break }
        }

        var runMedian: Double? = nil
        var runTimes: [Double] = []
        if c.timesRun && !cancelled {
            // The lab's first `run` on a model and input: a new stepper each
            // time, made before the clock starts (the lab packs a model's
            // weights when it is made or loaded), so the timed run projects
            // the input itself, like the forwards above. One untimed run
            // first, whose memory the timed runs then reuse (BlockPool), as the
            // forwards reuse theirs.
            var spent = 0.0
            do {
                var warm = try BidirectionalStepper(
                    parameters: parameters, input: input, engine: FastEngine(), reusing: stepper)
                let start = clock.now
                warm.runToEnd(threads: c.threads, shouldCancel: poll)
                spent = milliseconds(clock.now - start)
            }
            if let budget = c.budgetSeconds, spent >= budget * 1000, !cancelled {
                runTimes = [spent]
            } else {
                for _ in 0..<max(1, c.repeats) where !cancelled {
                    var fresh = try BidirectionalStepper(
                        parameters: parameters, input: input, engine: FastEngine(), reusing: stepper)
                    let start = clock.now
                    fresh.runToEnd(threads: c.threads, shouldCancel: poll)
                    let ms = milliseconds(clock.now - start)
                    runTimes.append(ms)
                    spent += ms
                    if let budget = c.budgetSeconds, spent >= budget * 1000 { break }
                }
            }
            if !cancelled { runMedian = median(runTimes) }
        }
        let chunk = FastEngine.projectionChunkSteps(batch: s.batch, hiddenSize: s.hiddenSize)
        return Result(
            configuration: c, flops: total, modes: modes, runMedianMilliseconds: runMedian,
            runSamples: runMedian == nil ? 0 : runTimes.count, completed: !cancelled,
            projectionChunkSteps: GEMM.packedAvailable && chunk < s.length ? chunk : nil)
    }

    /// The median time of single forward steps through the stepper, as the
    /// shell's `step` takes them (at most 100 steps, 3 times over, or until
    /// the budget is spent).
    private static func stepLatency(
        _ stepper: BidirectionalStepper, mode: StepMode, threads: Int, repeats: Int,
        budgetSeconds: Double?, clock: ContinuousClock, poll: () -> Bool
    ) -> Double {
        var s = stepper
        s.mode = mode
        var times: [Double] = []
        var spent = 0.0
        let steps = min(s.length, 100)
        rounds: for _ in 0..<min(max(1, repeats), 3) {
            s.reset()
            for _ in 0..<steps {
                let start = clock.now
                do { try s.step(.forward, threads: threads) } catch { return median(times) * 1000 }
                let ms = milliseconds(clock.now - start)
                times.append(ms)
                spent += ms
                if let budgetSeconds, spent >= budgetSeconds * 1000 { break rounds }
            }
            if poll() { break }
        }
        return median(times) * 1000
    }

    static func milliseconds(_ d: Duration) -> Double {
        let (seconds, attoseconds) = d.components
        return Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
    }

    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

extension Benchmark {
    /// One timed forward at a time, when asked: for timing the lab side by
    /// side with another program in the same seconds (`lstmlab bench
    /// --paced`, which `tools/bench_vs_torch.py --paired` drives), so a slow
    /// spell of a shared machine falls on both sides of a comparison instead
    /// of on one. Each part is warmed up by one untimed forward the first
    /// time it is asked for.
    public final class Paced {
        /// What one request times: a forward in one step mode, or the lab's `run`.
        public enum Part: String, CaseIterable, Sendable {
            case perGate = "per-gate"
            case fused, hoisted, run
        }

        public let configuration: Configuration
        private let parameters: BiLSTMParameters
        private let input: Tensor
        private let stepper: BidirectionalStepper
        private var jobs: [StepMode: [DirectionJob]] = [:]
        private var warmed: Set<Part> = []

        /// Draws the model from `c.seed` and packs its weights (`c.repeats` is not used).
        public init(_ c: Configuration) throws {
            configuration = c
            (parameters, input) = try Benchmark.model(c)
            stepper = try BidirectionalStepper(parameters: parameters, input: input, engine: FastEngine())
        }

        /// Milliseconds of one `part`, measured as `Benchmark.run` measures it
        /// (a forward without traces on the packed weights, projecting its
        /// input itself; or a `run` keeping every trace on a new stepper made
        /// before the clock starts).
        public func time(_ part: Part) throws -> Double {
            if !warmed.contains(part) {
                _ = try once(part)
                warmed.insert(part)
            }
            return try once(part)
        }

        private func once(_ part: Part) throws -> Double {
            let clock = ContinuousClock()
            let threads = configuration.threads
            guard let mode = StepMode(rawValue: part.rawValue) else {
                var fresh = try BidirectionalStepper(
                    parameters: parameters, input: input, engine: FastEngine(), reusing: stepper)
                let start = clock.now
                fresh.runToEnd(threads: threads, shouldCancel: { false })
                return Benchmark.milliseconds(clock.now - start)
            }
            let modeJobs = jobs[mode] ?? stepper.remainingJobs(mode: mode, cachedProjection: false)
            jobs[mode] = modeJobs
            let start = clock.now
            _ = BidirectionalStepper.runJobs(modeJobs, threads: threads, keepTraces: false, shouldCancel: { false })
            return Benchmark.milliseconds(clock.now - start)
        }
    }
}

/// Why a benchmark could not run.
public enum BenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let message): return message
        }
    }
}
