import LSTMCore
import LabText
import TermRender

/// The views that differ when the session has layers or lengths: `y` (the top
/// layer's), `h_n`/`c_n`/`h0`/`c0` (`[2L, B, H]`), and with lengths the
/// sequences over time (each sequence's own steps; padding shown as 0 and listed).
extension Interpreter {
    func stackedWholeView(_ r: ViewRequest) throws -> TensorView? {
        guard let stack = session.stack else { return nil }
        switch r.name {
        case .y: return try stackedOutputView(stack, r)
        case .x where hasPadding: return try paddedInputView(stack, r)
        case .h_n, .c_n: return try stackedFinalStateView(stack, r)
        case .h0, .c0: return try stackedInitialStateView(stack, r)
        // With padding (packed), each sequence on its own clock; otherwise the chosen layer's view is exact.
        case .h_f where hasPadding, .h_b where hasPadding, .h_b_rev where hasPadding:
            return try paddedHiddenView(stack, r)
        default: return nil
        }
    }

    /// `padding (never read; 0 here): …` when the batch has padding, else nothing.
    private func paddingNote(_ stack: StackedStepper) -> [String] {
        let padding = stack.packed ? paddingText(stack.lengths) : ""
        return padding.isEmpty ? [] : [say(StackViewMessage.paddingNote(positions: padding))]
    }

    /// The top layer's y, each sequence's halves shown as soon as its directions have visited t.
    private func stackedOutputView(_ stack: StackedStepper, _ r: ViewRequest) throws -> TensorView {
        let (h, b, bf) = (stack.hiddenSize, stack.batch, session.settings.batchFirst)
        let lens = stack.effectiveLengths
        let top = stack.layerCount - 1
        let y = stack.y()
        let known = (0..<stack.length).map { t in
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
                LabelledRange("bwd h_b[t] \(h)..\(2 * h - 1)", h..<(2 * h), direction: .backward),
            ],
            knownAxis: bf ? 1 : 0, known: known)
        view.details = paddingNote(stack)
        if hasPadding {
            view.padding = outputCellMask(stack, layer: top, batchFirst: bf)
            view.cellsKnown = true
        }
        view.timeTokens = tokens(timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1)
        return try select(view, timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1, r)
    }

    /// x with each sequence's padding marked (and the strings, for text input).
    private func paddedInputView(_ stack: StackedStepper, _ r: ViewRequest) throws -> TensorView {
        let bf = session.settings.batchFirst
        let x = bf ? session.input : try session.input.swappingFirstAxes()
        var view = TensorView(
            name: "x", tensor: x, axes: bf ? ["b", "t", "feature"] : ["t", "b", "feature"],
            caption: say(
                ViewMessage.inputCaption(
                    batch: stack.batch, length: stack.length, features: stack.input.shape[2], batchFirst: bf)),
            origin: session.inputOrigin)
        if let text = session.text {
            view.details =
                (0..<text.batch).map { "b=\($0)  \(text.display($0, language: session.settings.language))" }
                + [say(text.padDescription)]
        }
        view.details += paddingNote(stack)
        view.padding = paddingMask(stack, width: stack.input.shape[2], batchFirst: bf)
        view.timeTokens = tokens(timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1)
        return try select(view, timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1, r)
    }

    /// h_n or c_n `[2L, B, H]`, rows named in nn.LSTM's order.
    private func stackedFinalStateView(_ stack: StackedStepper, _ r: ViewRequest) throws -> TensorView {
        let isH = r.name == .h_n
        var view = TensorView(
            name: r.name.rawValue, tensor: stack.finalStates(cell: !isH), axes: ["row", "b", "unit"],
            caption: say(StackMessage.finalCaption(hidden: isH, packed: stack.packed && !stack.lengths.isFull)),
            origin: say(StackMessage.finalOrigin(lengths: stack.lengths.isFull ? nil : stack.lengths.text)),
            scale: isH ? .signed : .free)
        view.indexNotes = (0..<stack.layerCount).flatMap { ["l\($0) fwd", "l\($0) bwd"] }
        view.notesAxis = 0
        return try select(view, timeAxis: nil, batchAxis: 1, r)
    }

    /// h0 or c0 `[2L, B, H]`: what was loaded, or zeros.
    private func stackedInitialStateView(_ stack: StackedStepper, _ r: ViewRequest) throws -> TensorView {
        let given = r.name == .h0 ? session.h0 : session.c0
        let tensor = try given ?? Tensor(zerosWithShape: [2 * stack.layerCount, stack.batch, stack.hiddenSize])
        var view = TensorView(
            name: r.name.rawValue, tensor: tensor, axes: ["row", "b", "unit"],
            caption: say(StackViewMessage.initialCaption(hidden: r.name == .h0)),
            origin: say(StackViewMessage.initialOrigin(loaded: given == nil ? nil : r.name.rawValue)))
        view.indexNotes = (0..<stack.layerCount).flatMap { ["l\($0) fwd", "l\($0) bwd"] }
        view.notesAxis = 0
        return try select(view, timeAxis: nil, batchAxis: 1, r)
    }

    /// h_f, h_b (time order) or h_b_rev (each sequence's own processing order) of the chosen layer.
    private func paddedHiddenView(_ stack: StackedStepper, _ r: ViewRequest) throws -> TensorView {
        let d: Direction = r.name == .h_f ? .forward : .backward
        let lens = stack.effectiveLengths
        let values = stack.sequenceValues(layer: session.layer, d, .h, processing: r.name == .h_b_rev)
        let layer = stack.layerCount > 1 ? session.layer : nil
        let caption: StackViewMessage =
            switch r.name {
            case .h_f: .forwardOverTime(layer: layer)
            case .h_b: .backwardOverTime(layer: layer)
            default: .backwardProcessing(layer: layer)
            }
        var view = TensorView(
            name: r.name.rawValue, tensor: values.tensor,
            axes: [r.name == .h_b_rev ? "k" : "t", "b", "unit"], caption: say(caption),
            origin: "lengths \(stack.lengths.text)", scale: .signed,
            columnGroups: [LabelledRange("", 0..<stack.hiddenSize, direction: d)], knownAxis: 0, known: values.known)
        if values.hasPadding {
            view.padding = values.cellMask
            view.cellsKnown = true
        }
        view.timeTokens = sequenceTokens(processing: r.name == .h_b_rev, lengths: lens)
        view.details =
            r.name == .h_b_rev
            ? [
                say(
                    StackViewMessage.ownSteps(
                        ranges: lens.values.enumerated().map { "b=\($0) k=0..\($1 - 1)" }.joined(separator: ", ")))
            ]
            : paddingNote(stack)
        return try select(view, timeAxis: 0, batchAxis: 1, r)
    }
}
