import RealModule

/// How a fresh model's parameters are drawn.
public enum Initializer: String, CaseIterable, Sendable {
    /// The tutorial's `reset_parameters`: Xavier-uniform `W_ih`, orthogonal
    /// `W_hh`, zero biases, then the forget quarter of both biases set to 1.
    case tutorial
    /// `nn.LSTM`'s own default: everything uniform in `[−1/√H, 1/√H]`.
    case pytorch
    /// All zeros.
    case zeros

    /// Draws one direction's parameters.
    public func parameters(
        inputSize d: Int, hiddenSize h: Int,
        using g: inout SeededGenerator
    ) -> DirectionParameters {
        guard let p = parameters(inputSize: d, hiddenSize: h, using: &g, shouldCancel: { false }) else {
            preconditionFailure("drawing that is never cancelled was cancelled")
        }
        return p
    }

    /// The same, asking `shouldCancel` between chunks of draws and before each
    /// QR (which itself runs to its end); nil when it said yes.
    /// `factorizer` makes the QR of `init tutorial` (the Swift one here; the shell
    /// passes LSTMKernels' LAPACK one, which is faster at large H).
    public func parameters(
        inputSize d: Int, hiddenSize h: Int, using g: inout SeededGenerator,
        shouldCancel: () -> Bool,
        factorizer: any OrthogonalFactorizer = SwiftHouseholder()
    ) -> DirectionParameters? {
        let rows = 4 * h
        switch self {
        case .zeros:
            return DirectionParameters(
                wIH: Matrix(rows: rows, cols: d), wHH: Matrix(rows: rows, cols: h),
                bIH: [Float](repeating: 0, count: rows), bHH: [Float](repeating: 0, count: rows))
        case .pytorch:
            let k = 1 / Float(h).squareRoot()
            var parts: [[Float]] = []
            for n in [rows * d, rows * h, rows, rows] {
                guard let part = g.uniforms(n, -k, k, shouldCancel: shouldCancel) else { return nil }
                parts.append(part)
            }
            return DirectionParameters(
                wIH: Matrix(rows: rows, cols: d, data: parts[0]), wHH: Matrix(rows: rows, cols: h, data: parts[1]),
                bIH: parts[2], bHH: parts[3])
        case .tutorial:
            let a = Initializer.xavierBound(rows: rows, cols: d)
            guard let wih = g.uniforms(rows * d, -a, a, shouldCancel: shouldCancel),
                let gaussian = g.normals(rows * h, shouldCancel: shouldCancel), !shouldCancel()
            else { return nil }
            let whh = Initializer.orthogonalFactor(gaussian, rows: rows, cols: h, factorizer: factorizer)
            var b = [Float](repeating: 0, count: rows)
            for r in Gate.forget.rows(hiddenSize: h) { b[r] = 1 }
            return DirectionParameters(wIH: Matrix(rows: rows, cols: d, data: wih), wHH: whh, bIH: b, bHH: b)
        }
    }

    /// `nn.init.xavier_uniform_` on a `[rows, cols]` weight:
    ///
    /// ```
    /// fan_in = cols, fan_out = rows, a = √(6 / (fan_in + fan_out)),  W ~ U(−a, a)
    /// ```
    public static func xavierBound(rows: Int, cols: Int) -> Float {
        (6 / Float(rows + cols)).squareRoot()
    }

    public static func xavierUniform(rows: Int, cols: Int, using g: inout SeededGenerator) -> Matrix {
        let a = xavierBound(rows: rows, cols: cols)
        return Matrix(rows: rows, cols: cols, data: g.uniforms(rows * cols, -a, a))
    }
}
