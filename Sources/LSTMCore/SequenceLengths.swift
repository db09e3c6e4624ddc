/// Each sequence's own length in a padded batch, as `pack_padded_sequence`
/// receives them (`enforce_sorted=False`: any order).
///
/// ```
/// sequence b is real at t = 0 … len_b − 1, padding at t = len_b … T − 1
/// forward  k-th step of b reads t = k                (while k < len_b)
/// backward k-th step of b reads t = len_b − 1 − k    (its own last real step first)
/// ```
/// Positions past a sequence's length are never read, whatever they hold.
/// Without lengths every sequence is full (`full(batch:length:)`).
public struct SequenceLengths: Equatable, Sendable {
    /// One length per sequence, each in 1…T.
    public let values: [Int]
    /// The padded length T the lengths were checked against.
    public let paddedLength: Int

    /// Checks one length per sequence, each 1…T; errors name the sequence and the value.
    public init(_ values: [Int], batch: Int, length: Int) throws(LengthsError) {
        guard values.count == batch else { throw .count(given: values.count, batch: batch) }
        for (b, n) in values.enumerated() where n < 1 || n > length {
            throw .outOfRange(sequence: b, value: n, length: length)
        }
        self.values = values
        paddedLength = length
    }

    /// Every sequence full length: what a batch without lengths is.
    public static func full(batch: Int, length: Int) -> SequenceLengths {
        SequenceLengths(unchecked: [Int](repeating: length, count: batch), length: length)
    }

    init(unchecked values: [Int], length: Int) {
        self.values = values
        paddedLength = length
    }

    public var batch: Int { values.count }
    /// True when no sequence is shorter than T (packing changes nothing).
    public var isFull: Bool { values.allSatisfy { $0 == paddedLength } }
    /// How many steps each direction takes: the longest sequence's length.
    public var steps: Int { values.max() ?? 0 }

    public subscript(sequence: Int) -> Int { values[sequence] }

    /// The time index sequence `b` reads at `direction`'s k-th step, or nil
    /// when `b` has finished (k ≥ len_b) and does not move.
    public func timeIndex(_ direction: Direction, step k: Int, sequence b: Int) -> Int? {
        let n = values[b]
        guard k >= 0 && k < n else { return nil }
        return direction == .forward ? k : n - 1 - k
    }

    /// The step at which `direction` visits `t` in sequence `b`, or nil when `t` is padding there.
    public func step(_ direction: Direction, visiting t: Int, sequence b: Int) -> Int? {
        let n = values[b]
        guard t >= 0 && t < n else { return nil }
        return direction == .forward ? t : n - 1 - t
    }

    /// `24,15,19,10`, as typed.
    public var text: String { values.map(String.init).joined(separator: ",") }
}

/// Why a list of lengths was refused.
public enum LengthsError: Error, Equatable, Sendable, CustomStringConvertible {
    case count(given: Int, batch: Int)
    case outOfRange(sequence: Int, value: Int, length: Int)

    public var description: String {
        switch self {
        case .count(let n, let b):
            return "lengths needs one length per sequence: \(n) given for B=\(b)"
        case .outOfRange(let s, let v, let t):
            return "the length of sequence \(s) is \(v); each length is 1…T = 1…\(t)"
        }
    }
}
