import RealModule

/// A stacked bidirectional LSTM over a padded batch, written out as the formulas
/// read: one sequence, one step, one dot product at a time, in float32. It is the
/// specification the fast paths are held equal to (and equal to PyTorch within the
/// golden tolerance), not a fast path itself.
///
/// ```
/// layer 0 reads x; layer l > 0 reads y_{l−1} = cat(h_f, h_b)      [B, T, 2H]
/// sequence b, direction fwd:  t = 0 … len_b − 1        starting from h0/c0[2l]
/// sequence b, direction bwd:  t = len_b − 1 … 0        starting from h0/c0[2l + 1]
/// y_l[b, t] = 0 for t ≥ len_b;   h_n/c_n[2l + d, b] = the state after b's own last step
/// ```
/// With `packed` off the lengths are labels only: every sequence runs all T steps,
/// padding included, as a model that ignores the lengths computes it.
/// Steps follow `StackOrder`: a step that reads a t the layer below has not
/// finished in both directions is refused with what is missing.
public struct StackedReference: Sendable {
    /// One step of one direction of one layer, every sequence at once.
    public struct Step: Equatable, Sendable {
        /// The time index each sequence read, nil for a sequence that had finished (it did not move).
        public var times: [Int?]
        /// `[B, 4H]` z and the activated gates; `[B, H]` the state after the step.
        /// Rows of sequences that did not move are 0.
        public var gatesPre: Matrix
        public var gates: Matrix
        public var c: Matrix
        public var h: Matrix
    }

    public let parameters: StackedParameters
    /// `[B, T, D]`, batch-first.
    public let input: Tensor
    /// The lengths as given (labels when `packed` is off).
    public let lengths: SequenceLengths
    public let packed: Bool
    /// `[layer][direction]` initial `h` and `c`, each `[B, H]`.
    public let initialStates: [[LSTMState]]
    /// `[layer][direction][k]`: the steps taken, in processing order.
    public private(set) var steps: [[[Step]]]

    /// - Parameters:
    ///   - input: `[B, T, D]` with `D` = layer 0's input size.
    ///   - lengths: one per sequence (nil: all full).
    ///   - h0, c0: `[2L, B, H]` in PyTorch's row order, or nil for zeros.
    public init(
        parameters: StackedParameters, input: Tensor, lengths: SequenceLengths? = nil,
        h0: Tensor? = nil, c0: Tensor? = nil, packed: Bool = true
    ) throws {
        let l = parameters.count
        let h = parameters.hiddenSize
        guard input.rank == 3, input.shape[0] > 0, input.shape[1] > 0, input.shape[2] == parameters.inputSize else {
            throw ShapeError.mismatch(
                what: "input must be [B, T, D] with D = \(parameters.inputSize)",
                expected: [1, 1, parameters.inputSize], actual: input.shape)
        }
        let b = input.shape[0]
        let t = input.shape[1]
        let given = lengths ?? .full(batch: b, length: t)
        guard given.batch == b, given.paddedLength == t else {
            throw ShapeError.mismatch(
                what: "lengths must give one length per sequence of the input",
                expected: [b], actual: [given.batch])
        }
        var states = [[LSTMState]](
            repeating: [.zero(batch: b, hiddenSize: h), .zero(batch: b, hiddenSize: h)],
            count: l)
        for (name, tensor) in [("h0", h0), ("c0", c0)] {
            guard let tensor else { continue }
            guard tensor.shape == [2 * l, b, h] else {
                throw ShapeError.mismatch(
                    what: "\(name) must be [2L, B, H]", expected: [2 * l, b, h],
                    actual: tensor.shape)
            }
            for layer in 0..<l {
                for d in Direction.allCases {
                    let row = StackedParameters.stateRow(layer: layer, d)
                    let m = Matrix(rows: b, cols: h, data: Array(tensor.data[(row * b * h)..<((row + 1) * b * h)]))
                    if name == "h0" { states[layer][d.rawValue].h = m } else { states[layer][d.rawValue].c = m }
                }
            }
        }
        self.parameters = parameters
        self.input = input
        self.lengths = given
        self.packed = packed
        initialStates = states
        steps = [[[Step]]](repeating: [[], []], count: l)
    }

