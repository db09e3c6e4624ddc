import COpenBLAS
import LSTMCore

/// One direction's parameters as raw pointers, valid inside `withPointers`.
struct WeightPointers {
    /// `[4H, D]`, `[4H, H]`, `[4H]`, `[4H]` as `nn.LSTM` stores them.
    let wIH, wHH, bIH, bHH: UnsafePointer<Float>
    let inputSize: Int
    let hiddenSize: Int
}

extension DirectionParameters {
    func withPointers<R>(_ body: (WeightPointers) throws -> R) rethrows -> R {
        try wIH.data.withUnsafeBufferPointer { wih in
            try wHH.data.withUnsafeBufferPointer { whh in
                try bIH.withUnsafeBufferPointer { bih in
                    try bHH.withUnsafeBufferPointer { bhh in
                        // Non-empty by construction (H ≥ 1, D ≥ 1), so the base addresses exist.
                        guard let a = wih.baseAddress, let b = whh.baseAddress,
                            let c = bih.baseAddress, let d = bhh.baseAddress
                        else {
                            preconditionFailure("parameters are never empty")
                        }
                        return try body(
                            WeightPointers(
                                wIH: a, wHH: b, bIH: c, bHH: d,
                                inputSize: inputSize, hiddenSize: hiddenSize))
                    }
                }
            }
        }
    }
}

/// Weights packed for `GEMM.packedMultiply`, valid inside the owner's scope.
///
/// Fused and hoisted pack each whole weight; per-gate packs each gate's
/// `[H, ·]` row block on its own, one after the other, `gateStride…` floats apart.
struct PackedPointers {
    /// Packed `W_ih`, or nil when only hoisted steps run.
    let wIH: UnsafePointer<Float>?
    let wHH: UnsafePointer<Float>
    /// `b_ih + b_hh`, `[4H]`.
    let biasSum: UnsafePointer<Float>
    var gateStrideIH = 0
    var gateStrideHH = 0
}

/// The step computed on raw buffers, shared by the stepper's `step`, the
/// full forward (`run`) and the benchmark, so they give bit-identical numbers
/// for the same mode and weights layout. With `.exact` activations its
/// elementwise part is `LSTMCell.finish`'s arithmetic, bit for bit.
///
/// ```
/// fused     z = (x·W_ihᵀ + b_ih) + (h·W_hhᵀ + b_hh)              2 products
/// per-gate  z[:, g] = (x·W_ih[g]ᵀ + b_ih[g]) + (h·W_hh[g]ᵀ + b_hh[g])   8 products
/// hoisted   z = P_t + (h·W_hhᵀ + b_hh),  P = X·W_ihᵀ + b_ih for all t up front
/// ```
enum StepKernel {
    /// Writes the pre-activations `z [B, 4H]`, using `scratch [B, 4H]`.
    /// `x` may be nil only in hoisted mode with `projected` given.
    ///
    /// With `packed` weights (AVX-512 CPUs: stepping, `run`, the benchmark) every
    /// mode's per-step products use the packed kernel; fused and hoisted add
    /// the two biases as one sum (the hoisted `projected` rows then already
    /// hold `x·W_ihᵀ + b_ih + b_hh`); per-gate keeps its eight products and
    /// separate bias adds.
    static func preActivations(
        batch b: Int, x: UnsafePointer<Float>?, h: UnsafePointer<Float>,
        weights w: WeightPointers, mode: StepMode, projected: UnsafePointer<Float>?,
        z: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
        packed: PackedPointers? = nil, split: Bool = false
    ) {
        if let packed {
            packedPreActivations(
                batch: b, x: x, h: h, weights: w, mode: mode, projected: projected, z: z, scratch: scratch,
                packed: packed, split: split)
        } else {
            blasPreActivations(
                batch: b, x: x, h: h, weights: w, mode: mode, projected: projected, z: z, scratch: scratch)
        }
    }

    /// The packed product, on two cores when `split` and it is large (see ParallelProducts).
    @inline(__always)
    private static func packedProduct(
        split: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>,
        cin: UnsafePointer<Float>?, ldcin: Int, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if split && m * n * k >= ParallelProducts.minimumWork {
            ParallelProducts.shared.multiply(
                m: m, n: n, k: k, a: a, lda: lda, packed: packed, cin: cin, ldcin: ldcin, c: c, ldc: ldc)
        } else {
            GEMM.packedMultiply(
                m: m, n: n, k: k, a: a, lda: lda, packed: packed, cin: cin, ldcin: ldcin, c: c, ldc: ldc)
        }
    }

