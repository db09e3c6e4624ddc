import LSTMCore
import LabText
import TermRender

/// The views that differ when the session has layers or lengths: `y` (the top
/// layer's), `h_n`/`c_n`/`h0`/`c0` (`[2L, B, H]`), and with lengths the
/// sequences over time (each sequence's own steps; padding shown as 0 and listed).
extension Interpreter {
    func stackedWholeView(_ r: ViewRequest) throws -> TensorView? {
        guard let stack = session.stack else { return nil }
        let h = stack.hiddenSize
        let tl = stack.length
        let b = stack.batch
        let l = session.layer
        let bf = session.settings.batchFirst
        let lens = stack.effectiveLengths
        let padding = stack.packed ? paddingText(stack.lengths) : ""
        let paddingNote = padding.isEmpty ? [] : ["padding (never read; 0 here): \(padding)"]
        let layerName = stack.layerCount > 1 ? "layer \(l) " : ""
        switch r.name {
        case .y:
            let top = stack.layerCount - 1
            let y = stack.y()
            let known = (0..<tl).map { t in
                (0..<b).allSatisfy { s in
                    lens.step(.forward, visiting: t, sequence: s) == nil
                        || Direction.allCases.allSatisfy { stack.hasVisited(layer: top, $0, t: t, sequence: s) }
                }
            }
            var view = TensorView(
                name: "y", tensor: bf ? y : try y.swappingFirstAxes(),
                axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"],
                caption: say(StackMessage.yCaption(layer: top, width: 2 * h)),
                origin: say(StackMessage.yOrigin(layer: top, packed: stack.packed && !stack.lengths.isFull)),
                scale: .signed,
                columnGroups: [
                    LabelledRange("fwd h_f[t] 0..\(h - 1)", 0..<h, direction: .forward),
                    LabelledRange(
                        "bwd h_b[t] \(h)..\(2 * h - 1)", h..<(2 * h),
                        direction: .backward),
                ],
                knownAxis: bf ? 1 : 0, known: known)
            view.details = paddingNote
            if hasPadding {
                view.padding = outputCellMask(stack, layer: top, batchFirst: bf)
                view.cellsKnown = true
            }
            view.timeTokens = tokens(timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1)
            return try select(view, timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1, r)
        case .x where stack.packed && !stack.lengths.isFull:
            let x = bf ? session.input : try session.input.swappingFirstAxes()
            var view = TensorView(
                name: "x", tensor: x, axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"],
                caption: say(
                    ViewMessage.inputCaption(batch: b, length: tl, features: stack.input.shape[2], batchFirst: bf)),
                origin: session.inputOrigin)
            if let text = session.text {
                view.details =
                    (0..<text.batch).map { "b=\($0)  \(text.display($0, language: session.settings.language))" }
                    + [say(text.padDescription)]
            }
            view.details += paddingNote
            view.padding = paddingMask(stack, width: stack.input.shape[2], batchFirst: bf)
            view.timeTokens = tokens(timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1)
            return try select(view, timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1, r)
        case .h_n, .c_n:
            let isH = r.name == .h_n
            var view = TensorView(
                name: r.name.rawValue, tensor: stack.finalStates(cell: !isH), axes: ["row", "b", "unit"],
                caption: say(StackMessage.finalCaption(hidden: isH, packed: stack.packed && !stack.lengths.isFull)),
                origin: say(StackMessage.finalOrigin(lengths: stack.lengths.isFull ? nil : stack.lengths.text)),
                scale: isH ? .signed : .free)
            view.indexNotes = (0..<stack.layerCount).flatMap { ["l\($0) fwd", "l\($0) bwd"] }
            view.notesAxis = 0
            return try select(view, timeAxis: nil, batchAxis: 1, r)
        case .h0, .c0:
            let given = r.name == .h0 ? session.h0 : session.c0
            let tensor = try given ?? Tensor(zerosWithShape: [2 * stack.layerCount, b, h])
            var view = TensorView(
                name: r.name.rawValue, tensor: tensor, axes: ["row", "b", "unit"],
                caption: "initial \(r.name == .h0 ? "hidden" : "cell") state, [2L, B, H]",
                origin: given == nil ? "zeros (nothing loaded)" : "loaded with 'load \(r.name.rawValue)'")
            view.indexNotes = (0..<stack.layerCount).flatMap { ["l\($0) fwd", "l\($0) bwd"] }
            view.notesAxis = 0
            return try select(view, timeAxis: nil, batchAxis: 1, r)
        // With padding (packed), each sequence on its own clock; otherwise the chosen layer's view is exact.
        case .h_f where hasPadding, .h_b where hasPadding, .h_b_rev where hasPadding:
            let d: Direction = r.name == .h_f ? .forward : .backward
            // Time order (h_f, h_b) or each sequence's own processing order (h_b_rev).
            let values = stack.sequenceValues(layer: l, d, .h, processing: r.name == .h_b_rev)
            let caption: String
            switch r.name {
            case .h_f: caption = "\(layerName)forward hidden states in time order; sequence b stops at t = len_b − 1"
            case .h_b:
                caption =
                    "\(layerName)backward hidden states in time order: sequence b's backward direction "
                    + "started at its own last step t = len_b − 1"
            default:
                caption =
                    "\(layerName)backward hidden states in each sequence's processing order: "
                    + "h_b_rev[k] of sequence b read t = len_b − 1 − k"
            }
            var view = TensorView(
                name: r.name.rawValue, tensor: values.tensor,
                axes: [r.name == .h_b_rev ? "k" : "t", "b", "unit"], caption: caption,
                origin: "lengths \(stack.lengths.text)", scale: .signed,
                columnGroups: [LabelledRange("", 0..<h, direction: d)], knownAxis: 0, known: values.known)
            if values.hasPadding {
                view.padding = values.cellMask
                view.cellsKnown = true
            }
            view.timeTokens = sequenceTokens(processing: r.name == .h_b_rev, lengths: lens)
            view.details =
                r.name == .h_b_rev
                ? [
                    "each sequence takes len_b steps (0 after them): "
                        + lens.values.enumerated()
                        .map { "b=\($0) k=0..\($1 - 1)" }.joined(separator: ", ")
                ]
                : paddingNote
            return try select(view, timeAxis: 0, batchAxis: 1, r)
        default:
            return nil
        }
    }
}
