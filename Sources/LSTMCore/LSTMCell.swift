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

/// One LSTM step, exactly `nn.LSTM`'s in float32, with the products on
/// unpacked weights and the C library's σ and tanh: the formulas as written,
/// the reference the tests compare the stepper's fast kernel with.
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
    /// `X·W_ihᵀ + b_ih`; without it a hoisted step is computed as a fused one.
    public static func preActivations(x: Matrix, h: Matrix, parameters p: DirectionParameters,
                                      mode: StepMode, projected: Matrix? = nil) -> (Matrix, Int) {
        let b = x.rows, n = 4 * p.hiddenSize
        precondition(x.cols == p.inputSize && h.cols == p.hiddenSize && h.rows == b, "step shapes")
        let effective: StepMode = (mode == .hoisted && projected == nil) ? .fused : mode
        if let projected { precondition(projected.rows == b && projected.cols == n, "projection shape") }
        var scratch = [Float](repeating: 0, count: b * n)
        let z = [Float].filled(count: b * n) { zp in
            p.withPointers { w in
                x.data.withUnsafeBufferPointer { xp in
                    h.data.withUnsafeBufferPointer { hp in
                        scratch.withUnsafeMutableBufferPointer { sp in
                            withOptionalPointer(effective == .hoisted ? projected?.data : nil) { pp in
                                guard let xb = xp.baseAddress, let hb = hp.baseAddress, let sb = sp.baseAddress else { return }
                                StepKernel.preActivations(batch: b, x: xb, h: hb, weights: w, mode: effective,
                                                          projected: pp, z: zp, scratch: sb)
                            }
                        }
                    }
                }
            }
        }
        return (Matrix(rows: b, cols: n, data: z), effective.productsPerStep)
    }

    /// Applies the activations and the state update to pre-activations `z`.
    public static func finish(z: Matrix, state: LSTMState, variant: Variant) -> (gates: Matrix, state: LSTMState) {
        let hs = state.h.cols, b = state.h.rows
        precondition(z.rows == b && z.cols == 4 * hs, "pre-activation shape")
        var c = [Float](), h = [Float]()
        let gates = [Float].filled(count: b * 4 * hs) { gp in
            c = [Float].filled(count: b * hs) { cp in
                h = [Float].filled(count: b * hs) { hp in
                    z.data.withUnsafeBufferPointer { zp in
                        state.c.data.withUnsafeBufferPointer { cpp in
                            guard let zb = zp.baseAddress, let cb = cpp.baseAddress else { return }
                            StepKernel.finish(batch: b, hiddenSize: hs, z: zb, cPrev: cb, variant: variant, activations: .exact,
                                              gates: gp, c: cp, h: hp)
                        }
                    }
                }
            }
        }
        return (Matrix(rows: b, cols: 4 * hs, data: gates),
                LSTMState(h: Matrix(rows: b, cols: hs, data: h), c: Matrix(rows: b, cols: hs, data: c)))
    }

    /// One full step at time index `t`.
    ///
    /// Equal to `preActivations` followed by `finish`, computed straight into
    /// the trace's four arrays (the gates array serves as the products'
    /// scratch before it receives the gates), with no other allocation.
    public static func step(t: Int, x: Matrix, state: LSTMState, parameters p: DirectionParameters,
                            mode: StepMode, variant: Variant, projected: Matrix? = nil) -> StepTrace {
        let b = x.rows, hs = p.hiddenSize, n = 4 * hs
        precondition(x.cols == p.inputSize && state.h.cols == hs && state.h.rows == b, "step shapes")
        let effective: StepMode = (mode == .hoisted && projected == nil) ? .fused : mode
        if let projected { precondition(projected.rows == b && projected.cols == n, "projection shape") }
        var gates = [Float](), h = [Float](), c = [Float]()
        let z = [Float].filled(count: b * n) { zp in
            gates = [Float].filled(count: b * n) { gp in
                h = [Float].filled(count: b * hs) { hp in
                    c = [Float].filled(count: b * hs) { cp in
                        p.withPointers { w in
                            x.data.withUnsafeBufferPointer { xp in
                                state.h.data.withUnsafeBufferPointer { hPrev in
                                    state.c.data.withUnsafeBufferPointer { cPrev in
                                        withOptionalPointer(effective == .hoisted ? projected?.data : nil) { pp in
                                            guard let xb = xp.baseAddress, let hb = hPrev.baseAddress,
                                                  let cb = cPrev.baseAddress else { return }
                                            StepKernel.preActivations(batch: b, x: xb, h: hb, weights: w, mode: effective,
                                                                      projected: pp, z: zp, scratch: gp)
                                            StepKernel.finish(batch: b, hiddenSize: hs, z: zp, cPrev: cb, variant: variant,
                                                              activations: .exact, gates: gp, c: cp, h: hp)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return StepTrace(t: t, gatesPre: Matrix(rows: b, cols: n, data: z), gates: Matrix(rows: b, cols: n, data: gates),
                         state: LSTMState(h: Matrix(rows: b, cols: hs, data: h), c: Matrix(rows: b, cols: hs, data: c)),
                         products: effective.productsPerStep, mode: mode, variant: variant)
    }
}

extension StepMode {
    /// Matrix products one step performs: 8, 2 or 1.
    public var productsPerStep: Int {
        switch self {
        case .perGate: 8
        case .fused: 2
        case .hoisted: 1
        }
    }
}

@inline(__always)
private func withOptionalPointer<R>(_ array: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
    guard let array else { return body(nil) }
    return array.withUnsafeBufferPointer { body($0.baseAddress) }
}
