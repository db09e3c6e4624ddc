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
                           using g: inout some RandomNumberGenerator) -> DirectionParameters {
        let rows = 4 * h
        switch self {
        case .zeros:
            return DirectionParameters(
                wIH: Matrix(rows: rows, cols: d), wHH: Matrix(rows: rows, cols: h),
                bIH: [Float](repeating: 0, count: rows), bHH: [Float](repeating: 0, count: rows))
        case .pytorch:
            let k = 1 / Float(h).squareRoot()
            func u(_ n: Int) -> [Float] { (0..<n).map { _ in g.uniform(-k, k) } }
            let wih = u(rows * d), whh = u(rows * h), bih = u(rows), bhh = u(rows)
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

    public static func xavierUniform(rows: Int, cols: Int, using g: inout some RandomNumberGenerator) -> Matrix {
        let a = xavierBound(rows: rows, cols: cols)
        return Matrix(rows: rows, cols: cols, data: (0..<(rows * cols)).map { _ in g.uniform(-a, a) })
    }

    /// `nn.init.orthogonal_`: the Q factor of a Gaussian matrix, with the sign
    /// fix that makes diag(R) positive, so Q is unique for that Gaussian.
    ///
    /// ```
    /// A ~ N(0, 1)  [rows, cols];  if rows < cols, work on Aᵀ
    /// A = Q R  (Q has orthonormal columns)
    /// W = Q · sign(diag R)
    /// ```
    /// For `[4H, H]` the H columns are orthonormal over all 4H rows together:
    /// no single gate block is orthogonal by itself.
    ///
    /// Computed with modified Gram–Schmidt, applied twice, in Double. Gram–
    /// Schmidt gives positive diag(R) by construction, which is exactly the
    /// sign-fixed factor.
    public static func orthogonal(rows: Int, cols: Int, using g: inout some RandomNumberGenerator) -> Matrix {
        guard rows > 0 && cols > 0 else { return Matrix(rows: rows, cols: cols) }
        let gaussian = (0..<(rows * cols)).map { _ in g.normal() }
        let transpose = rows < cols
        let (m, n) = transpose ? (cols, rows) : (rows, cols)
        // Column j of the tall [m, n] matrix is q[j·m ..< (j+1)·m].
        var q = [Double](repeating: 0, count: m * n)
        for r in 0..<rows { for c in 0..<cols {
            q[transpose ? r * m + c : c * m + r] = gaussian[r * cols + c]
        } }
        q.withUnsafeMutableBufferPointer { q in
            for j in 0..<n {
                let cj = j * m
                for _ in 0..<2 {
                    for i in 0..<j {
                        let ci = i * m
                        var dot = 0.0
                        for k in 0..<m { dot += q[ci + k] * q[cj + k] }
                        for k in 0..<m { q[cj + k] -= dot * q[ci + k] }
                    }
                }
                var norm = 0.0
                for k in 0..<m { norm += q[cj + k] * q[cj + k] }
                norm = norm.squareRoot()
                if norm > 0 { for k in 0..<m { q[cj + k] /= norm } }
            }
        }
        var out = Matrix(rows: rows, cols: cols)
        for r in 0..<rows { for c in 0..<cols {
            out[r, c] = Float(transpose ? q[r * m + c] : q[c * m + r])
        } }
        return out
    }
}
