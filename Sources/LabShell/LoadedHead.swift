import LSTMCore
import LabText

/// The output layer the session holds: the numbers, the class names and where it came from.
public struct LoadedHead: Equatable, Sendable {
    public var head: LinearHead
    /// One name per row of the weight (`class 0`, … when the file names none).
    public var classes: [String]
    public var origin: ShellMessage

    public init(head: LinearHead, classes: [String], origin: ShellMessage) {
        self.head = head
        self.classes = classes
        self.origin = origin
    }

    /// One character per class for the compact prediction rows: the first letters,
    /// upper-cased, when they differ; else the class numbers (then letters past 9).
    public var abbreviations: [String] {
        let firsts = classes.map { String($0.first ?? "?").uppercased() }
        if Set(firsts).count == firsts.count, firsts.allSatisfy({ $0.count == 1 && TextWidthProbe.isNarrow($0) }) {
            return firsts
        }
        let symbols = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return classes.indices.map { $0 < symbols.count ? String(symbols[$0]) : "?" }
    }
}

/// Whether a one-character string takes one terminal column (ASCII letters and digits do).
enum TextWidthProbe {
    static func isNarrow(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x21 && $0.value < 0x7F }
    }
}
