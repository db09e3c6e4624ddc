import RealModule

/// The output layer on top of the bidirectional LSTM: `nn.Linear(2H, K)`.
///
/// The tutorial's figure draws it as w3 (forward → output) and w6 (backward →
/// output); they are the two column halves of one weight:
/// ```
/// logits[b, t, :] = W · y[b, t, :] + bias          W [K, 2H], bias [K]
///                 = W[:, 0..<H] · h_f[t] + W[:, H..<2H] · h_b[t] + bias
///                   (w3)                   (w6)
/// ```
/// Ablating a direction zeroes its half of y before the product (the model is
/// unchanged), so a learner can see which predictions need which direction.
public struct LinearHead: Equatable, Sendable {
    /// `[K, 2H]`, row k holds class k's weights.
    public let weight: Matrix
    public let bias: [Float]

    /// Which half of y is zeroed before the head.
    public enum Ablation: String, CaseIterable, Sendable {
        case none, fwd, bwd
    }

    public var classCount: Int { weight.rows }
    /// `H`, half the input width.
    public var hiddenSize: Int { weight.cols / 2 }

    /// - Throws: `ShapeError` unless `weight` is `[K, 2H]` with K, H ≥ 1 and `bias` is `[K]`.
    public init(weight: Tensor, bias: Tensor) throws {
        guard weight.rank == 2, weight.shape[0] >= 1, weight.shape[1] >= 2, weight.shape[1] % 2 == 0 else {
            throw ShapeError.mismatch(
                what: "head weight must be [K, 2H] with an even number of columns",
                expected: [max(1, weight.shape.first ?? 1), 2], actual: weight.shape)
        }
        guard bias.shape == [weight.shape[0]] else {
            throw ShapeError.mismatch(
                what: "head bias must be [K] with K = the weight's rows",
                expected: [weight.shape[0]], actual: bias.shape)
        }
        self.weight = try Matrix(weight)
        self.bias = bias.data
    }

    /// The logits of one position: `W · v + bias` with the ablated half of `v` taken as 0.
    /// `v` holds `2H` values starting at `offset`.
    public func logits(_ v: [Float], offset: Int, ablation: Ablation) -> [Float] {
        let h = hiddenSize
        let columns: Range<Int>
        switch ablation {
        case .none: columns = 0..<(2 * h)
        case .fwd: columns = h..<(2 * h)
        case .bwd: columns = 0..<h
        }
        var out = bias
        for k in 0..<classCount {
            let row = k * weight.cols
            var sum: Float = 0
            for c in columns { sum += weight.data[row + c] * v[offset + c] }
            out[k] += sum
        }
        return out
    }

    /// `logits` for every position of `y` `[B, T, 2H]`; positions where `known[t]`
    /// is false stay 0 (and stay unknown).
    public func logits(y: Tensor, known: [Bool], ablation: Ablation) throws -> Tensor {
        guard y.rank == 3, y.shape[2] == weight.cols else {
            throw ShapeError.mismatch(
                what: "y must be [B, T, 2H] with 2H = the head's \(weight.cols) inputs",
                expected: [y.shape.first ?? 1, y.shape.count > 1 ? y.shape[1] : 1, weight.cols],
                actual: y.shape)
        }
        let b = y.shape[0]
        let tl = y.shape[1]
        let k = classCount
        let w = weight.cols
        var data = [Float](repeating: 0, count: b * tl * k)
        for bi in 0..<b {
            for t in 0..<tl where t < known.count && known[t] {
                let out = logits(y.data, offset: (bi * tl + t) * w, ablation: ablation)
                data.replaceSubrange(((bi * tl + t) * k)..<((bi * tl + t + 1) * k), with: out)
            }
        }
        return try Tensor(shape: [b, tl, k], data: data)
    }

    /// Softmax of one row of logits, computed stably in Double.
    public static func probabilities(_ logits: [Float]) -> [Float] {
        guard let top = logits.max() else { return [] }
        let e = logits.map { Double.exp(Double($0 - top)) }
        let s = e.reduce(0, +)
        return e.map { Float($0 / s) }
    }
}
