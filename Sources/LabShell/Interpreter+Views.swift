import LSTMCore
import LabText
import TermRender

extension Interpreter {
    /// The outputs for `show NAME …`: one view, or one per direction when a
    /// per-step view names none.
    func views(_ r: ViewRequest, validateOnly: Bool = false) throws -> [Output] {
        if let units = r.units { return try unitViews(r, units, validateOnly: validateOnly) }
        let st = session.stepper
        if let t = r.t, t >= st.length {
            throw LabError(.outOfRange(key: "t", value: t, last: st.length - 1))
        }
        if let b = r.b, b >= st.batch {
            throw LabError(.outOfRange(key: "b", value: b, last: st.batch - 1))
        }
        if r.direction != nil && !(r.name.isPerStep || [.h0, .c0].contains(r.name)) {
            throw LabError(
                said: SessionErrorMessage.noDirection(view: r.name.rawValue, parameter: r.name.parameter != nil))
        }
        if validateOnly { return [] }
        if r.name.isPerStep {
            let directions = r.direction.map { [$0] } ?? Direction.allCases
            var out: [Output] = []
            var errors: [any Error] = []
            for d in directions {
                do { out.append(try perStepView(r, d)) } catch { errors.append(error) }
            }
            if out.isEmpty {
                if errors.count == 1, let only = errors.first as? LabError { throw only }
                throw LabError(
                    said: WordedRefusals(
                        english: errors.map { wording($0, in: .en) }.joined(separator: "; "),
                        chinese: errors.map { wording($0, in: .zh) }.joined(separator: "；")))
            }
            let (open, close) = session.settings.language == .zh ? ("（", "）") : ("(", ")")
            out += errors.map { .text(open + wording($0) + close) }
            return out
        }
        if r.name == .pred { return [.predictions(try predictionView(r))] }
        return [.tensor(try wholeView(r))]
    }

    /// gates_pre, gates, c, h of one direction's step.
    private func perStepView(_ r: ViewRequest, _ d: Direction) throws -> Output {
        if let padded = try paddedStepView(r, d) { return .tensor(padded) }
        if r.name == .gates, let padded = try paddedGates(r, d) { return .gates(padded) }
        guard let trace = try stepTrace(r, d) else { return .tensor(try initialStepStateView(r, d)) }
        return try stepView(r, d, trace)
    }

    /// The step `show` reads: t='s, or the direction's latest; nil for c and h before the first step (they
    /// show the initial state then).
    private func stepTrace(_ r: ViewRequest, _ d: Direction) throws -> StepTrace? {
        let st = session.stepper
        if let t = r.t {
            do { return try st.trace(d, at: t) } catch {
                throw LabError(
                    .notComputedYet(
                        view: r.name.rawValue, direction: d.short, t: t, forward: d == .forward,
                        taken: st.cursor(d), of: st.length,
                        reachedAt: d == .forward ? t + 1 : st.length - t))
            }
        }
        if let last = st.traces[d].last { return last }
        if r.name == .c || r.name == .h { return nil }
        throw LabError(.notStepped(view: r.name.rawValue, direction: d.short, forward: d == .forward))
    }

    /// `c` or `h` of a direction that has not stepped: its initial state, `[B, H]`.
    private func initialStepStateView(_ r: ViewRequest, _ d: Direction) throws -> TensorView {
        let state = session.stepper.initialState[d]
        let m = r.name == .h ? state.h : state.c
        return try selectBatch(
            TensorView(
                name: "\(r.name.rawValue) \(d.short)", tensor: m.tensor, axes: ["b", "unit"],
                caption: say(
                    ViewMessage.initialStateCaption(
                        forward: d == .forward, name: r.name.rawValue, dir: d.rawValue)),
                origin: say(session.h0 == nil ? ViewMessage.initialZeros : .initialLoaded),
                scale: r.name == .h ? .signed : .free), r.b)
    }

