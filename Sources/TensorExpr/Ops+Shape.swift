/// Reordering, reshaping, splitting and joining.
extension Ops {
    /// Axes in the order `order` (a permutation of 0..<rank).
    static func permute(_ a: ExprTensor, _ order: [Int], budget: inout Budget) throws(ExprError) -> ExprTensor {
        guard order.count == a.rank else {
            throw ExprError(.evaluation, .shape(.permuteLength(rank: a.rank, dims: order.count)))
        }
        var seen = Set<Int>()
        var p: [Int] = []
        for d in order {
            let n = try dim(d, rank: a.rank)
            guard seen.insert(n).inserted else {
                throw ExprError(.evaluation, .shape(.permuteDuplicate))
            }
            p.append(n)
        }
        let shape = p.map { a.shape[$0] }
        try budget.charge(shape, what: .permuted)
        let inStrides = ExprTensor.strides(a.shape)
        let s = p.map { inStrides[$0] }
        let n = a.data.count
        var out = [Float](repeating: 0, count: n)
        var index = [Int](repeating: 0, count: shape.count)
        var src = 0
        for i in 0..<n {
            out[i] = a.data[src]
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                src += s[axis]
                if index[axis] < shape[axis] { break }
                src -= s[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return ExprTensor(shape: shape, data: out, axes: p.map { a.axes[$0] }, isInteger: a.isInteger)
    }

    static func transpose(_ a: ExprTensor, _ d0: Int, _ d1: Int, budget: inout Budget) throws(ExprError) -> ExprTensor {
        let x = try dim(d0, rank: a.rank)
        let y = try dim(d1, rank: a.rank)
        if a.rank < 2 { return a }
        var order = Array(0..<a.rank)
        order.swapAt(x, y)
        return try permute(a, order, budget: &budget)
    }

    /// `reshape`/`view`: one `-1` may be inferred.
    static func reshape(_ a: ExprTensor, _ dims: [Int], budget: inout Budget) throws(ExprError) -> ExprTensor {
        var inferred: Int?
        var known = 1
        for (i, d) in dims.enumerated() {
            if d == -1 {
                guard inferred == nil else { throw ExprError(.evaluation, .shape(.inferOnlyOne)) }
                inferred = i
            } else if d < 0 {
                throw ExprError(
                    .evaluation, .shape(.invalidDimension(size: d, index: i, shape: ExprFormat.shape(dims))))
            } else {
                let (p, o) = known.multipliedReportingOverflow(by: d)
                guard !o else {
                    throw ExprError(
                        .evaluation, .shape(.reshapeSize(shape: ExprFormat.shape(dims), size: a.data.count)))
                }
                known = p
            }
        }
        var shape = dims
        if let i = inferred {
            guard known != 0, a.data.count % known == 0 else {
                throw ExprError(
                    .evaluation, .shape(.reshapeSize(shape: ExprFormat.shape(dims), size: a.data.count)))
            }
            shape[i] = a.data.count / known
        } else if known != a.data.count {
            throw ExprError(
                .evaluation, .shape(.reshapeSize(shape: ExprFormat.shape(dims), size: a.data.count)))
        }
        try budget.charge(shape, what: .reshaped)
        // Axis names survive where the leading sizes are unchanged.
        var axes = Array(repeating: "", count: shape.count)
        for i in 0..<min(shape.count, a.rank) where shape[i] == a.shape[i] && shape.prefix(i) == a.shape.prefix(i) {
            axes[i] = a.axes[i]
        }
        return ExprTensor(shape: shape, data: a.data, axes: axes, isInteger: a.isInteger)
    }

    static func flip(_ a: ExprTensor, _ dims: [Int], budget: inout Budget) throws(ExprError) -> ExprTensor {
        var flips = Set<Int>()
        for d in dims {
            let n = try dim(d, rank: a.rank)
            guard flips.insert(n).inserted else {
                throw ExprError(.evaluation, .shape(.dimRepeated(dim: n)))
            }
        }
        try budget.charge(a.shape, what: .flipped)
        let strides = ExprTensor.strides(a.shape)
        var out = [Float](repeating: 0, count: a.data.count)
        var index = [Int](repeating: 0, count: a.rank)
        for i in 0..<a.data.count {
            var src = 0
            for axis in 0..<a.rank {
                let j = flips.contains(axis) ? a.shape[axis] - 1 - index[axis] : index[axis]
                src += j * strides[axis]
            }
            out[i] = a.data[src]
            var axis = a.rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < a.shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return ExprTensor(shape: a.shape, data: out, axes: a.axes, isInteger: a.isInteger)
    }

    /// `narrow`: indices `start..<start+length` of `axis`.
    static func narrow(_ a: ExprTensor, axis: Int, start: Int, length: Int, budget: inout Budget) throws(ExprError)
        -> ExprTensor
    {
        var shape = a.shape
        shape[axis] = length
        try budget.charge(shape, what: .chunk)
        let outer = a.shape.prefix(axis).reduce(1, *)
        let inner = a.shape.suffix(from: axis + 1).reduce(1, *)
        var out: [Float] = []
        out.reserveCapacity(outer * length * inner)
        for o in 0..<outer {
            let base = (o * a.shape[axis] + start) * inner
            out += a.data[base..<(base + length * inner)]
        }
        return ExprTensor(shape: shape, data: out, axes: a.axes, isInteger: a.isInteger)
    }

    /// `chunk(n, dim)`: pieces of ⌈size/n⌉, the last smaller, as PyTorch splits them.
    static func chunk(_ a: ExprTensor, _ chunks: Int, dim d: Int, budget: inout Budget) throws(ExprError)
        -> [ExprTensor]
    {
        guard chunks > 0 else {
            throw ExprError(.evaluation, .shape(.chunkCount(chunks: chunks)))
        }
        guard a.rank > 0 else { throw ExprError(.evaluation, .shape(.chunkScalar)) }
        let axis = try dim(d, rank: a.rank)
        let size = a.shape[axis]
        let piece = Swift.max((size + chunks - 1) / chunks, 1)
        var parts: [ExprTensor] = []
        var start = 0
        repeat {
            let len = Swift.min(piece, size - start)
            parts.append(try narrow(a, axis: axis, start: start, length: len, budget: &budget))
            start += len
        } while start < size
        return parts
    }

    static func cat(_ parts: [ExprTensor], dim d: Int, budget: inout Budget) throws(ExprError) -> ExprTensor {
        guard let first = parts.first else {
            throw ExprError(.evaluation, .shape(.catEmpty))
        }
        for p in parts where p.rank == 0 {
            throw ExprError(.evaluation, .shape(.catScalar(position: parts.firstIndex(of: p) ?? 0)))
        }
        let axis = try dim(d, rank: first.rank)
        var shape = first.shape
        shape[axis] = 0
        for (k, p) in parts.enumerated() {
            guard p.rank == first.rank else {
                throw ExprError(.evaluation, .shape(.catRank(first: first.rank, got: p.rank)))
            }
            for i in 0..<p.rank where i != axis && p.shape[i] != first.shape[i] {
                throw ExprError(
                    .evaluation,
                    .shape(.catSizes(dimension: axis, expected: first.shape[i], got: p.shape[i], tensor: k)))
            }
            shape[axis] += p.shape[axis]
        }
        try budget.charge(shape, what: .concatenated)
        let outer = first.shape.prefix(axis).reduce(1, *)
        var out: [Float] = []
        out.reserveCapacity(ExprTensor.count(shape) ?? 0)
        for o in 0..<outer {
            for p in parts {
                let block = p.shape.suffix(from: axis).reduce(1, *)
                out += p.data[(o * block)..<((o + 1) * block)]
            }
        }
        return ExprTensor(shape: shape, data: out, axes: first.axes, isInteger: parts.allSatisfy(\.isInteger))
    }

    static func stack(_ parts: [ExprTensor], dim d: Int, budget: inout Budget) throws(ExprError) -> ExprTensor {
        guard let first = parts.first else { throw ExprError(.evaluation, .shape(.stackEmpty)) }
        for (k, p) in parts.enumerated() where p.shape != first.shape {
            throw ExprError(
                .evaluation,
                .shape(.stackSizes(first: ExprFormat.shape(first.shape), got: ExprFormat.shape(p.shape), entry: k)))
        }
        let axis = try dim(d, rank: first.rank + 1)
        let expanded = try parts.map { (p: ExprTensor) throws(ExprError) -> ExprTensor in try unsqueeze(p, axis) }
        return try cat(expanded, dim: axis, budget: &budget)
    }

    static func unsqueeze(_ a: ExprTensor, _ d: Int) throws(ExprError) -> ExprTensor {
        let axis = try dim(d, rank: a.rank + 1)
        var shape = a.shape
        var axes = a.axes
        shape.insert(1, at: axis)
        axes.insert("", at: axis)
        return ExprTensor(shape: shape, data: a.data, axes: axes, isInteger: a.isInteger)
    }

    /// Drops size-1 axes (all, or the one named).
    static func squeeze(_ a: ExprTensor, _ d: Int?) throws(ExprError) -> ExprTensor {
        var keep = Array(0..<a.rank)
        if let d {
            let axis = try dim(d, rank: a.rank)
            if a.rank > 0 && a.shape[axis] == 1 { keep.remove(at: axis) }
        } else {
            keep = keep.filter { a.shape[$0] != 1 }
        }
        return ExprTensor(
            shape: keep.map { a.shape[$0] }, data: a.data, axes: keep.map { a.axes[$0] }, isInteger: a.isInteger)
    }
}