    public var batch: Int { input.shape[0] }
    public var length: Int { input.shape[1] }
    public var hiddenSize: Int { parameters.hiddenSize }
    public var layerCount: Int { parameters.count }

    /// The lengths the computation follows: the given ones when packed, all T otherwise.
    public var effectiveLengths: SequenceLengths { packed ? lengths : .full(batch: batch, length: length) }

    /// `[layer][direction]`: steps taken.
    public var cursors: [[Int]] { steps.map { $0.map(\.count) } }

    public var isComplete: Bool { StackOrder.isComplete(cursors: cursors, lengths: effectiveLengths) }

    // MARK: Moving

    /// Takes `layer`'s next `direction` step for every sequence that has not finished.
    @discardableResult
    public mutating func step(layer: Int, _ direction: Direction) throws(StackOrderRefusal) -> Step {
        let lens = effectiveLengths
        if let refusal = StackOrder.refusal(toStep: layer, direction, cursors: cursors, lengths: lens) { throw refusal }
        let p = parameters.layers[layer][direction]
        let h = hiddenSize
        let b = batch
        let k = steps[layer][direction.rawValue].count
        var out = Step(
            times: [], gatesPre: Matrix(rows: b, cols: 4 * h), gates: Matrix(rows: b, cols: 4 * h),
            c: Matrix(rows: b, cols: h), h: Matrix(rows: b, cols: h))
        for s in 0..<b {
            guard let t = lens.timeIndex(direction, step: k, sequence: s) else {
                out.times.append(nil)
                continue
            }
            out.times.append(t)
            let before = state(layer: layer, direction, sequence: s)
            let cell = StackedReference.cell(x: layerInput(layer, t: t, sequence: s), h: before.h, c: before.c, p)
            for j in 0..<(4 * h) {
                out.gatesPre[s, j] = cell.z[j]
                out.gates[s, j] = cell.gates[j]
            }
            for j in 0..<h {
                out.c[s, j] = cell.c[j]
                out.h[s, j] = cell.h[j]
            }
        }
        steps[layer][direction.rawValue].append(out)
        return out
    }

    /// Undoes `layer`'s last `direction` step, unless the layer above has read what it made.
    public mutating func back(layer: Int, _ direction: Direction) throws(StackOrderRefusal) {
        if let refusal = StackOrder.refusal(toUndo: layer, direction, cursors: cursors, lengths: effectiveLengths) {
            throw refusal
        }
        steps[layer][direction.rawValue].removeLast()
    }

    /// Every remaining step, layer by layer (each layer's forward, then its backward):
    /// one order the rules always allow.
    public mutating func run() {
        for l in 0..<layerCount {
            for d in Direction.allCases {
                while (try? step(layer: l, d)) != nil {}
            }
        }
    }

    // MARK: Values

    /// Sequence `s`'s state in `layer`'s `direction` now: after its last step, or the initial state.
    public func state(layer: Int, _ direction: Direction, sequence s: Int) -> (h: [Float], c: [Float]) {
        let h = hiddenSize
        let taken = steps[layer][direction.rawValue].count
        let moved = min(taken, effectiveLengths[s])
        let list = steps[layer][direction.rawValue]
        let source =
            moved > 0
            ? LSTMState(h: list[moved - 1].h, c: list[moved - 1].c)
            : initialStates[layer][direction.rawValue]
        return (Array(source.h.data[(s * h)..<((s + 1) * h)]), Array(source.c.data[(s * h)..<((s + 1) * h)]))
    }

    /// What `layer` reads at `t` in sequence `s`: `x[s, t]` for layer 0, the layer below's `y[s, t]` above it.
    func layerInput(_ layer: Int, t: Int, sequence s: Int) -> [Float] {
        guard layer > 0 else {
            let d = input.shape[2]
            let start = (s * length + t) * d
            return Array(input.data[start..<(start + d)])
        }
        return output(layer: layer - 1, t: t, sequence: s)
    }

