/// The live stacked bidirectional LSTM over a padded batch: what the lab steps.
///
/// Same semantics as `StackedReference` (the specification it is tested
/// against, and through it PyTorch's packed, multi-layer `nn.LSTM`), with every
/// step computed by a `BidirectionalStepper`, so by the engine and kernel the
/// single-layer lab uses (same step modes, packed weights, threads):
///
/// ```
/// step (l, d, k):  x_k[b] = layer l's input at t_b = timeIndex(d, k, b)   (0 for a finished b)
///                  one step of l's d from each sequence's state after step k−1
/// run:             layer by layer; a layer whose directions both start at 0 on full
///                  lengths is one hoisted runToEnd (both directions, two threads),
///                  otherwise each direction runs over only the sequences still running
/// ```
/// A finished sequence's rows are computed (on zeros) and never used: the
/// rows of a batch do not mix, so real positions get exactly their own numbers;
/// every accessor reports them as not moved (`times[b] == nil`).
public struct StackedStepper: Sendable {
    /// One step of one layer's direction: the trace over all B rows and the t each sequence read.
    public struct Step: Sendable {
        public let trace: StepTrace
        /// nil for a sequence that had finished: its rows of `trace` mean nothing.
        public let times: [Int?]
    }

    public let parameters: StackedParameters
    /// `[B, T, D]`, batch-first.
    public let input: Tensor
    /// The lengths as set (labels only when `packed` is off).
    public let lengths: SequenceLengths
    public let packed: Bool
    /// `[layer][direction]` initial states, each `[B, H]`.
    public let initialStates: [[LSTMState]]
    public var mode: StepMode
    public var variant: Variant
    /// `[layer][direction][k]`, processing order.
    public internal(set) var steps: [[[Step]]]
    /// Per layer, a stepper made once so later ones reuse its engine's preparation (packed weights).
    let templates: [BidirectionalStepper]
    /// What computes every layer's steps (see `StepEngine`).
    public private(set) var engine: any StepEngine

    /// - Parameters:
    ///   - h0, c0: `[2L, B, H]` (PyTorch's row order) or nil for zeros.
    public init(
        parameters: StackedParameters, input: Tensor, lengths: SequenceLengths? = nil, h0: Tensor? = nil,
        c0: Tensor? = nil, packed: Bool = true, mode: StepMode = .fused, variant: Variant = .correct,
        engine: any StepEngine = ReferenceEngine()
    ) throws {
        // The reference checks every shape and splits h0/c0 by layer; its numbers are not computed here.
        let spec = try StackedReference(
            parameters: parameters, input: input, lengths: lengths, h0: h0, c0: c0,
            packed: packed)
        let b = input.shape[0]
        self.parameters = parameters
        self.input = input
        self.lengths = spec.lengths
        self.packed = packed
        initialStates = spec.initialStates
        self.mode = mode
        self.variant = variant
        self.engine = engine
        steps = [[[Step]]](repeating: [[], []], count: parameters.count)
        templates = try parameters.layers.map { p in
            try BidirectionalStepper(
                parameters: p, input: Tensor(zerosWithShape: [b, 1, p.inputSize]), mode: mode,
                variant: variant, engine: engine)
        }
    }

    /// Later steps computed by `engine`; the steps taken are kept.
    public mutating func use(_ engine: any StepEngine) {
        self.engine = engine
    }

    public var batch: Int { input.shape[0] }
    public var length: Int { input.shape[1] }
    public var hiddenSize: Int { parameters.hiddenSize }
    public var layerCount: Int { parameters.count }
    public var effectiveLengths: SequenceLengths { packed ? lengths : .full(batch: batch, length: length) }
    public var cursors: [[Int]] { steps.map { $0.map(\.count) } }
    public func cursor(layer: Int, _ d: Direction) -> Int { steps[layer][d.rawValue].count }
    /// Steps each direction takes: the longest sequence's length (T when packing is off).
    public var stepCount: Int { effectiveLengths.steps }
    public var isComplete: Bool { StackOrder.isComplete(cursors: cursors, lengths: effectiveLengths) }
    public func isComplete(layer: Int) -> Bool { steps[layer].allSatisfy { $0.count == stepCount } }

