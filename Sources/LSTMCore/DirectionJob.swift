/// One direction's remaining steps as a self-contained value, so it can run
/// on its own thread: the full forward (`runToEnd`) and the benchmark both
/// run directions through this.
struct DirectionJob: Sendable {
    let parameters: DirectionParameters
    /// The whole input, time-major `[T, B, D]`.
    let input: [Float]
    let batch: Int
    let length: Int
    let direction: Direction
    /// Steps this direction has already taken (0…T).
    let firstStep: Int
    /// The state before step `firstStep`.
    let state: LSTMState
    let mode: StepMode
    let variant: Variant
    /// `.vector` for speed; `.exact` reproduces `LSTMCell.step` bit for bit.
    var activations: StepKernel.Activations = .vector
    /// Use the packed-weight AVX-512 kernel for the per-step products where
    /// the CPU has it; false keeps every product on the `LSTMCell.step` path.
    var packedKernel = true

    struct Result: Sendable {
        /// One trace per step taken, in processing order (empty unless traces were kept).
        var traces: [StepTrace]
        /// Steps taken by this run.
        var steps: Int
        var finalState: LSTMState
    }

    /// Time indices of the remaining steps, in processing order.
    var timeIndices: [Int] { (firstStep..<length).map { direction.timeIndex(step: $0, length: length) } }

    /// Runs the remaining steps, asking `shouldStop` before each one.
    ///
    /// With `keepTraces` every step allocates its trace (z, gates, h, c);
    /// without, the same kernel writes into four buffers reused for the whole
    /// run, as a plain forward pass would, and `h` of every step goes to one
    /// output buffer like `nn.LSTM`'s `output`.
    func run(keepTraces: Bool, shouldStop: () -> Bool) -> Result {
        let b = batch, d = parameters.inputSize, hs = parameters.hiddenSize, n = 4 * hs
        let times = timeIndices
        guard let tLo = times.min(), let tHi = times.max().map({ $0 + 1 }) else {
            return Result(traces: [], steps: 0, finalState: state)
        }
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: b * n)
        defer { scratch.deallocate() }

        // Weights packed once per run for the recurrent (and, fused, the input) product.
        let usePacked = packedKernel && GEMM.packedAvailable
        var packedHH = [Float](), packedIH = [Float](), biasSum = [Float]()
        if usePacked {
            parameters.withPointers { w in
                switch mode {
                case .perGate:
                    for g in 0..<4 {
                        packedIH += GEMM.pack(w.wIH + g * hs * d, n: hs, k: d, ldw: d) ?? []
                        packedHH += GEMM.pack(w.wHH + g * hs * hs, n: hs, k: hs, ldw: hs) ?? []
                    }
                case .fused:
                    packedIH = GEMM.pack(w.wIH, n: n, k: d, ldw: d) ?? []
                    packedHH = GEMM.pack(w.wHH, n: n, k: hs, ldw: hs) ?? []
                case .hoisted:
                    packedHH = GEMM.pack(w.wHH, n: n, k: hs, ldw: hs) ?? []
                }
            }
            biasSum = zip(parameters.bIH, parameters.bHH).map { $0 + $1 }
        }