    /// `y_layer[s, t] = cat(h_f, h_b)`, `[2H]`; a direction's half is 0 until it has visited t (and always at padding).
    public func output(layer: Int, t: Int, sequence s: Int) -> [Float] {
        let h = hiddenSize
        var y = [Float](repeating: 0, count: 2 * h)
        for d in Direction.allCases {
            guard let k = effectiveLengths.step(d, visiting: t, sequence: s),
                k < steps[layer][d.rawValue].count
            else { continue }
            let hs = steps[layer][d.rawValue][k].h
            for j in 0..<h { y[d.rawValue * h + j] = hs[s, j] }
        }
        return y
    }

    /// `[B, T, 2H]`, batch-first: `layer`'s output (the top layer's by default), 0 where not computed or padded.
    public func y(layer: Int? = nil) -> Tensor {
        let l = layer ?? layerCount - 1
        var data = [Float]()
        data.reserveCapacity(batch * length * 2 * hiddenSize)
        for s in 0..<batch {
            for t in 0..<length { data += output(layer: l, t: t, sequence: s) }
        }
        return Tensor(uncheckedShape: [batch, length, 2 * hiddenSize], data: data)
    }

    /// `[2L, B, H]`: every layer's and direction's current `h` (`c` with `cell: true`), PyTorch's row order.
    public func finalStates(cell: Bool = false) -> Tensor {
        var data = [Float]()
        for l in 0..<layerCount {
            for d in Direction.allCases {
                for s in 0..<batch {
                    let st = state(layer: l, d, sequence: s)
                    data += cell ? st.c : st.h
                }
            }
        }
        return Tensor(uncheckedShape: [2 * layerCount, batch, hiddenSize], data: data)
    }

    /// `[K, B, width]` of the K steps taken: one of a step's four matrices, stacked in processing order.
    public func trace(layer: Int, _ direction: Direction, _ part: KeyPath<Step, Matrix>) -> Tensor {
        let list = steps[layer][direction.rawValue]
        let width = list.first?[keyPath: part].cols ?? 0
        return Tensor(uncheckedShape: [list.count, batch, width], data: list.flatMap { $0[keyPath: part].data })
    }

    // MARK: The cell

    /// One sequence's step:
    /// ```
    /// z = W_ih·x + b_ih + W_hh·h + b_hh;   i, f, g, o = z.chunk(4)
    /// c' = σ(f)·c + σ(i)·tanh(g);          h' = σ(o)·tanh(c')
    /// ```
    static func cell(x: [Float], h: [Float], c: [Float], _ p: DirectionParameters)
        -> (z: [Float], gates: [Float], c: [Float], h: [Float])
    {
        let hs = p.hiddenSize
        var z = [Float](repeating: 0, count: 4 * hs)
        for r in 0..<(4 * hs) {
            var fromInput: Float = 0
            for j in 0..<x.count { fromInput += p.wIH[r, j] * x[j] }
            var fromState: Float = 0
            for j in 0..<hs { fromState += p.wHH[r, j] * h[j] }
            z[r] = (fromInput + p.bIH[r]) + (fromState + p.bHH[r])
        }
        var gates = z
        for gate in Gate.allCases {
            for r in gate.rows(hiddenSize: hs) {
                gates[r] = gate == .cell ? Float.tanh(z[r]) : 1 / (1 + Float.exp(-z[r]))
            }
        }
        var cNext = [Float](repeating: 0, count: hs)
        var hNext = cNext
        let (i, f, g, o) = (
            Gate.input.rows(hiddenSize: hs).lowerBound, Gate.forget.rows(hiddenSize: hs).lowerBound,
            Gate.cell.rows(hiddenSize: hs).lowerBound, Gate.output.rows(hiddenSize: hs).lowerBound
        )
        for j in 0..<hs {
            cNext[j] = gates[f + j] * c[j] + gates[i + j] * gates[g + j]
            hNext[j] = gates[o + j] * Float.tanh(cNext[j])
        }
        return (z, gates, cNext, hNext)
    }
}
