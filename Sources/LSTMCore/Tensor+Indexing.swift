extension Tensor {
    /// The sub-tensor at `index` along `axis` (that axis removed).
    public func selecting(axis: Int, index: Int) throws -> Tensor {
        guard axis >= 0 && axis < rank else { throw ShapeError.rankMismatch(expected: axis + 1, actual: rank) }
        guard index >= 0 && index < shape[axis] else {
            throw ShapeError.indexOutOfRange(axis: axis, index: index, size: shape[axis])
        }
        let outer = shape.prefix(axis).reduce(1, *)
        let inner = shape.suffix(from: axis + 1).reduce(1, *)
        var out = [Float]()
        out.reserveCapacity(outer * inner)
        for o in 0..<outer {
            let base = (o * shape[axis] + index) * inner
            out += data[base..<(base + inner)]
        }
        var s = shape
        s.remove(at: axis)
        return try Tensor(shape: s, data: out)
    }

    /// The same values in `newShape` (which must hold as many).
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        try Tensor(shape: newShape, data: data)
    }
}
