import LSTMCore
import LabText
import TensorExpr
import TermRender

/// Padding made visible: the masks views carry beside their numbers when the
/// batch has lengths (packed), the tokens of each sequence's own processing
/// order, and the per-step views at a t that some sequences do not have.
extension Interpreter {
    /// True when the session steps a packed batch with some sequence shorter than T.
    var hasPadding: Bool {
        guard let stack = session.stack else { return false }
        return stack.packed && !stack.lengths.isFull
    }

    /// `[B, T, width]` (or `[T, B, width]`) 0/1, 1 at t ≥ len_b; nil when nothing is padding.
    func paddingMask(_ stack: StackedStepper, width: Int, batchFirst: Bool) -> Tensor? {
        guard stack.packed && !stack.lengths.isFull else { return nil }
        return stack.paddingMask(width: width, batchFirst: batchFirst)
    }

    /// y's `[B, T, 2H]` (or `[T, B, 2H]`) cell mask with lengths: 1 at padding, 2 where that half's
    /// direction has not visited t of that sequence yet (each sequence on its own clock), else 0.
    func outputCellMask(_ stack: StackedStepper, layer: Int, batchFirst: Bool) -> Tensor {
        let (b, tl, h) = (stack.batch, stack.length, stack.hiddenSize)
        var data = [Float](repeating: 0, count: b * tl * 2 * h)
        for s in 0..<b {
            for t in 0..<tl {
                let row = batchFirst ? s * tl + t : t * b + s
                for d in Direction.allCases {
                    let mark: Float =
                        t >= stack.lengths[s] ? 1 : stack.hasVisited(layer: layer, d, t: t, sequence: s) ? 0 : 2
                    let start = row * 2 * h + d.rawValue * h
                    for u in 0..<h { data[start + u] = mark }
                }
            }
        }
        return Tensor(uncheckedShape: batchFirst ? [b, tl, 2 * h] : [tl, b, 2 * h], data: data)
    }

    /// The text's tokens on a `[N, B, …]` view over time (`processing`: each sequence's own
    /// processing order, k-th backward step of b read t = len_b − 1 − k; `pad` after len_b).
    func sequenceTokens(processing: Bool, lengths: SequenceLengths) -> TimeTokens? {
        guard let text = session.text else { return nil }
        let tl = text.length
        let rows = (0..<text.batch).map { b -> [String] in
            let n = b < lengths.batch ? lengths[b] : tl
            return (0..<tl).map { i in
                guard processing else { return text.token(b: b, t: i) }
                return i < n ? text.token(b: b, t: n - 1 - i) : "pad"
            }
        }
        return TimeTokens(tokens: rows, timeAxis: 0, batchAxis: 1)
    }

    /// h_f and h_b of the chosen layer in time order `[T, B, H]` (each sequence on its own clock).
    func hiddenOverTime() -> PerDirection<Tensor> {
        if let stack = session.stack {
            return PerDirection { d in stack.sequenceValues(layer: session.layer, d, .h, processing: false).tensor }
        }
        return PerDirection(forward: session.stepper.hForward.tensor, backward: session.stepper.hBackward.tensor)
    }

