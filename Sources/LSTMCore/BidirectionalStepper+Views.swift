/// A tensor over time with some positions not computed yet.
public struct PartialTensor: Equatable, Sendable {
    /// Full shape; unknown positions hold 0.
    public var tensor: Tensor
    /// The axis that `known` indexes.
    public var timeAxis: Int
    /// `known[t]` is true where the values at time index t are computed.
    public var known: [Bool]

    public var isComplete: Bool { known.allSatisfy { $0 } }
}

extension BidirectionalStepper {
    /// The trace of the step `direction` took at time index `t`.
    public func trace(_ direction: Direction, at t: Int) throws -> StepTrace {
        guard t >= 0 && t < length else { throw StepperError.timeOutOfRange(t: t, length: length) }
        let k = direction.timeIndex(step: t, length: length)  // the step index that visits t (self-inverse)
        let list = traces[direction]
        guard k < list.count else {
            throw StepperError.timeNotReached(direction, t: t, steps: list.count, length: length)
        }
        return list[k]
    }

    /// The most recent trace of `direction`.
    public func lastTrace(_ direction: Direction) throws -> StepTrace {
        guard let last = traces[direction].last else {
            throw StepperError.notStepped(direction)
        }
        return last
    }

    /// The state `direction` started its step `k` from (0-based, processing
    /// order): the previous step's, or the initial state.
    public func stateBefore(step k: Int, _ direction: Direction) -> LSTMState {
        k > 0 && k <= traces[direction].count ? traces[direction][k - 1].state : initialState[direction]
    }

    /// `h_f`, `[T, B, H]` in time order.
    public var hForward: PartialTensor { timeOrdered(.forward) { $0.h } }

    /// `h_b`, `[T, B, H]`, the backward outputs flipped into time order.
    public var hBackward: PartialTensor { timeOrdered(.backward) { $0.h } }

    /// `h_b_rev`, `[T, B, H]`: the backward outputs in processing order
    /// (index k = the k-th backward step, which read t = T−1−k).
    public var hBackwardProcessingOrder: PartialTensor {
        let b = batch
        let h = hiddenSize
        var data = [Float](repeating: 0, count: length * b * h)
        var known = [Bool](repeating: false, count: length)
        for (k, tr) in traces.backward.enumerated() {
            data.replaceSubrange((k * b * h)..<((k + 1) * b * h), with: tr.h.data)
            known[k] = true
        }
        return PartialTensor(tensor: Tensor(uncheckedShape: [length, b, h], data: data), timeAxis: 0, known: known)
    }

    /// `y = cat([h_f, h_b], dim=2)` in batch-first layout, `[B, T, 2H]`.
    ///
    /// Each half is filled as soon as its direction has visited t (see
    /// `outputHalvesKnown`); `known[t]`, y[:, t] complete, once both have.
    public var output: PartialTensor {
        let b = batch
        let h = hiddenSize
        let tl = length
        let f = hForward
        let r = hBackward
        var data = [Float](repeating: 0, count: b * tl * 2 * h)
        for t in 0..<tl {
            for bi in 0..<b {
                let dst = (bi * tl + t) * 2 * h
                let src = (t * b + bi) * h
                for u in 0..<h {
                    data[dst + u] = f.tensor.data[src + u]
                    data[dst + h + u] = r.tensor.data[src + u]
                }
            }
        }
        let known = zip(f.known, r.known).map { $0 && $1 }
        return PartialTensor(tensor: Tensor(uncheckedShape: [b, tl, 2 * h], data: data), timeAxis: 1, known: known)
    }

    /// Which time indices each half of `y` holds: h_f's where the forward
    /// direction has visited t, h_b's where the backward one has.
    public var outputHalvesKnown: PerDirection<[Bool]> {
        PerDirection { direction in
            var known = [Bool](repeating: false, count: length)
            for tr in traces[direction] { known[tr.t] = true }
            return known
        }
    }

    /// `h_n`, `[2, B, H]`: the final hidden state of each direction (forward
    /// after t = T−1, backward after t = 0).
    public func finalHidden() throws -> Tensor { try finalState("h_n") { $0.h } }

    /// `c_n`, `[2, B, H]`.
    public func finalCell() throws -> Tensor { try finalState("c_n") { $0.c } }

    private func finalState(_ name: String, _ pick: (LSTMState) -> Matrix) throws -> Tensor {
        guard isComplete else {
            throw StepperError.needsBothFinished(
                name: name, forward: cursor(.forward), backward: cursor(.backward),
                length: length)
        }
        let b = batch
        let h = hiddenSize
        return Tensor(
            uncheckedShape: [2, b, h], data: pick(currentState(.forward)).data + pick(currentState(.backward)).data)
    }

    /// Per-step traces of one direction stacked in processing order, `[steps, B, width]`.
    public func stackedTraces(_ direction: Direction, _ pick: (StepTrace) -> Matrix) -> Tensor {
        let list = traces[direction]
        let width = list.first.map { pick($0).cols } ?? 0
        var data = [Float]()
        data.reserveCapacity(list.count * batch * width)
        for tr in list { data += pick(tr).data }
        return Tensor(uncheckedShape: [list.count, batch, width], data: data)
    }

    private func timeOrdered(_ direction: Direction, _ pick: (StepTrace) -> Matrix) -> PartialTensor {
        let b = batch
        let h = hiddenSize
        var data = [Float](repeating: 0, count: length * b * h)
        var known = [Bool](repeating: false, count: length)
        for tr in traces[direction] {
            data.replaceSubrange((tr.t * b * h)..<((tr.t + 1) * b * h), with: pick(tr).data)
            known[tr.t] = true
        }
        return PartialTensor(tensor: Tensor(uncheckedShape: [length, b, h], data: data), timeAxis: 0, known: known)
    }
}
