/// A bidirectional LSTM over one input sequence, advanced one step at a time
/// in either direction, keeping every step's trace.
///
/// ```
/// forward  visits t = 0, 1, …, T−1      (its k-th step reads x[:, k])
/// backward visits t = T−1, …, 1, 0      (its k-th step reads x[:, T−1−k])
/// ```
/// The two cursors are independent. Stepping back drops the last trace, so
/// undo is exact and instant.
public struct BidirectionalStepper: Sendable {
    public let parameters: BiLSTMParameters
    /// Input in batch-first layout, `[B, T, D]`.
    public let input: Tensor
    /// The initial state per direction (index 0 forward, 1 backward).
    public let initialState: [LSTMState]
    public var mode: StepMode
    public var variant: Variant
    /// Completed steps per direction, in processing order.
    public internal(set) var traces: [[StepTrace]] = [[], []]

    /// The input time-major, `[T, B, D]`: step t reads rows `t·B ..< (t+1)·B`.
    let timeMajor: [Float]
    /// Packed weights and hoisted projections, made once and shared by copies
    /// (parameters and input never change in a stepper).
    let cache = StepperCache()

    public var batch: Int { input.shape[0] }
    public var length: Int { input.shape[1] }
    public var inputSize: Int { input.shape[2] }
    public var hiddenSize: Int { parameters.hiddenSize }

    /// The weights are laid out for the packed kernel here, once per model
    /// (on AVX-512 CPUs; per-gate's layout at its first use), so neither the
    /// first step nor `run` waits for it.
    ///
    /// - Parameters:
    ///   - input: `[B, T, D]` with `D` equal to the parameters' input size, `B, T ≥ 1`.
    ///   - h0, c0: `[2, B, H]` or nil for zeros.
    ///   - previous: a stepper whose packed weights to reuse when its
    ///     parameters are these (a new input or initial state for the same model).
    public init(parameters: BiLSTMParameters, input: Tensor, h0: Tensor? = nil, c0: Tensor? = nil,
                mode: StepMode = .fused, variant: Variant = .correct, reusingPackedWeightsOf previous: BidirectionalStepper? = nil) throws {
        let h = parameters.hiddenSize
        guard input.rank == 3, input.shape[0] > 0, input.shape[1] > 0, input.shape[2] == parameters.inputSize else {
            throw ShapeError.mismatch(what: "input must be [B, T, D] with D = \(parameters.inputSize)",
                                      expected: [input.shape.first ?? 1, input.shape.count > 1 ? input.shape[1] : 1, parameters.inputSize],
                                      actual: input.shape)
        }
        let b = input.shape[0], t = input.shape[1], d = input.shape[2]
        var states = [LSTMState.zero(batch: b, hiddenSize: h), LSTMState.zero(batch: b, hiddenSize: h)]
        for (name, given) in [("h0", h0), ("c0", c0)] {
            guard let given else { continue }
            guard given.shape == [2, b, h] else {
                throw ShapeError.mismatch(what: "\(name) must be [2, B, H]", expected: [2, b, h], actual: given.shape)
            }
            for dir in 0..<2 {
                let m = Matrix(rows: b, cols: h, data: Array(given.data[(dir * b * h)..<((dir + 1) * b * h)]))
                if name == "h0" { states[dir].h = m } else { states[dir].c = m }
            }
        }
        var timeMajor = [Float]()
        timeMajor.reserveCapacity(t * b * d)
        for ti in 0..<t {
            for bi in 0..<b { timeMajor += input.data[((bi * t + ti) * d)..<((bi * t + ti + 1) * d)] }
        }
        self.parameters = parameters
        self.input = input
        self.initialState = states
        self.mode = mode
        self.variant = variant
        self.timeMajor = timeMajor
        // Array equality first compares storage identity, so a model shared with `previous` is recognized at once.
        if let previous, previous.parameters == parameters {
            cache.adoptPacked(from: previous.cache)
        }
        for direction in Direction.allCases {
            _ = packedWeights(direction, mode: .fused) // fused and hoisted steps, and `run`
            if mode == .perGate { _ = packedWeights(direction, mode: .perGate) }
        }
    }

