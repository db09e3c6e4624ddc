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
    public func parameters(inputSize d: Int, hiddenSize h: Int,
                           using g: inout SeededGenerator) -> DirectionParameters {
        let rows = 4 * h
        switch self {
        case .zeros:
            return DirectionParameters(
                wIH: Matrix(rows: rows, cols: d), wHH: Matrix(rows: rows, cols: h),
                bIH: [Float](repeating: 0, count: rows), bHH: [Float](repeating: 0, count: rows))
        case .pytorch:
            let k = 1 / Float(h).squareRoot()
            let wih = g.uniforms(rows * d, -k, k), whh = g.uniforms(rows * h, -k, k)
            let bih = g.uniforms(rows, -k, k), bhh = g.uniforms(rows, -k, k)
            return DirectionParameters(
                wIH: Matrix(rows: rows, cols: d, data: wih), wHH: Matrix(rows: rows, cols: h, data: whh),
                bIH: bih, bHH: bhh)
        case .tutorial:
            let wih = Initializer.xavierUniform(rows: rows, cols: d, using: &g)
            let whh = Initializer.orthogonal(rows: rows, cols: h, using: &g)
            var b = [Float](repeating: 0, count: rows)
            for r in Gate.forget.rows(hiddenSize: h) { b[r] = 1 }
            return DirectionParameters(wIH: wih, wHH: whh, bIH: b, bHH: b)
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
