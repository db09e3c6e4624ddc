import LSTMCore
import LabText
import TensorFiles
import TermRender

extension Interpreter {
    /// `load head PATH`: nn.Linear(2H, K)'s weight and bias; the cursors stay where they are
    /// (the head reads y, it does not change it).
    mutating func loadHead(path: String) throws -> [Output] {
        let contents = try SafeTensors.readWithMetadata(path: path, maxBytes: session.settings.memoryLimit)
        let (head, classes) = try HeadFile.head(from: contents, file: path)
        let h = session.parameters.hiddenSize
        guard head.hiddenSize == h else {
            throw FileFormatError(
                file: path,
                problem: StateDictMessage.headWidth(
                    inputs: 2 * head.hiddenSize, weight: formatShape([head.classCount, 2 * head.hiddenSize]),
                    model: 2 * h))
        }
        session.head = LoadedHead(head: head, classes: classes, origin: .originLoaded(path: path))
        return [
            .text(
                say(
                    FileReplyMessage.loadedHead(
                        path: path, classes: head.classCount, hidden: h,
                        names: classes.joined(separator: say(ListMessage.enumeration)),
                        named: contents.metadata["classes"] != nil)))
        ] + watchOutputs()
    }

    /// `set ablate fwd|bwd|none`.
    mutating func setAblation(_ a: LinearHead.Ablation) throws -> [Output] {
        session.ablation = a
        let h = session.parameters.hiddenSize
        let loaded = session.head != nil
        let said: ReplyMessage
        switch a {
        case .none: said = .ablationOff(headLoaded: loaded)
        case .fwd: said = .ablation(forward: true, first: 0, last: h - 1, headLoaded: loaded)
        case .bwd: said = .ablation(forward: false, first: h, last: 2 * h - 1, headLoaded: loaded)
        }
        return [.text(say(said))] + watchOutputs()
    }

    /// The head's output over the batch, shaped like y (`[B, T, K]` batch-first, `[T, B, K]` time-first).
    func logitsView(_ r: ViewRequest) throws -> TensorView {
        guard let loaded = session.head, let (tensor, known) = try session.logits() else {
            throw LabError(said: ReplyMessage.headNeeded(view: "logits"))
        }
        let bf = session.settings.batchFirst
        let h = session.parameters.hiddenSize
        let ablated = session.ablation == .none ? "" : say(HeadMessage.logitsAblated(forward: session.ablation == .fwd))
        var view = TensorView(
            name: "logits", tensor: bf ? tensor : try tensor.swappingFirstAxes(),
            axes: bf ? ["b", "t", "class"] : ["t", "b", "class"],
            caption: say(
                HeadMessage.logitsCaption(
                    classes: loaded.classes.enumerated().map { "\($0)=\($1)" }.joined(separator: say(ListMessage.comma))
                )),
            origin: say(
                HeadMessage.logitsOrigin(
                    classes: loaded.head.classCount, width: 2 * h, ablated: ablated, head: say(loaded.origin))),
            knownAxis: bf ? 1 : 0, known: known,
            details: [say(HeadMessage.logitsDetail)])
        view.timeTokens = tokens(timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1)
        if let stack = session.stack {
            view.padding = paddingMask(stack, width: loaded.head.classCount, batchFirst: bf)
        }
        return try select(view, timeAxis: bf ? 1 : 0, batchAxis: bf ? 0 : 1, r)
    }

    /// `show pred`: per position the most likely class, its probability and the input token.
    func predictionView(_ r: ViewRequest) throws -> PredictionView {
        guard let loaded = session.head, let (tensor, known) = try session.logits() else {
            throw LabError(said: ReplyMessage.headNeeded(view: "pred"))
        }
        let st = session.stepper
        let b = st.batch
        let tl = st.length
        let k = loaded.head.classCount
        var probabilities = tensor.data
        for i in 0..<(b * tl) where known[i % tl] {
            let row = Array(tensor.data[(i * k)..<((i + 1) * k)])
            probabilities.replaceSubrange((i * k)..<((i + 1) * k), with: LinearHead.probabilities(row))
        }
        return PredictionView(
            classes: loaded.classes, abbreviations: loaded.abbreviations,
            probabilities: try Tensor(shape: [b, tl, k], data: probabilities), known: known,
            tokens: session.text?.tokens, characters: session.text?.characters,
            batchIndices: r.b.map { [$0] } ?? Array(0..<b), t: r.t,
            ablation: session.ablation == .none
                ? nil
                : say(HeadMessage.ablatedSees(forward: session.ablation == .fwd, setting: session.ablation.rawValue)),
            lengths: hasPadding ? session.stack?.lengths.values : nil)
    }

    /// The head as the diagram draws it: sequence 0's predictions where computed.
    var diagramHead: DiagramHead? {
        guard let loaded = session.head, let logits = try? session.logits() else { return nil }
        let tl = session.stepper.length
        let k = loaded.head.classCount
        let letters = loaded.abbreviations
        let first = hasPadding ? session.stack?.lengths.values.first ?? tl : tl
        let predictions: [String?] = (0..<tl).map { t in
            guard logits.known[t], t < first else { return nil }
            let row = Array(logits.tensor.data[(t * k)..<((t + 1) * k)])
            return row.firstIndex(of: row.max() ?? 0).map { letters[$0] }
        }
        return DiagramHead(
            classCount: k, predictions: predictions,
            legend: zip(letters, loaded.classes).map { "\($0) = \($1)" }.joined(separator: ", "))
    }
}
