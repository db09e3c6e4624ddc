import LSTMCore
import LabText

extension Session {
    /// What the weights' metadata says that the session keeps: the one-hot
    /// alphabet (when its size is the model's D). A head whose width no longer
    /// fits the model's 2H is dropped. Returns notes for the message.
    mutating func adoptMetadata(_ metadata: [String: String], of p: BiLSTMParameters) -> [FileReplyMessage] {
        var notes: [FileReplyMessage] = []
        modelAlphabet = nil
        if let alphabet = metadata["alphabet"] {
            let n = alphabet.count
            if n == p.inputSize && Set(alphabet).count == n {
                modelAlphabet = alphabet
                notes.append(.alphabetFromMetadata(alphabet: Quote.word(alphabet)))
            } else {
                notes.append(.alphabetIgnored(alphabet: Quote.word(alphabet), inputs: p.inputSize))
            }
        }
        if let loaded = head, loaded.head.hiddenSize != p.hiddenSize {
            head = nil
            notes.append(.headDropped(takes: 2 * loaded.head.hiddenSize, model: 2 * p.hiddenSize))
        }
        return notes
    }

    /// The head's logits over the batch, `[B, T, K]` batch-first, known at t once
    /// the halves of y it reads are: both halves, or only the one left by the ablation.
    ///
    /// With layers or lengths the head reads the top layer's y, 0 at padded positions
    /// (as after `pad_packed_sequence`), whichever layer is chosen for the views.
    public func logits() throws -> (tensor: Tensor, known: [Bool])? {
        guard let loaded = head else { return nil }
        if let stack {
            let top = stack.layerCount - 1
            let needed: [Direction] =
                switch ablation {
                case .none: Direction.allCases
                case .fwd: [.backward]
                case .bwd: [.forward]
                }
            let known = (0..<stack.length).map { t in
                (0..<stack.batch).allSatisfy { b in
                    t >= stack.effectiveLengths.values[b]
                        || needed.allSatisfy { stack.hasVisited(layer: top, $0, t: t, sequence: b) }
                }
            }
            return (try loaded.head.logits(y: stack.y(), known: known, ablation: ablation), known)
        }
        let st = stepper
        let b = st.batch
        let tl = st.length
        let h = st.hiddenSize
        let hf = st.hForward
        let hb = st.hBackward
        var y = [Float](repeating: 0, count: b * tl * 2 * h)
        for t in 0..<tl {
            for bi in 0..<b {
                let dst = (bi * tl + t) * 2 * h
                let src = (t * b + bi) * h
                for u in 0..<h {
                    y[dst + u] = hf.tensor.data[src + u]
                    y[dst + h + u] = hb.tensor.data[src + u]
                }
            }
        }
        let known: [Bool]
        switch ablation {
        case .none: known = zip(hf.known, hb.known).map { $0 && $1 }
        case .fwd: known = hb.known
        case .bwd: known = hf.known
        }
        let tensor = try loaded.head.logits(
            y: try Tensor(shape: [b, tl, 2 * h], data: y), known: known, ablation: ablation)
        return (tensor, known)
    }
}
