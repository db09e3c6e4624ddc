import RealModule

/// Shape functions, creation functions, comparisons and `F.linear`.
extension Evaluator {
    mutating func shapeOrCreate(_ name: String, _ args: inout CallArguments) throws(ExprError) -> Value {
        switch name {
        case "zeros", "ones", "full":
            return try filled(name, &args)
        case "zeros_like", "ones_like":
            let t = try args.tensor(0, "input", budget: &budget)
            try args.finish(maxPositional: 1)
            var r = try Ops.filled(t.shape, name == "ones_like" ? 1 : 0, name: name, budget: &budget)
            r.isInteger = t.isInteger
            return .tensor(r)
        case "eye":
            let n = try args.int(0, "n")
            let m = try args.optionalInt(1, "m")
            try args.finish(maxPositional: 2)
            return .tensor(try Ops.eye(n, m, budget: &budget))
        case "arange":
            return try arange(&args)
        case "tensor":
            let t = try args.tensor(0, "data", budget: &budget)
            try args.finish(maxPositional: 1)
            return .tensor(t)
        case "cat", "stack":
            let parts = try args.tensors(0, "tensors", budget: &budget)
            let d = try args.int(1, "dim", default: 0)
            try args.finish(maxPositional: 2)
            return .tensor(
                name == "cat"
                    ? try Ops.cat(parts, dim: d, budget: &budget) : try Ops.stack(parts, dim: d, budget: &budget))
        case "linear":
            let x = try args.tensor(0, "input", budget: &budget)
            let w = try args.tensor(1, "weight", budget: &budget)
            let b = try args.optionalTensor(2, "bias", budget: &budget)
            try args.finish(maxPositional: 3)
            return .tensor(try linear(x, w, b))
        case "allclose", "equal":
            return try compare(name, &args)
        default:
            return try reshaping(name, &args)
        }
    }

    private mutating func reshaping(_ name: String, _ args: inout CallArguments) throws(ExprError) -> Value {
        let t = try args.tensor(0, "input", budget: &budget)
        switch name {
        case "transpose":
            let d0 = try args.int(1, "dim0")
            let d1 = try args.int(2, "dim1")
            try args.finish(maxPositional: 3)
            return .tensor(try Ops.transpose(t, d0, d1, budget: &budget))
        case "t":
            try args.finish(maxPositional: 1)
            guard t.rank <= 2 else {
                throw ExprError(.evaluation, .shape(.transposeRank(rank: t.rank)))
            }
            return .tensor(try Ops.transpose(t, 0, -1, budget: &budget))
        case "reshape", "view":
            guard let dims = try args.ints(from: 1, "shape") else {
                throw ExprError(.evaluation, .call(.missingArgument(function: name, label: "shape")))
            }
            try args.finish(maxPositional: Int.max)
            return .tensor(try Ops.reshape(t, dims, budget: &budget))
        case "flatten":
            let start = try Ops.dim(try args.int(1, "start_dim", default: 0), rank: t.rank)
            let end = try Ops.dim(try args.int(2, "end_dim", default: -1), rank: t.rank)
            try args.finish(maxPositional: 3)
            guard t.rank > 0, start <= end else {
                if t.rank == 0 { return .tensor(try Ops.reshape(t, [1], budget: &budget)) }
                throw ExprError(.evaluation, .shape(.flattenOrder))
            }
            let dims = Array(t.shape[..<start]) + [t.shape[start...end].reduce(1, *)] + Array(t.shape[(end + 1)...])
            return .tensor(try Ops.reshape(t, dims, budget: &budget))
        case "flip":
            guard let dims = try args.ints(from: 1, "dims") else {
                throw ExprError(.evaluation, .call(.missingArgument(function: "flip", label: "dims")))
            }
            try args.finish(maxPositional: Int.max)
            return .tensor(try Ops.flip(t, dims, budget: &budget))
        case "permute":
            guard let dims = try args.ints(from: 1, "dims") else {
                throw ExprError(.evaluation, .call(.missingArgument(function: "permute", label: "dims")))
            }
            try args.finish(maxPositional: Int.max)
            return .tensor(try Ops.permute(t, dims, budget: &budget))
        case "chunk":
            let n = try args.int(1, "chunks")
            let d = try args.int(2, "dim", default: 0)
            try args.finish(maxPositional: 3)
            return .tuple(try Ops.chunk(t, n, dim: d, budget: &budget).map { .tensor($0) })
        case "squeeze":
            let d = try args.optionalInt(1, "dim")
            try args.finish(maxPositional: 2)
            return .tensor(try Ops.squeeze(t, d))
        case "unsqueeze":
            let d = try args.int(1, "dim")
            try args.finish(maxPositional: 2)
            return .tensor(try Ops.unsqueeze(t, d))
        case "softmax", "log_softmax":
            let d = try args.int(1, "dim")
            try args.finish(maxPositional: 2)
            return .tensor(try softmax(t, dim: d, log: name == "log_softmax"))
        case "numel", "dim", "size", "item", "float", "clone", "detach", "contiguous":
            return try query(name, t, &args)
        default:
            throw ExprError(.evaluation, .call(.cannotCallHere(name: name)))
        }
    }

