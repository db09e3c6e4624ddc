import Testing

@testable import LSTMCore

/// Properties of the three initialisers, checked on the values drawn.
@Suite struct InitializerTests {
    /// (D, H) pairs: the demo, D > H, D < H, the smallest, and a wide-ish one.
    static let sizes: [(Int, Int)] = [(8, 16), (5, 3), (3, 7), (1, 1), (2, 12)]

    private func draw(_ initializer: Initializer, d: Int, h: Int, seed: UInt64 = 7) -> BiLSTMParameters {
        var g = SeededGenerator(seed: seed)
        return BiLSTMParameters.initialized(initializer, inputSize: d, hiddenSize: h, using: &g)
    }

    @Test(arguments: sizes)
    func tutorialRecurrentWeightsHaveOrthonormalColumns(d: Int, h: Int) {
        let p = draw(.tutorial, d: d, h: h)
        for dir in Direction.allCases {
            let w = p[dir].wHH
            #expect(w.rows == 4 * h && w.cols == h)
            // QᵀQ = I over all 4H rows together (no gate block is orthogonal alone).
            expectIdentity(gram(w, columns: true), "\(dir.name) W_hhᵀW_hh")
        }
    }

    @Test(arguments: sizes)
    func tutorialInputWeightsStayWithinTheXavierBound(d: Int, h: Int) {
        let p = draw(.tutorial, d: d, h: h)
        let a = (6 / Float(d + 4 * h)).squareRoot()
        #expect(Initializer.xavierBound(rows: 4 * h, cols: d) == a)
        for dir in Direction.allCases {
            let w = p[dir].wIH
            #expect(w.rows == 4 * h && w.cols == d)
            #expect(w.data.allSatisfy { abs($0) <= a }, "\(dir.name) W_ih within ±\(a)")
            // Actually spread over the interval, not collapsed near 0.
            #expect((w.data.map(abs).max() ?? 0) > a / 4)
            #expect(w.data.contains { $0 < 0 } && w.data.contains { $0 > 0 })
        }
    }

    @Test(arguments: sizes)
    func tutorialBiasesAreZeroExceptTheForgetQuarterOfBoth(d: Int, h: Int) {
        let p = draw(.tutorial, d: d, h: h)
        let expected = (0..<(4 * h)).map { r -> Float in (h..<(2 * h)).contains(r) ? 1 : 0 }
        for dir in Direction.allCases {
            #expect(p[dir].bIH == expected, "\(dir.name) b_ih")
            #expect(p[dir].bHH == expected, "\(dir.name) b_hh")
        }
        #expect(Gate.forget.rows(hiddenSize: h) == h..<(2 * h))
    }

    @Test(arguments: sizes)
    func pytorchDrawsEverythingWithinOneOverRootH(d: Int, h: Int) {
        let p = draw(.pytorch, d: d, h: h)
        let k = 1 / Float(h).squareRoot()
        for dir in Direction.allCases {
            let q = p[dir]
            #expect(q.wIH.rows == 4 * h && q.wIH.cols == d && q.wHH.cols == h)
            for (name, values) in [("W_ih", q.wIH.data), ("W_hh", q.wHH.data), ("b_ih", q.bIH), ("b_hh", q.bHH)] {
                #expect(values.count >= 4)
                #expect(values.allSatisfy { $0 >= -k && $0 <= k }, "\(dir.name) \(name) within ±\(k)")
                #expect(values.contains { $0 != 0 }, "\(dir.name) \(name) not all zero")
            }
        }
        // nn.LSTM's default has no forget-bias offset: the biases are not the tutorial's.
        #expect(p.forward.bIH != p.forward.bHH)
    }

    @Test(arguments: sizes)
    func zerosIsAllZeros(d: Int, h: Int) {
        let p = draw(.zeros, d: d, h: h)
        for dir in Direction.allCases {
            let q = p[dir]
            #expect(q.wIH.rows == 4 * h && q.wIH.cols == d && q.wHH.rows == 4 * h && q.wHH.cols == h)
            #expect(q.bIH.count == 4 * h && q.bHH.count == 4 * h)
            #expect((q.wIH.data + q.wHH.data + q.bIH + q.bHH).allSatisfy { $0 == 0 })
        }
    }

