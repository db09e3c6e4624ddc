/// A bidirectional LSTM over one input sequence, advanced one step at a time
/// in either direction, keeping every step's trace.
///
/// ```
/// forward  visits t = 0, 1, …, T−1      (its k-th step reads x[:, k])
/// backward visits t = T−1, …, 1, 0      (its k-th step reads x[:, T−1−k])
/// ```
/// The two cursors are independent. Stepping back drops the last trace, so
/// undo is exact and instant. The stepper owns these semantics; an engine
/// (`StepEngine`) computes the numbers of each step.
public struct BidirectionalStepper: Sendable {
    public let parameters: BiLSTMParameters
    /// Input in batch-first layout, `[B, T, D]`.
    public let input: Tensor
    /// The initial state of each direction.
    public let initialState: PerDirection<LSTMState>
    public var mode: StepMode
    public var variant: Variant
    /// Completed steps per direction, in processing order.
    public internal(set) var traces = PerDirection<[StepTrace]>(forward: [], backward: [])
    /// The engine made ready for this model and input (shared by copies).
    package private(set) var engine: any PreparedEngine

    public var batch: Int { input.shape[0] }
    public var length: Int { input.shape[1] }
    public var inputSize: Int { input.shape[2] }
    public var hiddenSize: Int { parameters.hiddenSize }
    /// Which engine computes the steps.
    public var engineKind: EngineKind { engine.kind }

    /// - Parameters:
    ///   - input: `[B, T, D]` with `D` equal to the parameters' input size, `B, T ≥ 1`.
    ///   - h0, c0: `[2, B, H]` or nil for zeros.
    ///   - engine: what computes the steps (LSTMCore knows only the reference engine).
    ///   - previous: a stepper whose engine preparation to reuse when its
    ///     parameters are these (a new input or initial state for the same model).
    public init(
        parameters: BiLSTMParameters, input: Tensor, h0: Tensor? = nil, c0: Tensor? = nil,
        mode: StepMode = .fused, variant: Variant = .correct, engine: any StepEngine = ReferenceEngine(),
        reusing previous: BidirectionalStepper? = nil
    ) throws {
        let h = parameters.hiddenSize
        guard input.rank == 3, input.shape[0] > 0, input.shape[1] > 0, input.shape[2] == parameters.inputSize else {
            throw ShapeError.mismatch(
                what: "input must be [B, T, D] with D = \(parameters.inputSize)",
                expected: [
                    input.shape.first ?? 1, input.shape.count > 1 ? input.shape[1] : 1,
                    parameters.inputSize,
                ],
                actual: input.shape)
        }
        let b = input.shape[0]
        let t = input.shape[1]
        var states = PerDirection { _ in LSTMState.zero(batch: b, hiddenSize: h) }
        for (name, given) in [("h0", h0), ("c0", c0)] {
            guard let given else { continue }
            guard given.shape == [2, b, h] else {
                throw ShapeError.mismatch(what: "\(name) must be [2, B, H]", expected: [2, b, h], actual: given.shape)
            }
            for direction in Direction.allCases {
                let m = try Matrix(given.slice(direction.rawValue).reshaped([b, h]))
                if name == "h0" { states[direction].h = m } else { states[direction].c = m }
            }
        }
        self.parameters = parameters
        self.input = input
        self.initialState = states
        self.mode = mode
        self.variant = variant
        let problem = StepProblem(
            parameters: parameters, timeMajor: Self.timeMajor(input), batch: b, length: t, mode: mode)
        // Array equality first compares storage identity, so a model shared with `previous` is recognized at once.
        let reusable = previous.flatMap { $0.parameters == parameters ? $0.engine : nil }
        self.engine = engine.prepare(problem, reusing: reusable)
    }

    /// Moves the computing to `engine`; the steps taken so far are kept.
    public mutating func use(_ engine: any StepEngine) {
        let problem = StepProblem(
            parameters: parameters, timeMajor: Self.timeMajor(input), batch: batch,
            length: length, mode: mode)
        self.engine = engine.prepare(problem, reusing: self.engine)
    }

    /// `[B, T, D]` as `[T, B, D]`: step t reads rows `t·B ..< (t+1)·B`.
    private static func timeMajor(_ input: Tensor) -> [Float] {
        let b = input.shape[0]
        let t = input.shape[1]
        let d = input.shape[2]
        var timeMajor = [Float]()
        timeMajor.reserveCapacity(t * b * d)
        for ti in 0..<t {
            for bi in 0..<b { timeMajor += input.data[((bi * t + ti) * d)..<((bi * t + ti + 1) * d)] }
        }
        return timeMajor
    }

