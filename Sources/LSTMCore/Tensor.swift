/// A dense float32 array with a shape, stored row-major (last axis fastest).
///
/// ```
/// element [i0, i1, …, ik]  at  data[((i0·s1 + i1)·s2 + …)·sk + ik]
/// ```
/// Used for everything the lab shows, loads or saves. Compute paths use
/// `Matrix`, the 2-D case.
public struct Tensor: Equatable, Sendable {
    public let shape: [Int]
    public var data: [Float]

    /// Creates a tensor; `data.count` must equal the product of `shape`.
    public init(shape: [Int], data: [Float]) throws {
        guard let count = Tensor.elementCount(shape) else {
            throw ShapeError.invalidShape(shape)
        }
        guard count == data.count else {
            throw ShapeError.countMismatch(shape: shape, count: data.count)
        }
        self.shape = shape
        self.data = data
    }

    /// Creates a tensor filled with `value`.
    public init(zerosWithShape shape: [Int], value: Float = 0) throws {
        guard let count = Tensor.elementCount(shape) else {
            throw ShapeError.invalidShape(shape)
        }
        self.shape = shape
        self.data = [Float](repeating: value, count: count)
    }

    /// Internal: the caller guarantees the count.
    package init(uncheckedShape shape: [Int], data: [Float]) {
        precondition(Tensor.elementCount(shape) == data.count, "tensor shape/count invariant")
        self.shape = shape
        self.data = data
    }

    public var rank: Int { shape.count }
    public var count: Int { data.count }

    /// The number of elements of `shape`, or nil if a dimension is negative
    /// or the product overflows `Int`.
    public static func elementCount(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            guard d >= 0 else { return nil }
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o { return nil }
            n = p
        }
        return n
    }

    /// The flat offset of `index`, or a `ShapeError` naming the bad axis.
    public func offset(_ index: [Int]) throws -> Int {
        guard index.count == shape.count else {
            throw ShapeError.rankMismatch(expected: shape.count, actual: index.count)
        }
        var off = 0
        for (axis, (i, d)) in zip(index, shape).enumerated() {
            guard i >= 0 && i < d else {
                throw ShapeError.indexOutOfRange(axis: axis, index: i, size: d)
            }
            off = off * d + i
        }
        return off
    }

    public func value(at index: [Int]) throws -> Float {
        data[try offset(index)]
    }

    /// The sub-tensor at `i` along axis 0 (shape `shape.dropFirst()`).
    public func slice(_ i: Int) throws -> Tensor {
        guard let first = shape.first else { throw ShapeError.rankMismatch(expected: 1, actual: 0) }
        guard i >= 0 && i < first else {
            throw ShapeError.indexOutOfRange(axis: 0, index: i, size: first)
        }
        let inner = Array(shape.dropFirst())
        let n = Tensor.elementCount(inner) ?? 0
        return Tensor(uncheckedShape: inner, data: Array(data[(i * n)..<((i + 1) * n)]))
    }

    /// Stacks equally shaped tensors along a new axis 0.
    public static func stack(_ parts: [Tensor]) throws -> Tensor {
        guard let first = parts.first else { throw ShapeError.emptyStack }
        var data: [Float] = []
        data.reserveCapacity(first.count * parts.count)
        for p in parts {
            guard p.shape == first.shape else {
                throw ShapeError.mismatch(what: "stacked tensors", expected: first.shape, actual: p.shape)
            }
            data += p.data
        }
        return Tensor(uncheckedShape: [parts.count] + first.shape, data: data)
    }

    /// Swaps axes 0 and 1 of a rank-3 tensor (`[A, B, C]` → `[B, A, C]`).
    public func swappingFirstAxes() throws -> Tensor {
        guard shape.count == 3 else { throw ShapeError.rankMismatch(expected: 3, actual: shape.count) }
        let (a, b, c) = (shape[0], shape[1], shape[2])
        var out = [Float](repeating: 0, count: data.count)
        for i in 0..<a {
            for j in 0..<b {
                let src = (i * b + j) * c
                let dst = (j * a + i) * c
                for k in 0..<c { out[dst + k] = data[src + k] }
            }
        }
        return Tensor(uncheckedShape: [b, a, c], data: out)
    }

    /// The first non-finite element, as a multi-index, if any.
    public func firstNonFinite() -> (index: [Int], value: Float)? {
        guard let flat = data.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (Tensor.multiIndex(flat, shape: shape), data[flat])
    }

    /// The row-major multi-index of flat offset `flat` in `shape`.
    public static func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
        var rest = flat
        var index = [Int](repeating: 0, count: shape.count)
        for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }
}

/// A shape disagreement, stated with both shapes.
public enum ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidShape([Int])
    case countMismatch(shape: [Int], count: Int)
    case rankMismatch(expected: Int, actual: Int)
    case indexOutOfRange(axis: Int, index: Int, size: Int)
    case mismatch(what: String, expected: [Int], actual: [Int])
    case emptyStack

    public var description: String {
        switch self {
        case .invalidShape(let s): return "invalid shape \(formatShape(s))"
        case .countMismatch(let s, let n):
            return "shape \(formatShape(s)) needs \(Tensor.elementCount(s) ?? -1) values, got \(n)"
        case .rankMismatch(let e, let a): return "expected \(e) dimensions, got \(a)"
        case .indexOutOfRange(let axis, let i, let size):
            return "index \(i) is out of range for axis \(axis) of size \(size)"
        case .mismatch(let what, let e, let a):
            return "\(what): expected shape \(formatShape(e)), got \(formatShape(a))"
        case .emptyStack: return "nothing to stack"
        }
    }
}

/// `[3, 5, 16]`
public func formatShape(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
