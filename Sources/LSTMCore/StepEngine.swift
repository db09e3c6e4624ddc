/// What computes a stepper's steps. `BidirectionalStepper` owns the
/// semantics (cursors, traces, undo, views) and asks an engine only for
/// numbers: one step, or the rest of each direction.
///
/// Two engines exist: `ReferenceEngine` here (the readable `LSTMCell`, the
/// specification) and `FastEngine` in LSTMKernels (packed weights, vector
/// activations, two threads), which the tests hold equal to it. LSTMCore
/// cannot see LSTMKernels: whoever makes a stepper chooses its engine (the
/// shell's `Session` passes the fast one unless `set engine reference`).
public protocol StepEngine: Sendable {
    var kind: EngineKind { get }
    /// What a stepper over `problem` steps with. `previous`, when given, was
    /// prepared for the same parameters (a new input or initial state), so an
    /// engine may take over work done from the weights alone.
    func prepare(_ problem: StepProblem, reusing previous: (any PreparedEngine)?) -> any PreparedEngine
}

/// An engine ready for one model and input; shared by copies of the stepper
/// (parameters and input never change in a stepper).
public protocol PreparedEngine: AnyObject, Sendable {
    var kind: EngineKind { get }
    /// One step: the trace of `request.direction` at time index `request.t`.
    func step(_ request: StepRequest) -> StepTrace
    /// The remaining steps of each request's direction, hoisted (the input
    /// projection of many steps in one product, then one product per step),
    /// in processing order. `shouldCancel` is asked on the calling thread
    /// between steps; after it says yes every direction stops after its
    /// current step.
    func run(_ requests: [RunRequest], threads: Int, shouldCancel: () -> Bool) -> PerDirection<[StepTrace]>
    /// Steps per input-projection product `run` would use for `requests`, or
    /// nil when it projects every remaining step in one product.
    func runProjectionChunk(_ requests: [RunRequest]) -> Int?
}

/// `reference` or `fast`, as `set engine` names them.
public enum EngineKind: String, CaseIterable, Sendable {
    /// `LSTMCell` as written: plain loops, the C library's σ and tanh, one thread.
    case reference
    /// Packed weights, vector σ and tanh, the directions on two threads.
    case fast
}

/// A stepper's constant inputs, as an engine reads them.
public struct StepProblem: Sendable {
    public let parameters: BiLSTMParameters
    /// The input time-major, `[T, B, D]`: step t reads rows `t·B ..< (t+1)·B`.
    public let timeMajor: [Float]
    public let batch: Int
    public let length: Int
    /// The step mode when the stepper was made (an engine may prepare for it).
    public let mode: StepMode

    public var inputSize: Int { parameters.inputSize }
    public var hiddenSize: Int { parameters.hiddenSize }

    /// `x[:, t, :]`, `[B, D]`.
    public func x(at t: Int) -> Matrix {
        let rows = batch * inputSize
        return Matrix(rows: batch, cols: inputSize, data: Array(timeMajor[(t * rows)..<((t + 1) * rows)]))
    }
}

/// Where a step starts: a direction's initial state, or the state its previous step left.
public enum StepStart: Sendable {
    case initial(LSTMState)
    case after(StepTrace)

    public var state: LSTMState {
        switch self {
        case .initial(let s): s
        case .after(let trace): trace.state
        }
    }
}

/// One step to take.
public struct StepRequest: Sendable {
    public var direction: Direction
    public var t: Int
    public var start: StepStart
    public var mode: StepMode
    public var variant: Variant
    /// Cores the engine may use for this step's products.
    public var threads: Int
}

/// The remaining steps of one direction, from step `firstStep` on.
public struct RunRequest: Sendable {
    public var direction: Direction
    public var firstStep: Int
    public var start: StepStart
    public var variant: Variant
}
