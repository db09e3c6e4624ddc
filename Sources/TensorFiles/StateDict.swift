import LSTMCore
import LabText

/// PyTorch `nn.LSTM(bidirectional=True)` state_dict names ↔ `BiLSTMParameters`.
///
/// ```
/// weight_ih_l0 [4H, D]   weight_hh_l0 [4H, H]   bias_ih_l0 [4H]   bias_hh_l0 [4H]     forward
/// …_reverse              the same shapes                                             backward
/// ```
/// rows in gate order i, f, g, o, as `nn.LSTM` stores them.
public enum StateDict {
    /// weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, and the four with suffix _reverse
    public static let names: [String] = forwardNames + forwardNames.map { $0 + "_reverse" }

    static let forwardNames = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]

    /// Validates names and shapes and builds the parameters; errors name the tensor and both shapes.
    public static func parameters(from tensors: [String: Tensor], file: String) throws(FileFormatError)
        -> BiLSTMParameters
    {
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        try checkSingleLayerNames(Set(tensors.keys), file: file)
        func tensor(_ name: String) throws(FileFormatError) -> Tensor {
            try finiteTensor(name, in: tensors, file: file)
        }
        try checkShapes(tensor, file: file)
        do {
            let forward = try DirectionParameters(
                wIH: tensor("weight_ih_l0"), wHH: tensor("weight_hh_l0"),
                bIH: tensor("bias_ih_l0"), bHH: tensor("bias_hh_l0"), name: "forward")
            let backward = try DirectionParameters(
                wIH: tensor("weight_ih_l0_reverse"), wHH: tensor("weight_hh_l0_reverse"),
                bIH: tensor("bias_ih_l0_reverse"), bHH: tensor("bias_hh_l0_reverse"), name: "backward")
            return try BiLSTMParameters(forward: forward, backward: backward)
        } catch let error as FileFormatError {
            throw error
        } catch {
            // a ShapeError the checks above should already have caught
            throw FileFormatError(file: file, problem: TensorFileMessage.inconsistent(detail: "\(error)"))
        }
    }

    /// Exactly the eight names of a single-layer bidirectional `nn.LSTM`, with what a wrong set looks like.
    static func checkSingleLayerNames(_ present: Set<String>, file: String) throws(FileFormatError) {
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        func fail(_ problem: FileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        let exactly = names.joined(separator: ", ")

        // A whole model's state_dict: every name behind the same prefix, e.g. "lstm.weight_ih_l0".
        if present.isDisjoint(with: names), let prefix = commonPrefix(of: present) {
            throw fail(.wholeModel(prefix: abbreviated(prefix), names: exactly))
        }
        for name in names where !present.contains(name) {
            let unidirectional = name.hasSuffix("_reverse") && !present.contains(where: { $0.hasSuffix("_reverse") })
            throw fail(.missingTensor(name: name, unidirectional: unidirectional))
        }
        for name in present.sorted() where !names.contains(name) {
            let hint: StateDictMessage.Hint? =
                isLaterLayer(name) ? .laterLayer : name.hasPrefix("weight_hr_l") ? .projection : nil
            throw fail(.unexpectedTensor(name: abbreviated(name), names: exactly, hint: hint))
        }
    }

    /// The tensor `name`, refused when missing or when it holds a non-finite value.
    static func finiteTensor(_ name: String, in tensors: [String: Tensor], file: String)
        throws(FileFormatError) -> Tensor
    {
        guard let t = tensors[name] else {
            throw FileFormatError(file: file, problem: .missingTensor(name: name, unidirectional: false))
        }
        if let bad = t.firstNonFinite() {
            throw FileFormatError(
                file: file, problem: .nonFinite(tensor: name, value: "\(bad.value)", index: formatShape(bad.index)))
        }
        return t
    }

    /// The shapes against H from `weight_hh_l0 [4H, H]`; both directions alike.
    private static func checkShapes(_ tensor: (String) throws(FileFormatError) -> Tensor, file: String)
        throws(FileFormatError)
    {
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        // Sizes come from weight_hh_l0 [4H, H]; everything else is checked against them.
        let whh = try tensor("weight_hh_l0")
        guard whh.rank == 2 else {
            throw fail(.hiddenWeightRank(shape: formatShape(whh.shape)))
        }
        let (rows, h) = (whh.shape[0], whh.shape[1])
        guard rows % 4 == 0 else {
            throw fail(.rowsNotByFour(shape: formatShape(whh.shape), rows: rows))
        }
        guard h >= 1, rows == 4 * h else {
            throw fail(.hiddenWeightShape(shape: formatShape(whh.shape), hidden: h >= 1 ? h : nil))
        }
        let wih = try tensor("weight_ih_l0")
        guard wih.rank == 2, wih.shape[0] == 4 * h, wih.shape[1] >= 1 else {
            throw fail(.inputWeightShape(shape: formatShape(wih.shape), hidden: h))
        }
        for name in ["bias_ih_l0", "bias_hh_l0"] {
            let b = try tensor(name)
            guard b.shape == [4 * h] else {
                throw fail(.biasShape(name: name, shape: formatShape(b.shape), hidden: h))
            }
        }
        for name in forwardNames {
            let f = try tensor(name)
            let r = try tensor(name + "_reverse")
            guard r.shape == f.shape else {
                throw fail(.reverseShape(name: name, shape: formatShape(r.shape), expected: formatShape(f.shape)))
            }
        }
    }

    /// The eight tensors of `parameters`, in `names` order, as `nn.LSTM.load_state_dict` expects them.
    public static func tensors(of parameters: BiLSTMParameters) -> [(name: String, tensor: Tensor)] {
        func four(_ p: DirectionParameters) -> [Tensor] {
            [p.wIH.tensor, p.wHH.tensor, vector(p.bIH), vector(p.bHH)]
        }
        return Array(zip(names, four(parameters.forward) + four(parameters.backward))).map {
            (name: $0.0, tensor: $0.1)
        }
    }

    /// `[n]` from n values; cannot fail, since the shape is made from the count.
    static func vector(_ values: [Float]) -> Tensor {
        (try? Tensor(shape: [values.count], data: values)) ?? Matrix(rows: 0, cols: 0, data: []).tensor
    }

    /// `weight_ih_l1`, `bias_hh_l2_reverse`: a name of layer 1 or later.
    static func isLaterLayer(_ name: String) -> Bool {
        let base = name.hasSuffix("_reverse") ? String(name.dropLast("_reverse".count)) : name
        let chars = Array(base)
        guard chars.count >= 3,
            let marker = (0..<(chars.count - 2)).last(where: { chars[$0] == "_" && chars[$0 + 1] == "l" })
        else { return false }
        let digits = chars[(marker + 2)...]
        return digits.allSatisfy { $0.isASCII && $0.isNumber } && digits != ["0"]
    }

    /// "lstm." when every name is "lstm.<one of names>" and all eight are there.
    static func commonPrefix(of present: Set<String>) -> String? {
        for name in names {
            for full in present where full.hasSuffix("." + name) {
                let prefix = String(full.dropLast(name.count))
                if names.allSatisfy({ present.contains(prefix + $0) }) { return prefix }
            }
        }
        return nil
    }
}
