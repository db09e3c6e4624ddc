import COpenBLAS
import LSTMCore

/// Float32 products over raw row-major buffers: OpenBLAS for large sizes,
/// a SIMD loop for small ones.
///
/// Two layouts of the right-hand factor:
/// ```
/// multiply            C[M,N] (+)= A[M,K] · B[K,N]     B = Wᵀ, the packed layout
/// multiplyTransposed  C[M,N] (+)= A[M,K] · B[N,K]ᵀ    B = W as nn.LSTM stores it
/// ```
/// OpenBLAS runs single-threaded: the lab puts the two directions on their
/// own threads, and OpenBLAS's own threads would fight them for the cores.
/// Its results differ from the SIMD loop in the last bits only (the order of
/// the sums differs), well inside the 1e-5 tolerance the tests use.
/// Process-wide OpenBLAS set-up that must happen before any other thread runs.
public enum BLASSetup {
    /// Chooses OpenBLAS kernels that suit this CPU where OpenBLAS 0.3.21 does
    /// not know it and falls back to slow generic ones (see
    /// `lstmlab_openblas_fix_coretype` in the COpenBLAS shim). It sets and
    /// unsets an environment variable, which races with `getenv` in any other
    /// thread, so only `main` calls it, first thing. Without it (as in the
    /// tests) results are the same within rounding, only slower.
    /// Returns true when it switched kernels.
    @discardableResult
    public static func atProcessStart() -> Bool {
        lstmlab_openblas_fix_coretype() != 0
    }
}

enum GEMM {
    /// Products with at most this many multiply-adds take the Swift loop.
    ///
    /// Measured on a 2-vCPU Xeon (AVX-512) with OpenBLAS 0.3.21: a call costs
    /// about 0.3–0.5 µs before any work, and the plain SSE loop below keeps up
    /// with OpenBLAS up to roughly this size.
    static let smallLimit = 16_384

    /// OpenBLAS's settings are process-wide; made once, before the first
    /// call: one thread per call (the directions have their own threads).
    /// The kernel choice is `BLASSetup.atProcessStart`'s, made earlier.
    private static let configured: Void = {
        openblas_set_num_threads(1)
    }()

    /// The kernels OpenBLAS uses, for example `SkylakeX` or `Haswell`.
    static var blasCoreName: String {
        _ = configured
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    private static func fitsBLAS(_ xs: Int...) -> Bool { xs.allSatisfy { $0 > 0 && $0 < Int(Int32.max) } }

    /// `C[M,N] (+)= A[M,K] · B[K,N]`, all row-major with leading dimensions.
    static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        if m * n * k > smallLimit, fitsBLAS(m, n, k, lda, ldb, ldc) {
            _ = configured
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                1, a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(ldc))
        } else {
            smallMultiply(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
        }
    }

    /// `C[M,N] (+)= A[M,K] · B[N,K]ᵀ`, all row-major with leading dimensions.
    static func multiplyTransposed(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        if m == 1 || m * n * k > smallLimit, fitsBLAS(m, n, k, lda, ldb, ldc) {
            _ = configured
            if m == 1 {
                // One row: y = W·x, a matrix–vector product, at every size: sgemm
                // is 3x slower at M = 1, and OpenBLAS's sgemv beats the dot-product
                // loop below even at N = 64, K = 8 (0.2 µs against ~0.7 µs).
                cblas_sgemv(
                    CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1, b, Int32(ldb), a, 1,
                    accumulate ? 1 : 0, c, 1)
                return
            }
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                1, a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(ldc))
        } else {
            smallMultiplyTransposed(
                m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
        }
    }

    // MARK: Packed weights (AVX-512)

    /// Whether this CPU runs the packed-weight kernel (AVX-512 F, enabled by the OS).
    static let packedAvailable: Bool = lstmlab_packed_available() != 0

    /// `W [N, K]` (row-major, leading dimension `ldw`) packed into 32-column panels
    /// of `Wᵀ` for `packedMultiply`; nil where the CPU lacks AVX-512.
    static func pack(_ w: UnsafePointer<Float>, n: Int, k: Int, ldw: Int) -> [Float]? {
        guard packedAvailable, n > 0, k > 0 else { return nil }
        let count = Int(lstmlab_packed_size(n, k))
        return [Float].filled(count: count) { lstmlab_pack(w, n, k, ldw, $0) }
    }

    /// `pack` into `packedSize(n:k:)` floats at `out` (64-byte aligned for speed).
    static func pack(_ w: UnsafePointer<Float>, n: Int, k: Int, ldw: Int, into out: UnsafeMutablePointer<Float>) {
        guard packedAvailable, n > 0, k > 0 else { return }
        lstmlab_pack(w, n, k, ldw, out)
    }

    /// Floats `pack` produces for an `[N, K]` weight.
    static func packedSize(n: Int, k: Int) -> Int { Int(lstmlab_packed_size(n, k)) }

    /// `C[M,N] = Cin[M,N] + A[M,K] · Wᵀ` with `W` packed by `pack`; `cin` nil means zeros,
    /// and may equal `c`.
    /// `rowKernel: false` keeps one-row products on the register tiles, so
    /// every row is the same sum however the rows are split between calls
    /// (the hoisted projection, made whole or in chunks).
    static func packedMultiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>,
        cin: UnsafePointer<Float>?, ldcin: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
        rowKernel: Bool = true
    ) {
        precondition(packedAvailable, "packed kernel on a CPU without AVX-512")
        guard m > 0, n > 0 else { return }
        if rowKernel {
            lstmlab_packed_gemm(m, n, k, a, lda, packed, cin, ldcin, c, ldc)
        } else {
            lstmlab_packed_gemm_tiles(m, n, k, a, lda, packed, cin, ldcin, c, ldc)
        }
    }

    // MARK: The Swift loops

    /// Row of C in 16-column register tiles, walking k: `c[i, j…j+15] += a[i,k] · b[k, j…j+15]`.
    static func smallMultiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        let wide = n & ~15
        for i in 0..<m {
            let ar = a + i * lda
            let cr = c + i * ldc
            var j = 0
            while j < wide {
                var acc = accumulate ? SIMDMemory.load16(cr + j) : SIMD16<Float>()
                var bp = b + j
                for p in 0..<k {
                    acc += SIMD16<Float>(repeating: ar[p]) * SIMDMemory.load16(bp)
                    bp += ldb
                }
                SIMDMemory.store16(acc, cr + j)
                j += 16
            }
            while j < n {
                var s: Float = accumulate ? cr[j] : 0
                var bp = b + j
                for p in 0..<k {
                    s += ar[p] * bp.pointee
                    bp += ldb
                }
                cr[j] = s
                j += 1
            }
        }
    }

    /// Dot products of rows, 8 lanes at a time.
    static func smallMultiplyTransposed(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        let wide = k & ~7
        for i in 0..<m {
            let ar = a + i * lda
            let cr = c + i * ldc
            for j in 0..<n {
                let br = b + j * ldb
                var acc = SIMD8<Float>()
                var p = 0
                while p < wide {
                    acc += SIMDMemory.load8(ar + p) * SIMDMemory.load8(br + p)
                    p += 8
                }
                var s = acc.sum()
                while p < k {
                    s += ar[p] * br[p]
                    p += 1
                }
                cr[j] = accumulate ? cr[j] + s : s
            }
        }
    }
}

/// Unaligned SIMD loads and stores.
enum SIMDMemory {
    @inline(__always) static func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }
    @inline(__always) static func load16(_ p: UnsafeMutablePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }
    @inline(__always) static func store16(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
    }
    @inline(__always) static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) static func load8(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }
}