    /// `preActivations` on the packed kernel (AVX-512).
    @inline(__always)
    private static func packedPreActivations(
        batch b: Int, x: UnsafePointer<Float>?, h: UnsafePointer<Float>,
        weights w: WeightPointers, mode: StepMode, projected: UnsafePointer<Float>?,
        z: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
        packed: PackedPointers, split: Bool
    ) {
        let hs = w.hiddenSize
        let d = w.inputSize
        let n = 4 * hs
        if mode == .perGate {
            guard let x, let wIH = packed.wIH else { preconditionFailure("a per-gate step needs x and packed W_ih") }
            for gate in Gate.allCases {
                let lo = gate.rows(hiddenSize: hs).lowerBound
                let g = gate.rawValue
                packedProduct(
                    split: split, m: b, n: hs, k: d, a: x, lda: d, packed: wIH + g * packed.gateStrideIH,
                    cin: nil, ldcin: n, c: z + lo, ldc: n)
                addBias(w.bIH + lo, rows: b, cols: hs, to: z + lo, ld: n)
                packedProduct(
                    split: split, m: b, n: hs, k: hs, a: h, lda: hs, packed: packed.wHH + g * packed.gateStrideHH,
                    cin: nil, ldcin: n, c: scratch + lo, ldc: n)
                addBias(w.bHH + lo, rows: b, cols: hs, to: scratch + lo, ld: n)
                addBlock(scratch + lo, to: z + lo, rows: b, cols: hs, ld: n)
            }
            return
        }
        if mode == .hoisted, let projected {
            packedProduct(
                split: split, m: b, n: n, k: hs, a: h, lda: hs, packed: packed.wHH, cin: projected, ldcin: n, c: z,
                ldc: n)
            return
        }
        guard let x, let wIH = packed.wIH else { preconditionFailure("a fused step needs x and packed W_ih") }
        // Every row starts from b_ih + b_hh: the bias row read with a leading dimension of 0.
        packedProduct(
            split: split, m: b, n: n, k: d, a: x, lda: d, packed: wIH, cin: packed.biasSum, ldcin: 0, c: z, ldc: n)
        packedProduct(
            split: split, m: b, n: n, k: hs, a: h, lda: hs, packed: packed.wHH, cin: z, ldcin: n, c: z, ldc: n)
    }

    /// `preActivations` on OpenBLAS and Swift loops (no AVX-512, or the packed kernel turned off).
    @inline(__always)
    private static func blasPreActivations(
        batch b: Int, x: UnsafePointer<Float>?, h: UnsafePointer<Float>,
        weights w: WeightPointers, mode: StepMode, projected: UnsafePointer<Float>?,
        z: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        let hs = w.hiddenSize
        let d = w.inputSize
        let n = 4 * hs
        switch mode {
        case .hoisted where projected != nil:
            guard let projected else { return }
            GEMM.multiplyTransposed(
                m: b, n: n, k: hs, a: h, lda: hs, b: w.wHH, ldb: hs, c: scratch, ldc: n, accumulate: false)
            for r in 0..<b {
                let zr = z + r * n
                let sr = scratch + r * n
                let pr = projected + r * n
                for j in 0..<n { zr[j] = pr[j] + (sr[j] + w.bHH[j]) }
            }
        case .fused, .hoisted:
            guard let x else { preconditionFailure("a fused step needs x") }
            GEMM.multiplyTransposed(m: b, n: n, k: d, a: x, lda: d, b: w.wIH, ldb: d, c: z, ldc: n, accumulate: false)
            GEMM.multiplyTransposed(
                m: b, n: n, k: hs, a: h, lda: hs, b: w.wHH, ldb: hs, c: scratch, ldc: n, accumulate: false)
            for r in 0..<b {
                let zr = z + r * n
                let sr = scratch + r * n
                for j in 0..<n { zr[j] = (zr[j] + w.bIH[j]) + (sr[j] + w.bHH[j]) }
            }
        case .perGate:
            guard let x else { preconditionFailure("a per-gate step needs x") }
            for gate in Gate.allCases {
                let lo = gate.rows(hiddenSize: hs).lowerBound
                // Row block `lo..<lo+H` of W is contiguous; its product lands in columns lo..<lo+H of z.
                GEMM.multiplyTransposed(
                    m: b, n: hs, k: d, a: x, lda: d, b: w.wIH + lo * d, ldb: d,
                    c: z + lo, ldc: n, accumulate: false)
                addBias(w.bIH + lo, rows: b, cols: hs, to: z + lo, ld: n)
                GEMM.multiplyTransposed(
                    m: b, n: hs, k: hs, a: h, lda: hs, b: w.wHH + lo * hs, ldb: hs,
                    c: scratch + lo, ldc: n, accumulate: false)
                addBias(w.bHH + lo, rows: b, cols: hs, to: scratch + lo, ld: n)
                addBlock(scratch + lo, to: z + lo, rows: b, cols: hs, ld: n)
            }
        }
    }

