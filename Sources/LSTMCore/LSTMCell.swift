/// How a step forms the gate pre-activations.
public enum StepMode: String, CaseIterable, Sendable {
    /// Two products per step: `x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh` (the tutorial's way).
    case fused
    /// Eight products per step, one per gate and branch, with separate bias
    /// adds (the tutorial's "old way").
    case perGate = "per-gate"
    /// The input projection of all T steps in one product up front, then one
    /// product per step (as cuDNN and oneDNN do).
    case hoisted
}

/// Which cell equations to use.
public enum Variant: String, CaseIterable, Sendable {
    /// `nn.LSTM`'s equations.
    case correct
    /// The tutorial's first draft: `o` receives `tanh(g)` and `g` receives `σ(o)`.
    case draft
}

/// One LSTM step, exactly `nn.LSTM`'s in float32.
///
/// ```
/// z  = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh          [B, 4H]
/// i, f, g, o = z.chunk(4, dim=1)                  each [B, H]
/// i, f, o = σ(i), σ(f), σ(o);   g = tanh(g)
/// c' = f ⊙ c + i ⊙ g
/// h' = o ⊙ tanh(c')
/// ```
public enum LSTMCell {
    /// The pre-activations `z`, `[B, 4H]`, and the number of products used.
    ///
    /// `projected`, in hoisted mode, is this step's rows of the precomputed
    /// `X·W_ihᵀ + b_ih`.
    public static func preActivations(x: Matrix, h: Matrix, parameters p: DirectionParameters,
                                      mode: StepMode, projected: Matrix? = nil) -> (Matrix, Int) {
        switch mode {
        case .fused:
            var zx = x.timesTransposed(p.wIH)
            zx.addRowVector(p.bIH)
            var zh = h.timesTransposed(p.wHH)
            zh.addRowVector(p.bHH)
            zx.add(zh)
            return (zx, 2)
        case .hoisted:
            if let projected {
                var zh = h.timesTransposed(p.wHH)
                zh.addRowVector(p.bHH)
                var z = projected
                z.add(zh)
                return (z, 1)
            }
            return preActivations(x: x, h: h, parameters: p, mode: .fused)
        case .perGate:
            let hs = p.hiddenSize, b = x.rows
            var z = Matrix(rows: b, cols: 4 * hs)
            for gate in Gate.allCases {
                let rows = gate.rows(hiddenSize: hs)
                var zx = x.timesTransposed(p.wIH.rowBlock(rows))
                zx.addRowVector(Array(p.bIH[rows]))
                var zh = h.timesTransposed(p.wHH.rowBlock(rows))
                zh.addRowVector(Array(p.bHH[rows]))
                zx.add(zh)
                for r in 0..<b { for u in 0..<hs { z[r, rows.lowerBound + u] = zx[r, u] } }
            }
            return (z, 8)
        }
    }

    /// Applies the activations and the state update to pre-activations `z`.
    public static func finish(z: Matrix, state: LSTMState, variant: Variant) -> (gates: Matrix, state: LSTMState) {
        let hs = state.h.cols, b = state.h.rows
        var gates = z
        var c = state.c
        var h = state.h
        for r in 0..<b {
            for u in 0..<hs {
                let base = r * 4 * hs
                let zi = z.data[base + u], zf = z.data[base + hs + u]
                let zg = z.data[base + 2 * hs + u], zo = z.data[base + 3 * hs + u]
                let i = Activation.sigmoid(zi), f = Activation.sigmoid(zf)
                var g = Activation.tanh(zg), o = Activation.sigmoid(zo)
                if variant == .draft {
                    // The draft's `o, g = tanh(g), σ(o)`.
                    g = Activation.sigmoid(zo)
                    o = Activation.tanh(zg)
                }
                gates.data[base + u] = i
                gates.data[base + hs + u] = f
                gates.data[base + 2 * hs + u] = g
                gates.data[base + 3 * hs + u] = o
                let cNew = f * state.c.data[r * hs + u] + i * g
                c.data[r * hs + u] = cNew
                h.data[r * hs + u] = o * Activation.tanh(cNew)
            }
        }
        return (gates, LSTMState(h: h, c: c))
    }

    /// One full step at time index `t`.
    public static func step(t: Int, x: Matrix, state: LSTMState, parameters: DirectionParameters,
                            mode: StepMode, variant: Variant, projected: Matrix? = nil) -> StepTrace {
        let (z, products) = preActivations(x: x, h: state.h, parameters: parameters, mode: mode, projected: projected)
        let (gates, next) = finish(z: z, state: state, variant: variant)
        return StepTrace(t: t, gatesPre: z, gates: gates, state: next, products: products, mode: mode, variant: variant)
    }
}