    /// `zeros(2, 3)`, `ones((2, 3))`, `full((2, 2), 0.5)`.
    private mutating func filled(_ name: String, _ args: inout CallArguments) throws(ExprError) -> Value {
        var dims: [Int]
        var fill: Float = name == "ones" ? 1 : 0
        if name == "full" {
            dims = try args.optionalIntList(0, "size") ?? []
            fill = Float(try args.number(1, "fill_value"))
            try args.finish(maxPositional: 2)
        } else {
            dims = try args.ints(from: 0, "size") ?? []
            try args.finish(maxPositional: Int.max)
        }
        return .tensor(try Ops.filled(dims, fill, name: name, budget: &budget))
    }

    /// `arange(end)`, `arange(start, end)`, `arange(start, end, step)`: integer when every bound is.
    private mutating func arange(_ args: inout CallArguments) throws(ExprError) -> Value {
        var bounds: [(Double, Bool)] = []
        for i in 0..<3 {
            guard let (v, r) = try args.value(i, ["start", "end", "step"][i]) else { break }
            guard case .tensor(let t) = v, t.rank == 0, let x = t.data.first else {
                throw ExprError(.evaluation, .call(.arangeArgument(got: v.type)), at: r)
            }
            bounds.append((Double(x), t.isInteger))
        }
        try args.finish(maxPositional: 3)
        let integer = bounds.allSatisfy(\.1)
        switch bounds.count {
        case 1:
            return .tensor(try Ops.arange(start: 0, end: bounds[0].0, step: 1, integer: integer, budget: &budget))
        case 2:
            return .tensor(
                try Ops.arange(start: bounds[0].0, end: bounds[1].0, step: 1, integer: integer, budget: &budget))
        case 3:
            return .tensor(
                try Ops.arange(
                    start: bounds[0].0, end: bounds[1].0, step: bounds[2].0, integer: integer, budget: &budget))
        default: throw ExprError(.evaluation, .call(.missingArgument(function: "arange", label: "end")))
        }
    }

    /// `allclose(a, b, rtol, atol)` and `equal(a, b)`: one boolean.
    private mutating func compare(_ name: String, _ args: inout CallArguments) throws(ExprError) -> Value {
        let a = try args.tensor(0, "input", budget: &budget)
        let b = try args.tensor(1, "other", budget: &budget)
        if name == "equal" {
            try args.finish(maxPositional: 2)
            let same = a.shape == b.shape && a.data == b.data
            return .tensor(ExprTensor(shape: [], data: [same ? 1 : 0], isBool: true))
        }
        let rtol = try args.number(2, "rtol", default: 1e-5)
        let atol = try args.number(3, "atol", default: 1e-8)
        try args.finish(maxPositional: 4)
        _ = try Ops.broadcast(a.shape, b.shape)
        let diff = try Ops.binary(.subtract, a, b, budget: &budget)
        let scale = try Ops.unary(.abs, b, budget: &budget)
        let eb = try Ops.expand(scale, to: diff.shape)
        var close = true
        for (i, d) in diff.data.enumerated() where !(Swift.abs(d) <= Float(atol) + Float(rtol) * eb[i]) {
            close = false
            break
        }
        return .tensor(ExprTensor(shape: [], data: [close ? 1 : 0], isBool: true))
    }

