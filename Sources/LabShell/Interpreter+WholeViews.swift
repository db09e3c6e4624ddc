import LSTMCore
import LabText
import TermRender

/// `wholeView`'s parts, one per kind of view that is not a single step.
extension Interpreter {
    /// `x`: the input, `[B, T, D]` or `[T, B, D]` as the session's layout, with the text's lines.
    func inputView(_ r: ViewRequest) throws -> TensorView {
        let st = session.stepper
        let bf = session.settings.batchFirst
        let x = bf ? session.input : try session.input.swappingFirstAxes()
        var view = TensorView(
            name: "x", tensor: x, axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"],
            caption: say(
                ViewMessage.inputCaption(batch: st.batch, length: st.length, features: st.inputSize, batchFirst: bf)),
            origin: session.inputOrigin)
        if let text = session.text {
            view.details =
                (0..<text.batch).map { "b=\($0)  \(text.display($0, language: session.settings.language))" }
                + [say(text.padDescription)]
        }
        view.timeTokens = tokens(timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1)
        return try select(view, timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1, r)
    }

    /// `h_f`, `h_b`, `h_b_rev`: one direction's hidden states over time, `[T, B, H]`, with the flip made visible.
    func hiddenSequenceView(_ r: ViewRequest) throws -> TensorView {
        let st = session.stepper
        let tl = st.length
        let p: PartialTensor
        let caption: String
        let origin: String
        switch r.name {
        case .h_f:
            p = st.hForward
            caption = say(ViewMessage.hfCaption)
            origin = say(ViewMessage.hfOrigin)
        case .h_b:
            p = st.hBackward
            caption = say(ViewMessage.hbCaption)
            origin = "h_b = flip(h_b_rev, dims=[0]): h_b[t] = h_b_rev[T-1-t]"
        default:
            p = st.hBackwardProcessingOrder
            caption = say(ViewMessage.hbRevCaption)
            origin = say(ViewMessage.hbRevOrigin(last: tl - 1, secondLast: tl - 2))
        }
        let d: Direction = r.name == .h_f ? .forward : .backward
        // The flip made visible: every k of h_b_rev names its t, every t of h_b its k.
        var notes: [String]? = nil
        if r.name != .h_f {
            let isRev = r.name == .h_b_rev
            notes = (0..<tl).map { isRev ? "t=\(tl - 1 - $0)" : "k=\(tl - 1 - $0)" }
        }
        var view = TensorView(
            name: r.name.rawValue, tensor: p.tensor, axes: [r.name == .h_b_rev ? "k" : "t", "b", "unit"],
            caption: caption, origin: origin, scale: .signed,
            columnGroups: [LabelledRange("", 0..<st.hiddenSize, direction: d)],
            knownAxis: 0, known: p.known, indexNotes: notes, details: flipDetails(r.name, length: tl))
        view.timeTokens = tokens(timeAxis: 0, batchAxis: 1, reversed: r.name == .h_b_rev)
        return try select(view, timeAxis: 0, batchAxis: 1, r)
    }

    /// For `h_b` and `h_b_rev` up to 16 steps: the k row over the t row, which index reads which.
    func flipDetails(_ name: ViewName, length tl: Int) -> [String] {
        guard name != .h_f, tl <= 16 else { return [] }
        let ks = (0..<tl).map { "\($0)" }
        let ts = (0..<tl).map { "\(tl - 1 - $0)" }
        let w = max(ks.map(\.count).max() ?? 1, ts.map(\.count).max() ?? 1)
        let krow = ks.map { NumberFormat.pad($0, w) }.joined(separator: " ")
        let trow = ts.map { NumberFormat.pad($0, w) }.joined(separator: " ")
        return name == .h_b_rev
            ? [say(ViewMessage.flipProcessingOrder(row: krow)), say(ViewMessage.flipReadsTime(row: trow))]
            : [say(ViewMessage.flipTime(row: krow)), say(ViewMessage.flipFromRev(row: trow))]
    }

    /// `y`: both directions' hidden states side by side. Each half shows as soon as its direction has visited t;
    /// y[t] itself is complete when both have (the core places the halves as cat([h_f, h_b], dim=2)).
    func outputView(_ r: ViewRequest) throws -> TensorView {
        let st = session.stepper
        let h = st.hiddenSize
        let bf = session.settings.batchFirst
        let p = st.output
        let halves = st.outputHalvesKnown
        let tensor = bf ? p.tensor : try p.tensor.swappingFirstAxes()
        var view = TensorView(
            name: "y", tensor: tensor, axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"],
            caption: say(ViewMessage.yCaption(width: 2 * h)),
            origin: "y = cat([h_f, h_b], dim=2)" + (bf ? say(ViewMessage.yTransposed) : ""),
            scale: .signed,
            columnGroups: [
                LabelledRange("fwd h_f[t] \(0)..\(h - 1)", 0..<h, direction: .forward, known: halves.forward),
                LabelledRange(
                    "bwd h_b[t] \(h)..\(2 * h - 1)", h..<(2 * h), direction: .backward, known: halves.backward),
            ],
            knownAxis: bf ? 1 : 0, known: p.known,
            details: [say(ViewMessage.yDetail)])
        view.timeTokens = tokens(timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1)
        return try select(view, timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1, r)
    }