    // MARK: Moving

    /// Takes `layer`'s next `direction` step, as the stacking rules allow.
    @discardableResult
    public mutating func step(layer: Int, _ direction: Direction, threads: Int = 1) throws -> Step {
        let lens = effectiveLengths
        if let refusal = StackOrder.refusal(toStep: layer, direction, cursors: cursors, lengths: lens) { throw refusal }
        let k = cursor(layer: layer, direction)
        let times = (0..<batch).map { lens.timeIndex(direction, step: k, sequence: $0) }
        let x = processingOrderInput(layer: layer, direction, steps: k..<(k + 1))
        var inner = try innerStepper(layer: layer, input: x)
        let trace = try inner.step(direction, threads: threads)
        let step = Step(trace: trace, times: times)
        steps[layer][direction.rawValue].append(step)
        return step
    }

    /// Undoes `layer`'s last `direction` step, unless the layer above has read what it made.
    public mutating func back(layer: Int, _ direction: Direction) throws {
        if let refusal = StackOrder.refusal(toUndo: layer, direction, cursors: cursors, lengths: effectiveLengths) {
            throw refusal
        }
        steps[layer][direction.rawValue].removeLast()
    }

    /// Every layer and direction back to the start.
    public mutating func reset() {
        steps = [[[Step]]](repeating: [[], []], count: layerCount)
    }

    /// Every remaining step, layer by layer (always a valid order), hoisted;
    /// `shouldCancel` is asked between steps. Returns true when complete.
    @discardableResult
    public mutating func run(threads: Int, shouldCancel: () -> Bool) throws -> Bool {
        let n = stepCount
        for l in 0..<layerCount {
            let start = [cursor(layer: l, .forward), cursor(layer: l, .backward)]
            if start == [0, 0] && effectiveLengths.isFull {
                // Both directions over the same time-ordered input: one hoisted run, two threads.
                let x = processingOrderInput(layer: l, .forward, steps: 0..<n)
                var inner = try innerStepper(layer: l, input: x)
                inner.mode = .hoisted
                let finished = inner.runToEnd(threads: threads, shouldCancel: shouldCancel)
                for d in Direction.allCases {
                    for (k, trace) in inner.traces[d].enumerated() {
                        let times = (0..<batch).map { effectiveLengths.timeIndex(d, step: k, sequence: $0) }
                        steps[l][d.rawValue].append(Step(trace: trace, times: times))
                    }
                }
                if !finished { return false }
                continue
            }
            // With lengths: each direction computes only the sequences still running (StackedStepper+Packed).
            for d in Direction.allCases where start[d.rawValue] < n {
                guard try runPacked(layer: l, d, from: start[d.rawValue], threads: threads, shouldCancel: shouldCancel)
                else { return false }
            }
        }
        return isComplete
    }

    /// `[B, n, D_l]`: what `layer`'s `direction` reads at steps `range`, laid out so that
    /// a `BidirectionalStepper`'s same direction reads them in order (reversed in time for
    /// the backward one, which reads its input from the end). Rows of finished sequences are 0.
    func processingOrderInput(layer: Int, _ d: Direction, steps range: Range<Int>) -> Tensor {
        let width = parameters.layers[layer].inputSize
        let n = range.count
        var data = [Float](repeating: 0, count: batch * n * width)
        for (j, k) in range.enumerated() {
            let slot = d == .forward ? j : n - 1 - j
            for b in 0..<batch {
                guard let t = effectiveLengths.timeIndex(d, step: k, sequence: b) else { continue }
                let row = layerInput(layer, t: t, sequence: b)
                data.replaceSubrange(((b * n + slot) * width)..<((b * n + slot + 1) * width), with: row)
            }
        }
        return Tensor(uncheckedShape: [batch, n, width], data: data)
    }

