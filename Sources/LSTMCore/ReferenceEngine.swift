/// The engine that runs `LSTMCell` as written: one thread, plain loops, the
/// C library's σ and tanh. Slow at large sizes, and the specification: the
/// fast engine is tested against it on every golden case.
public struct ReferenceEngine: StepEngine {
    public init() {}

    public var kind: EngineKind { .reference }

    public func prepare(_ problem: StepProblem, reusing previous: (any PreparedEngine)?) -> any PreparedEngine {
        ReferenceSteps(problem)
    }
}

/// `ReferenceEngine` for one model and input: nothing to prepare.
final class ReferenceSteps: PreparedEngine {
    let problem: StepProblem

    init(_ problem: StepProblem) { self.problem = problem }

    var kind: EngineKind { .reference }

    func step(_ r: StepRequest) -> StepTrace {
        LSTMCell.step(
            t: r.t, x: problem.x(at: r.t), state: r.start.state, parameters: problem.parameters[r.direction],
            mode: r.mode, variant: r.variant)
    }

    /// The directions one after the other; each projects all its remaining
    /// inputs in one product (`X·W_ihᵀ + b_ih`, the same sums as a step's),
    /// then takes its steps.
    func run(_ requests: [RunRequest], threads: Int, shouldCancel: () -> Bool) -> PerDirection<[StepTrace]> {
        var out = PerDirection<[StepTrace]>(forward: [], backward: [])
        var cancelled = false
        let b = problem.batch
        for request in requests {
            let p = problem.parameters[request.direction]
            let times = (request.firstStep..<problem.length).map {
                request.direction.timeIndex(step: $0, length: problem.length)
            }
            guard !times.isEmpty, !cancelled else { continue }
            let xs = Matrix(stackingRows: times.map { problem.x(at: $0) })
            let projection = xs.timesTransposed(p.wIH) + p.bIH
            var state = request.start.state
            for (k, t) in times.enumerated() {
                if cancelled || shouldCancel() {
                    cancelled = true
                    break
                }
                let trace = LSTMCell.step(
                    t: t, x: problem.x(at: t), state: state, parameters: p, mode: .hoisted,
                    variant: request.variant, projected: projection.rowBlock((k * b)..<((k + 1) * b)))
                out[request.direction].append(trace)
                state = trace.state
            }
        }
        return out
    }

    func runProjectionChunk(_ requests: [RunRequest]) -> Int? { nil }
}
