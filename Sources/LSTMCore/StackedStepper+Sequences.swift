/// One layer's per-step quantity over time, each sequence on its own clock.
///
/// ```
/// time order (processing: false)   i = t:  sequence b's value is its step k_b = step(d, visiting: t, b)
/// processing order (true)          i = k:  sequence b's k-th step (real while k < len_b)
/// padded[i·B + b]                  true where i is past sequence b's length: never read, 0 here
/// known[i]                         every real sequence at i has been computed
/// pending[i·B + b]                 i is real in sequence b but its step has not been taken yet
/// ```
/// Without lengths (or with `packed` off) nothing is padded and this is the
/// single-layer stepper's own view of the layer.
public struct SequenceValues: Equatable, Sendable {
    /// `[N, B, W]` with N = T, 0 where padded or not computed.
    public var tensor: Tensor
    public var known: [Bool]
    /// `N·B` flags, index `i·B + b`.
    public var padded: [Bool]
    /// `N·B` flags, index `i·B + b`: real but not computed yet (all false when nothing is pending).
    public var pending: [Bool]

    /// True when at least one position is padding.
    public var hasPadding: Bool { padded.contains(true) }

    /// `[N, B, W]` 0/1 (1 = padding), the mask a view carries beside its numbers.
    public var paddingMask: Tensor {
        let w = tensor.shape.count == 3 ? tensor.shape[2] : 1
        var data = [Float](repeating: 0, count: padded.count * w)
        for (i, p) in padded.enumerated() where p {
            for u in 0..<w { data[i * w + u] = 1 }
        }
        return Tensor(uncheckedShape: tensor.shape, data: data)
    }

    /// `[N, B, W]`: 1 = padding, 2 = not computed yet, 0 = a computed value (what a view draws cell by cell).
    public var cellMask: Tensor {
        let w = tensor.shape.count == 3 ? tensor.shape[2] : 1
        var data = [Float](repeating: 0, count: padded.count * w)
        for i in padded.indices where padded[i] || (i < pending.count && pending[i]) {
            let mark: Float = padded[i] ? 1 : 2
            for u in 0..<w { data[i * w + u] = mark }
        }
        return Tensor(uncheckedShape: tensor.shape, data: data)
    }
}

extension StackedStepper {
    /// What a per-step quantity of `layer`'s `direction` is made of.
    public enum Part: String, CaseIterable, Sendable {
        case gatesPre = "gates_pre"
        case gates, c, h

        func matrix(_ trace: StepTrace) -> Matrix {
            switch self {
            case .gatesPre: trace.gatesPre
            case .gates: trace.gates
            case .c: trace.c
            case .h: trace.h
            }
        }

        public func width(hiddenSize h: Int) -> Int { self == .gatesPre || self == .gates ? 4 * h : h }
    }

    /// `layer`'s `part` of `direction` over time, per sequence (see `SequenceValues`).
    public func sequenceValues(layer: Int, _ d: Direction, _ part: Part, processing: Bool) -> SequenceValues {
        let lens = effectiveLengths
        let b = batch
        let tl = length
        let w = part.width(hiddenSize: hiddenSize)
        let list = layer >= 0 && layer < steps.count ? steps[layer][d.rawValue] : []
        var data = [Float](repeating: 0, count: tl * b * w)
        var known = [Bool](repeating: true, count: tl)
        var padded = [Bool](repeating: false, count: tl * b)
        var pending = [Bool](repeating: false, count: tl * b)
        for s in 0..<b {
            for i in 0..<tl {
                let k = processing ? (i < lens[s] ? i : nil) : lens.step(d, visiting: i, sequence: s)
                guard let k else {
                    padded[i * b + s] = true
                    continue
                }
                guard k < list.count else {
                    known[i] = false
                    pending[i * b + s] = true
                    continue
                }
                let m = part.matrix(list[k].trace)
                guard m.data.count == b * w else { continue }
                data.replaceSubrange(((i * b + s) * w)..<((i * b + s + 1) * w), with: m.data[(s * w)..<((s + 1) * w)])
            }
        }
        return SequenceValues(
            tensor: Tensor(uncheckedShape: [tl, b, w], data: data), known: known, padded: padded, pending: pending)
    }

    /// `padded[t·B + b]`: t is past sequence b's length (never with `packed` off).
    public var paddedPositions: [Bool] {
        let lens = effectiveLengths
        var out = [Bool](repeating: false, count: length * batch)
        for t in 0..<length {
            for s in 0..<batch where t >= lens[s] { out[t * batch + s] = true }
        }
        return out
    }

    /// `[B, T, width]` (or `[T, B, width]`) 0/1: 1 at t ≥ len_b, for a value laid out by sequence and time.
    public func paddingMask(width: Int, batchFirst: Bool) -> Tensor {
        let (b, tl) = (batch, length)
        var data = [Float](repeating: 0, count: b * tl * width)
        for s in 0..<b {
            for t in lengths[s]..<tl {
                let row = batchFirst ? s * tl + t : t * b + s
                for u in 0..<width { data[row * width + u] = 1 }
            }
        }
        return Tensor(uncheckedShape: batchFirst ? [b, tl, width] : [tl, b, width], data: data)
    }

    /// The step `layer`'s `direction` took at `t` in each sequence: its index k, or
    /// nil where t is padding there (the rows of one per-step view at t).
    public func stepsVisiting(_ t: Int, _ d: Direction) -> [Int?] {
        (0..<batch).map { effectiveLengths.step(d, visiting: t, sequence: $0) }
    }
}
