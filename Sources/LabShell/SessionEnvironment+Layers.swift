import LSTMCore
import LabText
import TensorExpr

/// Over-time names with layers and lengths.
///
/// ```
/// c_f, h_b_rev, gates_pre_b, …   the layer chosen with `layer N` (layer 0 by default)
/// c_f_l1, h_b_rev_l0, y_l0, …    layer 1's, layer 0's, … whatever `layer N` chose
/// ```
/// With lengths (packed), each sequence is on its own clock: `c_b[t]` of sequence b is
/// its backward step at t (which started at its own last step), `c_b_rev[k]` its own
/// k-th step, and positions past its length are 0 (padding, never read), as `y` is.
extension SessionEnvironment {
    /// `c_f_l1` → (`c_f`, 1), `y_l0` → (`y`, 0); nil for any other name.
    static func layerName(_ name: String) -> (base: String, layer: Int)? {
        guard let r = name.range(of: "_l", options: .backwards) else { return nil }
        let digits = name[r.upperBound...]
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let l = Int(digits)
        else { return nil }
        let base = String(name[..<r.lowerBound])
        guard overTime.contains(base) || base == "y" else { return nil }
        return (base, l)
    }

    /// A name the session defines (a variable may not take it).
    static func isBuiltIn(_ name: String) -> Bool { builtIns.contains(name) || layerName(name) != nil }

    /// The per-layer names of the current model, for completion.
    var layerNames: [String] {
        let count = session.layerCount
        guard count > 1 else { return [] }
        return (0..<count).flatMap { l in (["y"] + Self.overTime).map { "\($0)_l\(l)" } }
    }

    /// `c_f_l1`, `y_l0`, …: that layer's value, whatever `layer N` chose.
    func layerValue(_ base: String, layer l: Int, name: String) throws(ExprError) -> ExprTensor? {
        guard l >= 0, l < session.layerCount else {
            throw ExprError(.evaluation, .padding(.noSuchLayer(name: name, layer: l, count: session.layerCount)))
        }
        guard let stack = session.stack else {
            // One layer, full lengths: layer 0 is the session's own stepper.
            return try lookup(base)
        }
        if base == "y" { return stackedOutput(stack, layer: l, name: name) }
        return stackedOverTime(base, layer: l, stack, name: name)
    }

    /// One layer's over-time quantity from the stack, each sequence on its own clock.
    func stackedOverTime(_ name: String, layer l: Int, _ stack: StackedStepper, name shown: String? = nil)
        -> ExprTensor
    {
        let processing = name.hasSuffix("_b_rev")
        let d: Direction = name.hasSuffix("_f") ? .forward : .backward
        let base = String(name.prefix(upTo: name.range(of: d == .forward ? "_f" : "_b")?.lowerBound ?? name.endIndex))
        let part = StackedStepper.Part(rawValue: base) ?? .h
        let values = stack.sequenceValues(layer: l, d, part, processing: processing)
        let width = part.width(hiddenSize: stack.hiddenSize)
        let pending =
            values.known.allSatisfy { $0 }
            ? nil
            : Pending(
                name: shown ?? name, known: values.known,
                layer: stack.layerCount > 1 ? l : nil, forward: d == .forward,
                taken: stack.cursor(layer: l, d), total: stack.stepCount)
        return ExprTensor(
            shape: values.tensor.shape, data: values.tensor.data,
            axes: [processing ? "k" : "t", "b", width == stack.hiddenSize ? "unit" : "gate·unit"], pending: pending)
    }

    /// Layer l's y in the session's layout, 0 at padding; t pending until every sequence has both halves.
    func stackedOutput(_ stack: StackedStepper, layer l: Int, name: String) -> ExprTensor {
        let y = stack.y(layer: l)
        let bf = session.settings.batchFirst
        let t = bf ? y : (try? y.swappingFirstAxes()) ?? y
        let lens = stack.effectiveLengths
        let missing: [ExpressionMessage.Missing?] = (0..<stack.length).map { ti in
            let done = (0..<stack.batch).allSatisfy { b in
                lens.step(.forward, visiting: ti, sequence: b) == nil
                    || Direction.allCases.allSatisfy { stack.hasVisited(layer: l, $0, t: ti, sequence: b) }
            }
            return done ? nil : .layerNotVisited(layer: l, t: ti)
        }
        return ExprTensor(
            shape: t.shape, data: t.data, axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"],
            pending: missing.contains { $0 != nil } ? Pending(name: name, axis: bf ? 1 : 0, missing: missing) : nil)
    }

    /// 1 where the value of `name` is padding (same shape as the value), nil when nothing is.
    func paddingMask(of name: String) -> Tensor? {
        guard let stack = session.stack, stack.packed, !stack.lengths.isFull else { return nil }
        let (base, layer) = Self.layerName(name) ?? (name, session.layer)
        let bf = session.settings.batchFirst
        if base == "y" || base == "x" || base == "logits" {
            let width =
                base == "x"
                ? stack.input.shape[2]
                : base == "y" ? 2 * stack.hiddenSize : (session.head?.head.classCount ?? 0)
            guard width > 0 else { return nil }
            return stack.paddingMask(width: width, batchFirst: bf)
        }
        guard Self.overTime.contains(base), layer < stack.layerCount else { return nil }
        let processing = base.hasSuffix("_b_rev")
        let d: Direction = base.hasSuffix("_f") ? .forward : .backward
        let part: StackedStepper.Part = base.hasPrefix("gates_pre") ? .gatesPre : base.hasPrefix("gates") ? .gates : .h
        let values = stack.sequenceValues(layer: layer, d, part, processing: processing)
        return values.paddingMask
    }
}

/// The session's names, with `maskName` replaced by its padding mask (1 = padding): an
/// indexing expression of that name evaluated here gives the mask of its result.
struct PaddingMaskEnvironment: ExprEnvironment {
    let base: SessionEnvironment
    let maskName: String
    let mask: Tensor

    func lookup(_ name: String) throws(ExprError) -> ExprTensor? {
        guard name == maskName else { return try base.lookup(name) }
        return ExprTensor(shape: mask.shape, data: mask.data)
    }

    var names: [String] { base.names }
}