    /// `h_n`, `c_n`: each direction's final state, `[2, B, H]`.
    func finalStateView(_ r: ViewRequest) throws -> TensorView {
        let st = session.stepper
        let tl = st.length
        let isH = r.name == .h_n
        let tensor = isH ? try st.finalHidden() : try st.finalCell()
        var view = TensorView(
            name: r.name.rawValue, tensor: tensor, axes: ["dir", "b", "unit"],
            caption: say(ViewMessage.finalCaption(hidden: isH, last: tl - 1)),
            origin: isH ? "h_n = stack([h_f[T-1], h_b[0]])" : say(ViewMessage.cnOrigin(last: tl - 1)),
            scale: isH ? .signed : .free)
        view.indexNotes = [say(ViewMessage.direction(forward: true)), say(ViewMessage.direction(forward: false))]
        view.notesAxis = 0
        return try select(view, timeAxis: nil, batchAxis: 1, r)
    }

    /// `h0`, `c0`: the initial states, `[2, B, H]` (zeros unless loaded), or one direction's `[B, H]`.
    func initialStateView(_ r: ViewRequest) throws -> TensorView {
        let given = r.name == .h0 ? session.h0 : session.c0
        let tensor = try given ?? Tensor(zerosWithShape: [2, session.stepper.batch, session.stepper.hiddenSize])
        var view = TensorView(
            name: r.name.rawValue, tensor: tensor, axes: ["dir", "b", "unit"],
            caption: say(ViewMessage.initialCaption(hidden: r.name == .h0)),
            origin: say(given == nil ? ViewMessage.nothingLoaded : .loadedWith(name: r.name.rawValue)))
        view.indexNotes = [say(ViewMessage.direction(forward: true)), say(ViewMessage.direction(forward: false))]
        view.notesAxis = 0
        if let d = r.direction {
            view.tensor = try tensor.slice(d.rawValue)
            view.axes = ["b", "unit"]
            view.name += " " + d.short
            view.indexNotes = nil
            return try selectBatch(view, r.b)
        }
        return try select(view, timeAxis: nil, batchAxis: 1, r)
    }

    /// `W_ih_f` … `b_hh_b`: one of the layer's parameters, the weights' rows in gate blocks, the biases' columns.
    func parameterView(_ r: ViewRequest) throws -> TensorView {
        guard let (d, kind) = r.name.parameter else {
            throw LabError(said: SessionErrorMessage.cannotShow(view: r.name.rawValue))
        }
        let h = session.stepper.hiddenSize
        let p = session.layerParameters[d]
        let suffix = d == .forward ? "f" : "b"
        let torchName = d == .forward ? "" : "_reverse"
        let rowBlocks = Gate.allCases.map { g in
            let rows = g.rows(hiddenSize: h)
            return LabelledRange(
                say(ViewMessage.rowBlock(symbol: g.symbol, first: rows.lowerBound, last: rows.upperBound - 1)), rows
            )
        }
        let view: TensorView
        switch kind {
        case .wIH:
            view = TensorView(
                name: r.name.rawValue, tensor: p.wIH.tensor, axes: ["gate·unit", "feature"],
                caption: say(ViewMessage.weightsCaption(forward: d == .forward, recurrent: false, rows: h)),
                origin: say(
                    ViewMessage.parameterOrigin(
                        origin: session.parametersOrigin, torchName: "weight_ih_l\(session.layer)\(torchName)",
                        usedAs: "x·W_ih_\(suffix)ᵀ")),
                rowGroups: rowBlocks)
        case .wHH:
            view = TensorView(
                name: r.name.rawValue, tensor: p.wHH.tensor, axes: ["gate·unit", "unit"],
                caption: say(ViewMessage.weightsCaption(forward: d == .forward, recurrent: true, rows: h)),
                origin: say(
                    ViewMessage.parameterOrigin(
                        origin: session.parametersOrigin, torchName: "weight_hh_l\(session.layer)\(torchName)",
                        usedAs: "h·W_hh_\(suffix)ᵀ")),
                rowGroups: rowBlocks)
        case .bIH, .bHH:
            let isIH = kind == .bIH
            let data = isIH ? p.bIH : p.bHH
            view = TensorView(
                name: r.name.rawValue, tensor: try Tensor(shape: [4 * h], data: data), axes: ["gate·unit"],
                caption: say(ViewMessage.biasCaption(forward: d == .forward, recurrent: !isIH)),
                origin: say(
                    ViewMessage.parameterOrigin(
                        origin: session.parametersOrigin,
                        torchName: "bias_\(isIH ? "ih" : "hh")_l\(session.layer)\(torchName)", usedAs: "")),
                columnGroups: TensorView.gateGroups(hiddenSize: h, language: session.settings.language))
        }
        if r.t != nil || r.b != nil {
            throw LabError(said: SessionErrorMessage.parameterTakesNoIndex(view: r.name.rawValue))
        }
        return view
    }
}