    /// `numel()`, `dim()`, `size(d)`, `item()` and the copies (`float()`, `clone()`, …).
    private mutating func query(_ name: String, _ t: ExprTensor, _ args: inout CallArguments) throws(ExprError)
        -> Value
    {
        switch name {
        case "numel":
            try args.finish(maxPositional: 1)
            return .tensor(.scalar(Float(t.data.count), isInteger: true))
        case "dim":
            try args.finish(maxPositional: 1)
            return .tensor(.scalar(Float(t.rank), isInteger: true))
        case "size":
            let d = try args.optionalInt(1, "dim")
            try args.finish(maxPositional: 2)
            if let d { return .tensor(.scalar(Float(t.shape[try Ops.dim(d, rank: t.rank)]), isInteger: true)) }
            return .size(t.shape)
        case "item":
            try args.finish(maxPositional: 1)
            guard t.data.count == 1, let v = t.data.first else {
                throw ExprError(.evaluation, .shape(.itemCount(count: t.data.count)))
            }
            return .tensor(.scalar(v, isInteger: t.isInteger))
        case "float", "clone", "detach", "contiguous":
            try args.finish(maxPositional: 1)
            var r = t
            if name == "float" {
                r.isInteger = false
                r.isBool = false
            }
            return .tensor(r)
        default:
            throw ExprError(.evaluation, .call(.cannotCallHere(name: name)))
        }
    }

    /// `F.linear(x, W, b) = x·Wᵀ + b`, with PyTorch's messages.
    private mutating func linear(_ x: ExprTensor, _ w: ExprTensor, _ b: ExprTensor?) throws(ExprError) -> ExprTensor {
        guard w.rank == 2 || w.rank == 1 else {
            throw ExprError(.evaluation, .shape(.transposeRank(rank: w.rank)))
        }
        let wt = try Ops.transpose(w, 0, -1, budget: &budget)
        let y = try Ops.matmul(x, wt, budget: &budget)
        guard let b else { return y }
        // PyTorch expands the bias to the product's shape, so its message is about expanding.
        for j in 0..<max(b.rank, y.rank) {
            let bi = b.rank - 1 - j
            let yi = y.rank - 1 - j
            let bs = bi >= 0 ? b.shape[bi] : 1
            guard yi >= 0 else {
                throw ExprError(.evaluation, .shape(.expandRank(target: y.rank, tensor: b.rank)))
            }
            if bs != 1 && bs != y.shape[yi] {
                throw ExprError(
                    .evaluation,
                    .shape(
                        .expandedSize(
                            target: y.shape[yi], existing: bs, dimension: yi, targetShape: ExprFormat.shape(y.shape),
                            tensorShape: ExprFormat.shape(b.shape))))
            }
        }
        return try Ops.binary(.add, y, b, budget: &budget)
    }

    private mutating func softmax(_ t: ExprTensor, dim d: Int, log: Bool) throws(ExprError) -> ExprTensor {
        let axis = try Ops.dim(d, rank: t.rank)
        let m = try Ops.reduce(.max, t, dims: t.rank == 0 ? nil : [axis], keepdim: true, budget: &budget)
        let shifted = try Ops.binary(.subtract, t, m, budget: &budget)
        let e = try Ops.unary(.exp, shifted, budget: &budget)
        let s = try Ops.reduce(.sum, e, dims: t.rank == 0 ? nil : [axis], keepdim: true, budget: &budget)
        if log { return try Ops.binary(.subtract, shifted, try Ops.unary(.log, s, budget: &budget), budget: &budget) }
        return try Ops.binary(.divide, e, s, budget: &budget)
    }
}
