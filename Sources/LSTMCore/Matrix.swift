/// A row-major float32 matrix: the compute type of the cell.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    public var data: [Float]

    public init(rows: Int, cols: Int, data: [Float]) {
        precondition(rows >= 0 && cols >= 0 && rows * cols == data.count, "matrix shape/count invariant")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    public init(rows: Int, cols: Int, value: Float = 0) {
        self.init(rows: rows, cols: cols, data: [Float](repeating: value, count: rows * cols))
    }

    public init(_ tensor: Tensor) throws {
        guard tensor.rank == 2 else { throw ShapeError.rankMismatch(expected: 2, actual: tensor.rank) }
        self.init(rows: tensor.shape[0], cols: tensor.shape[1], data: tensor.data)
    }

    public var tensor: Tensor { Tensor(uncheckedShape: [rows, cols], data: data) }

    public subscript(r: Int, c: Int) -> Float {
        get { data[r * cols + c] }
        set { data[r * cols + c] = newValue }
    }

    /// Rows `range` as a new matrix.
    public func rowBlock(_ range: Range<Int>) -> Matrix {
        Matrix(rows: range.count, cols: cols, data: Array(data[(range.lowerBound * cols)..<(range.upperBound * cols)]))
    }

    /// Columns `range` as a new matrix.
    public func columnBlock(_ range: Range<Int>) -> Matrix {
        var out = [Float](); out.reserveCapacity(rows * range.count)
        for r in 0..<rows { out += data[(r * cols + range.lowerBound)..<(r * cols + range.upperBound)] }
        return Matrix(rows: rows, cols: range.count, data: out)
    }
}

extension Matrix {
    /// `self · wᵀ`, the product of `F.linear`: `[B, K] · [N, K]ᵀ → [B, N]`.
    ///
    /// ```
    /// out[b, n] = Σ_k self[b, k] · w[n, k]
    /// ```
    public func timesTransposed(_ w: Matrix) -> Matrix {
        precondition(cols == w.cols, "inner dimensions")
        var out = Matrix(rows: rows, cols: w.rows)
        MatrixProduct.multiplyTransposed(self, w, into: &out, accumulate: false)
        return out
    }

    /// Adds `v` (length `cols`) to every row.
    public mutating func addRowVector(_ v: [Float]) {
        precondition(v.count == cols, "bias length")
        data.withUnsafeMutableBufferPointer { d in
            v.withUnsafeBufferPointer { b in
                for r in 0..<rows { for c in 0..<cols { d[r * cols + c] += b[c] } }
            }
        }
    }

    /// Elementwise `self += other`.
    public mutating func add(_ other: Matrix) {
        precondition(rows == other.rows && cols == other.cols, "add shapes")
        data.withUnsafeMutableBufferPointer { d in
            other.data.withUnsafeBufferPointer { o in
                for i in 0..<d.count { d[i] += o[i] }
            }
        }
    }
}

/// The matrix-product kernel behind every step: OpenBLAS for large sizes, a
/// SIMD loop for small ones (see `GEMM`).
public enum MatrixProduct {
    /// `out (+)= a · bᵀ` with `a [M, K]`, `b [N, K]`, `out [M, N]`.
    public static func multiplyTransposed(_ a: Matrix, _ b: Matrix, into out: inout Matrix, accumulate: Bool) {
        precondition(a.cols == b.cols && out.rows == a.rows && out.cols == b.rows, "product shapes")
        let m = a.rows, n = b.rows, k = a.cols
        a.data.withUnsafeBufferPointer { ap in
            b.data.withUnsafeBufferPointer { bp in
                out.data.withUnsafeMutableBufferPointer { op in
                    guard let a = ap.baseAddress, let b = bp.baseAddress, let o = op.baseAddress else {
                        // An empty operand: out stays as it is, or becomes zeros.
                        if !accumulate { for i in op.indices { op[i] = 0 } }
                        return
                    }
                    GEMM.multiplyTransposed(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: k, c: o, ldc: n, accumulate: accumulate)
                }
            }
        }
    }

    /// The plain triple loop, kept as the reference the fast paths are tested against.
    public static func multiplyTransposedNaive(_ a: Matrix, _ b: Matrix, into out: inout Matrix, accumulate: Bool) {
        precondition(a.cols == b.cols && out.rows == a.rows && out.cols == b.rows, "product shapes")
        let m = a.rows, n = b.rows, k = a.cols
        a.data.withUnsafeBufferPointer { ap in
            b.data.withUnsafeBufferPointer { bp in
                out.data.withUnsafeMutableBufferPointer { op in
                    for i in 0..<m {
                        let arow = i * k
                        for j in 0..<n {
                            let brow = j * k
                            var s: Float = 0
                            for p in 0..<k { s += ap[arow + p] * bp[brow + p] }
                            if accumulate { op[i * n + j] += s } else { op[i * n + j] = s }
                        }
                    }
                }
            }
        }
    }
}
