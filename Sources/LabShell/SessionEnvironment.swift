import LSTMCore
import LabText
import TensorExpr

/// The names an expression can read in the lab: everything `show` knows,
/// every per-step quantity over time per direction, the current step's gate
/// chunks, and the learner's `let` variables.
///
/// ```
/// gates_pre_f, gates_f   [T, B, 4H]   forward, time order (t = 0…T-1)
/// c_f, h_f               [T, B, H]
/// …_b                    the backward direction flipped into time order: c_b[t] read x[:, t]
/// …_b_rev                the backward direction in processing order: c_b_rev[k] is its k-th step
/// i_f f_f g_f o_f        [B, H]       the current step's activated chunks (…_b likewise)
/// z_f, z_b               [B, 4H]      the current step's pre-activation gates
/// ```
/// Steps a direction has not taken are not values: indexing one is refused
/// with the reason (`Pending`).
struct SessionEnvironment: ExprEnvironment {
    let session: Session

    static let overTimeBases = ["gates_pre", "gates", "c", "h"]
    static let overTime: [String] = overTimeBases.flatMap { b in ["_f", "_b", "_b_rev"].map { b + $0 } }
    static let chunks: [String] = ["i", "f", "g", "o", "z"].flatMap { [$0 + "_f", $0 + "_b"] }
    static let parameters: [String] = ViewName.allCases.filter { $0.parameter != nil }.map(\.rawValue)
    /// Every name the session defines; a variable may not take one.
    static let builtIns: [String] = ["x", "y", "h_n", "c_n", "h0", "c0"] + parameters + overTime + chunks

    var names: [String] { SessionEnvironment.builtIns + layerNames + session.variables.keys.sorted() }

    /// A variable's shape, for the estimate made before an expression is computed (built-in names
    /// are built on lookup, so their shapes are left to evaluation).
    func shape(of name: String) -> [Int]? { session.variables[name]?.shape }

    func lookup(_ name: String) throws(ExprError) -> ExprTensor? {
        if let v = session.variables[name] { return v }
        let st = session.stepper
        let b = st.batch
        let h = st.hiddenSize
        let tl = st.length
        switch name {
        case "x":
            let x = session.input
            let bf = session.settings.batchFirst
            let t = bf ? x : (try? x.swappingFirstAxes()) ?? x
            return try ExprTensor(
                checkedShape: t.shape, data: t.data, axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"],
                name: name)
        case "y": return output()
        case "h_n", "c_n": return final(name == "h_n")
        case "h0", "c0":
            // With layers, the chosen layer's two rows of [2L, B, H].
            let given = session.layerRows(name == "h0" ? session.h0 : session.c0)
            let data = given?.data ?? [Float](repeating: 0, count: 2 * b * h)
            return try ExprTensor(checkedShape: [2, b, h], data: data, axes: ["dir", "b", "unit"], name: name)
        default: break
        }
        if let view = ViewName(rawValue: name), let (d, kind) = view.parameter {
            let p = session.layerParameters[d]
            switch kind {
            case .wIH:
                return try ExprTensor(
                    checkedShape: [4 * h, p.inputSize], data: p.wIH.tensor.data, axes: ["gate·unit", "feature"],
                    name: name)
            case .wHH:
                return try ExprTensor(
                    checkedShape: [4 * h, h], data: p.wHH.tensor.data, axes: ["gate·unit", "unit"], name: name)
            case .bIH: return try ExprTensor(checkedShape: [4 * h], data: p.bIH, axes: ["gate·unit"], name: name)
            case .bHH: return try ExprTensor(checkedShape: [4 * h], data: p.bHH, axes: ["gate·unit"], name: name)
            }
        }
        if SessionEnvironment.overTime.contains(name) {
            // With layers or lengths: the chosen layer's, each sequence on its own clock.
            if let stack = session.stack { return stackedOverTime(name, layer: session.layer, stack) }
            return overTime(name)
        }
        if SessionEnvironment.chunks.contains(name) { return try chunk(name) }
        if let (base, layer) = Self.layerName(name) { return try layerValue(base, layer: layer, name: name) }
        _ = tl
        return nil
    }

    /// `c_f`, `gates_b_rev`, …: every step of one direction stacked, uncomputed steps pending.
    private func overTime(_ name: String) -> ExprTensor {
        let st = session.stepper
        let processing = name.hasSuffix("_b_rev")
        let d: Direction = name.hasSuffix("_f") ? .forward : .backward
        let base = String(name.prefix(upTo: name.range(of: d == .forward ? "_f" : "_b")?.lowerBound ?? name.endIndex))
        let width = base.hasPrefix("gates") ? 4 * st.hiddenSize : st.hiddenSize
        let tl = st.length
        let slot = st.batch * width
        var data = [Float](repeating: 0, count: tl * slot)
        var known = [Bool](repeating: false, count: tl)
        for (k, trace) in st.traces[d].enumerated() {
            let i = processing ? k : trace.t
            guard i >= 0 && i < tl else { continue }
            let m: Matrix
            switch base {
            case "gates_pre": m = trace.gatesPre
            case "gates": m = trace.gates
            case "c": m = trace.c
            default: m = trace.h
            }
            let values = m.tensor.data
            guard values.count == slot else { continue }
            data.replaceSubrange((i * slot)..<((i + 1) * slot), with: values)
            known[i] = true
        }
        let pending =
            known.allSatisfy { $0 }
            ? nil
            : Pending(name: name, known: known, forward: d == .forward, taken: st.cursor(d), total: tl)
        return ExprTensor(
            shape: [tl, st.batch, width], data: data,
            axes: [processing ? "k" : "t", "b", width == st.hiddenSize ? "unit" : "gate·unit"], pending: pending)
    }

