/// Reductions over one or more dimensions, with `keepdim`.
extension Ops {
    enum Reduction: String, Sendable {
        case sum, mean, max, min, argmax, argmin, norm, prod
    }

    /// `op` over `dims` (all when nil). Sums run in Double, then round once.
    static func reduce(
        _ op: Reduction, _ a: ExprTensor, dims: [Int]?, keepdim: Bool,
        budget: inout Budget
    ) throws(ExprError) -> ExprTensor {
        let axes = try reducedAxes(dims, rank: a.rank)
        let outShape = a.shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
        let finalShape = keepdim ? outShape : a.shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
        let finalAxes = keepdim ? a.axes : a.axes.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
        let reducedCount = axes.reduce(1) { $0 * a.shape[$1] }
        if reducedCount == 0 && [.max, .min, .argmax, .argmin].contains(op) {
            throw ExprError(.evaluation, .shape(.reductionEmpty(function: op.rawValue)))
        }
        try budget.charge(finalShape, work: Double(a.data.count), what: .call(text: "\(op.rawValue)(…)"))
        let outCount = ExprTensor.count(outShape) ?? 0
        // For each output element, the input offsets it reduces: walk the input once.
        var acc = [Double](repeating: op == .prod ? 1 : 0, count: outCount)
        var best = [Float](repeating: 0, count: outCount)
        var bestIndex = [Int](repeating: -1, count: outCount)
        var nan = [Bool](repeating: false, count: outCount)
        let outStrides = ExprTensor.strides(outShape)
        var index = [Int](repeating: 0, count: a.rank)
        for i in 0..<a.data.count {
            if i & 0xFFFF == 0 { try budget.poll() }
            var o = 0
            var r = 0
            var rStride = 1
            for axis in stride(from: a.rank - 1, through: 0, by: -1) {
                if axes.contains(axis) {
                    r += index[axis] * rStride
                    rStride *= a.shape[axis]
                } else {
                    o += index[axis] * outStrides[axis]
                }
            }
            let v = a.data[i]
            switch op {
            case .sum, .mean: acc[o] += Double(v)
            case .prod: acc[o] *= Double(v)
            case .norm: acc[o] += Double(v) * Double(v)
            case .max, .argmax, .min, .argmin:
                let better = op == .max || op == .argmax ? v > best[o] : v < best[o]
                if !nan[o] && (bestIndex[o] < 0 || better || v.isNaN) {
                    best[o] = v
                    bestIndex[o] = r
                    if v.isNaN { nan[o] = true }
                }
            }
            var axis = a.rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < a.shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        let data: [Float]
        switch op {
        case .sum: data = acc.map { Float($0) }
        case .prod: data = acc.map { Float($0) }
        case .mean: data = acc.map { Float($0 / Double(reducedCount)) }
        case .norm: data = acc.map { Float($0.squareRoot()) }
        case .max, .min: data = best
        case .argmax, .argmin: data = bestIndex.map { Float(Swift.max($0, 0)) }
        }
        let isInt = op == .argmax || op == .argmin || (a.isInteger && [.sum, .max, .min, .prod].contains(op))
        return ExprTensor(shape: finalShape, data: data, axes: finalAxes, isInteger: isInt)
    }

    /// The dimensions `dims` names (all when nil), each once; none for a scalar.
    private static func reducedAxes(_ dims: [Int]?, rank: Int) throws(ExprError) -> Set<Int> {
        var axes = Set<Int>()
        if let dims {
            for d in dims {
                let n = try dim(d, rank: rank)
                guard axes.insert(n).inserted else {
                    throw ExprError(.evaluation, .shape(.dimRepeated(dim: n)))
                }
            }
        } else {
            axes = Set(0..<rank)
        }
        return rank == 0 ? [] : axes
    }
}