    // MARK: Cursors

    /// How many steps `direction` has taken (0…T).
    public func cursor(_ direction: Direction) -> Int { traces[direction].count }

    public func isComplete(_ direction: Direction) -> Bool { cursor(direction) == length }

    public var isComplete: Bool { isComplete(.forward) && isComplete(.backward) }

    /// The time index `direction` will read next, or nil when it is done.
    public func nextTimeIndex(_ direction: Direction) -> Int? {
        isComplete(direction) ? nil : direction.timeIndex(step: cursor(direction), length: length)
    }

    /// The state `direction` holds now (the initial state before its first step).
    public func currentState(_ direction: Direction) -> LSTMState {
        traces[direction].last?.state ?? initialState[direction]
    }

    /// Where `direction`'s next step starts.
    package func start(_ direction: Direction) -> StepStart {
        traces[direction].last.map { .after($0) } ?? .initial(initialState[direction])
    }

    /// The input slice `x[:, t, :]`, `[B, D]`.
    public func x(at t: Int) throws -> Matrix {
        guard t >= 0 && t < length else { throw StepperError.timeOutOfRange(t: t, length: length) }
        return try Matrix(input.selecting(axis: 1, index: t))
    }

    // MARK: Moving

    /// Takes one step in `direction` and returns its trace. `threads ≥ 2`
    /// lets the engine split a large product over two cores (same numbers).
    @discardableResult
    public mutating func step(_ direction: Direction, threads: Int = 1) throws -> StepTrace {
        guard let t = nextTimeIndex(direction) else {
            throw StepperError.directionComplete(direction, length: length)
        }
        let trace = engine.step(
            StepRequest(
                direction: direction, t: t, start: start(direction), mode: mode,
                variant: variant, threads: threads))
        traces[direction].append(trace)
        return trace
    }

    /// Completes both directions from wherever their cursors are, keeping
    /// every step's trace, the fastest way the engine has (hoisted: the input
    /// projection of many steps in one product, then one product per step).
    /// `shouldCancel` is asked between steps; once it says yes both
    /// directions stop after their current step, so the stepper only ever
    /// records whole steps. The traces say `mode: .hoisted`; `mode` is unchanged.
    ///
    /// - Returns: true when both directions finished, false when cancelled.
    @discardableResult
    public mutating func runToEnd(threads: Int, shouldCancel: () -> Bool) -> Bool {
        record(engine.run(remainingRuns, threads: threads, shouldCancel: shouldCancel))
        return isComplete
    }

    /// Appends the traces of steps an engine ran to each direction's.
    package mutating func record(_ done: PerDirection<[StepTrace]>) {
        for direction in Direction.allCases {
            // Taken over whole when the direction starts from scratch (no copy of each trace).
            if traces[direction].isEmpty {
                traces[direction] = done[direction]
            } else {
                traces[direction] += done[direction]
            }
        }
    }

    /// The remaining steps of each unfinished direction.
    package var remainingRuns: [RunRequest] {
        Direction.allCases.filter { !isComplete($0) }.map {
            RunRequest(direction: $0, firstStep: cursor($0), start: start($0), variant: variant)
        }
    }

    /// Steps per input-projection product `runToEnd` would use now, or nil
    /// when it projects every remaining step in one product.
    public var runProjectionChunk: Int? { engine.runProjectionChunk(remainingRuns) }

    /// Undoes the last step of `direction`.
    public mutating func back(_ direction: Direction) throws {
        guard !traces[direction].isEmpty else { throw StepperError.nothingToUndo(direction) }
        traces[direction].removeLast()
    }

    /// Moves `direction` so that it has taken exactly `steps` steps.
    public mutating func moveTo(steps: Int, _ direction: Direction) throws {
        guard steps >= 0 && steps <= length else { throw StepperError.stepCountOutOfRange(steps, length: length) }
        while cursor(direction) > steps { try back(direction) }
        while cursor(direction) < steps { try step(direction) }
    }

    /// Both cursors back to the start; parameters and input are kept.
    public mutating func reset() {
        traces = PerDirection(forward: [], backward: [])
    }
}