    /// `i_f`, `z_b`, …: the current (last) step of one direction.
    private func chunk(_ name: String) throws(ExprError) -> ExprTensor {
        let st = session.stepper
        let d: Direction = name.hasSuffix("_f") ? .forward : .backward
        guard let last = st.traces[d].last else {
            throw ExprError(.evaluation, .noStepYet(name: name, forward: d == .forward, short: d.short))
        }
        let h = st.hiddenSize
        let b = st.batch
        if name.hasPrefix("z") {
            return try ExprTensor(
                checkedShape: [b, 4 * h], data: last.gatesPre.tensor.data, axes: ["b", "gate·unit"], name: name)
        }
        let gate = ["i": 0, "f": 1, "g": 2, "o": 3][String(name.prefix(1))] ?? 0
        let all = last.gates.tensor.data
        guard all.count == b * 4 * h else {
            throw ExprError(.evaluation, .gatesCount(name: name, count: all.count, expected: b * 4 * h))
        }
        var data: [Float] = []
        data.reserveCapacity(b * h)
        for r in 0..<b {
            let start: Int = r * 4 * h + gate * h
            data.append(contentsOf: all[start..<(start + h)])
        }
        return ExprTensor(shape: [b, h], data: data, axes: ["b", "unit"])
    }

    /// With layers or lengths: `h_n`/`c_n` `[2L, B, H]`, each sequence's own final states
    /// (pending until every layer has finished).
    private func stackedFinal(_ stack: StackedStepper, _ hidden: Bool) -> ExprTensor {
        let t = stack.finalStates(cell: !hidden)
        let missing: [ExpressionMessage.Missing?] = (0..<stack.layerCount).flatMap { l in
            Direction.allCases.map { d in
                stack.cursor(layer: l, d) == stack.stepCount
                    ? nil
                    : .direction(
                        layer: l, forward: d == .forward, taken: stack.cursor(layer: l, d), total: stack.stepCount)
            }
        }
        return ExprTensor(
            shape: t.shape, data: t.data, axes: ["row", "b", "unit"],
            pending: missing.contains { $0 != nil } ? Pending(name: hidden ? "h_n" : "c_n", missing: missing) : nil)
    }

    /// `y = cat([h_f, h_b], dim=2)`, in the session's layout; t is pending until both directions visited it.
    private func output() -> ExprTensor {
        if let stack = session.stack, stack.packed && !stack.lengths.isFull || stack.layerCount > 1 {
            // The top layer's y, 0 at padded positions.
            let y = stack.y()
            let bf = session.settings.batchFirst
            let t = bf ? y : (try? y.swappingFirstAxes()) ?? y
            return ExprTensor(shape: t.shape, data: t.data, axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"])
        }
        let st = session.stepper
        let tl = st.length
        let b = st.batch
        let h = st.hiddenSize
        let hf = overTime("h_f")
        let hb = overTime("h_b")
        var data = [Float](repeating: 0, count: tl * b * 2 * h)
        for t in 0..<tl {
            for bi in 0..<b {
                let src = (t * b + bi) * h
                let dst = (t * b + bi) * 2 * h
                data.replaceSubrange(dst..<(dst + h), with: hf.data[src..<(src + h)])
                data.replaceSubrange((dst + h)..<(dst + 2 * h), with: hb.data[src..<(src + h)])
            }
        }
        let missing: [ExpressionMessage.Missing?] = (0..<tl).map { t in
            hf.pending?.missing[t] ?? hb.pending?.missing[t]
        }
        let bf = session.settings.batchFirst
        var y = ExprTensor(shape: [tl, b, 2 * h], data: data, axes: ["t", "b", "feature"])
        if bf, let swapped = try? Tensor(shape: y.shape, data: y.data).swappingFirstAxes() {
            y = ExprTensor(shape: swapped.shape, data: swapped.data, axes: ["b", "t", "feature"])
        }
        if missing.contains(where: { $0 != nil }) { y.pending = Pending(name: "y", axis: bf ? 1 : 0, missing: missing) }
        return y
    }

    /// `h_n`/`c_n` `[2, B, H]`: dir 0 once the forward direction finished, dir 1 once the backward one did.
    private func final(_ hidden: Bool) -> ExprTensor {
        if let stack = session.stack { return stackedFinal(stack, hidden) }
        let st = session.stepper
        let b = st.batch
        let h = st.hiddenSize
        var data = [Float](repeating: 0, count: 2 * b * h)
        var missing: [ExpressionMessage.Missing?] = [nil, nil]
        for d in Direction.allCases {
            if st.cursor(d) == st.length, let last = st.traces[d].last {
                let m = hidden ? last.h : last.c
                data.replaceSubrange((d.rawValue * b * h)..<((d.rawValue + 1) * b * h), with: m.tensor.data)
            } else {
                missing[d.rawValue] = .direction(
                    layer: nil, forward: d == .forward, taken: st.cursor(d), total: st.length)
            }
        }
        let name = hidden ? "h_n" : "c_n"
        return ExprTensor(
            shape: [2, b, h], data: data, axes: ["dir", "b", "unit"],
            pending: missing.contains { $0 != nil } ? Pending(name: name, missing: missing) : nil)
    }
}
