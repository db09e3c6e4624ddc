import LSTMCore

/// `Matrix` products on the fast engine's kernel: OpenBLAS for large sizes, a
/// SIMD loop for small ones (see `GEMM`).
enum MatrixProduct {
    /// `out (+)= a · bᵀ` with `a [M, K]`, `b [N, K]`, `out [M, N]`.
    static func multiplyTransposed(_ a: Matrix, _ b: Matrix, into out: inout Matrix, accumulate: Bool) {
        precondition(a.cols == b.cols && out.rows == a.rows && out.cols == b.rows, "product shapes")
        let m = a.rows
        let n = b.rows
        let k = a.cols
        a.data.withUnsafeBufferPointer { ap in
            b.data.withUnsafeBufferPointer { bp in
                out.data.withUnsafeMutableBufferPointer { op in
                    guard let a = ap.baseAddress, let b = bp.baseAddress, let o = op.baseAddress else {
                        // An empty operand: out stays as it is, or becomes zeros.
                        if !accumulate { for i in op.indices { op[i] = 0 } }
                        return
                    }
                    GEMM.multiplyTransposed(
                        m: m, n: n, k: k, a: a, lda: k, b: b, ldb: k, c: o, ldc: n, accumulate: accumulate)
                }
            }
        }
    }

    /// The plain triple loop, kept as the reference the fast paths are tested against.
    static func multiplyTransposedNaive(_ a: Matrix, _ b: Matrix, into out: inout Matrix, accumulate: Bool) {
        precondition(a.cols == b.cols && out.rows == a.rows && out.cols == b.rows, "product shapes")
        let m = a.rows
        let n = b.rows
        let k = a.cols
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
