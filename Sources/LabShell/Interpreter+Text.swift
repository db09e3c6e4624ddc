import LSTMCore
import LabText
import TermRender

extension Interpreter {
    /// `input text "s1" "s2" … [alphabet "…"] [pad "c"]`: the strings one-hot, `[B, T, D]`.
    mutating func inputText(_ strings: [String], alphabet: String?, pad: String?) throws -> [Output] {
        let text = try TextInput(
            strings: strings, alphabet: alphabet, pad: pad, modelAlphabet: session.modelAlphabet,
            inputSize: session.parameters.inputSize)
        var next = session
        try next.useText(text, origin: "input text")
        session = next
        return [.text(inputTextMessage())]
    }

    /// The lines `input text` and `example` print: the shape, the alphabet's order and every string.
    func inputTextMessage() -> String {
        guard let text = session.text else { return "" }
        let s = session.sizes
        let order = text.alphabet.enumerated().map { "'\(Quote.visible(String($1)))' → \($0)" }
            .joined(separator: say(ListMessage.comma))
        var lines = [
            say(
                ReplyMessage.textInput(
                    shape: formatShape(layoutShape([s.batch, s.length, s.inputSize])),
                    alphabet: Quote.word(String(text.alphabet)), source: say(text.alphabetSource), order: order))
        ]
        let shown = min(text.batch, 8)
        for b in 0..<shown { lines.append("    b=\(b)  \(text.display(b, language: session.settings.language))") }
        if text.batch > shown { lines.append("    " + say(ReplyMessage.textMore(count: text.batch - shown))) }
        lines.append("    " + say(ReplyMessage.cursorsAtStart(what: say(text.padDescription))))
        if let lengths = session.lengths {
            lines.append("    " + say(PaddingMessage.textLengths(lengths: lengths.text, padding: paddingText(lengths))))
        }
        return lines.joined(separator: "\n")
    }

    /// `input set b=N t=N "c"`: one character changed. When both directions had
    /// finished, the model runs again and the message says which positions of
    /// h_f and h_b moved: everything from t on in h_f, everything up to t in h_b.
    mutating func inputSet(b: Int, t: Int, character: String) throws -> [Output] {
        guard var text = session.text else {
            throw LabError(said: RefusalMessage.inputSetNeedsText)
        }
        let before = session.stepper.isComplete ? hiddenOverTime() : nil
        let old = try text.set(b: b, t: t, to: character)
        var next = session
        // The lengths stay as the learner left them ('lengths none' stays none).
        try next.useText(text, origin: "input text (b=\(b) t=\(t) set)", lengthsFromText: session.lengths != nil)
        var lines = [
            say(
                ReplyMessage.inputSet(
                    b: b, t: t, token: text.token(b: b, t: t), old: "'\(Quote.visible(String(old)))'",
                    display: text.display(b, language: session.settings.language)))
        ]
        session = next
        if let before {
            // The lab's own run (it goes through the stack when there are layers); Ctrl-C leaves it part-way.
            _ = try? run()
            if session.stepper.isComplete {
                lines += responseLines(before: before, after: hiddenOverTime(), b: b, t: t)
            }
        }
        if !session.stepper.isComplete { lines.append("    " + say(ReplyMessage.inputSetCursors)) }
        return [.text(lines.joined(separator: "\n"))] + watchOutputs()
    }

