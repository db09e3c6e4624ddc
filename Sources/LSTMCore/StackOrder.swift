/// Which steps of a stacked bidirectional LSTM may be taken, and in which order.
///
/// Layer l > 0 reads the layer below's output `y_{l−1}[t] = cat(h_f[t], h_b[t])`,
/// so a step of layer l that reads t needs layer l−1 to have visited t in
/// *both* directions:
///
/// ```
/// step (l, d, k) reads t_b = timeIndex(d, k, b) for every sequence b with k < len_b
/// allowed  ⇔  l = 0, or for each such b:
///             cursor(l−1, fwd) > step(fwd visiting t_b)  and  cursor(l−1, bwd) > step(bwd visiting t_b)
/// undo (l, d) of its last step  ⇔  no direction of layer l+1 has read the t_b it un-visits
/// ```
/// The layers' cursors are all the state there is (`cursors[l][d]`, the steps taken),
/// so these are pure functions; `StackedReference` and the live stepper both ask them.
public enum StackOrder {
    /// Why `layer`'s `direction` cannot take its next step now, or nil when it can.
    public static func refusal(
        toStep layer: Int, _ direction: Direction, cursors: [[Int]],
        lengths: SequenceLengths
    ) -> StackOrderRefusal? {
        let k = cursors[layer][direction.rawValue]
        guard k < lengths.steps else { return .finished(layer: layer, direction, steps: lengths.steps) }
        guard layer > 0 else { return nil }
        let below = cursors[layer - 1]
        for b in 0..<lengths.batch {
            guard let t = lengths.timeIndex(direction, step: k, sequence: b) else { continue }
            var missing: [StackOrderRefusal.Progress] = []
            for lower in Direction.allCases {
                guard let needed = lengths.step(lower, visiting: t, sequence: b),
                    below[lower.rawValue] <= needed
                else { continue }
                missing.append(progress(lower, cursor: below[lower.rawValue], sequence: b, lengths: lengths))
            }
            if !missing.isEmpty {
                return .needsLowerOutput(
                    layer: layer, direction, t: t, sequence: lengths.isFull ? nil : b,
                    missing: missing)
            }
        }
        return nil
    }

    /// Why `layer`'s `direction` cannot undo its last step now, or nil when it can.
    public static func refusal(
        toUndo layer: Int, _ direction: Direction, cursors: [[Int]],
        lengths: SequenceLengths
    ) -> StackOrderRefusal? {
        let c = cursors[layer][direction.rawValue]
        guard c > 0 else { return .atStart(layer: layer, direction) }
        guard layer + 1 < cursors.count else { return nil }
        let above = cursors[layer + 1]
        for b in 0..<lengths.batch {
            guard let t = lengths.timeIndex(direction, step: c - 1, sequence: b) else { continue }
            for upper in Direction.allCases {
                guard let read = lengths.step(upper, visiting: t, sequence: b),
                    above[upper.rawValue] > read
                else { continue }
                return .readByUpper(layer: layer, direction, t: t, sequence: lengths.isFull ? nil : b, reader: upper)
            }
        }
        return nil
    }

    /// Every (layer, direction) whose next step is allowed now, layer 0 first, forward before backward.
    public static func allowedSteps(
        cursors: [[Int]],
        lengths: SequenceLengths
    ) -> [(layer: Int, direction: Direction)] {
        var out: [(layer: Int, direction: Direction)] = []
        for l in cursors.indices {
            for d in Direction.allCases where refusal(toStep: l, d, cursors: cursors, lengths: lengths) == nil {
                out.append((l, d))
            }
        }
        return out
    }

    /// Every direction of every layer has taken all its steps.
    public static func isComplete(cursors: [[Int]], lengths: SequenceLengths) -> Bool {
        cursors.allSatisfy { $0.allSatisfy { $0 == lengths.steps } }
    }

    private static func progress(
        _ d: Direction, cursor: Int, sequence b: Int,
        lengths: SequenceLengths
    ) -> StackOrderRefusal.Progress {
        guard cursor > 0 else { return .init(direction: d, reached: nil) }
        return .init(direction: d, reached: lengths.timeIndex(d, step: min(cursor, lengths[b]) - 1, sequence: b))
    }
}

/// A step or an undo that the stacking rules refuse, with what is missing.
public enum StackOrderRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// How far a direction of the layer below has come: the last t it visited (nil: not started).
    public struct Progress: Equatable, Sendable {
        public var direction: Direction
        public var reached: Int?
    }

    case finished(layer: Int, Direction, steps: Int)
    case needsLowerOutput(layer: Int, Direction, t: Int, sequence: Int?, missing: [Progress])
    case atStart(layer: Int, Direction)
    case readByUpper(layer: Int, Direction, t: Int, sequence: Int?, reader: Direction)

    public var description: String {
        switch self {
        case .finished(let l, let d, let n):
            return "layer \(l) \(d.short) has finished all \(n) steps (use 'back', 'goto' or 'reset')"
        case .needsLowerOutput(let l, let d, let t, let s, let missing):
            let parts = missing.map { p in
                "layer \(l - 1) \(p.direction.short) " + (p.reached.map { "has reached t=\($0)" } ?? "has not started")
            }
            return "layer \(l) \(d.short) at t=\(t)\(Self.of(s)) needs layer \(l - 1)'s y[\(t)]: "
                + parts.joined(separator: " and ")
        case .atStart(let l, let d):
            return "layer \(l) \(d.short) is at its start: nothing to undo"
        case .readByUpper(let l, let d, let t, let s, let reader):
            return "layer \(l) \(d.short) cannot undo t=\(t)\(Self.of(s)): layer \(l + 1) \(reader.short) "
                + "has read layer \(l)'s y[\(t)] (undo layer \(l + 1) first)"
        }
    }

    private static func of(_ sequence: Int?) -> String { sequence.map { " of sequence \($0)" } ?? "" }
}