    // MARK: Cursors

    /// How many steps `direction` has taken (0…T).
    public func cursor(_ direction: Direction) -> Int { traces[direction.rawValue].count }

    public func isComplete(_ direction: Direction) -> Bool { cursor(direction) == length }

    public var isComplete: Bool { isComplete(.forward) && isComplete(.backward) }

    /// The time index `direction` will read next, or nil when it is done.
    public func nextTimeIndex(_ direction: Direction) -> Int? {
        isComplete(direction) ? nil : direction.timeIndex(step: cursor(direction), length: length)
    }

    /// The state `direction` holds now (the initial state before its first step).
    public func currentState(_ direction: Direction) -> LSTMState {
        traces[direction.rawValue].last?.state ?? initialState[direction.rawValue]
    }

    /// The input slice `x[:, t, :]`, `[B, D]`.
    public func x(at t: Int) throws -> Matrix {
        guard t >= 0 && t < length else { throw StepperError.timeOutOfRange(t: t, length: length) }
        let rows = batch * inputSize
        return Matrix(rows: batch, cols: inputSize, data: Array(timeMajor[(t * rows)..<((t + 1) * rows)]))
    }

    // MARK: Moving

    /// Takes one step in `direction` and returns its trace.
    ///
    /// The step runs the same kernel as `runToEnd` (packed weights where the
    /// CPU has AVX-512, vector σ and tanh), so stepping to the end in hoisted
    /// mode and `run` give the same numbers, bit for bit.
    ///
    /// With `threads ≥ 2` a large product is split over two cores (same
    /// numbers; see `ParallelProducts`).
    @discardableResult
    public mutating func step(_ direction: Direction, threads: Int = 1) throws -> StepTrace {
        guard let t = nextTimeIndex(direction) else {
            throw StepperError.directionComplete(direction, length: length)
        }
        let b = batch, d = inputSize, n = 4 * hiddenSize
        let packed = packedWeights(direction, mode: mode)
        let projection = mode == .hoisted ? hoistedProjection(direction, packed: packed) : nil
        let storage = TraceStorage(batch: b, hiddenSize: hiddenSize, steps: 1)
        let start: DirectionJob.StartState = traces[direction.rawValue].last.map { .trace($0) }
            ?? .matrices(initialState[direction.rawValue])
        let (mode, variant) = (self.mode, self.variant)
        withWeightPointers(direction) { w in
            timeMajor.withUnsafeBufferPointer { xb in
                withPackedPointers(packed) { pk in
                    withProjectionPointer(projection) { pp, firstT in
                        start.withPointers { hPrev, cPrev in
                            guard let x = xb.baseAddress else { return }
                            // The gates' slot serves as the products' scratch before it receives the gates.
                            StepKernel.step(batch: b, x: x + t * b * d, hPrev: hPrev, cPrev: cPrev, weights: w, mode: mode,
                                            projected: pp.map { $0 + (t - firstT) * b * n }, packed: pk, variant: variant,
                                            activations: .vector, split: threads >= 2, scratch: storage.gates(0),
                                            z: storage.z(0), gates: storage.gates(0), c: storage.c(0), h: storage.h(0))
                        }
                    }
                }
            }
        }
        let trace = StepTrace(t: t, storage: storage, slot: 0, products: mode.productsPerStep, mode: mode, variant: variant)
        traces[direction.rawValue].append(trace)
        return trace
    }

    private func withWeightPointers<R>(_ direction: Direction, _ body: (WeightPointers) -> R) -> R {
        direction == .forward ? parameters.forward.withPointers(body) : parameters.backward.withPointers(body)
    }

    /// The weights of `direction` packed for `mode` (nil without AVX-512), packed at the first use (fused's layout at `init`).
    func packedWeights(_ direction: Direction, mode: StepMode) -> PackedDirection? {
        cache.packed(direction, perGate: mode == .perGate) { parameters[direction] }
    }