    /// One step's gates (with the state it started from), gates_pre, c or h.
    private func stepView(_ r: ViewRequest, _ d: Direction, _ trace: StepTrace) throws -> Output {
        let st = session.stepper
        let h = st.hiddenSize
        let stepNumber = d.timeIndex(step: trace.t, length: st.length) + 1
        let forward = d == .forward
        let sfx = d == .forward ? "f" : "b"
        switch r.name {
        case .gates:
            // The state this step started from: the previous step's, or the initial state.
            let k = stepNumber - 1
            let previous = st.stateBefore(step: k, d)
            var pre = trace.gatesPre.tensor
            var post = trace.gates.tensor
            var cPrev = previous.c.tensor
            if let b = r.b {
                pre = try pre.slice(b).reshaped([1, 4 * h])
                post = try post.slice(b).reshaped([1, 4 * h])
                cPrev = try cPrev.slice(b).reshaped([1, h])
            }
            return .gates(
                GateStepView(
                    direction: d, t: trace.t, stepNumber: stepNumber, length: st.length, pre: pre, post: post,
                    hiddenSize: h, variant: trace.variant, mode: trace.mode,
                    batchIndices: r.b.map { [$0] }, cPrev: cPrev))
        case .gates_pre:
            return .tensor(
                try selectBatch(
                    TensorView(
                        name: "gates_pre \(d.short) t=\(trace.t)", tensor: trace.gatesPre.tensor,
                        axes: ["b", "gate·unit"],
                        caption: say(
                            ViewMessage.gatesPreCaption(
                                forward: forward, step: stepNumber, of: st.length, t: trace.t, hidden: h)),
                        origin: say(
                            ViewMessage.gatesPreOrigin(
                                formula:
                                    "z = x[:, \(trace.t), :]·W_ih_\(sfx)ᵀ + b_ih_\(sfx) + h_prev·W_hh_\(sfx)ᵀ + b_hh_\(sfx)",
                                mode: trace.mode.rawValue, products: trace.products)),
                        scale: .free,
                        columnGroups: TensorView.gateGroups(hiddenSize: h, language: session.settings.language)), r.b,
                    t: trace.t))
        case .c:
            return .tensor(
                try selectBatch(
                    TensorView(
                        name: "c \(d.short) t=\(trace.t)", tensor: trace.c.tensor, axes: ["b", "unit"],
                        caption: say(
                            ViewMessage.cellCaption(forward: forward, step: stepNumber, of: st.length, t: trace.t)),
                        origin: "c_t = f ⊙ c_prev + i ⊙ g", scale: .free), r.b, t: trace.t))
        default:
            return .tensor(
                try selectBatch(
                    TensorView(
                        name: "h \(d.short) t=\(trace.t)", tensor: trace.h.tensor, axes: ["b", "unit"],
                        caption: say(
                            ViewMessage.hiddenCaption(
                                forward: forward, step: stepNumber, of: st.length, t: trace.t,
                                alias: forward ? "h_f[\(trace.t)]" : "h_b[\(trace.t)]")),
                        origin: "h_t = o ⊙ tanh(c_t)", scale: .signed), r.b, t: trace.t))
        }
    }

    /// Views that are not a single step: input, sequences, finals, parameters.
    func wholeView(_ r: ViewRequest) throws -> TensorView {
        if let stacked = try stackedWholeView(r) { return stacked }
        switch r.name {
        case .x: return try inputView(r)
        case .h_f, .h_b, .h_b_rev: return try hiddenSequenceView(r)
        case .y: return try outputView(r)
        case .h_n, .c_n: return try finalStateView(r)
        case .logits, .pred: return try logitsView(r)
        case .h0, .c0: return try initialStateView(r)
        default: return try parameterView(r)
        }
    }

    /// The text input's tokens for a view with these axes (`reversed`: the time axis is
    /// h_b_rev's processing order k, which read t = T-1-k).
    func tokens(timeAxis: Int?, batchAxis: Int?, reversed: Bool = false) -> TimeTokens? {
        guard let text = session.text else { return nil }
        let all = text.tokens
        return TimeTokens(
            tokens: reversed ? all.map { Array($0.reversed()) } : all,
            timeAxis: timeAxis, batchAxis: batchAxis)
    }

    /// The tokens of one step's rows `[B, …]`: every sequence's character at `t`.
    func stepTokens(t: Int) -> TimeTokens? {
        guard let text = session.text else { return nil }
        return TimeTokens(tokens: (0..<text.batch).map { [text.token(b: $0, t: t)] }, timeAxis: nil, batchAxis: 0)
    }

    /// Applies `t=` and `b=` to a view with the given axes.
    func select(_ view: TensorView, timeAxis: Int?, batchAxis: Int, _ r: ViewRequest) throws -> TensorView {
        var v = view
        if let t = r.t {
            guard let timeAxis else { throw LabError(said: RefusalMessage.noTimeAxis(name: r.name.rawValue)) }
            // With lengths a t that some sequences have reached is shown, the others' cells as `·`.
            let someComputed =
                v.cellsKnown && (try? v.padding?.selecting(axis: timeAxis, index: t))??.data.contains(0) == true
            if let known = v.known, t < known.count, !known[t], !someComputed {
                throw LabError(
                    said: RefusalMessage.notComputedAt(name: r.name.rawValue, t: t, position: session.positionText))
            }
            let axisName = timeAxis < v.axes.count ? v.axes[timeAxis] : "t"
            try v.select(axis: timeAxis, index: t)
            v.axes.remove(at: timeAxis)
            let (tokens, single) = v.timeTokens?.selecting(axis: timeAxis, index: t) ?? (nil, nil)
            v.timeTokens = tokens
            // h_b_rev's first axis is k: name the index by the axis it selects.
            v.name += " \(axisName)=\(t)" + (single.map { " " + $0 } ?? "")
            if (v.notesAxis ?? v.knownAxis) == timeAxis {
                v.name += v.note(axis: timeAxis, t)
                v.indexNotes = nil
            }
            v.known = nil
            v.knownAxis = nil
        }
        if let b = r.b {
            let axis = (r.t != nil && timeAxis.map { $0 < batchAxis } == true) ? batchAxis - 1 : batchAxis
            try v.select(axis: axis, index: b)
            v.axes.remove(at: axis)
            let (tokens, single) = v.timeTokens?.selecting(axis: axis, index: b) ?? (nil, nil)
            v.timeTokens = tokens
            v.name += " b=\(b)" + (single.map { " " + $0 } ?? "")
            if let na = v.notesAxis, na > axis { v.notesAxis = na - 1 }
            if let ka = v.knownAxis, ka > axis { v.knownAxis = ka - 1 }
        }
        return v
    }