        return parameters.withPointers { w in
            input.withUnsafeBufferPointer { xBuffer in
                guard let xAll = xBuffer.baseAddress else { return Result(traces: [], steps: 0, finalState: state) }
                // Hoisted: X·W_ihᵀ + b_ih (+ b_hh with packed weights) for every visited t in one product.
                var projection = [Float]()
                if mode == .hoisted {
                    let rows = (tHi - tLo) * b
                    let bias = usePacked ? biasSum : parameters.bIH
                    projection = [Float].filled(count: rows * n) { pp in
                        GEMM.multiplyTransposed(m: rows, n: n, k: d, a: xAll + tLo * b * d, lda: d, b: w.wIH, ldb: d,
                                                c: pp, ldc: n, accumulate: false)
                        bias.withUnsafeBufferPointer { bb in
                            for r in 0..<rows {
                                let pr = pp + r * n
                                for j in 0..<n { pr[j] += bb[j] }
                            }
                        }
                    }
                }
                return projection.withUnsafeBufferPointer { projectionBuffer in
                    packedHH.withUnsafeBufferPointer { phh in
                        packedIH.withUnsafeBufferPointer { pih in
                            biasSum.withUnsafeBufferPointer { bs in
                                var packed: PackedPointers? = nil
                                if usePacked, let whh = phh.baseAddress, let sum = bs.baseAddress {
                                    packed = PackedPointers(wIH: pih.baseAddress, wHH: whh, biasSum: sum,
                                                            gateStrideIH: GEMM.packedSize(n: hs, k: d),
                                                            gateStrideHH: GEMM.packedSize(n: hs, k: hs))
                                }
                                let p = projectionBuffer.baseAddress
                                @inline(__always) func step(_ t: Int, hPrev: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
                                                            z: UnsafeMutablePointer<Float>, gates: UnsafeMutablePointer<Float>,
                                                            h: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>) {
                                    StepKernel.preActivations(batch: b, x: xAll + t * b * d, h: hPrev, weights: w, mode: mode,
                                                              projected: p.map { $0 + (t - tLo) * b * n }, z: z, scratch: scratch,
                                                              packed: packed)
                                    StepKernel.finish(batch: b, hiddenSize: hs, z: z, cPrev: cPrev, variant: variant, activations: activations,
                                                      gates: gates, c: c, h: h)
                                }
                                if keepTraces {
                                    return runKeepingTraces(times, b: b, hs: hs, shouldStop: shouldStop, step: step)
                                } else {
                                    return runWithoutTraces(times, b: b, hs: hs, shouldStop: shouldStop, step: step)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private typealias StepFunction = (Int, UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                      UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void

    private func runKeepingTraces(_ times: [Int], b: Int, hs: Int, shouldStop: () -> Bool,
                                  step: StepFunction) -> Result {
        let n = 4 * hs
        var traces: [StepTrace] = []
        traces.reserveCapacity(times.count)
        var current = state
        for t in times {
            if shouldStop() { break }
            var hNew = [Float](), cNew = [Float](), gates = [Float]()
            let z = [Float].filled(count: b * n) { zp in
                gates = [Float].filled(count: b * n) { gp in
                    hNew = [Float].filled(count: b * hs) { hp in
                        cNew = [Float].filled(count: b * hs) { cp in
                            current.h.data.withUnsafeBufferPointer { hb in
                                current.c.data.withUnsafeBufferPointer { cb in
                                    guard let hPrev = hb.baseAddress, let cPrev = cb.baseAddress else { return }
                                    step(t, hPrev, cPrev, zp, gp, hp, cp)
                                }
                            }
                        }
                    }
                }
            }
            current = LSTMState(h: Matrix(rows: b, cols: hs, data: hNew), c: Matrix(rows: b, cols: hs, data: cNew))
            traces.append(StepTrace(t: t, gatesPre: Matrix(rows: b, cols: n, data: z), gates: Matrix(rows: b, cols: n, data: gates),
                                    state: current, products: mode.productsPerStep, mode: mode, variant: variant))
        }
        return Result(traces: traces, steps: traces.count, finalState: current)
    }

    private func runWithoutTraces(_ times: [Int], b: Int, hs: Int, shouldStop: () -> Bool,
                                  step: StepFunction) -> Result {
        let n = 4 * hs, bh = b * hs
        let z = UnsafeMutablePointer<Float>.allocate(capacity: b * n)
        let gates = UnsafeMutablePointer<Float>.allocate(capacity: b * n)
        // h and c double-buffered: [previous | next].
        let h = UnsafeMutablePointer<Float>.allocate(capacity: 2 * bh)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: 2 * bh)
        let output = UnsafeMutablePointer<Float>.allocate(capacity: max(1, length * bh))
        defer { z.deallocate(); gates.deallocate(); h.deallocate(); c.deallocate(); output.deallocate() }
        state.h.data.withUnsafeBufferPointer { if let s = $0.baseAddress { h.update(from: s, count: bh) } }
        state.c.data.withUnsafeBufferPointer { if let s = $0.baseAddress { c.update(from: s, count: bh) } }
        var prev = 0, taken = 0
        for t in times {
            if shouldStop() { break }
            let next = bh - prev
            step(t, h + prev, c + prev, z, gates, h + next, c + next)
            (output + t * bh).update(from: h + next, count: bh)
            prev = next
            taken += 1
        }
        let final = LSTMState(h: Matrix(rows: b, cols: hs, data: Array(UnsafeBufferPointer(start: h + prev, count: bh))),
                              c: Matrix(rows: b, cols: hs, data: Array(UnsafeBufferPointer(start: c + prev, count: bh))))
        return Result(traces: [], steps: taken, finalState: final)
    }
}
