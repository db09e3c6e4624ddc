/// How a step forms the gate pre-activations. The three give the same `z`;
/// they differ in how many matrix products make it.
public enum StepMode: String, CaseIterable, Sendable {
    /// Two products per step: `x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh` (the tutorial's way).
    case fused
    /// Eight products per step, one per gate and branch, with separate bias
    /// adds (the tutorial's "old way").
    case perGate = "per-gate"
    /// The input projection of all T steps in one product up front, then one
    /// product per step (as cuDNN and oneDNN do).
    case hoisted

    /// Matrix products one step performs: 8, 2 or 1.
    public var productsPerStep: Int {
        switch self {
        case .perGate: 8
        case .fused: 2
        case .hoisted: 1
        }
    }
}
