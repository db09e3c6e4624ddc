import LabText

/// What an evaluation may spend, checked before each operation allocates or
/// computes anything: every result and intermediate counts against the
/// memory limit (they are all alive until the expression is done), every
/// operation's floating-point work against the compute limit, and Ctrl-C is
/// polled between operations and inside long loops.
public struct Budget: Sendable {
    public var memoryLimit: Int
    public var computeLimit: Double
    public var shouldCancel: @Sendable () -> Bool
    public private(set) var bytes = 0
    public private(set) var flop: Double = 0

    public init(
        memoryLimit: Int = 2 << 30, computeLimit: Double = 1e12,
        shouldCancel: @escaping @Sendable () -> Bool = { false }
    ) {
        self.memoryLimit = memoryLimit
        self.computeLimit = computeLimit
        self.shouldCancel = shouldCancel
    }

    /// Counts a result of `shape` and `work` FLOP of computing it; throws before either would pass its limit.
    mutating func charge(_ shape: [Int], work: Double = 0, what: @autoclosure () -> ExpressionLimitMessage.What)
        throws(ExprError)
    {
        if shouldCancel() { throw ExprError(.interrupted, .limit(.interrupted)) }
        guard let n = ExprTensor.count(shape), n <= Int.max / 4, ExprTensor.extent(shape) != nil else {
            throw ExprError(.limit, .limit(.tooManyToCount(what: what(), shape: ExprFormat.shape(shape))))
        }
        let (total, overflow) = bytes.addingReportingOverflow(n * 4)
        guard !overflow, total <= memoryLimit else {
            let need = overflow ? Double(Int.max) : Double(total)
            throw ExprError(
                .limit,
                .limit(
                    .memory(
                        what: what(), shape: ExprFormat.shape(shape), need: ExprFormat.bytes(need),
                        limit: ExprFormat.bytes(Double(memoryLimit)))))
        }
        let w = flop + Swift.max(work, 0)
        guard w <= computeLimit else {
            throw ExprError(
                .limit,
                .limit(.compute(what: what(), need: ExprFormat.flop(w), limit: ExprFormat.flop(computeLimit))))
        }
        bytes = total
        flop = w
    }

    /// For loops that run long: throws once Ctrl-C was pressed.
    func poll() throws(ExprError) {
        if shouldCancel() { throw ExprError(.interrupted, .limit(.interrupted)) }
    }
}

/// Number and size formats shared by messages.
public enum ExprFormat {
    /// `[3, 5, 16]`
    public static func shape(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }

    /// PyTorch's `torch.Size([3, 5])`.
    public static func torchSize(_ s: [Int]) -> String { "torch.Size(" + shape(s) + ")" }

    static func bytes(_ n: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = n
        var u = 0
        while v >= 1024 && u < units.count - 1 {
            v /= 1024
            u += 1
        }
        return u == 0 ? "\(Int(v)) bytes" : oneDecimal(v) + " " + units[u]
    }

    static func flop(_ f: Double) -> String {
        let units = ["FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP"]
        var v = f
        var u = 0
        while v >= 1000 && u < units.count - 1 {
            v /= 1000
            u += 1
        }
        return oneDecimal(v) + " " + units[u]
    }

    private static func oneDecimal(_ v: Double) -> String {
        guard v.isFinite, v < 1e15 else { return "∞" }
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
