import LabText

/// `torch.matmul`: dot, matrix–vector, matrix product, and batched products
/// with the batch dimensions broadcast, with PyTorch's messages for each case.
extension Ops {
    static func matmul(_ a: ExprTensor, _ b: ExprTensor, budget: inout Budget) throws(ExprError) -> ExprTensor {
        guard a.rank > 0 && b.rank > 0 else {
            throw ExprError(.evaluation, .shape(.matmulScalar(left: a.rank, right: b.rank)))
        }
        let isInt = a.isInteger && b.isInteger
        switch (a.rank, b.rank) {
        case (1, 1):
            guard a.shape[0] == b.shape[0] else {
                throw ExprError(.evaluation, .shape(.dotSizes(left: a.shape[0], right: b.shape[0])))
            }
            let r = try product(a.data, b.data, batch: 1, m: 1, k: a.shape[0], n: 1, budget: &budget)
            return ExprTensor(shape: [], data: r, isInteger: isInt)
        case (2, 1):
            guard a.shape[1] == b.shape[0] else {
                throw ExprError(
                    .evaluation, .shape(.matrixVector(rows: a.shape[0], columns: a.shape[1], vector: b.shape[0])))
            }
            let r = try product(a.data, b.data, batch: 1, m: a.shape[0], k: a.shape[1], n: 1, budget: &budget)
            return ExprTensor(shape: [a.shape[0]], data: r, axes: [a.axes[0]], isInteger: isInt)
        case (1, 2):
            guard a.shape[0] == b.shape[0] else {
                throw ExprError(
                    .evaluation, .matmulShapes(left: "1x\(a.shape[0])", right: "\(b.shape[0])x\(b.shape[1])"))
            }
            let r = try product(a.data, b.data, batch: 1, m: 1, k: a.shape[0], n: b.shape[1], budget: &budget)
            return ExprTensor(shape: [b.shape[1]], data: r, axes: [b.axes[1]], isInteger: isInt)
        case (_, 1) where a.rank >= 3, (_, 2) where a.rank >= 3:
            // Folded: [..., m, k] as [(…·m), k].
            let k = a.shape[a.rank - 1]
            let rows = a.data.count / Swift.max(k, 1)
            let foldedRows = k == 0 ? a.shape.dropLast().reduce(1, *) : rows
            if b.rank == 1 {
                guard k == b.shape[0] else {
                    throw ExprError(
                        .evaluation, .shape(.matrixVector(rows: foldedRows, columns: k, vector: b.shape[0])))
                }
                let r = try product(a.data, b.data, batch: 1, m: foldedRows, k: k, n: 1, budget: &budget)
                return ExprTensor(
                    shape: Array(a.shape.dropLast()), data: r, axes: Array(a.axes.dropLast()), isInteger: isInt)
            }
            guard k == b.shape[0] else {
                throw ExprError(
                    .evaluation, .matmulShapes(left: "\(foldedRows)x\(k)", right: "\(b.shape[0])x\(b.shape[1])"))
            }
            let r = try product(a.data, b.data, batch: 1, m: foldedRows, k: k, n: b.shape[1], budget: &budget)
            return ExprTensor(
                shape: Array(a.shape.dropLast()) + [b.shape[1]], data: r,
                axes: Array(a.axes.dropLast()) + [b.axes[1]], isInteger: isInt)
        case (2, 2):
            guard a.shape[1] == b.shape[0] else {
                throw ExprError(
                    .evaluation,
                    .matmulShapes(left: "\(a.shape[0])x\(a.shape[1])", right: "\(b.shape[0])x\(b.shape[1])"))
            }
            let r = try product(a.data, b.data, batch: 1, m: a.shape[0], k: a.shape[1], n: b.shape[1], budget: &budget)
            return ExprTensor(
                shape: [a.shape[0], b.shape[1]], data: r, axes: [a.axes[0], b.axes[1]], isInteger: isInt)
        default:
            return try batched(a, b, budget: &budget)
        }
    }

