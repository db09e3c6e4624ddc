import LabText

/// A call's arguments, read by position or keyword as PyTorch's signatures
/// name them, with Python's messages for a missing, extra or mistyped one.
struct CallArguments {
    var function: String
    var positional: [(value: Value, range: Range<Int>)]
    var keywords: [String: (value: Value, range: Range<Int>)]
    private(set) var used = Set<String>()

    init(
        function: String, positional: [(value: Value, range: Range<Int>)],
        keywords: [String: (value: Value, range: Range<Int>)]
    ) {
        self.function = function
        self.positional = positional
        self.keywords = keywords
    }

    /// The argument at `index` or called `label`, if given.
    mutating func value(_ index: Int?, _ label: String) throws(ExprError) -> (value: Value, range: Range<Int>)? {
        used.insert(label)
        let byPosition = index.flatMap { $0 < positional.count ? positional[$0] : nil }
        if byPosition != nil, let k = keywords[label] {
            throw ExprError(.evaluation, .call(.multipleValues(function: function, label: label)), at: k.range)
        }
        return byPosition ?? keywords[label]
    }

    mutating func tensor(_ index: Int?, _ label: String, budget: inout Budget) throws(ExprError) -> ExprTensor {
        guard let (v, r) = try value(index, label) else {
            throw ExprError(.evaluation, .call(.missingArgument(function: function, label: label)))
        }
        switch v {
        case .tensor(let t): return t
        case .list, .size: return try Ops.tensor(from: v, budget: &budget)
        default:
            throw ExprError(.evaluation, mustBe(.tensor, label, v), at: r)
        }
    }

    mutating func optionalTensor(_ index: Int?, _ label: String, budget: inout Budget) throws(ExprError) -> ExprTensor?
    {
        guard let (v, _) = try value(index, label), v != .none else { return nil }
        used.remove(label)
        return try tensor(index, label, budget: &budget)
    }

    /// A Python int: an integer scalar tensor.
    static func int(_ v: Value, function: String, label: String, at r: Range<Int>) throws(ExprError) -> Int {
        guard case .tensor(let t) = v, t.rank == 0, let x = t.data.first else {
            throw ExprError(.evaluation, mustBe(.int, label, v, function), at: r)
        }
        if t.isInteger && abs(x) > 1e15 {
            throw ExprError(.limit, .call(.argumentTooLarge(function: function, label: label, value: "\(x)")), at: r)
        }
        guard t.isInteger, x.isFinite, x == x.rounded(), abs(x) <= 1e15 else {
            throw ExprError(
                .evaluation, .call(.argumentType(function: function, label: label, expected: .int, got: .float)), at: r)
        }
        return Int(x)
    }

    mutating func int(_ index: Int?, _ label: String, default d: Int? = nil) throws(ExprError) -> Int {
        guard let (v, r) = try value(index, label), v != .none else {
            if let d { return d }
            throw ExprError(.evaluation, .call(.missingArgument(function: function, label: label)))
        }
        return try CallArguments.int(v, function: function, label: label, at: r)
    }

    mutating func optionalInt(_ index: Int?, _ label: String) throws(ExprError) -> Int? {
        guard let (v, r) = try value(index, label), v != .none else { return nil }
        return try CallArguments.int(v, function: function, label: label, at: r)
    }

    mutating func number(_ index: Int?, _ label: String, default d: Double? = nil) throws(ExprError) -> Double {
        guard let (v, r) = try value(index, label) else {
            if let d { return d }
            throw ExprError(.evaluation, .call(.missingArgument(function: function, label: label)))
        }
        guard case .tensor(let t) = v, t.rank == 0, let x = t.data.first else {
            throw ExprError(.evaluation, mustBe(.number, label, v), at: r)
        }
        return Double(x)
    }

    mutating func bool(_ index: Int?, _ label: String, default d: Bool) throws(ExprError) -> Bool {
        guard let (v, r) = try value(index, label) else { return d }
        guard case .tensor(let t) = v, t.rank == 0, t.isInteger, let x = t.data.first else {
            throw ExprError(.evaluation, mustBe(.bool, label, v), at: r)
        }
        return x != 0
    }

    /// Integers given one by one from `index` on (`reshape(3, 4)`) or as one list, tuple or size (`reshape((3, 4))`).
    mutating func ints(from index: Int, _ label: String) throws(ExprError) -> [Int]? {
        used.insert(label)
        if let k = keywords[label] {
            return try CallArguments.intList(k.value, function: function, label: label, at: k.range)
        }
        let rest = positional.dropFirst(index)
        if rest.isEmpty { return nil }
        if rest.count == 1, let only = rest.first {
            return try CallArguments.intList(only.value, function: function, label: label, at: only.range)
        }
        var out: [Int] = []
        for item in rest {
            out.append(try CallArguments.int(item.value, function: function, label: label, at: item.range))
        }
        return out
    }

    /// An int or a list/tuple of ints (`dim=(0, 2)`).
    static func intList(_ v: Value, function: String, label: String, at r: Range<Int>) throws(ExprError) -> [Int] {
        switch v {
        case .size(let dims): return dims
        case .list(let items), .tuple(let items):
            var out: [Int] = []
            for item in items { out.append(try int(item, function: function, label: label, at: r)) }
            return out
        default: return [try int(v, function: function, label: label, at: r)]
        }
    }

    mutating func optionalIntList(_ index: Int?, _ label: String) throws(ExprError) -> [Int]? {
        guard let (v, r) = try value(index, label), v != .none else { return nil }
        return try CallArguments.intList(v, function: function, label: label, at: r)
    }

    /// A list or tuple of tensors (`cat([a, b])`).
    mutating func tensors(_ index: Int?, _ label: String, budget: inout Budget) throws(ExprError) -> [ExprTensor] {
        guard let (v, r) = try value(index, label) else {
            throw ExprError(.evaluation, .call(.missingArgument(function: function, label: label)))
        }
        guard case .list(let items) = v.asSequence else {
            throw ExprError(.evaluation, mustBe(.tensors, label, v), at: r)
        }
        var out: [ExprTensor] = []
        for item in items { out.append(try Ops.tensor(from: item, budget: &budget)) }
        return out
    }

    /// `function()`'s argument `label` should have been `expected`, and is `v`.
    private func mustBe(_ expected: ExpressionType, _ label: String, _ v: Value) -> ExpressionMessage {
        Self.mustBe(expected, label, v, function)
    }

    static func mustBe(_ expected: ExpressionType, _ label: String, _ v: Value, _ function: String)
        -> ExpressionMessage
    {
        .call(.argumentType(function: function, label: label, expected: expected, got: v.type))
    }

    /// Refuses arguments past `count` positions and keywords not read.
    func finish(maxPositional count: Int) throws(ExprError) {
        if positional.count > count, let extra = positional.dropFirst(count).first {
            throw ExprError(
                .evaluation, .call(.tooManyPositional(function: function, takes: count, given: positional.count)),
                at: extra.range)
        }
        for (k, v) in keywords where !used.contains(k) {
            throw ExprError(.evaluation, .call(.unexpectedKeyword(function: function, keyword: k)), at: v.range)
        }
    }
}

extension Value {
    /// A tuple read as a list; everything else as is.
    var asSequence: Value {
        if case .tuple(let items) = self { return .list(items) }
        return self
    }
}
