/// Which way a direction walks the sequence.
public enum Direction: Int, CaseIterable, Sendable {
    case forward = 0
    case backward = 1

    /// `fwd` / `bwd`, as typed in commands.
    public var short: String { self == .forward ? "fwd" : "bwd" }
    public var name: String { self == .forward ? "forward" : "backward" }

    /// The time index of this direction's k-th step in a sequence of length T.
    public func timeIndex(step k: Int, length t: Int) -> Int {
        self == .forward ? k : t - 1 - k
    }
}