    /// Largest |change| per position of h_f and h_b for sequence b, with the changed t marked.
    private func responseLines(
        before: PerDirection<Tensor>, after: PerDirection<Tensor>, b: Int, t: Int
    ) -> [String] {
        let st = session.stepper
        let tl = st.length
        let h = st.hiddenSize
        let batch = st.batch
        func change(_ old: Tensor, _ new: Tensor) -> [Float] {
            (0..<tl).map { s in
                var m: Float = 0
                for u in 0..<h {
                    let i = (s * batch + b) * h + u
                    guard i < new.data.count, i < old.data.count else { continue }
                    m = max(m, abs(new.data[i] - old.data[i]))
                }
                return m
            }
        }
        let df = change(before.forward, after.forward)
        let db = change(before.backward, after.backward)
        let p = min(session.settings.precision, 3)
        // Past the sequence's length (packed) nothing moved because nothing was read: `pad`.
        let own = hasPadding ? session.stack?.lengths[b] ?? tl : tl
        let cells = (0..<tl).map { s in
            s >= own
                ? ("pad", "pad") : (NumberFormat.fixed(df[s], precision: p), NumberFormat.fixed(db[s], precision: p))
        }
        let width = max(cells.map { max($0.0.count, $0.1.count) }.max() ?? 1, "t=\(tl - 1)".count)
        // Elide the middle of long sequences, keeping the changed position in view.
        let room = max(4, (80 - 14) / (width + 1))
        var cols = Array(0..<tl)
        if tl > room {
            var keep = Set<Int>([0, 1, tl - 2, tl - 1])
            for s in max(0, t - 2)...min(tl - 1, t + 2) { keep.insert(s) }
            cols = keep.sorted()
        }
        func row(_ label: String, _ cell: (Int) -> String) -> String {
            var s = NumberFormat.padRight(label, 12)
            var prev = -1
            for c in cols {
                if c > prev + 1 { s += " …" }
                s += " " + NumberFormat.pad(cell(c), width)
                prev = c
            }
            return s
        }
        return [
            "    " + say(ReplyMessage.inputSetRanAgain(b: b)),
            "    " + row("t", { "t=\($0)" }),
            "    " + row("", { tl > 0 ? (session.text?.token(b: b, t: $0) ?? "") : "" }),
            "    " + row("|Δh_f[t]|", { cells[$0].0 }),
            "    " + row("|Δh_b[t]|", { cells[$0].1 }),
            "    " + say(ReplyMessage.inputSetMoves(t: t)),
        ]
    }

    /// `example brackets`: the shipped trained model, its head and test strings.
    mutating func example(_ name: ExampleName) throws -> [Output] {
        let files = try BracketsExample.load()
        var next = session
        let p = files.parameters
        var s = next.sizes
        s.inputSize = p.inputSize
        s.hiddenSize = p.hiddenSize
        next.sizes = s
        next.parameters = p
        next.parametersSource = .originCommand("example brackets (examples/brackets/model.safetensors, trained)")
        next.h0 = nil
        next.c0 = nil
        // One layer, full lengths: the shipped model is a single-layer BiLSTM.
        next.upperLayers = []
        next.lengths = nil
        next.layer = 0
        _ = next.adoptMetadata(files.metadata, of: p)
        next.head = files.head
        next.ablation = .none
        let text = try TextInput(
            strings: BracketsExample.strings, alphabet: nil, pad: nil,
            modelAlphabet: next.modelAlphabet, inputSize: p.inputSize)
        try next.useText(text, origin: "example brackets")
        session = next
        let classes = files.head.classes
        return [
            .text(
                [
                    say(
                        ReplyMessage.exampleBrackets(
                            classes: classes, accuracy: files.accuracyNote(session.settings.language))),
                    say(ReplyMessage.exampleModel(inputs: p.inputSize, hidden: p.hiddenSize)),
                    say(ReplyMessage.exampleHead(inputs: 2 * p.hiddenSize, classes: classes, hidden: p.hiddenSize)),
                    inputTextMessage(),
                    say(ReplyMessage.exampleTry),
                ].joined(separator: "\n"))
        ]
    }
}

extension Session {
    /// Makes `text` the input: new sizes B and T, the one-hot x, cursors at the start.
    /// h0 and c0 go back to zeros when B changes.
    /// With `lengthsFromText` (the default), strings of different lengths set `lengths` to
    /// theirs (packed, as `pack_padded_sequence` runs them); otherwise the batch runs padded.
    mutating func useText(_ text: TextInput, origin: String, lengthsFromText: Bool = true) throws {
        var s = sizes
        s.batch = text.batch
        s.length = text.length
        s.inputSize = parameters.inputSize
        try checkMemory(
            s, layers: layerCount, what: "input text B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)")
        if s.batch != sizes.batch {
            h0 = nil
            c0 = nil
        }
        input = try text.oneHot()
        self.text = text
        let own = text.strings.map(\.count)
        if lengthsFromText, own.contains(where: { $0 != text.length }) {
            do {
                lengths = try SequenceLengths(own, batch: text.batch, length: text.length)
            } catch {
                throw LabError(said: Lab.message(for: error))
            }
        } else {
            lengths = nil
        }
        sizes = s
        inputSource = .originText(command: origin, count: text.batch, alphabet: Quote.word(String(text.alphabet)))
        try rebuildStepper()
    }
}
