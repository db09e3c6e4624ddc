import LabText

/// A float32 tensor as the expression language sees it: row-major data, a
/// shape, the name of each axis where known (`t`, `b`, `unit`, carried through
/// indexing), and whether PyTorch would hold it as an integer tensor (`3`,
/// `arange(5)`, `argmax`, a comparison), which only changes how it prints and
/// what may index.
public struct ExprTensor: Equatable, Sendable {
    public var shape: [Int]
    public var data: [Float]
    /// One name per axis; "" where unknown.
    public var axes: [String]
    public var isInteger: Bool
    /// A comparison's result or `True`/`False`: indexes as a mask, as PyTorch's bool tensors do.
    public var isBool: Bool
    /// Set for a per-step quantity over time of which some steps are not computed yet.
    public var pending: Pending?

    /// The caller guarantees `data.count` is the product of `shape` (checked).
    public init(
        shape: [Int], data: [Float], axes: [String]? = nil, isInteger: Bool = false, isBool: Bool = false,
        pending: Pending? = nil
    ) {
        precondition(ExprTensor.count(shape) == data.count, "expression tensor shape/count invariant")
        self.shape = shape
        self.data = data
        self.axes = axes ?? Array(repeating: "", count: shape.count)
        if self.axes.count != shape.count { self.axes = Array(repeating: "", count: shape.count) }
        self.isInteger = isInteger || isBool
        self.isBool = isBool
        self.pending = pending
    }

    /// For tensors built from outside data: a count that disagrees with the shape is an error, not a trap.
    public init(checkedShape shape: [Int], data: [Float], axes: [String]? = nil, name: String) throws(ExprError) {
        guard ExprTensor.count(shape) == data.count else {
            throw ExprError(
                .evaluation, .valuesDoNotFill(name: name, count: data.count, shape: ExprFormat.shape(shape)))
        }
        self.init(shape: shape, data: data, axes: axes)
    }

    public static func scalar(_ v: Float, isInteger: Bool = false) -> ExprTensor {
        ExprTensor(shape: [], data: [v], isInteger: isInteger)
    }

    public var rank: Int { shape.count }

    /// The product of `shape`, or nil for a negative size or an overflow.
    public static func count(_ shape: [Int]) -> Int? {
        if shape.contains(0) && !shape.contains(where: { $0 < 0 }) { return 0 }
        var n = 1
        for d in shape {
            guard d >= 0 else { return nil }
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o { return nil }
            n = p
        }
        return n
    }

    /// The product of the sizes other than 0, or nil past 2⁵³: every shape the
    /// budget admits stays under this, so no product of its sizes can overflow.
    static func extent(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape where d != 0 {
            guard d > 0 else { return nil }
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o || p > 1 << 53 { return nil }
            n = p
        }
        return n
    }

    /// Row-major strides of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc = acc &* Swift.max(shape[i], 1)
        }
        return s
    }
}

/// Which steps of an over-time name exist yet, and why the others do not.
///
/// `missing[i]` is nil for a computed index `i` of `axis`, else the reason:
/// `c_f[3]` is refused with
/// "c_f[3] is not computed yet: the forward direction has taken 2 of 5 steps".
public struct Pending: Equatable, Sendable {
    public var name: String
    public var axis: Int
    public var missing: [ExpressionMessage.Missing?]

    public init(name: String, axis: Int = 0, missing: [ExpressionMessage.Missing?]) {
        self.name = name
        self.axis = axis
        self.missing = missing
    }

    /// Steps `0..<count` of which those where `known` is false are missing because the
    /// `direction` direction has taken `taken` of `total` steps.
    public init(name: String, axis: Int = 0, known: [Bool], layer: Int? = nil, forward: Bool, taken: Int, total: Int) {
        let reason = ExpressionMessage.Missing.direction(layer: layer, forward: forward, taken: taken, total: total)
        self.init(name: name, axis: axis, missing: known.map { $0 ? nil : reason })
    }

    public var firstMissing: Int? { missing.firstIndex { $0 != nil } }

    public func message(index: Int) -> ExpressionMessage {
        let where_ = String(repeating: ":, ", count: axis) + "\(index)"
        let reason = index >= 0 && index < missing.count ? missing[index] : nil
        return .notComputed(name: name, index: where_, missing: reason)
    }

    /// Throws for the first of `indices` that is not computed.
    func check(_ indices: [Int], at range: Range<Int>?) throws(ExprError) {
        for i in indices where i >= 0 && i < missing.count && missing[i] != nil {
            throw ExprError(.evaluation, message(index: i), at: range)
        }
    }
}

/// Whatever an expression can yield.
public indirect enum Value: Equatable, Sendable {
    case tensor(ExprTensor)
    /// `chunk`'s result, `max(dim=…)`'s (values, indices), `(0, 2)`.
    case tuple([Value])
    /// A `[…]` literal before it is used: a tensor, or the list `cat` takes.
    case list([Value])
    /// `.shape`: PyTorch's `torch.Size`.
    case size([Int])
    /// `None`.
    case none
    /// A module name (`torch`, `F`) or a function not yet called, for messages.
    case callable(String)

    /// Its kind, as an error names it.
    public var type: ExpressionType {
        switch self {
        case .tensor: .tensor
        case .tuple: .tuple
        case .list: .list
        case .size: .size
        case .none: .none
        case .callable(let n): .function(n)
        }
    }

    /// Python's name of its type (`Tensor`, `tuple`, `NoneType`).
    public var typeName: String { type.english }
}
