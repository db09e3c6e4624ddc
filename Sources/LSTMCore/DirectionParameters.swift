/// One direction's parameters, as `nn.LSTM` stores them.
///
/// ```
/// W_ih [4H, D]   W_hh [4H, H]   b_ih [4H]   b_hh [4H]     rows in gate order i, f, g, o
/// ```
public struct DirectionParameters: Equatable, Sendable {
    public var wIH: Matrix
    public var wHH: Matrix
    public var bIH: [Float]
    public var bHH: [Float]

    /// Sizes are guaranteed by the caller.
    package init(wIH: Matrix, wHH: Matrix, bIH: [Float], bHH: [Float]) {
        self.wIH = wIH
        self.wHH = wHH
        self.bIH = bIH
        self.bHH = bHH
    }

    /// Builds and validates parameters from tensors; `name` prefixes errors
    /// (for example `"forward"`).
    public init(wIH: Tensor, wHH: Tensor, bIH: Tensor, bHH: Tensor, name: String = "") throws {
        let p = name.isEmpty ? "" : name + " "
        guard wHH.rank == 2 else {
            throw ShapeError.mismatch(what: "\(p)W_hh must be [4H, H]", expected: [4, 1], actual: wHH.shape)
        }
        let h = wHH.shape[1]
        guard h > 0 else {
            throw ShapeError.mismatch(what: "\(p)W_hh must be [4H, H] with H ≥ 1", expected: [4, 1], actual: wHH.shape)
        }
        guard wHH.shape[0] == 4 * h else {
            throw ShapeError.mismatch(what: "\(p)W_hh must be [4H, H]", expected: [4 * h, h], actual: wHH.shape)
        }
        guard wIH.rank == 2, wIH.shape[0] == 4 * h, wIH.shape[1] > 0 else {
            throw ShapeError.mismatch(
                what: "\(p)W_ih must be [4H, D] with H = \(h)", expected: [4 * h, wIH.shape.last ?? 1],
                actual: wIH.shape)
        }
        guard bIH.shape == [4 * h] else {
            throw ShapeError.mismatch(what: "\(p)b_ih must be [4H]", expected: [4 * h], actual: bIH.shape)
        }
        guard bHH.shape == [4 * h] else {
            throw ShapeError.mismatch(what: "\(p)b_hh must be [4H]", expected: [4 * h], actual: bHH.shape)
        }
        self.init(wIH: try Matrix(wIH), wHH: try Matrix(wHH), bIH: bIH.data, bHH: bHH.data)
    }

    public var inputSize: Int { wIH.cols }
    public var hiddenSize: Int { wHH.cols }
}

/// The two directions' independent parameter sets.
public struct BiLSTMParameters: Equatable, Sendable {
    public var forward: DirectionParameters
    public var backward: DirectionParameters

    public init(forward: DirectionParameters, backward: DirectionParameters) throws {
        guard forward.inputSize == backward.inputSize, forward.hiddenSize == backward.hiddenSize else {
            throw ShapeError.mismatch(
                what: "backward W_ih must match forward", expected: [4 * forward.hiddenSize, forward.inputSize],
                actual: [4 * backward.hiddenSize, backward.inputSize])
        }
        self.forward = forward
        self.backward = backward
    }

    public var inputSize: Int { forward.inputSize }
    public var hiddenSize: Int { forward.hiddenSize }

    public subscript(direction: Direction) -> DirectionParameters {
        get { direction == .forward ? forward : backward }
        set { if direction == .forward { forward = newValue } else { backward = newValue } }
    }

    /// Draws both directions, forward first, from one generator.
    public static func initialized(
        _ initializer: Initializer, inputSize: Int, hiddenSize: Int,
        using g: inout SeededGenerator,
        factorizer: any OrthogonalFactorizer = SwiftHouseholder()
    ) -> BiLSTMParameters {
        guard
            let p = initialized(
                initializer, inputSize: inputSize, hiddenSize: hiddenSize, using: &g, shouldCancel: { false },
                factorizer: factorizer)
        else {
            preconditionFailure("drawing that is never cancelled was cancelled")
        }
        return p
    }

    /// The same, asking `shouldCancel` between chunks of draws (see
    /// `Initializer.parameters(…shouldCancel:)`); nil when it said yes.
    public static func initialized(
        _ initializer: Initializer, inputSize: Int, hiddenSize: Int,
        using g: inout SeededGenerator, shouldCancel: () -> Bool,
        factorizer: any OrthogonalFactorizer = SwiftHouseholder()
    ) -> BiLSTMParameters? {
        guard
            let f = initializer.parameters(
                inputSize: inputSize, hiddenSize: hiddenSize, using: &g, shouldCancel: shouldCancel,
                factorizer: factorizer),
            let b = initializer.parameters(
                inputSize: inputSize, hiddenSize: hiddenSize, using: &g, shouldCancel: shouldCancel,
                factorizer: factorizer)
        else { return nil }
        return BiLSTMParameters(unchecked: f, b)
    }

    package init(unchecked f: DirectionParameters, _ b: DirectionParameters) {
        forward = f
        backward = b
    }
}