    /// A single-layer stepper over `input` whose directions start from `layer`'s current states.
    private func innerStepper(layer: Int, input x: Tensor) throws -> BidirectionalStepper {
        let states = Direction.allCases.map { currentState(layer: layer, $0) }
        let shape = [2, batch, hiddenSize]
        return try BidirectionalStepper(
            parameters: parameters.layers[layer], input: x,
            h0: Tensor(uncheckedShape: shape, data: states.flatMap(\.h.data)),
            c0: Tensor(uncheckedShape: shape, data: states.flatMap(\.c.data)),
            mode: mode, variant: variant, engine: engine, reusing: templates[layer])
    }

    // MARK: Values

    /// `[B, H]` each sequence's state now: after its own last step, or the initial state.
    public func currentState(layer: Int, _ d: Direction) -> LSTMState {
        let h = hiddenSize
        var out = initialStates[layer][d.rawValue]
        let list = steps[layer][d.rawValue]
        for b in 0..<batch {
            let moved = min(list.count, effectiveLengths[b])
            guard moved > 0 else { continue }
            let last = list[moved - 1].trace
            let rows = (b * h)..<((b + 1) * h)
            out.h.data.replaceSubrange(rows, with: last.h.data[rows])
            out.c.data.replaceSubrange(rows, with: last.c.data[rows])
        }
        return out
    }

    /// `[2L, B, H]` every layer's and direction's current `h` (`c` with `cell: true`), PyTorch's row order.
    public func finalStates(cell: Bool = false) -> Tensor {
        var data = [Float]()
        for l in 0..<layerCount {
            for d in Direction.allCases {
                let s = currentState(layer: l, d)
                data += cell ? s.c.data : s.h.data
            }
        }
        return Tensor(uncheckedShape: [2 * layerCount, batch, hiddenSize], data: data)
    }

    /// Whether `layer`'s `direction` has visited `t` in sequence `b` (never, at padding).
    public func hasVisited(layer: Int, _ d: Direction, t: Int, sequence b: Int) -> Bool {
        guard let k = effectiveLengths.step(d, visiting: t, sequence: b) else { return false }
        return k < cursor(layer: layer, d)
    }

    /// `y_layer[b, t] = cat(h_f, h_b)`, `[2H]`; a half is 0 until its direction has visited t (always at padding).
    public func output(layer: Int, t: Int, sequence b: Int) -> [Float] {
        let h = hiddenSize
        var y = [Float](repeating: 0, count: 2 * h)
        for d in Direction.allCases {
            guard let k = effectiveLengths.step(d, visiting: t, sequence: b),
                k < cursor(layer: layer, d)
            else { continue }
            let hs = steps[layer][d.rawValue][k].trace.h
            y.replaceSubrange((d.rawValue * h)..<((d.rawValue + 1) * h), with: hs.data[(b * h)..<((b + 1) * h)])
        }
        return y
    }

    func layerInput(_ layer: Int, t: Int, sequence b: Int) -> [Float] {
        guard layer > 0 else {
            let d = input.shape[2]
            let start = (b * length + t) * d
            return Array(input.data[start..<(start + d)])
        }
        return output(layer: layer - 1, t: t, sequence: b)
    }

    /// `[B, T, 2H]` batch-first, `layer`'s output (the top layer's by default).
    public func y(layer: Int? = nil) -> Tensor {
        let l = layer ?? layerCount - 1
        var data = [Float]()
        data.reserveCapacity(batch * length * 2 * hiddenSize)
        for b in 0..<batch {
            for t in 0..<length { data += output(layer: l, t: t, sequence: b) }
        }
        return Tensor(uncheckedShape: [batch, length, 2 * hiddenSize], data: data)
    }

    /// `[K, B, width]` of the K steps taken, processing order, rows of sequences that did not move set to 0.
    public func trace(layer: Int, _ d: Direction, _ pick: (StepTrace) -> Matrix) -> Tensor {
        let list = steps[layer][d.rawValue]
        var data = [Float]()
        var width = 0
        for step in list {
            let m = pick(step.trace)
            width = m.cols
            for b in 0..<batch {
                data +=
                    step.times[b] == nil
                    ? [Float](repeating: 0, count: m.cols)
                    : Array(m.data[(b * m.cols)..<((b + 1) * m.cols)])
            }
        }
        return Tensor(uncheckedShape: [list.count, batch, width], data: data)
    }
}