    /// `show h|c|gates_pre fwd|bwd [t=N]` on a packed batch with lengths: each row is its own
    /// sequence's step at t (the backward k differs per sequence), `pad` where t is padding;
    /// without t, the direction's last step, `pad` on the rows of sequences that had finished.
    /// nil when the batch has no padding (the single-layer view is exact then).
    func paddedStepView(_ r: ViewRequest, _ d: Direction) throws -> TensorView? {
        guard hasPadding, let stack = session.stack, r.name != .gates else { return nil }
        let part: StackedStepper.Part = r.name == .gates_pre ? .gatesPre : (r.name == .c ? .c : .h)
        let w = part.width(hiddenSize: stack.hiddenSize)
        let b = stack.batch
        let l = session.layer
        let list = stack.steps[l][d.rawValue]
        guard let ks = try stepOfEachSequence(stack, d, r, name: r.name.rawValue) else { return nil }
        var data = [Float](repeating: 0, count: b * w)
        var mask = [Float](repeating: 0, count: b * w)
        var notes: [String] = []
        for s in 0..<b {
            guard let k = ks[s], k < list.count else {
                for u in 0..<w { mask[s * w + u] = 1 }
                notes.append("pad")
                continue
            }
            let m: Matrix
            switch part {
            case .gatesPre: m = list[k].trace.gatesPre
            case .gates: m = list[k].trace.gates
            case .c: m = list[k].trace.c
            case .h: m = list[k].trace.h
            }
            guard m.data.count == b * w else { continue }
            data.replaceSubrange((s * w)..<((s + 1) * w), with: m.data[(s * w)..<((s + 1) * w)])
            notes.append("k=\(k) t=\(list[k].times[s] ?? 0)")
        }
        let padded = (0..<b).filter { ks[$0] == nil }.map { "b=\($0)" }.joined(separator: ", ")
        let at = r.t.map { "t=\($0)" } ?? "step \(list.count)/\(stack.stepCount)"
        var view = TensorView(
            name: "\(r.name.rawValue) \(d.short) \(at)", tensor: try Tensor(shape: [b, w], data: data),
            axes: ["b", w == stack.hiddenSize ? "unit" : "gate·unit"],
            caption: say(
                PaddingMessage.stepRowsCaption(
                    layer: stack.layerCount > 1 ? l : nil, forward: d == .forward, name: r.name.rawValue, t: r.t)),
            origin: "lengths \(stack.lengths.text) (packed)",
            scale: part == .h ? .signed : .free,
            columnGroups: w == stack.hiddenSize
                ? [LabelledRange("", 0..<w, direction: d)]
                : TensorView.gateGroups(hiddenSize: stack.hiddenSize, language: session.settings.language),
            knownAxis: 0, known: nil, indexNotes: notes)
        if let t = r.t, !padded.isEmpty { view.details = [say(PaddingMessage.stepRowsNote(t: t, rows: padded))] }
        view.padding = try Tensor(shape: [b, w], data: mask)
        if let bi = r.b {
            try view.select(axis: 0, index: bi)
            try view.reshape([1, w])
            view.name += " b=\(bi) (\(notes[bi]))"
            view.indexNotes = nil
            view.indexOffsets = [bi]
        }
        return view
    }

    /// The padding of an expression's value when it only indexes one session name with padding
    /// (`c_b`, `h_b_rev[:, 0]`, `y[1, :, 3]`): the same indexing applied to that name's mask.
    /// Anything computed from the values (sums, functions) gets no marks.
    func paddingMask(for e: ExpressionText, shape: [Int]) -> Tensor? {
        guard hasPadding, let tree = try? ExprParser.parse(e.text) else { return nil }
        var node = tree.node
        while case .subscripted(let inner, _) = node { node = inner.node }
        guard case .name(let name) = node, session.variables[name] == nil else { return nil }
        let env = SessionEnvironment(session: session)
        guard let mask = env.paddingMask(of: name) else { return nil }
        let masked = PaddingMaskEnvironment(base: env, maskName: name, mask: mask)
        let budget = Budget(
            memoryLimit: session.settings.memoryLimit, computeLimit: session.settings.computeLimit,
            shouldCancel: context.shouldCancel)
        guard case .tensor(let t)? = try? Evaluator.evaluate(e.text, in: masked, budget: budget), t.shape == shape
        else { return nil }
        return try? Tensor(shape: t.shape, data: t.data)
    }

    /// Which step of the chosen layer's `d` each sequence's row shows: at `t=`, each sequence's own
    /// (nil where t is padding; refused when a sequence has not reached t), else the last step taken
    /// (nil for sequences that had finished). nil when no step has been taken.
    func stepOfEachSequence(_ stack: StackedStepper, _ d: Direction, _ r: ViewRequest, name: String) throws
        -> [Int?]?
    {
        let list = stack.steps[session.layer][d.rawValue]
        guard let t = r.t else {
            guard let last = list.indices.last else { return nil }
            return list[last].times.map { $0 == nil ? nil : last }
        }
        let ks = stack.stepsVisiting(t, d)
        if let missing = ks.firstIndex(where: { ($0 ?? -1) >= list.count }) {
            throw LabError(
                said: PaddingMessage.stepNotComputed(
                    name: name, direction: d.short, t: t, b: missing, position: session.positionText))
        }
        return ks
    }

