extension StackedStepper {
    /// Steps `k0 ..< stepCount` of `layer`'s `direction`, each computing only the sequences
    /// still running, as PyTorch's packed kernels do:
    ///
    /// ```
    /// active(k) = { b : len_b > k }        shrinks as sequences finish
    /// segment   = steps over which active(k) stays the same; one hoisted run each, on
    ///             a batch of |active| rows (their inputs in processing order, their states)
    /// work      = Σ_b (len_b − k0)⁺ rows·steps, not B·(longest − k0)
    /// ```
    /// Each step's trace is widened back to B rows (0 for the sequences that had
    /// finished: they did not move, `times[b] == nil`). Returns false when cancelled.
    mutating func runPacked(layer l: Int, _ d: Direction, from k0: Int, threads: Int, shouldCancel: () -> Bool)
        throws -> Bool
    {
        let lens = effectiveLengths
        let n = stepCount
        let width = parameters.layers[l].inputSize
        let h = hiddenSize
        var k = k0
        while k < n {
            if shouldCancel() { return false }
            let active = (0..<batch).filter { lens[$0] > k }
            guard let shortest = active.map({ lens[$0] }).min() else { break }
            let end = min(n, shortest)
            let count = end - k
            let a = active.count
            // The active rows' inputs for steps k..<end, laid out so that the inner stepper's
            // direction reads them in order (the backward one reads its input from the end).
            var data = [Float](repeating: 0, count: a * count * width)
            for (j, step) in (k..<end).enumerated() {
                let slot = d == .forward ? j : count - 1 - j
                for (r, b) in active.enumerated() {
                    guard let t = lens.timeIndex(d, step: step, sequence: b) else { continue }
                    data.replaceSubrange(
                        ((r * count + slot) * width)..<((r * count + slot + 1) * width),
                        with: layerInput(l, t: t, sequence: b))
                }
            }
            // [2, A, H]: this direction's rows are the active sequences' states now; the other's are unused.
            let now = currentState(layer: l, d)
            var h0 = [Float](repeating: 0, count: 2 * a * h)
            var c0 = [Float](repeating: 0, count: 2 * a * h)
            let base = d.rawValue * a * h
            for (r, b) in active.enumerated() {
                h0.replaceSubrange((base + r * h)..<(base + (r + 1) * h), with: now.h.data[(b * h)..<((b + 1) * h)])
                c0.replaceSubrange((base + r * h)..<(base + (r + 1) * h), with: now.c.data[(b * h)..<((b + 1) * h)])
            }
            let inner = try BidirectionalStepper(
                parameters: parameters.layers[l], input: Tensor(uncheckedShape: [a, count, width], data: data),
                h0: Tensor(uncheckedShape: [2, a, h], data: h0), c0: Tensor(uncheckedShape: [2, a, h], data: c0),
                mode: .hoisted, variant: variant, engine: engine, reusing: templates[l])
            let request = RunRequest(direction: d, firstStep: 0, start: inner.start(d), variant: variant)
            let done = inner.engine.run([request], threads: threads, shouldCancel: shouldCancel)[d]
            for (j, trace) in done.enumerated() {
                let times = (0..<batch).map { lens.timeIndex(d, step: k + j, sequence: $0) }
                steps[l][d.rawValue].append(Step(trace: widened(trace, rows: active), times: times))
            }
            if done.count < count { return false }
            k = end
        }
        return true
    }

    /// `trace` over the `rows` that ran, as a trace over all B rows (0 elsewhere).
    private func widened(_ trace: StepTrace, rows: [Int]) -> StepTrace {
        guard rows.count != batch else { return trace }
        func grow(_ m: Matrix) -> Matrix {
            var out = [Float](repeating: 0, count: batch * m.cols)
            for (r, b) in rows.enumerated() {
                out.replaceSubrange((b * m.cols)..<((b + 1) * m.cols), with: m.data[(r * m.cols)..<((r + 1) * m.cols)])
            }
            return Matrix(rows: batch, cols: m.cols, data: out)
        }
        return StepTrace(
            t: trace.t, gatesPre: grow(trace.gatesPre), gates: grow(trace.gates),
            state: LSTMState(h: grow(trace.h), c: grow(trace.c)), products: trace.products, mode: trace.mode,
            variant: trace.variant)
    }
}
