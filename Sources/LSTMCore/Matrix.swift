/// A row-major float32 matrix: the compute type of the cell.
///
/// The operators are the tutorial's: `+` and `*` act elementwise as torch's
/// do (a `[Float]` on the right of `+` is a row vector added to every row),
/// and the one product is `timesTransposed`, `F.linear`'s `x·Wᵀ`.
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

    /// Blocks of equal row count side by side, as `torch.cat(dim=1)`.
    public init(concatenatingColumns blocks: [Matrix]) {
        let rows = blocks.first?.rows ?? 0
        precondition(blocks.allSatisfy { $0.rows == rows }, "concatenated row counts")
        var data = [Float]()
        data.reserveCapacity(rows * blocks.reduce(0) { $0 + $1.cols })
        for r in 0..<rows {
            for m in blocks { data += m.data[(r * m.cols)..<((r + 1) * m.cols)] }
        }
        self.init(rows: rows, cols: blocks.reduce(0) { $0 + $1.cols }, data: data)
    }

    /// Blocks of equal column count one under the other, as `torch.cat(dim=0)`.
    public init(stackingRows blocks: [Matrix]) {
        let cols = blocks.first?.cols ?? 0
        precondition(blocks.allSatisfy { $0.cols == cols }, "stacked column counts")
        self.init(rows: blocks.reduce(0) { $0 + $1.rows }, cols: cols, data: blocks.flatMap(\.data))
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
        var out = [Float]()
        out.reserveCapacity(rows * range.count)
        for r in 0..<rows { out += data[(r * cols + range.lowerBound)..<(r * cols + range.upperBound)] }
        return Matrix(rows: rows, cols: range.count, data: out)
    }

    /// Every element through `f`.
    public func map(_ f: (Float) -> Float) -> Matrix {
        Matrix(rows: rows, cols: cols, data: data.map(f))
    }
}

extension Matrix {
    /// `self · wᵀ`, the product of `F.linear`: `[B, K] · [N, K]ᵀ → [B, N]`,
    /// each element summed over k in order:
    ///
    /// ```
    /// out[b, n] = Σ_k self[b, k] · w[n, k]
    /// ```
    public func timesTransposed(_ w: Matrix) -> Matrix {
        precondition(cols == w.cols, "inner dimensions")
        let k = cols
        var out = [Float](repeating: 0, count: rows * w.rows)
        for b in 0..<rows {
            for n in 0..<w.rows {
                var sum: Float = 0
                for p in 0..<k { sum += data[b * k + p] * w.data[n * k + p] }
                out[b * w.rows + n] = sum
            }
        }
        return Matrix(rows: rows, cols: w.rows, data: out)
    }

    /// Elementwise sum of equally shaped matrices.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.cols == b.cols, "add shapes")
        return Matrix(rows: a.rows, cols: a.cols, data: zip(a.data, b.data).map { $0 + $1 })
    }

    /// `bias` (length `cols`) added to every row, as torch broadcasts `[B, N] + [N]`.
    public static func + (a: Matrix, bias: [Float]) -> Matrix {
        precondition(bias.count == a.cols, "bias length")
        return Matrix(rows: a.rows, cols: a.cols, data: a.data.indices.map { a.data[$0] + bias[$0 % a.cols] })
    }

    /// Elementwise product (torch's `*` on tensors, the ⊙ of the formulas).
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.cols == b.cols, "product shapes")
        return Matrix(rows: a.rows, cols: a.cols, data: zip(a.data, b.data).map { $0 * $1 })
    }

    /// Adds `v` (length `cols`) to every row.
    public mutating func addRowVector(_ v: [Float]) {
        self = self + v
    }

    /// Elementwise `self += other`.
    public mutating func add(_ other: Matrix) {
        self = self + other
    }
}
