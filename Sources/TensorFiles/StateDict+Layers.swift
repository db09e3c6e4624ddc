import LSTMCore
import LabText

/// `nn.LSTM(num_layers=L, bidirectional=True)` state_dict names ↔ `StackedParameters`.
///
/// ```
/// weight_ih_l0 [4H, D]    weight_ih_l1 … weight_ih_l{L-1} [4H, 2H]
/// weight_hh_l<l> [4H, H]  bias_ih_l<l>, bias_hh_l<l> [4H]       and each with _reverse
/// ```
/// A single-layer file goes through `parameters(from:file:)` unchanged, so its
/// messages stay the ones users know; L comes from the `weight_hh_l<l>` names present.
extension StateDict {
    /// The eight names of `layer`, forward then `_reverse`.
    public static func names(layer: Int) -> [String] {
        let forward = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"].map { "\($0)_l\(layer)" }
        return forward + forward.map { $0 + "_reverse" }
    }

    /// The names' check alone, from a file's header: what `stackedParameters` refuses for its
    /// names (a missing or unexpected tensor, a whole model's state_dict, too many layers), said
    /// before a byte of the data is read.
    public static func checkNames(_ present: Set<String>, file: String) throws(FileFormatError) {
        let layerCount = layerCount(of: present)
        guard layerCount > 1 else { return try checkSingleLayerNames(present, file: file) }
        guard layerCount <= StackedParameters.maxLayers else { throw tooManyLayers(layerCount, file: file) }
        try checkLayerNames(present, layerCount: layerCount, file: file)
    }

    /// How many layers the names hold: the first l without `weight_hh_l<l>`.
    private static func layerCount(of present: Set<String>) -> Int {
        (0...StackedParameters.maxLayers).first { !present.contains("weight_hh_l\($0)") }
            ?? StackedParameters.maxLayers + 1
    }

    private static func tooManyLayers(_ layerCount: Int, file: String) -> FileFormatError {
        FileFormatError(
            file: file, problem: StateDictMessage.tooManyLayers(layers: layerCount, limit: StackedParameters.maxLayers))
    }

    /// Validates names and shapes of every layer; errors name the tensor, its layer and both shapes.
    public static func stackedParameters(
        from tensors: [String: Tensor],
        file: String
    ) throws(FileFormatError) -> StackedParameters {
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        let layerCount = layerCount(of: Set(tensors.keys))
        guard layerCount > 1 else { return StackedParameters(try parameters(from: tensors, file: file)) }
        guard layerCount <= StackedParameters.maxLayers else { throw tooManyLayers(layerCount, file: file) }
        try checkLayerNames(Set(tensors.keys), layerCount: layerCount, file: file)
        func tensor(_ name: String) throws(FileFormatError) -> Tensor {
            try finiteTensor(name, in: tensors, file: file)
        }
        let whh0 = try tensor("weight_hh_l0")
        guard whh0.rank == 2, whh0.shape[1] >= 1, whh0.shape[0] == 4 * whh0.shape[1] else {
            throw fail(.stackedHiddenShape(shape: formatShape(whh0.shape)))
        }
        let h = whh0.shape[1]
        let d0 = try tensor("weight_ih_l0").shape.last ?? 0
        var layers: [BiLSTMParameters] = []
        for l in 0..<layerCount {
            layers.append(try layer(l, hiddenSize: h, inputSize: d0, tensor, file: file))
        }
        do {
            return try StackedParameters(layers: layers)
        } catch {
            throw FileFormatError(file: file, problem: TensorFileMessage.inconsistent(detail: "\(error)"))
        }
    }

    /// Exactly the names of `layerCount` layers.
    private static func checkLayerNames(_ present: Set<String>, layerCount: Int, file: String)
        throws(FileFormatError)
    {
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        let expected = (0..<layerCount).flatMap { names(layer: $0) }
        for name in expected where !present.contains(name) {
            throw fail(.missingLayerTensor(name: name, layers: layerCount))
        }
        for name in present.sorted() where !expected.contains(name) {
            throw fail(
                .unexpectedLayerTensor(name: name, layers: layerCount, projection: name.hasPrefix("weight_hr_l")))
        }
    }

    /// Layer `l`'s shapes checked (its input is D for layer 0, 2H above) and its parameters.
    private static func layer(
        _ l: Int, hiddenSize h: Int, inputSize d0: Int, _ tensor: (String) throws(FileFormatError) -> Tensor,
        file: String
    ) throws(FileFormatError) -> BiLSTMParameters {
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
        let inputs = l == 0 ? d0 : 2 * h
        let shapes: [(String, [Int], String)] = [
            ("weight_ih_l\(l)", [4 * h, inputs], l == 0 ? "[4H, D]" : "[4H, 2H]"),
            ("weight_hh_l\(l)", [4 * h, h], "[4H, H]"),
            ("bias_ih_l\(l)", [4 * h], "[4H]"), ("bias_hh_l\(l)", [4 * h], "[4H]"),
        ]
        for (base, shape, formula) in shapes {
            for name in [base, base + "_reverse"] {
                let t = try tensor(name)
                guard t.shape == shape, inputs >= 1 else {
                    throw fail(
                        .layerShape(
                            name: name, shape: formatShape(t.shape), formula: formula,
                            reads: base.hasPrefix("weight_ih") && l > 0 ? l - 1 : nil, expected: formatShape(shape),
                            hidden: h))
                }
            }
        }
        do {
            func direction(_ suffix: String, _ label: String) throws -> DirectionParameters {
                try DirectionParameters(
                    wIH: tensor("weight_ih_l\(l)\(suffix)"),
                    wHH: tensor("weight_hh_l\(l)\(suffix)"),
                    bIH: tensor("bias_ih_l\(l)\(suffix)"),
                    bHH: tensor("bias_hh_l\(l)\(suffix)"), name: "layer \(l) \(label)")
            }
            return try BiLSTMParameters(
                forward: direction("", "forward"),
                backward: direction("_reverse", "backward"))
        } catch let error as FileFormatError {
            throw error
        } catch {
            // a ShapeError the checks above should already have caught
            throw FileFormatError(file: file, problem: TensorFileMessage.inconsistent(detail: "\(error)"))
        }
    }

    /// Every layer's eight tensors, layer 0 first, as `nn.LSTM(num_layers=L).load_state_dict` expects them.
    public static func tensors(of parameters: StackedParameters) -> [(name: String, tensor: Tensor)] {
        parameters.layers.enumerated().flatMap { l, p in
            let four = { (q: DirectionParameters) in [q.wIH.tensor, q.wHH.tensor, vector(q.bIH), vector(q.bHH)] }
            return zip(names(layer: l), four(p.forward) + four(p.backward)).map { (name: $0.0, tensor: $0.1) }
        }
    }
}