    @Test(arguments: Initializer.allCases)
    func sameSeedSameParametersDifferentSeedDifferent(initializer: Initializer) {
        let a = draw(initializer, d: 5, h: 4, seed: 11)
        let b = draw(initializer, d: 5, h: 4, seed: 11)
        let c = draw(initializer, d: 5, h: 4, seed: 12)
        #expect(a == b)
        if initializer == .zeros {
            #expect(a == c)
        } else {
            #expect(a.forward.wIH != c.forward.wIH && a.forward.wHH != c.forward.wHH)
            #expect(a.backward.wIH != c.backward.wIH && a.backward.wHH != c.backward.wHH)
            // The two directions are drawn independently.
            #expect(a.forward.wIH != a.backward.wIH && a.forward.wHH != a.backward.wHH)
        }
    }

    @Test(arguments: [(3, 7), (1, 5), (4, 64), (2, 2)])
    func orthogonalOnAWideMatrixHasOrthonormalRows(rows: Int, cols: Int) {
        var g = SeededGenerator(seed: 3)
        let w = Initializer.orthogonal(rows: rows, cols: cols, using: &g)
        #expect(w.rows == rows && w.cols == cols)
        expectIdentity(gram(w, columns: false), "W·Wᵀ for [\(rows), \(cols)]")
    }

    @Test(arguments: [(7, 3), (64, 16), (5, 1), (3, 3)])
    func orthogonalOnATallMatrixHasOrthonormalColumns(rows: Int, cols: Int) {
        var g = SeededGenerator(seed: 4)
        let w = Initializer.orthogonal(rows: rows, cols: cols, using: &g)
        expectIdentity(gram(w, columns: true), "WᵀW for [\(rows), \(cols)]")
    }

    /// The Householder factor (pure Swift, LAPACK's dgeqr2 + dorg2r) is
    /// orthonormal on tall, wide and square shapes, with positive diag(R):
    /// `Qᵀ·A` is upper triangular with a positive diagonal.
    @Test(arguments: [(12, 3), (3, 12), (64, 16), (40, 40)])
    func householderFactorIsOrthonormalWithPositiveR(rows: Int, cols: Int) {
        var g = SeededGenerator(seed: 8)
        let gaussian = g.normals(rows * cols)
        let q = Initializer.orthogonalFactor(gaussian, rows: rows, cols: cols)
        expectIdentity(gram(q, columns: rows >= cols), "Householder factor [\(rows), \(cols)]")
        // R = Qᵀ·A on the tall side: its diagonal is positive.
        let tall = rows >= cols
        let (m, n) = tall ? (rows, cols) : (cols, rows)
        func a(_ r: Int, _ c: Int) -> Double { tall ? gaussian[r * cols + c] : gaussian[c * cols + r] }
        func qv(_ r: Int, _ c: Int) -> Double { Double(tall ? q[r, c] : q[c, r]) }
        for j in 0..<n {
            let rjj = (0..<m).reduce(0.0) { $0 + qv($1, j) * a($1, j) }
            #expect(rjj > 0, "[\(rows), \(cols)] R[\(j), \(j)] = \(rjj)")
        }
    }

    @Test func orthogonalOfAnEmptyShapeIsEmpty() {
        var g = SeededGenerator(seed: 0)
        let w = Initializer.orthogonal(rows: 0, cols: 3, using: &g)
        #expect(w.rows == 0 && w.cols == 3 && w.data.isEmpty)
    }
}

/// `WᵀW` (columns) or `W·Wᵀ` (rows), accumulated in Double from the Float entries.
private func gram(_ w: Matrix, columns: Bool) -> [[Double]] {
    let n = columns ? w.cols : w.rows
    let m = columns ? w.rows : w.cols
    func at(_ vector: Int, _ k: Int) -> Double { Double(columns ? w[k, vector] : w[vector, k]) }
    return (0..<n).map { i in (0..<n).map { j in (0..<m).reduce(0.0) { $0 + at(i, $1) * at(j, $1) } } }
}

private func expectIdentity(
    _ g: [[Double]], _ what: String, tolerance: Double = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var worst = 0.0
    var at = (0, 0)
    for i in g.indices {
        for j in g[i].indices {
            let off = abs(g[i][j] - (i == j ? 1 : 0))
            if off > worst {
                worst = off
                at = (i, j)
            }
        }
    }
    #expect(
        worst <= tolerance, "\(what): entry [\(at.0), \(at.1)] is off identity by \(worst)",
        sourceLocation: sourceLocation)
}
