import Foundation
import LSTMCore
import Testing

@testable import LSTMKernels

@Suite struct MatrixProductTests {
    /// Shapes on both sides of the small-product limit, M = 1 (sgemv), and
    /// widths that are not multiples of the SIMD width.
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (1, 64, 8), (3, 17, 5), (2, 33, 19), (7, 40, 9), (1, 300, 70), (1, 2048, 16),
        (5, 129, 65), (32, 96, 40), (33, 130, 257),
    ]

    private func random(_ rows: Int, _ cols: Int, _ g: inout SeededGenerator) -> Matrix {
        Matrix(rows: rows, cols: cols, data: (0..<(rows * cols)).map { _ in g.uniform(-1, 1) })
    }

    @Test(arguments: [false, true])
    func transposedProductMatchesTheTripleLoop(accumulate: Bool) {
        var g = SeededGenerator(seed: 21)
        for s in Self.shapes {
            let a = random(s.m, s.k, &g)
            let b = random(s.n, s.k, &g)
            let start = random(s.m, s.n, &g)
            var fast = start
            var naive = start
            MatrixProduct.multiplyTransposed(a, b, into: &fast, accumulate: accumulate)
            MatrixProduct.multiplyTransposedNaive(a, b, into: &naive, accumulate: accumulate)
            expectNearReference(fast.data, naive.data, "\(s) accumulate=\(accumulate)")
        }
    }

    @Test(arguments: [false, true])
    func packedLayoutProductMatchesTheTripleLoop(accumulate: Bool) {
        var g = SeededGenerator(seed: 22)
        for s in Self.shapes {
            let a = random(s.m, s.k, &g)
            let b = random(s.n, s.k, &g)
            let start = random(s.m, s.n, &g)
            // bᵀ stored row-major [K, N].
            var bt = [Float](repeating: 0, count: s.k * s.n)
            for j in 0..<s.n { for p in 0..<s.k { bt[p * s.n + j] = b.data[j * s.k + p] } }
            var fast = start.data
            var naive = start
            a.data.withUnsafeBufferPointer { ap in
                bt.withUnsafeBufferPointer { bp in
                    fast.withUnsafeMutableBufferPointer { cp in
                        guard let a = ap.baseAddress, let b = bp.baseAddress, let c = cp.baseAddress else { return }
                        GEMM.multiply(
                            m: s.m, n: s.n, k: s.k, a: a, lda: s.k, b: b, ldb: s.n, c: c, ldc: s.n,
                            accumulate: accumulate)
                    }
                }
            }
            MatrixProduct.multiplyTransposedNaive(a, b, into: &naive, accumulate: accumulate)
            expectNearReference(fast, naive.data, "\(s) accumulate=\(accumulate)")
        }
    }

    @Test(arguments: [0, 1, 2])
    func packedKernelMatchesTheTripleLoop(start: Int) throws {
        // start 0: C = A·Wᵀ; 1: C = Cin + A·Wᵀ into another buffer; 2: in place.
        guard GEMM.packedAvailable else { return }  // AVX-512 only; elsewhere OpenBLAS serves
        var g = SeededGenerator(seed: 23)
        for s in Self.shapes + [(9, 31, 3), (8, 32, 16), (17, 65, 33), (16, 1024, 256)] {
            let a = random(s.m, s.k, &g)
            let w = random(s.n, s.k, &g)
            let cin = random(s.m, s.n, &g)
            var naive = cin
            MatrixProduct.multiplyTransposedNaive(a, w, into: &naive, accumulate: start != 0)
            var out = start == 2 ? cin.data : [Float](repeating: .nan, count: s.m * s.n)
            let packed = try #require(
                w.data.withUnsafeBufferPointer { wp in
                    wp.baseAddress.flatMap { GEMM.pack($0, n: s.n, k: s.k, ldw: s.k) }
                })
            a.data.withUnsafeBufferPointer { ap in
                packed.withUnsafeBufferPointer { pp in
                    cin.data.withUnsafeBufferPointer { cp in
                        out.withUnsafeMutableBufferPointer { op in
                            guard let a = ap.baseAddress, let p = pp.baseAddress, let c = cp.baseAddress,
                                let o = op.baseAddress
                            else { return }
                            let input: UnsafePointer<Float>? = start == 0 ? nil : (start == 1 ? c : UnsafePointer(o))
                            GEMM.packedMultiply(
                                m: s.m, n: s.n, k: s.k, a: a, lda: s.k, packed: p, cin: input, ldcin: s.n, c: o,
                                ldc: s.n)
                        }
                    }
                }
            }
            expectNearReference(out, naive.data, "\(s) start=\(start)")
        }
    }

    @Test func emptyInnerDimensionGivesZeros() {
        let a = Matrix(rows: 2, cols: 0)
        let b = Matrix(rows: 3, cols: 0)
        var out = Matrix(rows: 2, cols: 3, value: 7)
        MatrixProduct.multiplyTransposed(a, b, into: &out, accumulate: false)
        #expect(out.data == [Float](repeating: 0, count: 6))
        var kept = Matrix(rows: 2, cols: 3, value: 7)
        MatrixProduct.multiplyTransposed(a, b, into: &kept, accumulate: true)
        #expect(kept.data == [Float](repeating: 7, count: 6))
    }

    @Test func vectorActivationsAgreeWithTheScalarOnes() {
        var inputs: [Float] = [
            0, -0.0, 1e-8, -1e-8, 0.3, -0.3, 0.6249, 0.625, -0.7, 1, -1, 5, -5, 9.5, -9.5,
            20, -20, 44, -44, 87, -87, 88.5, -88.5, 100, -100, 1000, -1000,
        ]
        var g = SeededGenerator(seed: 5)
        for _ in 0..<2000 { inputs.append(g.uniform(-30, 30)) }
        while inputs.count % 8 != 0 { inputs.append(0.1) }
        for start in stride(from: 0, to: inputs.count, by: 8) {
            let v = SIMD8<Float>(inputs[start..<(start + 8)])
            let s = VectorActivation.sigmoid(v)
            let t = VectorActivation.tanh(v)
            for l in 0..<8 {
                let z = Double(v[l])
                let sr = 1 / (1 + (-z).exp)
                let tr = z.tanh
                #expect(abs(Double(s[l]) - sr) <= 1e-7 + 2e-7 * abs(sr), "σ(\(z)) = \(s[l]), expected \(sr)")
                #expect(abs(Double(t[l]) - tr) <= 1e-7 + 2e-7 * abs(tr), "tanh(\(z)) = \(t[l]), expected \(tr)")
                #expect(s[l] >= 0 && s[l] <= 1 && t[l] >= -1 && t[l] <= 1)
            }
        }
        // Saturation is exact, as in the scalar functions.
        let big = VectorActivation.sigmoid(SIMD8(repeating: 200))
        let small = VectorActivation.sigmoid(SIMD8(repeating: -200))
        #expect(big == SIMD8(repeating: 1) && small == SIMD8(repeating: 0))
        #expect(VectorActivation.tanh(SIMD8(repeating: 300)) == SIMD8(repeating: 1))
        #expect(VectorActivation.tanh(SIMD8(repeating: -300)) == SIMD8(repeating: -1))
        #expect(VectorActivation.sigmoid(SIMD8(repeating: 0)) == SIMD8(repeating: 0.5))
    }
}

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
    fileprivate var tanh: Double { Foundation.tanh(self) }
}
