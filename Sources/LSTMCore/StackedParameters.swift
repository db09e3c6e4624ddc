/// The parameters of a stacked bidirectional LSTM, `nn.LSTM(num_layers=L, bidirectional=True)`.
///
/// ```
/// layer 0:      W_ih [4H, D]    W_hh [4H, H]    b_ih, b_hh [4H]     per direction
/// layer l > 0:  W_ih [4H, 2H]   (it reads the layer below's y = cat(h_f, h_b))
/// h0, c0, h_n, c_n  [2L, B, H]  rows in PyTorch's order: l0 fwd, l0 bwd, l1 fwd, l1 bwd, …
/// ```
public struct StackedParameters: Equatable, Sendable {
    public static let maxLayers = 8

    /// Layer 0 first.
    public let layers: [BiLSTMParameters]

    /// Checks the count (1…8), one hidden size, and each layer's input size
    /// (D for layer 0, 2H above it); errors name the layer.
    public init(layers: [BiLSTMParameters]) throws {
        guard let first = layers.first, layers.count <= StackedParameters.maxLayers else {
            throw ShapeError.mismatch(
                what: "a stacked LSTM has 1…\(StackedParameters.maxLayers) layers",
                expected: [StackedParameters.maxLayers], actual: [layers.count])
        }
        let h = first.hiddenSize
        for (l, p) in layers.enumerated().dropFirst() {
            guard p.hiddenSize == h else {
                throw ShapeError.mismatch(
                    what: "layer \(l) W_hh must be [4H, H] with layer 0's H = \(h)",
                    expected: [4 * h, h], actual: [4 * p.hiddenSize, p.hiddenSize])
            }
            guard p.inputSize == 2 * h else {
                throw ShapeError.mismatch(
                    what: "layer \(l) W_ih must be [4H, 2H] (it reads layer \(l - 1)'s y)",
                    expected: [4 * h, 2 * h], actual: [4 * h, p.inputSize])
            }
        }
        self.layers = layers
    }

    /// A single-layer model.
    public init(_ single: BiLSTMParameters) {
        layers = [single]
    }

    public var count: Int { layers.count }
    public var inputSize: Int { layers[0].inputSize }
    public var hiddenSize: Int { layers[0].hiddenSize }

    /// The row of `h0`/`c0`/`h_n`/`c_n` that holds `layer`'s `direction`: `2·layer + direction`.
    public static func stateRow(layer: Int, _ direction: Direction) -> Int { 2 * layer + direction.rawValue }

    /// Draws every layer, layer 0 first and forward before backward, from one generator.
    public static func initialized(
        _ initializer: Initializer, layers: Int, inputSize: Int, hiddenSize: Int,
        using g: inout SeededGenerator
    ) throws -> StackedParameters {
        let all = (0..<max(layers, 0)).map { l in
            BiLSTMParameters.initialized(
                initializer, inputSize: l == 0 ? inputSize : 2 * hiddenSize,
                hiddenSize: hiddenSize, using: &g)
        }
        return try StackedParameters(layers: all)
    }
}
