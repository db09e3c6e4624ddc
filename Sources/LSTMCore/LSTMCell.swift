/// One LSTM step as the tutorial writes it, exactly `nn.LSTM`'s in float32:
///
/// ```
/// z  = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh          [B, 4H]   two products
/// i, f, g, o = z.chunk(4, dim=1)                  each [B, H]
/// i, f, o = σ(i), σ(f), σ(o);   g = tanh(g)
/// c' = f ⊙ c + i ⊙ g
/// h' = o ⊙ tanh(c')
/// ```
/// Plain loops and the C library's σ and tanh: the specification the fast
/// engine is tested against, and the live engine under `set engine reference`.
/// (`Variant` says which block of z each gate reads, for the tutorial's draft.)
public enum LSTMCell {
    /// The pre-activations `z`, `[B, 4H]`.
    ///
    /// Every mode computes each element as the same sums in the same order,
    /// `(x·W_ihᵀ + b_ih) + (h·W_hhᵀ + b_hh)`, so the three agree bit for bit;
    /// they differ in how many products make z. `projected`, in hoisted mode,
    /// is this step's rows of `X·W_ihᵀ + b_ih` made for all steps at once.
    public static func preActivations(
        x: Matrix, h: Matrix, parameters p: DirectionParameters, mode: StepMode,
        projected: Matrix? = nil
    ) -> Matrix {
        switch mode {
        case .fused:
            return (x.timesTransposed(p.wIH) + p.bIH) + (h.timesTransposed(p.wHH) + p.bHH)
        case .hoisted:
            let projection = projected ?? x.timesTransposed(p.wIH) + p.bIH
            return projection + (h.timesTransposed(p.wHH) + p.bHH)
        case .perGate:
            // The "old way": one product per gate and branch, each on that gate's rows.
            let blocks = Gate.allCases.map { gate in
                let rows = gate.rows(hiddenSize: p.hiddenSize)
                return (x.timesTransposed(p.wIH.rowBlock(rows)) + Array(p.bIH[rows]))
                    + (h.timesTransposed(p.wHH.rowBlock(rows)) + Array(p.bHH[rows]))
            }
            return Matrix(concatenatingColumns: blocks)
        }
    }

    /// The activations and the state update, from `z` and the previous state.
    public static func finish(z: Matrix, state: LSTMState, variant: Variant) -> (gates: Matrix, state: LSTMState) {
        let hiddenSize = state.h.cols
        precondition(z.rows == state.h.rows && z.cols == 4 * hiddenSize, "pre-activation shape")
        // chunk(4, dim=1): z's four [B, H] column blocks, in PyTorch's row order.
        let chunks = Gate.allCases.map { z.columnBlock($0.rows(hiddenSize: hiddenSize)) }
        // Each gate: its block of z through its activation (as the variant wires them).
        let values = variant.wirings.map { w in chunks[w.block.rawValue].map { w.activation($0) } }
        let (i, f, g, o) = (values[0], values[1], values[2], values[3])
        let c = f * state.c + i * g
        let h = o * c.map { Activation.tanh($0) }
        return (Matrix(concatenatingColumns: values), LSTMState(h: h, c: c))
    }

    /// One full step at time index `t`: `preActivations`, then `finish`.
    public static func step(
        t: Int, x: Matrix, state: LSTMState, parameters: DirectionParameters,
        mode: StepMode, variant: Variant, projected: Matrix? = nil
    ) -> StepTrace {
        let z = preActivations(x: x, h: state.h, parameters: parameters, mode: mode, projected: projected)
        let (gates, next) = finish(z: z, state: state, variant: variant)
        return StepTrace(
            t: t, gatesPre: z, gates: gates, state: next, products: mode.productsPerStep,
            mode: mode, variant: variant)
    }
}
