import COpenBLAS

extension Initializer {
    /// `nn.init.orthogonal_`: the Q factor of a Gaussian matrix, with the sign
    /// fix that makes diag(R) positive, so Q is unique for that Gaussian.
    ///
    /// ```
    /// A ~ N(0, 1)  [rows, cols];  if rows < cols, work on Aᵀ
    /// A = Q R  (Householder QR in Double: LAPACK dgeqrf + dorgqr)
    /// W = Q · sign(diag R)
    /// ```
    /// For `[4H, H]` the H columns are orthonormal over all 4H rows together:
    /// no single gate block is orthogonal by itself.
    ///
    /// This is torch's algorithm (it calls the same LAPACK routines), except
    /// that a zero on diag(R) counts as +1 rather than zeroing its column.
    /// Where LAPACK is missing or refuses, modified Gram–Schmidt applied twice
    /// gives the same factor within rounding.
    public static func orthogonal(rows: Int, cols: Int, using g: inout SeededGenerator) -> Matrix {
        guard rows > 0 && cols > 0 else { return Matrix(rows: rows, cols: cols) }
        let gaussian = g.normals(rows * cols)
        return orthogonalFactor(gaussian, rows: rows, cols: cols)
    }

    /// The sign-fixed Q of a row-major `[rows, cols]` Gaussian, as Float.
    static func orthogonalFactor(_ gaussian: [Double], rows: Int, cols: Int, lapack: Bool = true) -> Matrix {
        let transpose = rows < cols
        let (m, n) = transpose ? (cols, rows) : (rows, cols)
        // Column-major tall [m, n]: column j is q[j·m ..< (j+1)·m]. A row-major
        // [rows, cols] buffer already is column-major Aᵀ.
        func tall() -> [Double] {
            guard !transpose else { return gaussian }
            var q = [Double](repeating: 0, count: m * n)
            for r in 0..<rows { for c in 0..<cols { q[c * m + r] = gaussian[r * cols + c] } }
            return q
        }
        var q = tall()
        if !(lapack && householder(&q, m: m, n: n)) {
            q = tall()
            gramSchmidt(&q, m: m, n: n)
        }
        // Row-major W [rows, cols]: Q itself (transposed layout) or Qᵀ back.
        var out = [Float](repeating: 0, count: rows * cols)
        if transpose {
            for i in 0..<(rows * cols) { out[i] = Float(q[i]) }
        } else {
            for r in 0..<rows { for c in 0..<cols { out[r * cols + c] = Float(q[c * m + r]) } }
        }
        return Matrix(rows: rows, cols: cols, data: out)
    }

    /// `q ← Q · sign(diag R)` in place; false (q then undefined) when LAPACK
    /// is missing, the sizes do not fit its 32-bit integers, or it refuses.
    private static func householder(_ q: inout [Double], m: Int, n: Int) -> Bool {
        guard m < Int(Int32.max), n <= m else { return false }
        var tau = [Double](repeating: 0, count: n)
        var signs = [Double](repeating: 1, count: n)
        let ok = q.withUnsafeMutableBufferPointer { a -> Bool in
            guard let base = a.baseAddress else { return false }
            return tau.withUnsafeMutableBufferPointer { t -> Bool in
                guard let tb = t.baseAddress,
                      lstmlab_dgeqrf(Int32(m), Int32(n), base, Int32(m), tb) == 0 else { return false }
                for j in 0..<n where a[j * m + j] < 0 { signs[j] = -1 }
                return lstmlab_dorgqr(Int32(m), Int32(n), base, Int32(m), tb) == 0
            }
        }
        guard ok else { return false }
        q.withUnsafeMutableBufferPointer { a in
            for j in 0..<n where signs[j] < 0 { for k in (j * m)..<((j + 1) * m) { a[k] = -a[k] } }
        }
        return true
    }

    /// Modified Gram–Schmidt, applied twice, on the columns of column-major
    /// `[m, n]`. It gives positive diag(R) by construction: the sign-fixed factor.
    private static func gramSchmidt(_ q: inout [Double], m: Int, n: Int) {
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
    }
}
