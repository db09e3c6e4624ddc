import LSTMCore
import LabText

extension Lab {
    /// The catalog entry for a refused list of lengths.
    static func message(for error: LengthsError) -> SessionErrorMessage {
        switch error {
        case .count(let n, let b): .lengthsCount(given: n, batch: b)
        case .outOfRange(let s, let v, let t): .lengthOutOfRange(sequence: s, value: v, length: t)
        }
    }
}
