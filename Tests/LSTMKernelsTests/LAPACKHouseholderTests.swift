import LSTMCore
import Testing

@testable import LSTMKernels

/// The shell's `init tutorial` QR (LAPACK) against the readable one in LSTMCore.
@Suite struct LAPACKHouseholderTests {
    @Test(arguments: [(12, 3), (64, 16), (40, 40), (256, 64)])
    func lapackAndSwiftGiveTheSameFactor(rows: Int, cols: Int) {
        var g = SeededGenerator(seed: 8)
        let a = g.normals(rows * cols)
        let swift = SwiftHouseholder().signFixedQ(a, m: rows, n: cols)
        let lapack = LAPACKHouseholder().signFixedQ(a, m: rows, n: cols)
        let worst = zip(swift, lapack).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-12, "[\(rows), \(cols)]: largest difference \(worst)")
    }
}
