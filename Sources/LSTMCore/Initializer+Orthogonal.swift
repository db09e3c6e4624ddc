extension Initializer {
    /// `nn.init.orthogonal_`: the Q factor of a Gaussian matrix, with the sign
    /// fix that makes diag(R) positive, so Q is unique for that Gaussian.
    ///
    /// ```
    /// A ~ N(0, 1)  [rows, cols];  if rows < cols, work on Aᵀ
    /// A = Q R  (Householder QR in Double, as LAPACK's dgeqr2 + dorg2r)
    /// W = Q · sign(diag R)
    /// ```
    /// For `[4H, H]` the H columns are orthonormal over all 4H rows together:
    /// no single gate block is orthogonal by itself.
    ///
    /// This is torch's algorithm (torch calls LAPACK's blocked versions of the
    /// same reflections, so the Doubles may differ in the last bits before
    /// they are rounded to Float), except that a zero on diag(R) counts as +1
    /// rather than zeroing its column.
    public static func orthogonal(rows: Int, cols: Int, using g: inout SeededGenerator) -> Matrix {
        guard rows > 0 && cols > 0 else { return Matrix(rows: rows, cols: cols) }
        let gaussian = g.normals(rows * cols)
        return orthogonalFactor(gaussian, rows: rows, cols: cols)
    }

    /// The sign-fixed Q of a row-major `[rows, cols]` Gaussian, as Float.
    static func orthogonalFactor(
        _ gaussian: [Double], rows: Int, cols: Int,
        factorizer: any OrthogonalFactorizer = SwiftHouseholder()
    ) -> Matrix {
        let transpose = rows < cols
        let (m, n) = transpose ? (cols, rows) : (rows, cols)
        // Column-major tall [m, n]: column j is q[j·m ..< (j+1)·m]. A row-major
        // [rows, cols] buffer already is column-major Aᵀ.
        var q = gaussian
        if !transpose {
            for r in 0..<rows { for c in 0..<cols { q[c * m + r] = gaussian[r * cols + c] } }
        }
        q = factorizer.signFixedQ(q, m: m, n: n)
        // Row-major W [rows, cols]: Q itself (transposed layout) or Qᵀ back.
        var out = [Float](repeating: 0, count: rows * cols)
        if transpose {
            for i in 0..<(rows * cols) { out[i] = Float(q[i]) }
        } else {
            for r in 0..<rows { for c in 0..<cols { out[r * cols + c] = Float(q[c * m + r]) } }
        }
        return Matrix(rows: rows, cols: cols, data: out)
    }
}

/// How `init tutorial` turns its Gaussian into an orthogonal `W_hh`.
public protocol OrthogonalFactorizer: Sendable {
    /// `Q · sign(diag R)` of a column-major `[m, n]` matrix, `m ≥ n`, column-major.
    func signFixedQ(_ a: [Double], m: Int, n: Int) -> [Double]
}

/// Householder QR in plain Swift (`HouseholderQR`): the readable one. LSTMKernels'
/// `LAPACKHouseholder` computes the same reflections about ten times faster at H = 1024.
public struct SwiftHouseholder: OrthogonalFactorizer {
    public init() {}

    public func signFixedQ(_ a: [Double], m: Int, n: Int) -> [Double] {
        var qr = HouseholderQR(a, m: m, n: n)
        return qr.signFixedQ()
    }
}

/// The QR factorisation of a column-major `[m, n]` matrix, `m ≥ n`, by
/// Householder reflections, stored as LAPACK stores it: R on and above the
/// diagonal, the reflectors' tails below it, their factors in `tau`.
///
/// ```
/// H_j = I − τ_j v_j v_jᵀ,  v_j = (0…0, 1, a[j+1..m, j]),   Q = H_0 H_1 … H_{n−1}
/// ```
struct HouseholderQR {
    private var a: [Double]
    private var tau: [Double]
    let m: Int, n: Int

    init(_ a: [Double], m: Int, n: Int) {
        precondition(m >= n && a.count == m * n, "QR shapes")
        self.a = a
        self.m = m
        self.n = n
        tau = [Double](repeating: 0, count: n)
        for j in 0..<n {
            reflect(column: j)
            if j + 1 < n { apply(reflector: j, toColumns: (j + 1)..<n) }
        }
    }

    /// dlarfg: the reflector that zeroes `a[j+1..m, j]`, leaving β on the diagonal.
    private mutating func reflect(column j: Int) {
        let c = j * m
        let alpha = a[c + j]
        var tail = 0.0
        for k in (j + 1)..<m { tail += a[c + k] * a[c + k] }
        guard tail > 0 else {
            tau[j] = 0
            return
        }
        let beta = -(alpha >= 0 ? 1.0 : -1.0) * (alpha * alpha + tail).squareRoot()
        tau[j] = (beta - alpha) / beta
        let scale = 1 / (alpha - beta)
        for k in (j + 1)..<m { a[c + k] *= scale }
        a[c + j] = beta
    }

    /// dlarf: `H_j` applied from the left to `columns`, rows j..<m.
    private mutating func apply(reflector j: Int, toColumns columns: Range<Int>) {
        let t = tau[j]
        let v = j * m
        guard t != 0 else { return }
        for col in columns {
            let c = col * m
            var w = a[c + j]  // v[j] = 1
            for k in (j + 1)..<m { w += a[v + k] * a[c + k] }
            w *= t
            a[c + j] -= w
            for k in (j + 1)..<m { a[c + k] -= w * a[v + k] }
        }
    }

    /// dorg2r, then each column j times the sign of R[j, j] (0 counts as +).
    mutating func signFixedQ() -> [Double] {
        let negative = (0..<n).map { a[$0 * m + $0] < 0 }
        for j in stride(from: n - 1, through: 0, by: -1) {
            let c = j * m
            if j + 1 < n {
                a[c + j] = 1
                apply(reflector: j, toColumns: (j + 1)..<n)
            }
            for k in (j + 1)..<m { a[c + k] *= -tau[j] }
            a[c + j] = 1 - tau[j]
            for k in 0..<j { a[c + k] = 0 }
        }
        for j in 0..<n where negative[j] {
            for k in (j * m)..<((j + 1) * m) { a[k] = -a[k] }
        }
        return a
    }
}
