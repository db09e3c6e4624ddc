import LabText

/// `a[…]`: integers, slices, `...`, `None`, integer lists and 1-D masks, with
/// numpy's rules for where list-indexed axes go, and PyTorch's messages.
/// Indexing an over-time name checks that every step it selects is computed.
extension Evaluator {
    /// One index item, evaluated.
    enum Selection {
        case integer(Int, Range<Int>)
        case slice(start: Int?, stop: Int?, step: Int, Range<Int>)
        case newAxis
        case ellipsis(Range<Int>)
        case list([Int], Range<Int>)
        case mask([Bool], Range<Int>)
    }

    mutating func subscriptValue(_ v: Value, _ items: [IndexItem], base: Expr) throws(ExprError) -> Value {
        switch v {
        case .tensor(let t):
            var sels: [Selection] = []
            for item in items { sels.append(try selection(item)) }
            return .tensor(try index(t, sels, baseRange: base.range))
        case .tuple(let xs), .list(let xs):
            return try indexSequence(xs, items, wrap: { v.isTuple ? .tuple($0) : .list($0) })
        case .size(let dims):
            return try indexSequence(
                dims.map { .tensor(.scalar(Float($0), isInteger: true)) }, items,
                wrap: { vs in
                    .size(
                        vs.compactMap {
                            if case .tensor(let t) = $0 { return Int(t.data.first ?? 0) } else { return nil }
                        })
                })
        default:
            throw ExprError(.evaluation, .index(.notSubscriptable(type: v.type)), at: base.range)
        }
    }

    /// `chunks[1]`, `a.shape[-1]`, `t.shape[1:]`: Python's sequence indexing.
    private mutating func indexSequence(_ xs: [Value], _ items: [IndexItem], wrap: ([Value]) -> Value) throws(ExprError)
        -> Value
    {
        guard items.count == 1, let item = items.first else {
            throw ExprError(.evaluation, .index(.tupleIndexIsTuple))
        }
        switch try selection(item) {
        case .integer(let i, let r):
            let j = i < 0 ? i + xs.count : i
            guard j >= 0 && j < xs.count else { throw ExprError(.evaluation, .index(.tupleIndexOutOfRange), at: r) }
            return xs[j]
        case .slice(let start, let stop, let step, _):
            return wrap(Evaluator.sliceIndices(start, stop, step, size: xs.count).map { xs[$0] })
        default:
            throw ExprError(.evaluation, .index(.tupleIndexKind))
        }
    }

    private mutating func selection(_ item: IndexItem) throws(ExprError) -> Selection {
        switch item {
        case .ellipsis(let r): return .ellipsis(r)
        case .slice(let start, let stop, let step, let r):
            func bound(_ e: Expr?, _ label: String) throws(ExprError) -> Int? {
                guard let e else { return nil }
                let v = try eval(e)
                if v == .none { return nil }
                return try CallArguments.int(v, function: "slice", label: label, at: e.range)
            }
            let st = try bound(step, "step") ?? 1
            guard st != 0 else { throw ExprError(.evaluation, .index(.sliceStepZero), at: r) }
            guard st > 0 else { throw ExprError(.evaluation, .index(.sliceStepNegative), at: r) }
            return .slice(start: try bound(start, "start"), stop: try bound(stop, "stop"), step: st, r)
        case .value(let e):
            let v = try eval(e)
            switch v {
            case .none: return .newAxis
            case .tensor(let t) where t.rank == 0 && !t.isBool:
                guard t.isInteger, let x = t.data.first, abs(x) < 1e15 else {
                    throw ExprError(.evaluation, .index(.floatIndex), at: e.range)
                }
                return .integer(Int(x), e.range)
            default:
                let t = try tensor(v, at: e.range)
                if t.isBool {
                    guard t.rank <= 1 else {
                        throw ExprError(.evaluation, .index(.maskRank), at: e.range)
                    }
                    return .mask(t.data.map { $0 != 0 }, e.range)
                }
                guard t.isInteger || t.data.isEmpty else {
                    throw ExprError(.evaluation, .index(.indexTensorType), at: e.range)
                }
                guard t.rank <= 1 else {
                    throw ExprError(.evaluation, .index(.indexListRank), at: e.range)
                }
                var list: [Int] = []
                for x in t.data {
                    guard x.isFinite, abs(x) < 1e15 else {
                        throw ExprError(.evaluation, .index(.indexNotFinite(value: "\(x)")), at: e.range)
                    }
                    list.append(Int(x))
                }
                return .list(list, e.range)
            }
        }
    }

