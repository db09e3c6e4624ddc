import Foundation
import LSTMCore
import LabText

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
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        let names = contents.tensors.keys.sorted()
        if names.contains(where: { $0.hasPrefix("weight_ih_l0") || $0.hasPrefix("weight_hh_l0") }) {
            throw fail(.headIsLSTM)
        }
        guard let weight = contents.tensors["weight"], let bias = contents.tensors["bias"] else {
            throw fail(
                .headNeedsWeightAndBias(found: names.isEmpty ? nil : names.map { "'\($0)'" }.joined(separator: ", ")))
        }
        if let extra = names.first(where: { $0 != "weight" && $0 != "bias" }) {
            throw fail(.headExtraTensor(name: extra))
        }
        let head: LinearHead
        do {
            head = try LinearHead(weight: weight, bias: bias)
        } catch {
            throw fail(.headShapes(weight: formatShape(weight.shape), bias: formatShape(bias.shape)))
        }
        if let bad = weight.firstNonFinite() ?? bias.firstNonFinite() {
            throw fail(.headNonFinite(value: "\(bad.value)", index: formatShape(bad.index)))
        }
        let k = head.classCount
        guard let text = contents.metadata["classes"] else {
            return (head, (0..<k).map { "class \($0)" })
        }
        let classes = try parseClasses(text, file: file)
        guard classes.count == k else {
            throw fail(.classesCount(count: classes.count, names: classes.joined(separator: ", "), rows: k))
        }
        return (head, classes)
    }

    /// `"a,b,c"` or `["a", "b", "c"]`; names are trimmed and must be non-empty.
    static func parseClasses(_ text: String, file: String) throws(FileFormatError) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var names: [String]
        if trimmed.hasPrefix("[") {
            guard let list = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String] else {
                throw FileFormatError(file: file, problem: StateDictMessage.classesNotJSON)
            }
            names = list
        } else {
            names = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        names = names.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: \.isEmpty), names.allSatisfy({ $0.count <= 40 }) else {
            throw FileFormatError(
                file: file, problem: StateDictMessage.classesBadName(text: String(reflecting: String(text.prefix(80)))))
        }
        return names
    }
}
