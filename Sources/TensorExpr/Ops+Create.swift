/// `zeros`, `ones`, `full`, `eye`, `arange`, and tensors from `[…]` literals.
extension Ops {
    static func filled(_ shape: [Int], _ value: Float, name: String, budget: inout Budget) throws(ExprError)
        -> ExprTensor
    {
        guard !shape.contains(where: { $0 < 0 }) else {
            throw ExprError(.evaluation, .shape(.negativeSize(function: name)))
        }
        try budget.charge(shape, what: .call(text: "\(name)(\(shape.map(String.init).joined(separator: ", ")))"))
        return ExprTensor(shape: shape, data: [Float](repeating: value, count: ExprTensor.count(shape) ?? 0))
    }

    static func eye(_ n: Int, _ m: Int?, budget: inout Budget) throws(ExprError) -> ExprTensor {
        guard n >= 0 else { throw ExprError(.evaluation, .shape(.eyeNegative(label: "n", got: n))) }
        let cols = m ?? n
        guard cols >= 0 else { throw ExprError(.evaluation, .shape(.eyeNegative(label: "m", got: cols))) }
        var t = try filled([n, cols], 0, name: "eye", budget: &budget)
        for i in 0..<Swift.min(n, cols) { t.data[i * cols + i] = 1 }
        return t
    }

    /// Integers when every bound is an integer, as PyTorch gives int64.
    static func arange(start: Double, end: Double, step: Double, integer: Bool, budget: inout Budget) throws(ExprError)
        -> ExprTensor
    {
        guard step != 0 else { throw ExprError(.evaluation, .shape(.arangeStepZero)) }
        guard (end - start) / step >= 0 || start == end else {
            throw ExprError(.evaluation, .shape(.arangeSign))
        }
        let count = ((end - start) / step).rounded(.up)
        guard count.isFinite, count < 1e12 else {
            throw ExprError(.limit, .limit(.arangeTooMany(count: "\(count)")))
        }
        let n = Swift.max(Int(count), 0)
        try budget.charge([n], what: .call(text: "arange"))
        let data = (0..<n).map { Float(start + Double($0) * step) }
        return ExprTensor(shape: [n], data: data, isInteger: integer)
    }

    /// A `[…]` literal as a tensor: nested lists of numbers (or tensors) of equal shapes.
    static func tensor(from v: Value, budget: inout Budget) throws(ExprError) -> ExprTensor {
        switch v {
        case .tensor(let t): return t
        case .size(let dims): return ExprTensor(shape: [dims.count], data: dims.map { Float($0) }, isInteger: true)
        case .list(let items), .tuple(let items):
            var parts: [ExprTensor] = []
            for item in items { parts.append(try tensor(from: item, budget: &budget)) }
            guard let first = parts.first else { return ExprTensor(shape: [0], data: []) }
            for p in parts where p.shape != first.shape {
                throw ExprError(
                    .evaluation, .shape(.literalLength(expected: first.shape.first ?? 1, got: p.shape.first ?? 1)))
            }
            let shape = [parts.count] + first.shape
            try budget.charge(shape, what: .literal)
            return ExprTensor(
                shape: shape, data: parts.flatMap(\.data), isInteger: parts.allSatisfy(\.isInteger),
                isBool: parts.allSatisfy(\.isBool))
        case .none, .callable:
            throw ExprError(.evaluation, .call(.expectedTensor(got: v.type)))
        }
    }
}
