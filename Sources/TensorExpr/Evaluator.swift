/// Evaluates an expression tree over an environment, within a budget.
/// Never prints: the result is a `Value`, errors are `ExprError`s that say
/// which characters they are about.
public struct Evaluator {
    let env: any ExprEnvironment
    var budget: Budget
    /// The expression's characters, to find an operator between its operands.
    let chars: [Character]

    /// Parses and evaluates `text`.
    public static func evaluate(_ text: String, in env: any ExprEnvironment, budget: Budget = Budget())
        throws(ExprError) -> Value
    {
        let tree = try ExprParser.parse(text)
        // What can be known of the whole expression's size is checked before anything is computed.
        var dry = Evaluator(env: env, budget: budget, chars: Array(text))
        try dry.estimate(tree)
        var e = Evaluator(env: env, budget: budget, chars: Array(text))
        let v = try e.eval(tree)
        // A bare `[…]` is a tensor, as `torch.tensor([…])` would make it.
        if case .list = v { return .tensor(try e.tensor(v, at: tree.range)) }
        return v
    }

    /// Names the language defines itself, which a variable may not take.
    public static let reservedNames: Set<String> = ["torch", "F", "nn", "None", "True", "False"]

    mutating func eval(_ e: Expr, allowPending: Bool = false) throws(ExprError) -> Value {
        do {
            return try evalNode(e, allowPending: allowPending)
        } catch {
            throw error.located(e.range)
        }
    }

    private mutating func evalNode(_ e: Expr, allowPending: Bool) throws(ExprError) -> Value {
        switch e.node {
        case .number(let v, let isInteger):
            return .tensor(.scalar(Float(v), isInteger: isInteger))
        case .name(let n):
            return try name(n, allowPending: allowPending)
        case .list(let items):
            var values: [Value] = []
            for item in items { values.append(try eval(item)) }
            return .list(values)
        case .tuple(let items):
            var values: [Value] = []
            for item in items { values.append(try eval(item)) }
            return .tuple(values)
        case .negate(let operand):
            let t = try tensor(try eval(operand), at: operand.range)
            return .tensor(try Ops.unary(.neg, t, budget: &budget))
        case .binary(let op, let l, let r):
            let lv = try eval(l)
            let rv = try eval(r)
            let opRange = operatorRange(between: l.range, and: r.range)
            let a = try tensor(lv, at: l.range)
            let b = try tensor(rv, at: r.range)
            do {
                if op == .matmul { return .tensor(try Ops.matmul(a, b, budget: &budget)) }
                return .tensor(try Ops.binary(op, a, b, budget: &budget))
            } catch {
                throw error.located(opRange)
            }
        case .attribute(let object, let attr):
            return try attribute(object, attr, at: e.range)
        case .call(let callee, let args):
            return try call(callee, args, at: e.range)
        case .subscripted(let base, let items):
            let v = try eval(base, allowPending: true)
            return try subscriptValue(v, items, base: base)
        }
    }

    private func name(_ n: String, allowPending: Bool) throws(ExprError) -> Value {
        switch n {
        case "None": return .none
        case "True": return .tensor(ExprTensor(shape: [], data: [1], isBool: true))
        case "False": return .tensor(ExprTensor(shape: [], data: [0], isBool: true))
        case "torch", "F", "nn": return .callable(n)
        default: break
        }
        if let t = try env.lookup(n) {
            if !allowPending, let p = t.pending, let first = p.firstMissing {
                throw ExprError(.evaluation, p.message(index: first))
            }
            return .tensor(t)
        }
        if Functions.all.contains(n) { return .callable(n) }
        let s = Functions.suggestion(for: n, among: env.names + Functions.all)
        throw ExprError(.evaluation, .undefinedName(name: n, suggestion: s))
    }

    /// The characters of the operator between two operands (for the caret).
    func operatorRange(between l: Range<Int>, and r: Range<Int>) -> Range<Int> {
        var lo = l.upperBound
        var hi = r.lowerBound
        while lo < hi && lo < chars.count && (chars[lo] == " " || chars[lo] == "(") { lo += 1 }
        while hi > lo && hi - 1 < chars.count && (chars[hi - 1] == " " || chars[hi - 1] == "(" || chars[hi - 1] == "-")
        { hi -= 1 }
        return lo < hi ? lo..<hi : l.lowerBound..<r.upperBound
    }

    /// A value used as a tensor: a `[…]` literal is made one.
    mutating func tensor(_ v: Value, at range: Range<Int>) throws(ExprError) -> ExprTensor {
        switch v {
        case .tensor(let t): return t
        case .list: return try Ops.tensor(from: v, budget: &budget)
        case .callable(let n) where Functions.all.contains(n):
            throw ExprError(.evaluation, .call(.isFunction(name: n)), at: range)
        default:
            throw ExprError(.evaluation, .call(.expectedTensor(got: v.type)), at: range)
        }
    }

    private mutating func attribute(_ object: Expr, _ attr: String, at range: Range<Int>) throws(ExprError) -> Value {
        if case .name(let module) = object.node, ["torch", "F", "nn"].contains(module) {
            guard Functions.all.contains(attr) else {
                let full = module == "F" ? "torch.nn.functional" : "torch"
                throw ExprError(
                    .evaluation, .call(.moduleNoAttribute(module: full, attribute: attr, suggestion: nil)), at: range)
            }
            return .callable(attr)
        }
        let v = try eval(object, allowPending: attr == "shape" || attr == "ndim")
        let t = try tensor(v, at: object.range)
        switch attr {
        case "shape": return .size(t.shape)
        case "ndim": return .tensor(.scalar(Float(t.rank), isInteger: true))
        case "T":
            var order = Array(0..<t.rank)
            order.reverse()
            return .tensor(try Ops.permute(t, order, budget: &budget))
        case "mT":
            guard t.rank >= 2 else {
                throw ExprError(.evaluation, .shape(.matrixTransposeRank(rank: t.rank)))
            }
            return .tensor(try Ops.transpose(t, -2, -1, budget: &budget))
        default:
            if Functions.methods.contains(attr) {
                throw ExprError(.evaluation, .call(.methodNotCalled(attribute: attr)), at: range)
            }
            let s = Functions.suggestion(for: attr, among: Functions.methods + Functions.properties)
            throw ExprError(.evaluation, .call(.noAttribute(type: .tensor, attribute: attr, suggestion: s)), at: range)
        }
    }
}