    /// `b=` on a step's `[B, …]` view; `t`, the step's time index, puts the tokens on its rows.
    func selectBatch(_ view: TensorView, _ b: Int?, t: Int? = nil) throws -> TensorView {
        var v = view
        if let t { v.timeTokens = stepTokens(t: t) }
        guard let b else { return v }
        if let token = v.timeTokens?.selecting(axis: 0, index: b).single {
            v.name += " " + token
            v.timeTokens = nil
        }
        v.tensor = try v.tensor.selecting(axis: 0, index: b).reshaped([1] + Array(v.tensor.shape.dropFirst()))
        v.name += " b=\(b)"
        v.indexOffsets = [b]
        return v
    }

    /// `heatmap NAME …`: states over time as one `t × unit` map per sequence; a
    /// step's gates as one row per chunk, each on its activation's scale.
    func heatmaps(_ r: ViewRequest) throws -> [Output] {
        try views(r).map { output in
            switch output {
            case .tensor(var v):
                let overTime: Set<ViewName> = [.h_f, .h_b, .h_b_rev]
                // x and y in time-first layout are [T, B, …]: one t × feature map per sequence too.
                let timeFirst = (r.name == .y || r.name == .x) && !session.settings.batchFirst
                if (overTime.contains(r.name) || timeFirst) && r.b == nil && r.t == nil && v.tensor.rank == 3 {
                    let stored = formatShape(v.tensor.shape)
                    try v.swapFirstAxes()
                    v.axes = [v.axes[1], v.axes[0]] + v.axes.dropFirst(2)
                    v.details.append(
                        say(
                            ViewMessage.mapPerSequence(
                                rows: v.axes[1], columns: v.axes[2], name: r.name.rawValue,
                                stored: stored)))
                    if v.knownAxis == 0 { v.knownAxis = 1 }
                    if var tokens = v.timeTokens {
                        let swap = { (a: Int?) in a.map { $0 == 0 ? 1 : $0 == 1 ? 0 : $0 } }
                        tokens.timeAxis = swap(tokens.timeAxis)
                        tokens.batchAxis = swap(tokens.batchAxis)
                        v.timeTokens = tokens
                    }
                }
                return .heatmap(v)
            case .gates(let g):
                let rows = g.pre.shape.first ?? 0
                let chunks = Gate.allCases.map { gate in
                    LabelledRange(
                        "\(gate.symbol) = \(GateRenderer.activation(gate, g.variant))",
                        gate.rawValue..<(gate.rawValue + 1),
                        scale: g.variant.wiring(gate).activation == .tanh ? .signed : .unit)
                }
                var map = TensorView(
                    name: "gates \(g.direction.short) t=\(g.t)",
                    tensor: try g.post.reshaped([rows, 4, g.hiddenSize]),
                    axes: ["b", "gate", "unit"],
                    caption: say(
                        ViewMessage.activatedCaption(
                            forward: g.direction == .forward, step: g.stepNumber, of: g.length)),
                    origin: say(ViewMessage.activatedOrigin(draft: g.variant == .draft)),
                    scale: .unit, rowGroups: chunks)
                try labelGateRows(&map, g)
                if let units = g.units { try map.keepColumns(units) }
                return .heatmap(map)
            default:
                return output
            }
        }
    }

    func spark(_ r: ViewRequest, unit: Int?) throws -> [Output] {
        guard [.h_f, .h_b, .h_b_rev, .y, .x, .logits].contains(r.name) else {
            throw LabError(said: RefusalMessage.sparkNeedsSequence)
        }
        // The same t=, b= and fwd/bwd checks as show, so an index never reaches the tensor unchecked.
        _ = try views(r, validateOnly: true)
        var request = r
        if request.b == nil { request.b = 0 }
        let view = try wholeView(request)
        if let unit, unit >= (view.tensor.shape.last ?? 0) {
            throw LabError(said: RefusalMessage.unitOutOfRange(unit: unit, last: (view.tensor.shape.last ?? 1) - 1))
        }
        return [.sparklines(view, unit: unit)]
    }
}