    /// Python's slice over `size` elements (step > 0), clamped.
    static func sliceIndices(_ start: Int?, _ stop: Int?, _ step: Int, size: Int) -> [Int] {
        func clamp(_ v: Int?, _ d: Int) -> Int {
            guard let v else { return d }
            let x = v < 0 ? v + size : v
            return Swift.min(Swift.max(x, 0), size)
        }
        let lo = clamp(start, 0)
        let hi = clamp(stop, size)
        return lo < hi ? Array(stride(from: lo, to: hi, by: step)) : []
    }

    private mutating func index(_ t: ExprTensor, _ sels: [Selection], baseRange: Range<Int>) throws(ExprError)
        -> ExprTensor
    {
        let plan = try IndexPlan(shape: t.shape, sels)
        if let p = t.pending, p.axis < plan.chosen.count { try p.check(plan.chosen[p.axis], at: baseRange) }
        let (shape, axes) = try plan.result(axes: t.axes)
        try budget.charge(shape, what: .indexed)
        return ExprTensor(
            shape: shape, data: plan.gather(t, shape: shape), axes: axes, isInteger: t.isInteger, isBool: t.isBool)
    }

    /// Where an index takes its elements from: per source axis the selected
    /// indices, per output axis where it comes from, and the list-indexed
    /// ("advanced") axes, which numpy puts where the first one was when they
    /// are adjacent, else in front.
    struct IndexPlan {
        enum OutAxis {
            case source(Int)
            case new, advanced
        }

        var chosen: [[Int]]
        var advancedAxes: [Int] = []
        var advancedLists: [[Int]] = []
        var out: [OutAxis] = []

        init(shape: [Int], _ sels: [Selection]) throws(ExprError) {
            let rank = shape.count
            var consuming = 0
            var ellipses = 0
            for s in sels {
                switch s {
                case .integer, .slice, .list, .mask: consuming += 1
                case .ellipsis: ellipses += 1
                case .newAxis: break
                }
            }
            guard ellipses <= 1 else {
                throw ExprError(.evaluation, .index(.singleEllipsis))
            }
            guard consuming <= rank else {
                throw ExprError(.evaluation, .index(.tooManyIndices(rank: rank)))
            }
            chosen = [[Int]](repeating: [], count: rank)
            var src = 0
            var ordinal = 0
            var firstAdvancedOut: Int?
            var lastAdvancedItem = -2
            var adjacent = true
            for (position, s) in sels.enumerated() {
                switch s {
                case .newAxis:
                    out.append(.new)
                case .ellipsis:
                    for _ in 0..<(rank - consuming) {
                        chosen[src] = Array(0..<shape[src])
                        out.append(.source(src))
                        src += 1
                    }
                case .integer(let i, let r):
                    let size = shape[src]
                    guard i >= -size && i < size else {
                        throw ExprError(
                            .evaluation, .indexOutOfBounds(index: i, dimension: position, size: size), at: r)
                    }
                    chosen[src] = [i < 0 ? i + size : i]
                    src += 1
                case .slice(let start, let stop, let step, _):
                    chosen[src] = Evaluator.sliceIndices(start, stop, step, size: shape[src])
                    out.append(.source(src))
                    src += 1
                case .list, .mask:
                    let list = try Self.indices(s, size: shape[src], ordinal: ordinal)
                    if firstAdvancedOut == nil {
                        firstAdvancedOut = out.count
                        out.append(.advanced)
                    } else if lastAdvancedItem != position - 1 {
                        adjacent = false
                    }
                    lastAdvancedItem = position
                    chosen[src] = list
                    advancedAxes.append(src)
                    advancedLists.append(list)
                    ordinal += 1
                    src += 1
                }
            }
            while src < rank {
                chosen[src] = Array(0..<shape[src])
                out.append(.source(src))
                src += 1
            }
            if !adjacent, let i = out.firstIndex(where: { if case .advanced = $0 { true } else { false } }) {
                out.remove(at: i)
                out.insert(.advanced, at: 0)
            }
        }