    /// `show gates fwd|bwd [t=N]` on a packed batch with lengths: each real sequence's own step at t
    /// (or the last step, without t), the padded ones left out and named; nil without padding.
    func paddedGates(_ r: ViewRequest, _ d: Direction) throws -> GateStepView? {
        guard hasPadding, let stack = session.stack else { return nil }
        let h = stack.hiddenSize
        let l = session.layer
        let list = stack.steps[l][d.rawValue]
        guard let ks = try stepOfEachSequence(stack, d, r, name: "gates") else { return nil }
        let wanted = r.b.map { [$0] } ?? Array(0..<stack.batch)
        let rows = wanted.filter { $0 < ks.count && ks[$0] != nil }
        let padded = wanted.filter { $0 < ks.count && ks[$0] == nil }.map { "b=\($0)" }.joined(separator: ", ")
        if rows.isEmpty {
            throw LabError(
                said: r.t.map { PaddingMessage.stepRowsNote(t: $0, rows: padded) }
                    ?? PaddingMessage.finishedRows(rows: padded, direction: d.short))
        }
        let initial = stack.initialStates[l][d.rawValue]
        var pre: [Float] = []
        var post: [Float] = []
        var cPrev: [Float] = []
        for b in rows {
            guard let k = ks[b] else { continue }
            let trace = list[k].trace
            pre += trace.gatesPre.data[(b * 4 * h)..<((b + 1) * 4 * h)]
            post += trace.gates.data[(b * 4 * h)..<((b + 1) * 4 * h)]
            let c = k > 0 ? list[k - 1].trace.c : initial.c
            cPrev += c.data[(b * h)..<((b + 1) * h)]
        }
        let first = rows.first.flatMap { ks[$0] } ?? 0
        var view = GateStepView(
            direction: d, t: r.t ?? (rows.first.flatMap { list[first].times[$0] } ?? 0), stepNumber: first + 1,
            length: stack.stepCount, pre: try Tensor(shape: [rows.count, 4 * h], data: pre),
            post: try Tensor(shape: [rows.count, 4 * h], data: post), hiddenSize: h, variant: session.settings.variant,
            mode: list.isEmpty ? session.settings.mode : list[first].trace.mode, batchIndices: rows,
            cPrev: try Tensor(shape: [rows.count, h], data: cPrev))
        view.notes = [
            say(
                PaddingMessage.stepRowsCaption(
                    layer: stack.layerCount > 1 ? l : nil, forward: d == .forward, name: "gates", t: r.t))
                + ": "
                + rows.compactMap { b in ks[b].map { "b=\(b) k=\($0) t=\(list[$0].times[b] ?? 0)" } }
                .joined(separator: ", ")
        ]
        if !padded.isEmpty {
            view.notes.append(
                say(
                    r.t.map { PaddingMessage.stepRowsNote(t: $0, rows: padded) }
                        ?? PaddingMessage.finishedRows(rows: padded, direction: d.short)))
        }
        return view
    }

    /// A gates heatmap whose rows are not sequences 0, 1, …: one row (`b=`) is labelled by its
    /// sequence; rows left out for padding come back as `░` rows, so every sequence keeps its label.
    func labelGateRows(_ map: inout TensorView, _ g: GateStepView) throws {
        let rows = g.batchIndices
        guard rows != Array(0..<rows.count) else { return }
        if rows.count == 1, let b = rows.first {
            map.indexOffsets = [b]
            return
        }
        guard let batch = rows.max().map({ max($0 + 1, session.stepper.batch) }) else { return }
        let w = 4 * g.hiddenSize
        var data = [Float](repeating: 0, count: batch * w)
        var mask = [Float](repeating: 1, count: batch * w)
        for (r, b) in rows.enumerated() where b < batch {
            data.replaceSubrange((b * w)..<((b + 1) * w), with: map.tensor.data[(r * w)..<((r + 1) * w)])
            mask.replaceSubrange((b * w)..<((b + 1) * w), with: [Float](repeating: 0, count: w))
        }
        map.tensor = try Tensor(shape: [batch, 4, g.hiddenSize], data: data)
        map.padding = try Tensor(shape: [batch, 4, g.hiddenSize], data: mask)
    }
}
