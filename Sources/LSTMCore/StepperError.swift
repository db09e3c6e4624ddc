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
            return
                "\(name) is not computed yet: it needs both directions finished (fwd \(f)/\(length), bwd \(b)/\(length))"
        }
    }
}
