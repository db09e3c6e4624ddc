import Foundation
import LSTMCore

/// An output layer saved from PyTorch: `nn.Linear(2H, K).state_dict()` written
/// with `safetensors.torch.save_file`, so the tensors are `weight [K, 2H]` and
/// `bias [K]`; the file's metadata may name the classes (`classes`: comma-separated
/// or a JSON list of strings).
public enum HeadFile {
    /// The head and its class names (`class 0`, `class 1`, … when the file names none).
    public static func head(
        from contents: SafeTensors.Contents,
        file: String
    ) throws(FileFormatError) -> (head: LinearHead, classes: [String]) {
        func fail(_ reason: String) -> FileFormatError { FileFormatError(file: file, reason: reason) }
        let names = contents.tensors.keys.sorted()
        if names.contains(where: { $0.hasPrefix("weight_ih_l0") || $0.hasPrefix("weight_hh_l0") }) {
            throw fail("this holds nn.LSTM weights (weight_ih_l0, …), not a head; use 'load weights' for it")
        }
        guard let weight = contents.tensors["weight"], let bias = contents.tensors["bias"] else {
            let found = names.isEmpty ? "no tensors" : names.map { "'\($0)'" }.joined(separator: ", ")
            throw fail("a head needs nn.Linear's 'weight' [K, 2H] and 'bias' [K]; the file has \(found)")
        }
        if let extra = names.first(where: { $0 != "weight" && $0 != "bias" }) {
            throw fail("unexpected tensor '\(extra)': a head holds only 'weight' and 'bias'")
        }
        let head: LinearHead
        do {
            head = try LinearHead(weight: weight, bias: bias)
        } catch {
            throw fail(
                "weight \(formatShape(weight.shape)) and bias \(formatShape(bias.shape)): "
                    + "nn.Linear(2H, K) stores weight [K, 2H] (an even number of columns) and bias [K]")
        }
        if let bad = weight.firstNonFinite() ?? bias.firstNonFinite() {
            throw fail("non-finite value \(bad.value) at \(formatShape(bad.index)) in the head")
        }
        let k = head.classCount
        guard let text = contents.metadata["classes"] else {
            return (head, (0..<k).map { "class \($0)" })
        }
        let classes = try parseClasses(text, file: file)
        guard classes.count == k else {
            throw fail(
                "metadata 'classes' names \(classes.count) classes (\(classes.joined(separator: ", "))), "
                    + "the head has K=\(k) rows")
        }
        return (head, classes)
    }

    /// `"a,b,c"` or `["a", "b", "c"]`; names are trimmed and must be non-empty.
    static func parseClasses(_ text: String, file: String) throws(FileFormatError) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var names: [String]
        if trimmed.hasPrefix("[") {
            guard let list = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String] else {
                throw FileFormatError(
                    file: file, reason: "metadata 'classes' starts with '[' but is not a JSON list of strings")
            }
            names = list
        } else {
            names = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        names = names.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: \.isEmpty), names.allSatisfy({ $0.count <= 40 }) else {
            throw FileFormatError(
                file: file,
                reason:
                    "metadata 'classes' has an empty or overlong name: \(String(reflecting: String(text.prefix(80))))")
        }
        return names
    }
}