    /// `z[r, 0..<cols] += s[r, 0..<cols]` for each row (one gate's two products summed).
    @inline(__always)
    private static func addBlock(
        _ s: UnsafePointer<Float>, to z: UnsafeMutablePointer<Float>, rows: Int, cols: Int, ld: Int
    ) {
        for r in 0..<rows {
            let zr = z + r * ld
            let sr = s + r * ld
            for u in 0..<cols { zr[u] += sr[u] }
        }
    }

    /// One whole step: `preActivations` then `finish`, writing z, gates, c
    /// and h. Stepping, `run` and the benchmark all take their steps here.
    @inline(__always)
    static func step(
        batch b: Int, x: UnsafePointer<Float>, hPrev: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
        weights w: WeightPointers, mode: StepMode, projected: UnsafePointer<Float>?, packed: PackedPointers?,
        variant: Variant, activations: Activations, split: Bool = false, scratch: UnsafeMutablePointer<Float>,
        z: UnsafeMutablePointer<Float>, gates: UnsafeMutablePointer<Float>,
        c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>
    ) {
        preActivations(
            batch: b, x: x, h: hPrev, weights: w, mode: mode, projected: projected, z: z, scratch: scratch,
            packed: packed, split: split)
        finish(
            batch: b, hiddenSize: w.hiddenSize, z: z, cPrev: cPrev, variant: variant, activations: activations,
            gates: gates, c: c, h: h)
    }

    private static func addBias(
        _ bias: UnsafePointer<Float>, rows: Int, cols: Int, to c: UnsafeMutablePointer<Float>, ld: Int
    ) {
        for r in 0..<rows {
            let cr = c + r * ld
            for j in 0..<cols { cr[j] += bias[j] }
        }
    }

    /// How `finish` evaluates σ and tanh.
    enum Activations {
        /// The scalar `Activation` functions (C library `expf`/`tanhf`), one
        /// element at a time: `LSTMCell`'s formulas as written, the reference
        /// the tests hold the fast path to.
        case exact
        /// Vector formulas within about 2 ulp of `exact`: every step the lab
        /// takes (`step`, `run`, the benchmark). Sixteen AVX-512 lanes in C
        /// (`lstm_elementwise.h`) where the CPU has them, else `vectorPortable`.
        case vector
        /// `VectorActivation`, eight lanes in portable Swift SIMD.
        case vectorPortable
    }

    /// Activations and state update: from `z [B, 4H]` and `cPrev [B, H]` to
    /// `gates [B, 4H]`, `c [B, H]`, `h [B, H]`. `gates` may not alias `z`.
    static func finish(
        batch b: Int, hiddenSize hs: Int, z: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
        variant: Variant, activations: Activations, gates: UnsafeMutablePointer<Float>,
        c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>
    ) {
        if activations == .exact {
            finishExact(batch: b, hiddenSize: hs, z: z, cPrev: cPrev, variant: variant, gates: gates, c: c, h: h)
            return
        }
        let wirings = variant.wirings
        if activations == .vector && GEMM.packedAvailable {
            if variant == .correct {
                lstmlab_lstm_finish(b, hs, z, cPrev, gates, c, h)
            } else {
                let block = wirings.map { Int32($0.block.rawValue) }
                let tanhOf = wirings.map { Int32($0.activation == .tanh ? 1 : 0) }
                lstmlab_lstm_finish_wired(b, hs, z, cPrev, block, tanhOf, gates, c, h)
            }
            return
        }
        finishPortable(batch: b, hiddenSize: hs, z: z, cPrev: cPrev, wirings: wirings, gates: gates, c: c, h: h)
    }

