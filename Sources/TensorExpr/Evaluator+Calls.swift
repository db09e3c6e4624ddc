/// Function and method calls: `f(…)`, `torch.f(…)`, `F.f(…)` and `t.f(…)`
/// share one implementation, the tensor being the first argument.
extension Evaluator {
    mutating func call(_ callee: Expr, _ arguments: [Argument], at range: Range<Int>) throws(ExprError) -> Value {
        var name: String
        var receiver: (Value, Range<Int>)?
        switch callee.node {
        case .name(let n):
            if env.names.contains(n) {
                throw ExprError(.evaluation, .call(.notCallable(type: .tensor)), at: callee.range)
            }
            guard Functions.all.contains(n) else {
                _ = try eval(callee)
                throw ExprError(.evaluation, .call(.nameNotCallable(name: n)))
            }
            name = n
        case .attribute(let object, let attr):
            if case .name(let module) = object.node, Functions.modules.contains(module) || module == "nn" {
                guard Functions.all.contains(attr) else {
                    let full = module == "F" ? "torch.nn.functional" : "torch"
                    let s = Functions.suggestion(for: attr, among: Functions.all)
                    throw ExprError(
                        .evaluation, .call(.moduleNoAttribute(module: full, attribute: attr, suggestion: s)),
                        at: callee.range)
                }
                name = attr
            } else {
                let v = try eval(object)
                guard case .tensor = v else {
                    throw ExprError(
                        .evaluation, .call(.noAttribute(type: v.type, attribute: attr, suggestion: nil)),
                        at: callee.range)
                }
                guard Functions.methods.contains(attr) else {
                    let s = Functions.suggestion(for: attr, among: Functions.methods + Functions.properties)
                    throw ExprError(
                        .evaluation, .call(.noAttribute(type: .tensor, attribute: attr, suggestion: s)),
                        at: callee.range)
                }
                name = attr
                receiver = (v, object.range)
            }
        default:
            let v = try eval(callee)
            throw ExprError(.evaluation, .call(.notCallable(type: v.type)), at: callee.range)
        }
        var positional: [(value: Value, range: Range<Int>)] = []
        if let receiver { positional.append((value: receiver.0, range: receiver.1)) }
        var keywords: [String: (value: Value, range: Range<Int>)] = [:]
        for a in arguments {
            let v = try eval(a.value)
            if let label = a.label {
                guard keywords[label] == nil else {
                    throw ExprError(.syntax, .syntax(.keywordRepeated(label: label)), at: a.value.range)
                }
                keywords[label] = (value: v, range: a.value.range)
            } else {
                positional.append((value: v, range: a.value.range))
            }
        }
        var args = CallArguments(function: name, positional: positional, keywords: keywords)
        return try apply(name, &args)
    }

    private mutating func apply(_ name: String, _ args: inout CallArguments) throws(ExprError) -> Value {
        if let f = Ops.Unary(rawValue: name) {
            let t = try args.tensor(0, "input", budget: &budget)
            try args.finish(maxPositional: 1)
            return .tensor(try Ops.unary(f, t, budget: &budget))
        }
        let binaries: [String: BinaryOperator] = [
            "add": .add, "sub": .subtract, "mul": .multiply, "div": .divide,
            "pow": .power, "matmul": .matmul, "mm": .matmul,
        ]
        if let op = binaries[name] {
            let a = try args.tensor(0, "input", budget: &budget)
            let b = try args.tensor(1, "other", budget: &budget)
            try args.finish(maxPositional: 2)
            if name == "mm" && (a.rank != 2 || b.rank != 2) {
                throw ExprError(.evaluation, .call(.mmNeedsMatrices))
            }
            return .tensor(
                op == .matmul ? try Ops.matmul(a, b, budget: &budget) : try Ops.binary(op, a, b, budget: &budget))
        }
        if let r = Ops.Reduction(rawValue: name) { return try reduction(r, &args) }
        switch name {
        case "maximum", "minimum":
            let a = try args.tensor(0, "input", budget: &budget)
            let b = try args.tensor(1, "other", budget: &budget)
            try args.finish(maxPositional: 2)
            let greater = try Ops.binary(name == "maximum" ? .greater : .less, a, b, budget: &budget)
            let both = try Ops.binary(.multiply, greater, a, budget: &budget)
            let notGreater = try Ops.binary(.subtract, .scalar(1), greater, budget: &budget)
            return .tensor(
                try Ops.binary(.add, both, try Ops.binary(.multiply, notGreater, b, budget: &budget), budget: &budget))
        default:
            return try shapeOrCreate(name, &args)
        }
    }

    /// `sum`, `mean`, `max`, …: over everything, or over `dim` (an int or a tuple) with `keepdim`.
    private mutating func reduction(_ r: Ops.Reduction, _ args: inout CallArguments) throws(ExprError) -> Value {
        let t = try args.tensor(0, "input", budget: &budget)
        if r == .max || r == .min, let (other, _) = try args.value(1, "other"), case .tensor(let o) = other,
            o.rank > 0 || !o.isInteger
        {
            try args.finish(maxPositional: 2)
            var a = args
            a.function = r == .max ? "maximum" : "minimum"
            return try apply(a.function, &a)
        }
        var p = 1
        if r == .norm {
            let order = try args.number(1, "p", default: 2)
            guard order == 2 else { throw ExprError(.evaluation, .call(.normOrder)) }
            p = 2
        }
        let dims = try args.optionalIntList(p, "dim")
        let keepdim = try args.bool(p + 1, "keepdim", default: false)
        try args.finish(maxPositional: p + 2)
        if [.max, .min].contains(r), let dims {
            guard dims.count == 1 else {
                throw ExprError(.evaluation, CallArguments.mustBe(.int, "dim", .tuple([]), r.rawValue))
            }
            let values = try Ops.reduce(r, t, dims: dims, keepdim: keepdim, budget: &budget)
            let indices = try Ops.reduce(
                r == .max ? .argmax : .argmin, t, dims: dims, keepdim: keepdim, budget: &budget)
            return .tuple([.tensor(values), .tensor(indices)])
        }
        if [.argmax, .argmin].contains(r), let dims, dims.count != 1 {
            throw ExprError(.evaluation, CallArguments.mustBe(.int, "dim", .tuple([]), r.rawValue))
        }
        return .tensor(try Ops.reduce(r, t, dims: dims, keepdim: keepdim, budget: &budget))
    }
}
