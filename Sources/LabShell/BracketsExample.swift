import Foundation
import LSTMCore
import LabText
import TensorFiles

/// The trained bracket tagger of `examples/brackets/`, built into the lab so
/// `example brackets` works without a path (and inside lessons, which cannot
/// read files). The bytes are the shipped safetensors files themselves,
/// embedded by `examples/brackets/make_golden.py`; a test holds them equal.
public enum BracketsExample {
    public struct Files: Sendable {
        public var parameters: BiLSTMParameters
        /// The model file's metadata: alphabet, classes, training facts.
        public var metadata: [String: String]
        public var head: LoadedHead

        /// ` (held-out accuracy 100.00 % on '(', 99.99 % on ')')`, from the training facts.
        public func accuracyNote(_ language: Language) -> String {
            guard let json = metadata["training"], let data = json.data(using: .utf8),
                let facts = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                let open = facts["test_accuracy_open"] as? Double,
                let close = facts["test_accuracy_close"] as? Double
            else { return "" }
            func pct(_ v: Double) -> String { String(format: "%.2f %%", 100 * v) }
            return RefusalMessage.heldOutAccuracy(open: pct(open), close: pct(close)).text(language)
        }
    }

    /// Decodes the embedded files with the same readers `load` uses.
    public static func load() throws -> Files {
        let model = try SafeTensors.decodeWithMetadata(
            try bytes(modelBase64, "model"),
            file: "examples/brackets/model.safetensors")
        let parameters = try StateDict.parameters(from: model.tensors, file: "examples/brackets/model.safetensors")
        let headFile = "examples/brackets/head.safetensors"
        let head = try HeadFile.head(
            from: try SafeTensors.decodeWithMetadata(try bytes(headBase64, "head"), file: headFile),
            file: headFile)
        return Files(
            parameters: parameters, metadata: model.metadata,
            head: LoadedHead(
                head: head.head, classes: head.classes, origin: .originCommand("example brackets (\(headFile))")))
    }

    /// The embedded bytes of `model.safetensors` or `head.safetensors`.
    public static func bytes(_ base64: String, _ name: String) throws(LabError) -> [UInt8] {
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            throw LabError(said: SessionErrorMessage.bracketsDamaged(name: name))
        }
        return [UInt8](data)
    }
}