        /// An index list or a mask as indices from 0, checked against `size`.
        static func indices(_ s: Selection, size: Int, ordinal: Int) throws(ExprError) -> [Int] {
            var list: [Int] = []
            var r = 0..<0
            if case .list(let xs, let range) = s {
                list = xs
                r = range
            }
            if case .mask(let m, let range) = s {
                r = range
                guard m.count == size else {
                    throw ExprError(.evaluation, .index(.maskShape(mask: m.count, size: size)), at: r)
                }
                list = m.indices.filter { m[$0] }
            }
            for i in list where i < -size || i >= size {
                throw ExprError(.evaluation, .indexOutOfBounds(index: i, dimension: ordinal, size: size), at: r)
            }
            return list.map { $0 < 0 ? $0 + size : $0 }
        }

        /// The result's shape and axis names; index lists broadcast together (one length, or length 1).
        func result(axes names: [String]) throws(ExprError) -> (shape: [Int], axes: [String]) {
            var advancedLength = 1
            for l in advancedLists where l.count != 1 {
                if advancedLength != 1 && l.count != advancedLength {
                    let shapes = advancedLists.map { "[\($0.count)]" }.joined(separator: ", ")
                    throw ExprError(.evaluation, .index(.indexBroadcast(shapes: shapes)))
                }
                advancedLength = l.count
            }
            var shape: [Int] = []
            var axes: [String] = []
            for o in out {
                switch o {
                case .source(let a):
                    shape.append(chosen[a].count)
                    axes.append(names[a])
                case .new:
                    shape.append(1)
                    axes.append("")
                case .advanced:
                    shape.append(advancedLength)
                    axes.append(advancedAxes.count == 1 ? names[advancedAxes[0]] : "")
                }
            }
            return (shape, axes)
        }

        /// The selected elements of `t` in the result's order.
        func gather(_ t: ExprTensor, shape: [Int]) -> [Float] {
            let n = ExprTensor.count(shape) ?? 0
            var data = [Float](repeating: 0, count: n)
            let strides = ExprTensor.strides(t.shape)
            var idx = [Int](repeating: 0, count: shape.count)
            for i in 0..<n {
                var offset = 0
                var k = 0
                var sourcePos = [Int](repeating: -1, count: t.rank)
                for (axis, o) in out.enumerated() {
                    switch o {
                    case .source(let a): sourcePos[a] = idx[axis]
                    case .advanced: k = idx[axis]
                    case .new: break
                    }
                }
                for a in 0..<t.rank {
                    let list = chosen[a]
                    let j: Int
                    if advancedAxes.contains(a) {
                        j = list.count == 1 ? list[0] : list[k]
                    } else if sourcePos[a] >= 0 {
                        j = list[sourcePos[a]]
                    } else {
                        j = list[0]
                    }
                    offset += j * strides[a]
                }
                data[i] = t.data[offset]
                var axis = shape.count - 1
                while axis >= 0 {
                    idx[axis] += 1
                    if idx[axis] < shape[axis] { break }
                    idx[axis] = 0
                    axis -= 1
                }
            }
            return data
        }
    }
}

extension Value {
    var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }
}
