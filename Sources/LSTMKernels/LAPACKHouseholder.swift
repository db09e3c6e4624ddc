import COpenBLAS
import LSTMCore

/// `SwiftHouseholder`'s factor by LAPACK (dgeqrf + dorgqr, as torch's
/// `nn.init.orthogonal_` calls them): the same reflections, blocked and on
/// OpenBLAS, so `init tutorial` at H = 1024 takes seconds, not most of a
/// minute. Falls back to the Swift one where LAPACK refuses or the sizes do
/// not fit its 32-bit integers.
public struct LAPACKHouseholder: OrthogonalFactorizer {
    public init() {}

    public func signFixedQ(_ a: [Double], m: Int, n: Int) -> [Double] {
        guard m < Int(Int32.max), n <= m, n > 0 else { return SwiftHouseholder().signFixedQ(a, m: m, n: n) }
        var q = a
        var tau = [Double](repeating: 0, count: n)
        var negative = [Bool](repeating: false, count: n)
        let ok = q.withUnsafeMutableBufferPointer { qb -> Bool in
            guard let base = qb.baseAddress else { return false }
            return tau.withUnsafeMutableBufferPointer { tb -> Bool in
                guard let t = tb.baseAddress, lstmlab_dgeqrf(Int32(m), Int32(n), base, Int32(m), t) == 0 else {
                    return false
                }
                for j in 0..<n { negative[j] = qb[j * m + j] < 0 }
                return lstmlab_dorgqr(Int32(m), Int32(n), base, Int32(m), t) == 0
            }
        }
        guard ok else { return SwiftHouseholder().signFixedQ(a, m: m, n: n) }
        for j in 0..<n where negative[j] {
            for k in (j * m)..<((j + 1) * m) { q[k] = -q[k] }
        }
        return q
    }
}