    /// Both sides broadcast to a common batch, then one product per batch entry.
    private static func batched(_ a0: ExprTensor, _ b0: ExprTensor, budget: inout Budget) throws(ExprError)
        -> ExprTensor
    {
        var a = a0
        var b = b0
        let aVector = a.rank == 1
        let bVector = b.rank == 1
        if aVector { a = try unsqueeze(a, 0) }
        if bVector { b = try unsqueeze(b, 1) }
        let batchA = Array(a.shape.dropLast(2))
        let batchB = Array(b.shape.dropLast(2))
        let batch = try broadcast(batchA, batchB)
        let m = a.shape[a.rank - 2]
        let k = a.shape[a.rank - 1]
        let k2 = b.shape[b.rank - 2]
        let n = b.shape[b.rank - 1]
        guard let nb = ExprTensor.count(batch), ExprTensor.extent(batch) != nil else {
            throw ExprError(.limit, .limit(.batchTooMany(shape: ExprFormat.shape(batch))))
        }
        guard k == k2 else {
            throw ExprError(.evaluation, .batchMatmul(batch: nb, rows: k, got: k2))
        }
        var outShape = batch + [m, n]
        try budget.charge(outShape, work: 2 * Double(nb) * Double(m) * Double(k) * Double(n), what: .product)
        let ea = try expand(a, to: batch + [m, k])
        let eb = try expand(b, to: batch + [k, n])
        var out = try product(ea, eb, batch: nb, m: m, k: k, n: n, budget: &budget, charged: true)
        var axes = Array(repeating: "", count: outShape.count)
        if !aVector { axes[axes.count - 2] = a.axes[a.rank - 2] }
        if !bVector { axes[axes.count - 1] = b.axes[b.rank - 1] }
        if aVector {
            outShape.remove(at: outShape.count - 2)
            axes.remove(at: axes.count - 2)
        }
        if bVector {
            outShape.removeLast()
            axes.removeLast()
        }
        if out.count != ExprTensor.count(outShape) { out = Array(out.prefix(ExprTensor.count(outShape) ?? 0)) }
        return ExprTensor(shape: outShape, data: out, axes: axes, isInteger: a.isInteger && b.isInteger)
    }

    /// `t`'s data laid out as `shape` (broadcast).
    static func expand(_ t: ExprTensor, to shape: [Int]) throws(ExprError) -> [Float] {
        if t.shape == shape { return t.data }
        let s = broadcastStrides(t.shape, to: shape)
        let n = ExprTensor.count(shape) ?? 0
        var out = [Float](repeating: 0, count: n)
        var index = [Int](repeating: 0, count: shape.count)
        var src = 0
        for i in 0..<n {
            out[i] = t.data[src]
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
        return out
    }

    /// `batch` products `[m, k]·[k, n]`, each sum in Double and rounded once.
    static func product(
        _ a: [Float], _ b: [Float], batch: Int, m: Int, k: Int, n: Int,
        budget: inout Budget, charged: Bool = false
    ) throws(ExprError) -> [Float] {
        if !charged {
            try budget.charge(
                [batch, m, n], work: 2 * Double(batch) * Double(m) * Double(k) * Double(n), what: .product)
        }
        var out = [Float](repeating: 0, count: batch * m * n)
        var row = [Double](repeating: 0, count: n)
        for p in 0..<batch {
            let aBase = p * m * k
            let bBase = p * k * n
            let oBase = p * m * n
            for i in 0..<m {
                try budget.poll()
                for j in 0..<n { row[j] = 0 }
                for q in 0..<k {
                    let x = Double(a[aBase + i * k + q])
                    let bRow = bBase + q * n
                    for j in 0..<n { row[j] += x * Double(b[bRow + j]) }
                }
                for j in 0..<n { out[oBase + i * n + j] = Float(row[j]) }
            }
        }
        return out
    }
}