    /// The hoisted projection of `direction` over all T, made at the first use
    /// (on the packed kernel with `packed`, as `DirectionJob` makes it).
    func hoistedProjection(_ direction: Direction, packed: PackedDirection?) -> HoistedProjection {
        let (input, b, t) = (timeMajor, batch, length)
        return cache.projection(direction, biasSum: packed != nil) {
            DirectionJob.makeProjection(input: input, batch: b, times: 0..<t, parameters: parameters[direction], packed: packed)
        }
    }

    /// The remaining steps of `direction` as a job, with the cached packed
    /// weights (and, when `cachedProjection`, the hoisted projection if the
    /// stepper made one for its steps; otherwise a hoisted job projects the
    /// input itself, a chunk at a time).
    func job(_ direction: Direction, mode: StepMode, cachedProjection: Bool) -> DirectionJob {
        let start: DirectionJob.StartState = traces[direction.rawValue].last.map { .trace($0) }
            ?? .matrices(initialState[direction.rawValue])
        let job = DirectionJob(parameters: parameters[direction], input: timeMajor, batch: batch, length: length, direction: direction,
                               firstStep: cursor(direction), state: start, mode: mode, variant: variant)
        job.packed = packedWeights(direction, mode: mode)
        if mode == .hoisted && cachedProjection {
            job.projection = cache.existingProjection(direction, biasSum: job.packed != nil)
        }
        return job
    }

    /// Undoes the last step of `direction`.
    public mutating func back(_ direction: Direction) throws {
        guard !traces[direction.rawValue].isEmpty else { throw StepperError.nothingToUndo(direction) }
        traces[direction.rawValue].removeLast()
    }

    /// Moves `direction` so that it has taken exactly `steps` steps.
    public mutating func moveTo(steps: Int, _ direction: Direction) throws {
        guard steps >= 0 && steps <= length else { throw StepperError.stepCountOutOfRange(steps, length: length) }
        while cursor(direction) > steps { try back(direction) }
        while cursor(direction) < steps { try step(direction) }
    }

    /// Both cursors back to the start; parameters and input are kept.
    public mutating func reset() {
        traces = [[], []]
    }
}

/// Why a stepper refused a move or a view.
public enum StepperError: Error, Equatable, Sendable, CustomStringConvertible {
    case directionComplete(Direction, length: Int)
    case nothingToUndo(Direction)
    case timeOutOfRange(t: Int, length: Int)
    case stepCountOutOfRange(Int, length: Int)
    /// `direction` has taken `steps` of `length` steps, not yet the one that visits `t`.
    case timeNotReached(Direction, t: Int, steps: Int, length: Int)
    /// `direction` has taken no step.
    case notStepped(Direction)
    /// `name` (`h_n`, `c_n`) needs both directions at the end; the cursors now.
    case needsBothFinished(name: String, forward: Int, backward: Int, length: Int)

    public var description: String {
        switch self {
        case .directionComplete(let d, let t):
            return "the \(d.name) direction has finished all \(t) steps"
        case .nothingToUndo(let d):
            return "the \(d.name) direction is at its start: nothing to undo"
        case .timeOutOfRange(let t, let length):
            return "t=\(t) is out of range: t goes from 0 to \(length - 1)"
        case .stepCountOutOfRange(let n, let length):
            return "\(n) steps is out of range: a direction takes 0 to \(length) steps"
        case .timeNotReached(let d, let t, let steps, let length):
            return "\(d.name) t=\(t) is not computed yet: the \(d.name) direction has taken \(steps) of \(length) steps"
        case .notStepped(let d):
            return "\(d.name) step is not computed yet: the \(d.name) direction has not taken a step"
        case .needsBothFinished(let name, let f, let b, let length):
            return "\(name) is not computed yet: it needs both directions finished (fwd \(f)/\(length), bwd \(b)/\(length))"
        }
    }
}
