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

    let xs: [Matrix]
    private var projections: [[Matrix]?] = [nil, nil]

    public var batch: Int { input.shape[0] }
    public var length: Int { input.shape[1] }
    public var inputSize: Int { input.shape[2] }
    public var hiddenSize: Int { parameters.hiddenSize }

    /// - Parameters:
    ///   - input: `[B, T, D]` with `D` equal to the parameters' input size, `B, T ≥ 1`.
    ///   - h0, c0: `[2, B, H]` or nil for zeros.
    public init(parameters: BiLSTMParameters, input: Tensor, h0: Tensor? = nil, c0: Tensor? = nil,
                mode: StepMode = .fused, variant: Variant = .correct) throws {
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
        var xs: [Matrix] = []
        xs.reserveCapacity(t)
        for ti in 0..<t {
            var rows = [Float](); rows.reserveCapacity(b * d)
            for bi in 0..<b { rows += input.data[((bi * t + ti) * d)..<((bi * t + ti + 1) * d)] }
            xs.append(Matrix(rows: b, cols: d, data: rows))
        }
        self.parameters = parameters
        self.input = input
        self.initialState = states
        self.mode = mode
        self.variant = variant
        self.xs = xs
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
        return xs[t]
    }

    // MARK: Moving

    /// Takes one step in `direction` and returns its trace.
    @discardableResult
    public mutating func step(_ direction: Direction) throws -> StepTrace {
        guard let t = nextTimeIndex(direction) else {
            throw StepperError.directionComplete(direction, length: length)
        }
        let p = parameters[direction]
        var projected: Matrix? = nil
        if mode == .hoisted {
            if projections[direction.rawValue] == nil {
                projections[direction.rawValue] = hoistedProjection(p)
            }
            projected = projections[direction.rawValue]?[t]
        }
        let trace = LSTMCell.step(t: t, x: xs[t], state: currentState(direction), parameters: p,
                                  mode: mode, variant: variant, projected: projected)
        traces[direction.rawValue].append(trace)
        return trace
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

    /// `X·W_ihᵀ + b_ih` for all T at once, as one `[T·B, D] · [4H, D]ᵀ` product, split per t.
    private func hoistedProjection(_ p: DirectionParameters) -> [Matrix] {
        let b = batch
        var all = [Float](); all.reserveCapacity(length * b * inputSize)
        for m in xs { all += m.data }
        var z = Matrix(rows: length * b, cols: inputSize, data: all).timesTransposed(p.wIH)
        z.addRowVector(p.bIH)
        return (0..<length).map { z.rowBlock((($0) * b)..<(($0 + 1) * b)) }
    }
}

/// Why a stepper refused a move or a view.
public enum StepperError: Error, Equatable, Sendable, CustomStringConvertible {
    case directionComplete(Direction, length: Int)
    case nothingToUndo(Direction)
    case timeOutOfRange(t: Int, length: Int)
    case stepCountOutOfRange(Int, length: Int)
    case notComputed(what: String, detail: String)

    public var description: String {
        switch self {
        case .directionComplete(let d, let t):
            return "the \(d.name) direction has finished all \(t) steps (use 'back', 'goto' or 'reset')"
        case .nothingToUndo(let d):
            return "the \(d.name) direction is at its start: nothing to undo"
        case .timeOutOfRange(let t, let length):
            return "t=\(t) is out of range: t goes from 0 to \(length - 1)"
        case .stepCountOutOfRange(let n, let length):
            return "\(n) steps is out of range: a direction takes 0 to \(length) steps"
        case .notComputed(let what, let detail):
            return "\(what) is not computed yet: \(detail)"
        }
    }
}
