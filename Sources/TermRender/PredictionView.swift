import LSTMCore

/// What `show pred` shows: per position the most likely class, its probability and the input token.
public struct PredictionView: Equatable, Sendable {
    public var classes: [String]
    /// One character per class for the compact rows.
    public var abbreviations: [String]
    /// Softmax of the logits, `[B, T, K]` batch-first (rows at unknown t are meaningless).
    public var probabilities: Tensor
    /// `known[t]`: the head's output at t is computed.
    public var known: [Bool]
    /// `tokens[b][t]` (`'('`, `pad`) and the raw characters, when the input is text.
    public var tokens: [[String]]?
    public var characters: [[Character?]]?
    /// The sequences to show (one when `b=` was given).
    public var batchIndices: [Int]
    /// One position only (`t=`).
    public var t: Int?
    /// Set when a half of y is ablated: what the head sees instead.
    public var ablation: String?
    /// Each sequence's length when the batch is packed: positions past it are padding (`pad`).
    public var lengths: [Int]?

    /// Whether (b, t) is past sequence b's length.
    public func isPadded(b: Int, t: Int) -> Bool {
        guard let lengths, b >= 0, b < lengths.count else { return false }
        return t >= lengths[b]
    }

    public init(
        classes: [String], abbreviations: [String], probabilities: Tensor, known: [Bool],
        tokens: [[String]]?, characters: [[Character?]]?, batchIndices: [Int], t: Int?, ablation: String?,
        lengths: [Int]? = nil
    ) {
        self.lengths = lengths
        self.classes = classes
        self.abbreviations = abbreviations
        self.probabilities = probabilities
        self.known = known
        self.tokens = tokens
        self.characters = characters
        self.batchIndices = batchIndices
        self.t = t
        self.ablation = ablation
    }

    /// The most likely class at (b, t) and its probability; nil where not computed.
    public func top(b: Int, t: Int) -> (index: Int, probability: Float)? {
        guard probabilities.rank == 3, b >= 0, b < probabilities.shape[0], t >= 0, t < probabilities.shape[1],
            t < known.count, known[t]
        else { return nil }
        let k = probabilities.shape[2]
        let base = (b * probabilities.shape[1] + t) * k
        var best = 0
        for c in 1..<max(k, 1) where probabilities.data[base + c] > probabilities.data[base + best] { best = c }
        return (best, probabilities.data[base + best])
    }
}
