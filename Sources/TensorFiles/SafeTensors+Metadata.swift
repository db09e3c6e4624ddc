import Foundation
import LSTMCore
import LabText

extension SafeTensors {
    /// A decoded file and its `__metadata__` (string to string; empty when absent).
    public struct Contents: Sendable {
        public var tensors: [String: Tensor]
        public var metadata: [String: String]
    }

    /// Decodes `bytes` as `decode` does (every check included), and also returns the
    /// header's `__metadata__`, where trained models carry their alphabet and class names.
    public static func decodeWithMetadata(
        _ bytes: [UInt8], file: String,
        maxBytes: Int = 2 << 30
    ) throws(FileFormatError) -> Contents {
        Contents(tensors: try decode(bytes, file: file, maxBytes: maxBytes), metadata: metadata(bytes))
    }

    /// The header's `__metadata__` of a file that decoded (its length, JSON and strings were checked).
    static func metadata(_ bytes: [UInt8]) -> [String: String] {
        guard let length = FloatDecoding.littleEndian(bytes, at: 0, width: 8), length <= UInt64(bytes.count - 8),
            let root = try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + Int(length))])) as? [String: Any],
            let meta = root["__metadata__"] as? [String: String]
        else {
            return [:]
        }
        return meta
    }

    /// Reads the file at `path` with its metadata. Its kind, size, header and shapes (and
    /// `checkShapes`, which returns a reason to refuse) are checked before its data is read.
    public static func readWithMetadata(
        path: String, maxBytes: Int = 2 << 30,
        checkShapes: ([String: [Int]]) -> (any Localized)? = { _ in nil }
    ) throws(FileFormatError) -> Contents {
        let (bytes, layout) = try readChecked(path: path, maxBytes: maxBytes, checkShapes: checkShapes)
        return Contents(tensors: try layout.tensors(bytes, file: path), metadata: metadata(bytes))
    }
}
