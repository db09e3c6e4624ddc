import Foundation
import LSTMCore

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
        let tensors = try decode(bytes, file: file, maxBytes: maxBytes)
        // decode has checked the length, the JSON and that __metadata__ maps strings to strings.
        guard let length = FloatDecoding.littleEndian(bytes, at: 0, width: 8), length <= UInt64(bytes.count - 8),
            let root = try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + Int(length))])) as? [String: Any],
            let meta = root["__metadata__"] as? [String: String]
        else {
            return Contents(tensors: tensors, metadata: [:])
        }
        return Contents(tensors: tensors, metadata: meta)
    }

    /// Reads the file at `path` with its metadata; the size is checked against `maxBytes` first.
    public static func readWithMetadata(path: String, maxBytes: Int = 2 << 30) throws(FileFormatError) -> Contents {
        let bytes = try FileReading.readAll(path: path, maxBytes: maxBytes)
        return try decodeWithMetadata(bytes, file: path, maxBytes: maxBytes)
    }
}
