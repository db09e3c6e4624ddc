/// A direction's recurrent state between steps: `h` and `c`, each `[B, H]`.
public struct LSTMState: Equatable, Sendable {
    public var h: Matrix
    public var c: Matrix

    public init(h: Matrix, c: Matrix) {
        precondition(h.rows == c.rows && h.cols == c.cols, "state shapes")
        self.h = h
        self.c = c
    }

    public static func zero(batch: Int, hiddenSize: Int) -> LSTMState {
        LSTMState(h: Matrix(rows: batch, cols: hiddenSize), c: Matrix(rows: batch, cols: hiddenSize))
    }
}

/// Everything one step computed, kept so it can be shown, exported or undone.
public struct StepTrace: Equatable, Sendable {
    /// The time index this step read, `x[:, t, :]`.
    public let t: Int
    /// `z = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh`, `[B, 4H]`, gate order i, f, g, o.
    public let gatesPre: Matrix
    /// The activated gates, `[B, 4H]`: σ(i), σ(f), tanh(g), σ(o).
    public let gates: Matrix
    /// The new state `c_t = f⊙c + i⊙g`, `h_t = o⊙tanh(c_t)`.
    public let state: LSTMState
    /// Matrix products this step performed (2 fused, 8 per-gate, 1 hoisted).
    public let products: Int
    public let mode: StepMode
    public let variant: Variant

    public var h: Matrix { state.h }
    public var c: Matrix { state.c }
}