    /// `finish` with `VectorActivation`'s eight-lane formulas in portable Swift SIMD.
    private static func finishPortable(
        batch b: Int, hiddenSize hs: Int, z: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
        wirings: [GateWiring], gates: UnsafeMutablePointer<Float>,
        c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>
    ) {
        typealias V = SIMD8<Float>
        let n = 4 * hs
        let offsets = wirings.map { $0.block.rawValue * hs }
        let tanhOf = wirings.map { $0.activation == .tanh }
        @inline(__always) func act(_ k: Int, _ z: V) -> V {
            tanhOf[k] ? VectorActivation.tanh(z) : VectorActivation.sigmoid(z)
        }
        @inline(__always) func unit(_ zi: V, _ zf: V, _ zg: V, _ zo: V, _ cp: V) -> (V, V, V, V, V, V) {
            // zi…zo are the blocks the wiring reads for the slots i, f, g, o.
            let i = act(0, zi)
            let f = act(1, zf)
            let g = act(2, zg)
            let o = act(3, zo)
            let cn = f * cp + i * g
            let hn = o * VectorActivation.tanh(cn)
            return (i, f, g, o, cn, hn)
        }
        let wide = hs & ~7
        for r in 0..<b {
            let zr = z + r * n
            let gr = gates + r * n
            let cpr = cPrev + r * hs
            let cr = c + r * hs
            let hr = h + r * hs
            var u = 0
            while u < wide {
                let (i, f, g, o, cn, hn) = unit(
                    SIMDMemory.load8(zr + offsets[0] + u), SIMDMemory.load8(zr + offsets[1] + u),
                    SIMDMemory.load8(zr + offsets[2] + u), SIMDMemory.load8(zr + offsets[3] + u),
                    SIMDMemory.load8(cpr + u))
                SIMDMemory.store8(i, gr + u)
                SIMDMemory.store8(f, gr + hs + u)
                SIMDMemory.store8(g, gr + 2 * hs + u)
                SIMDMemory.store8(o, gr + 3 * hs + u)
                SIMDMemory.store8(cn, cr + u)
                SIMDMemory.store8(hn, hr + u)
                u += 8
            }
            if u < hs {
                // The tail, padded to a full vector so it takes the same formulas.
                let count = hs - u
                var zi = V()
                var zf = V()
                var zg = V()
                var zo = V()
                var cp = V()
                for l in 0..<count {
                    zi[l] = zr[offsets[0] + u + l]
                    zf[l] = zr[offsets[1] + u + l]
                    zg[l] = zr[offsets[2] + u + l]
                    zo[l] = zr[offsets[3] + u + l]
                    cp[l] = cpr[u + l]
                }
                let (i, f, g, o, cn, hn) = unit(zi, zf, zg, zo, cp)
                for l in 0..<count {
                    gr[u + l] = i[l]
                    gr[hs + u + l] = f[l]
                    gr[2 * hs + u + l] = g[l]
                    gr[3 * hs + u + l] = o[l]
                    cr[u + l] = cn[l]
                    hr[u + l] = hn[l]
                }
            }
        }
    }
}

extension StepKernel {
    /// `LSTMCell.finish`'s arithmetic on raw buffers: the same operations in
    /// the same order, so the same bits.
    private static func finishExact(
        batch b: Int, hiddenSize hs: Int, z: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
        variant: Variant, gates: UnsafeMutablePointer<Float>,
        c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>
    ) {
        let n = 4 * hs
        let wirings = variant.wirings
        for r in 0..<b {
            let zr = z + r * n
            let gr = gates + r * n
            let cpr = cPrev + r * hs
            let cr = c + r * hs
            let hr = h + r * hs
            for u in 0..<hs {
                for w in wirings {
                    gr[w.gate.rawValue * hs + u] = w.activation(zr[w.block.rawValue * hs + u])
                }
                let i = gr[u]
                let f = gr[hs + u]
                let g = gr[2 * hs + u]
                let o = gr[3 * hs + u]
                let cNew = f * cpr[u] + i * g
                cr[u] = cNew
                hr[u] = o * Activation.tanh(cNew)
            }
        }
    }
}

extension Array where Element == Float {
    /// An array of `count` floats filled by `body`, without zeroing first.
    @inline(__always)
    static func filled(count: Int, _ body: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { body(base) }
            initialized = count
        }
    }
}
