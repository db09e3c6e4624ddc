import LabText

/// The whole expression's size, before anything is computed.
///
/// A dry run over the tree in evaluation order: where a result's shape can be
/// known without computing (numbers and `[…]` literals, variables, `zeros`,
/// `ones` and `eye` with constant sizes, elementwise functions, broadcasting
/// operators, `@`, whole reductions, `.T`, constant indices), it is charged to
/// a copy of the budget with the operation's own words, exactly as the
/// operation will charge it. Every result stays alive until the expression is
/// done, so when these charges alone pass a limit, evaluating would pass it
/// too: the expression is refused with that operation's message before its
/// first allocation (`zeros(20000, 20000) + 1` used to fill 1.5 GiB, then be
/// refused at `+`). A part whose shape is not known here charges nothing and
/// ends the estimate of what contains it; its errors are left to evaluation.
///
/// ```
/// zeros(20000, 20000) + 1      [20000, 20000] 1.5 GiB, then '+' 1.5 GiB → refused before zeros
/// a[:, None] * a[None]         a known (a variable): two indexed tensors, then '*'
/// ```
extension Evaluator {
    /// Charges what can be known of `e` before it is computed; throws the limit error evaluation would meet.
    mutating func estimate(_ e: Expr) throws(ExprError) {
        do {
            _ = try shape(of: e)
        } catch {
            throw error.located(e.range)
        }
    }

    /// The shape `e` will have, charging its result like the operation does; nil when unknown here.
    private mutating func shape(of e: Expr) throws(ExprError) -> [Int]? {
        switch e.node {
        case .number:
            return []
        case .name(let n):
            return env.shape(of: n)
        case .list:
            // A literal is charged when it is used as a tensor; only its shape is counted here.
            return literalShape(e)
        case .negate(let operand):
            guard let s = try shape(of: operand) else { return nil }
            try charge(s, work: Ops.Unary.neg.cost, what: .call(text: "\(Ops.Unary.neg.rawValue)(…)"))
            return s
        case .binary(let op, let l, let r):
            let ls = try shape(of: l)
            let rs = try shape(of: r)
            guard let ls, let rs else { return nil }
            do {
                return op == .matmul ? try matmulShape(ls, rs) : try elementwise(ls, rs, op)
            } catch {
                throw error.located(operatorRange(between: l.range, and: r.range))
            }
        case .attribute(let object, "T"):
            guard let s = try shape(of: object) else { return nil }
            let reversed = Array(s.reversed())
            try charge(reversed, what: .permuted)
            return reversed
        case .call(let callee, let args):
            return try callShape(callee, args)
        case .subscripted(let base, let items):
            // A `[…]` literal is indexed as a Python list, with no tensor made.
            if case .list = base.node { return nil }
            guard let s = try shape(of: base), s.count > 0 else { return nil }
            return try indexShape(s, items)
        case .tuple, .attribute:
            return nil
        }
    }

    private func literalShape(_ e: Expr) -> [Int]? {
        switch e.node {
        case .number: return []
        case .list(let items):
            let shapes = items.map(literalShape)
            guard let first = shapes.first else { return [0] }
            guard let f = first, shapes.allSatisfy({ $0 == f }) else { return nil }
            return [items.count] + f
        default: return nil
        }
    }

    private mutating func charge(_ shape: [Int], work perElement: Double = 0, what: ExpressionLimitMessage.What)
        throws(ExprError)
    {
        try budget.charge(shape, work: perElement * Double(ExprTensor.count(shape) ?? 0), what: what)
    }

    /// A broadcasting operator's result; nil when the shapes do not broadcast (evaluation says why).
    private mutating func elementwise(_ a: [Int], _ b: [Int], _ op: BinaryOperator) throws(ExprError) -> [Int]? {
        guard let out = try? Ops.broadcast(a, b) else { return nil }
        try charge(out, work: 1, what: .result(op: op.rawValue))
        return out
    }

    /// `torch.matmul`'s result, charged as `Ops.matmul` charges it (`2·batch·m·k·n` of work); nil
    /// when the sizes do not fit (evaluation says why).
    private mutating func matmulShape(_ a: [Int], _ b: [Int]) throws(ExprError) -> [Int]? {
        guard let k = a.last, k > 0, !b.isEmpty, let rows = ExprTensor.count(Array(a.dropLast())) else { return nil }
        if b.count == 1 {
            guard b[0] == k else { return nil }
            return try product(Array(a.dropLast()), work: 2 * Double(rows) * Double(k))
        }
        if b.count == 2 {
            guard b[0] == k else { return nil }
            return try product(Array(a.dropLast()) + [b[1]], work: 2 * Double(rows) * Double(k) * Double(b[1]))
        }
        // Batched: both sides broadcast to a common batch (a vector a is [1, k]).
        let a2 = a.count == 1 ? [1] + a : a
        guard let batch = try? Ops.broadcast(Array(a2.dropLast(2)), Array(b.dropLast(2))),
            let nb = ExprTensor.count(batch), b[b.count - 2] == k
        else { return nil }
        let (m, n) = (a2[a2.count - 2], b[b.count - 1])
        try budget.charge(
            batch + [m, n], work: 2 * Double(nb) * Double(m) * Double(k) * Double(n), what: .product)
        return batch + (a.count == 1 ? [] : [m]) + [n]
    }

