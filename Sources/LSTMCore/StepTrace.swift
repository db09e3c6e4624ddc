/// Everything one step computed, kept so it can be shown, exported or undone.
///
/// The numbers live in a `TraceValues` store: the reference engine gives each
/// step its own matrices; the fast engine writes the steps of a whole `run`
/// into one block and its traces share it. The matrices below are copied out
/// when asked for.
public struct StepTrace: Equatable, Sendable {
    /// The time index this step read, `x[:, t, :]`.
    public let t: Int
    /// Matrix products this step performed (2 fused, 8 per-gate, 1 hoisted).
    public let products: Int
    public let mode: StepMode
    public let variant: Variant
    /// Where the numbers are, and which of its steps this is.
    package let storage: any TraceValues
    package let slot: Int

    package init(t: Int, storage: any TraceValues, slot: Int, products: Int, mode: StepMode, variant: Variant) {
        self.t = t
        self.storage = storage
        self.slot = slot
        self.products = products
        self.mode = mode
        self.variant = variant
    }

    /// A trace from its four matrices.
    public init(
        t: Int, gatesPre: Matrix, gates: Matrix, state: LSTMState, products: Int, mode: StepMode, variant: Variant
    ) {
        let b = state.h.rows
        let hs = state.h.cols
        precondition(
            gatesPre.rows == b && gatesPre.cols == 4 * hs && gates.rows == b && gates.cols == 4 * hs, "trace shapes")
        self.init(
            t: t, storage: MatrixTrace(z: gatesPre, gates: gates, state: state), slot: 0,
            products: products, mode: mode, variant: variant)
    }

    /// `z = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh`, `[B, 4H]`, row blocks in PyTorch's order i, f, g, o.
    public var gatesPre: Matrix { storage.matrix(.z, slot: slot) }
    /// The activated gates, `[B, 4H]`, slots i, f, g, o (which block of z each
    /// came from, and how, is `variant.wiring`).
    public var gates: Matrix { storage.matrix(.gates, slot: slot) }
    /// The new hidden state `h_t = o⊙tanh(c_t)`, `[B, H]`.
    public var h: Matrix { storage.matrix(.h, slot: slot) }
    /// The new cell state `c_t = f⊙c + i⊙g`, `[B, H]`.
    public var c: Matrix { storage.matrix(.c, slot: slot) }
    /// `h` and `c` together.
    public var state: LSTMState { LSTMState(h: h, c: c) }

    public static func == (a: StepTrace, b: StepTrace) -> Bool {
        guard a.t == b.t && a.products == b.products && a.mode == b.mode && a.variant == b.variant else { return false }
        if a.storage === b.storage && a.slot == b.slot { return true }
        // Compared as values (so +0 equals −0 and NaN never equals), like the matrices.
        return TracePart.allCases.allSatisfy {
            a.storage.matrix($0, slot: a.slot) == b.storage.matrix($0, slot: b.slot)
        }
    }
}

/// The four arrays of a step.
public enum TracePart: CaseIterable, Sendable {
    /// `[B, 4H]` pre-activations, `[B, 4H]` gates, `[B, H]` new h and c.
    case z, gates, h, c
}

/// Storage for the traces of one or more steps (`slot` 0, 1, …), written by
/// an engine before any `StepTrace` refers to it and only read afterwards.
public protocol TraceValues: AnyObject, Sendable {
    /// One part of one step's trace as a matrix.
    func matrix(_ part: TracePart, slot: Int) -> Matrix
}

/// A single step's trace as four matrices: what the reference engine makes.
final class MatrixTrace: TraceValues {
    let z: Matrix, gates: Matrix, state: LSTMState

    init(z: Matrix, gates: Matrix, state: LSTMState) {
        self.z = z
        self.gates = gates
        self.state = state
    }

    func matrix(_ part: TracePart, slot: Int) -> Matrix {
        switch part {
        case .z: z
        case .gates: gates
        case .h: state.h
        case .c: state.c
        }
    }
}
