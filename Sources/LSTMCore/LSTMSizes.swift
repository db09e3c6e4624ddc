/// The four sizes of a model and its input.
///
/// ```
/// B batch   T sequence length   D input features   H hidden units
/// ```
public struct LSTMSizes: Equatable, Sendable {
    public var batch: Int
    public var length: Int
    public var inputSize: Int
    public var hiddenSize: Int

    public init(batch: Int, length: Int, inputSize: Int, hiddenSize: Int) {
        self.batch = batch
        self.length = length
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
    }

    /// The tutorial's demo: B=3, T=5, D=8, H=16.
    public static let demo = LSTMSizes(batch: 3, length: 5, inputSize: 8, hiddenSize: 16)

    /// The bytes a session with these sizes holds once both directions have
    /// run, or nil if the count overflows.
    ///
    /// ```
    /// parameters   2 · (4H·D + 4H·H + 8H)
    /// packed       2 · (4H)₃₂·(D + H)          weights laid out for the AVX-512 kernel
    ///                                          ((4H)₃₂ = 4H rounded up to 32; per-gate mode,
    ///                                          when used, packs another copy, not counted)
    /// input        2 · B·T·D                  as given, and time-major for the kernel
    /// traces       2 · T · (2·B·4H + 2·B·H)     z, gates, c, h per step
    /// hoisting     2 · T·B·4H
    /// views        B·T·2H + 3·T·B·H             y, h_f, h_b, h_b_rev
    /// × 4 bytes (float32)
    /// ```
    public var estimatedBytes: Int? {
        let (b, t, d, h) = (batch, length, inputSize, hiddenSize)
        func mul(_ xs: Int...) -> Int? {
            var p = 1
            for x in xs {
                let (r, o) = p.multipliedReportingOverflow(by: x)
                if o { return nil }
                p = r
            }
            return p
        }
        func add(_ xs: Int?...) -> Int? {
            var s = 0
            for x in xs {
                guard let x else { return nil }
                let (r, o) = s.addingReportingOverflow(x)
                if o { return nil }
                s = r
            }
            return s
        }
        guard let n = mul(4, h) else { return nil }
        let (n31, o1) = n.addingReportingOverflow(31)
        let (dh, o2) = d.addingReportingOverflow(h)
        guard !o1 && !o2 else { return nil }
        let n32 = n31 / 32 * 32
        guard
            let floats = add(
                mul(2, 4, h, d), mul(2, 4, h, h), mul(2, 8, h),
                mul(2, n32, dh),
                mul(2, b, t, d),
                mul(2, t, 2, b, 4, h), mul(2, t, 2, b, h),
                mul(2, t, b, 4, h),
                mul(b, t, 2, h), mul(3, t, b, h))
        else { return nil }
        return mul(floats, 4)
    }
}