    private mutating func product(_ out: [Int], work: Double) throws(ExprError) -> [Int] {
        try budget.charge(out, work: work, what: .product)
        return out
    }

    /// Calls whose result's shape follows from their arguments' shapes or constants.
    private mutating func callShape(_ callee: Expr, _ args: [Argument]) throws(ExprError) -> [Int]? {
        guard args.allSatisfy({ $0.label == nil }) else { return nil }
        var name: String
        var receiver: Expr?
        switch callee.node {
        case .name(let n) where Functions.all.contains(n) && env.shape(of: n) == nil && !env.names.contains(n):
            name = n
        case .attribute(let object, let attr):
            if case .name(let module) = object.node, Functions.modules.contains(module) || module == "nn" {
                guard Functions.all.contains(attr) else { return nil }
                name = attr
            } else {
                // A method of a `[…]` literal is refused by evaluation.
                if case .list = object.node { return nil }
                guard Functions.methods.contains(attr) else { return nil }
                name = attr
                receiver = object
            }
        default:
            return nil
        }
        let inputs = (receiver.map { [$0] } ?? []) + args.map(\.value)
        if let f = Ops.Unary(rawValue: name) {
            guard inputs.count == 1, let input = inputs.first, let s = try shape(of: input) else { return nil }
            try charge(s, work: f.cost, what: .call(text: "\(f.rawValue)(…)"))
            return s
        }
        if let r = Ops.Reduction(rawValue: name) {
            guard inputs.count == 1, let input = inputs.first, let s = try shape(of: input) else { return nil }
            if s.contains(0) && [.max, .min, .argmax, .argmin].contains(r) { return nil }
            try budget.charge([], work: Double(ExprTensor.count(s) ?? 0), what: .call(text: "\(r.rawValue)(…)"))
            return []
        }
        guard receiver == nil, ["zeros", "ones", "eye"].contains(name) else { return nil }
        var dims: [Int] = []
        for a in args {
            guard case .number(let v, true) = a.value.node, v >= 0, v < 1e15 else { return nil }
            dims.append(Int(v))
        }
        if name == "eye" {
            guard dims.count == 1 || dims.count == 2 else { return nil }
            dims = [dims[0], dims.count == 2 ? dims[1] : dims[0]]
        }
        guard !dims.isEmpty else { return nil }
        try budget.charge(dims, what: .call(text: "\(name)(\(dims.map(String.init).joined(separator: ", ")))"))
        return dims
    }

    /// `t[…]` with constant integers, slices, `None` and `...`; nil for anything else.
    private mutating func indexShape(_ s: [Int], _ items: [IndexItem]) throws(ExprError) -> [Int]? {
        var sels: [Selection] = []
        for item in items {
            switch item {
            case .ellipsis(let r): sels.append(.ellipsis(r))
            case .slice(let start, let stop, let step, let r):
                guard let lo = Self.constant(start), let hi = Self.constant(stop), let st = Self.constant(step),
                    (st ?? 1) > 0
                else { return nil }
                sels.append(.slice(start: lo, stop: hi, step: st ?? 1, r))
            case .value(let e):
                if case .name("None") = e.node {
                    sels.append(.newAxis)
                } else if let i = Self.constant(e), let i {
                    sels.append(.integer(i, e.range))
                } else {
                    return nil
                }
            }
        }
        guard let plan = try? IndexPlan(shape: s, sels),
            let (shape, _) = try? plan.result(axes: Array(repeating: "", count: s.count))
        else { return nil }
        try budget.charge(shape, what: .indexed)
        return shape
    }

    /// An integer written as such (`3`, `-1`): `.some(nil)` for an absent bound, nil for anything else.
    private static func constant(_ e: Expr?) -> Int?? {
        guard let e else { return .some(nil) }
        switch e.node {
        case .number(let v, true) where Swift.abs(v) < 1e15: return .some(Int(v))
        case .negate(let inner):
            guard case .number(let v, true) = inner.node, v < 1e15 else { return nil }
            return .some(-Int(v))
        default: return nil
        }
    }
}
