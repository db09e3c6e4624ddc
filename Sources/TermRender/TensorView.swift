import LSTMCore
import LabText

/// How a view's values are scaled for colour: the range they can take.
public enum ValueScale: String, Equatable, Sendable {
    /// σ outputs: 0…1.
    case unit
    /// tanh outputs: −1…1.
    case signed
    /// Unbounded (pre-activations, cell states, weights): diverging around 0.
    case free
}

/// A labelled range of the last axis (gate chunks i/f/g/o, or y's fwd/bwd halves),
/// or of axis 0 for a weight's gate row blocks.
public struct LabelledRange: Equatable, Sendable {
    public var label: String
    public var range: Range<Int>
    /// Which direction these values came from (colours the label), if one.
    public var direction: Direction?
    /// Overrides the view's `known` for this range (y's halves fill in separately).
    public var known: [Bool]?
    /// Overrides the view's scale for this range (the g chunk of the gates is tanh).
    public var scale: ValueScale?
    public init(
        _ label: String, _ range: Range<Int>, direction: Direction? = nil, known: [Bool]? = nil,
        scale: ValueScale? = nil
    ) {
        self.label = label
        self.range = range
        self.direction = direction
        self.known = known
        self.scale = scale
    }
}

/// A tensor and what a learner needs to read it: what it is, its shape and
/// axes, and where it came from.
public struct TensorView: Equatable, Sendable {
    /// The name the learner typed, for example `h_f` or `gates fwd t=2`.
    public var name: String
    public var tensor: Tensor
    /// One name per axis, for example `["t", "b", "unit"]`.
    public var axes: [String]
    /// What this is, in one line.
    public var caption: String
    /// Where it came from: the formula or the source.
    public var origin: String
    public var scale: ValueScale
    /// Labelled ranges of the last axis.
    public var columnGroups: [LabelledRange]
    /// Labelled ranges of axis 0 (weights' gate blocks).
    public var rowGroups: [LabelledRange]
    /// Positions not computed yet: `known[i]` for index i of axis `knownAxis`.
    public var knownAxis: Int?
    public var known: [Bool]?
    /// A second name for each index of `notesAxis`, shown beside it: `k=0 (t=4)`, `dir=1 (backward)`.
    public var indexNotes: [String]?
    /// The axis `indexNotes` names (`knownAxis` when nil).
    public var notesAxis: Int?
    /// Extra header lines after the caption (for example the k ↔ t table of the flip).
    public var details: [String]
    /// Added to the printed index of each axis: a view cut down to `b=2` labels its one row `b=2`.
    public var indexOffsets: [Int]
    /// The input characters behind the time axis, when the input is text: `t=3 '('`.
    public var timeTokens: TimeTokens?
    /// 1 where a value is padding (past its sequence's length, never read), 2 where it is not computed
    /// yet in a row that is partly computed (lengths: each sequence on its own clock), same shape as
    /// `tensor`; the renderers draw such a cell as `pad` / `░`, or `·`, instead of its number.
    public var padding: Tensor?
    /// True when `padding` marks every value not computed yet (2): rows are then drawn cell by cell and
    /// `known` only says which rows are complete (lengths: each sequence on its own clock).
    public var cellsKnown = false
    /// Every value is a whole number of an integer or boolean result (`print arange(3)`): the
    /// numbers are drawn without decimals, as PyTorch prints an integer tensor.
    public var integerValues = false
    /// The index each column of the last axis had before `keepColumns` (`u=`); nil: its own.
    public var columnIndices: [Int]?
    /// The index each row of axis 0 had before `keepRows` (a weight's `u=`); nil: its own.
    public var rowIndices: [Int]?
    /// `focus`: every column, in bands that fit the width, instead of the column summary.
    public var allColumns = false

    public init(
        name: String, tensor: Tensor, axes: [String], caption: String, origin: String,
        scale: ValueScale = .free, columnGroups: [LabelledRange] = [], rowGroups: [LabelledRange] = [],
        knownAxis: Int? = nil, known: [Bool]? = nil, indexNotes: [String]? = nil, details: [String] = []
    ) {
        self.name = name
        self.tensor = tensor
        self.axes = axes
        self.caption = caption
        self.origin = origin
        self.scale = scale
        self.columnGroups = columnGroups
        self.rowGroups = rowGroups
        self.knownAxis = knownAxis
        self.known = known
        self.indexNotes = indexNotes
        self.details = details
        self.indexOffsets = []
        self.notesAxis = nil
        self.timeTokens = nil
        self.padding = nil
    }

    /// ` '('`: the token at a position, for the label of `axis`, when that axis is the later of the
    /// view's time and batch axes (so `index`, the indices of axes 0...axis, pins both); else "".
    public func tokenNote(_ index: [Int], axis: Int) -> String {
        guard let tokens = timeTokens, tokens.labelAxis == axis, let token = tokens.token(index) else { return "" }
        return " " + token
    }

    /// The note for index `i` of `axis`, as ` (t=4)`, or "".
    public func note(axis: Int, _ i: Int) -> String {
        guard axis == (notesAxis ?? knownAxis), let notes = indexNotes, i >= 0, i < notes.count, !notes[i].isEmpty
        else { return "" }
        return " (\(notes[i]))"
    }

    /// `b=0 (pad) t=1 'the'`: a block's index on each of the first `leadingAxes` axes, with its note and token
    /// (the header of a block of rows in the matrix and heatmap views).
    public func blockLabel(_ index: [Int], leadingAxes: Int) -> String {
        zip(axes.prefix(leadingAxes), index).enumerated()
            .map { axis, pair in
                "\(pair.0)=\(printedIndex(pair.1, axis: axis))" + note(axis: axis, pair.1)
                    + tokenNote(Array(index.prefix(axis + 1)), axis: axis)
            }.joined(separator: " ")
    }

    /// The index printed for index `i` of `axis`.
    public func printedIndex(_ i: Int, axis: Int) -> Int {
        axis >= 0 && axis < indexOffsets.count ? i + indexOffsets[axis] : i
    }

    /// The gate chunks i, f, g, o of a last axis of size 4H.
    /// `activated`: the chunks hold σ/tanh outputs, so each gets its activation's scale.
    public static func gateGroups(hiddenSize h: Int, activated: Bool = false, language: Language = .en)
        -> [LabelledRange]
    {
        Gate.allCases.map {
            LabelledRange(
                ViewMessage.gateLabel(symbol: $0.symbol).text(language), $0.rows(hiddenSize: h),
                scale: activated ? ($0.activation == .tanh ? .signed : .unit) : nil)
        }
    }
}

/// The characters a text input put on a view's axes: `tokens[b][t]`, with the
/// view axes that index b and t (nil when the view holds one sequence or one t).
public struct TimeTokens: Equatable, Sendable {
    public var tokens: [[String]]
    public var timeAxis: Int?
    public var batchAxis: Int?

    public init(tokens: [[String]], timeAxis: Int?, batchAxis: Int?) {
        self.tokens = tokens
        self.timeAxis = timeAxis
        self.batchAxis = batchAxis
    }

    /// The axis whose label carries the token: the later of the two.
    public var labelAxis: Int { max(timeAxis ?? -1, batchAxis ?? -1) }

    /// The token at `index` (indices of the view's leading axes), if it pins the position.
    public func token(_ index: [Int]) -> String? {
        let b = batchAxis.map { $0 < index.count ? index[$0] : -1 } ?? 0
        let t = timeAxis.map { $0 < index.count ? index[$0] : -1 } ?? 0
        guard b >= 0, b < tokens.count, t >= 0, t < tokens[b].count else { return nil }
        return tokens[b][t]
    }

    /// After the view's `axis` was cut down to `index`: the tokens that remain, or
    /// the single token left when neither axis remains (`.single`).
    public func selecting(axis: Int, index: Int) -> (tokens: TimeTokens?, single: String?) {
        var next = self
        if axis == timeAxis {
            next.tokens = tokens.map { index < $0.count ? [$0[index]] : [] }
            next.timeAxis = nil
        } else if axis == batchAxis {
            next.tokens = index < tokens.count ? [tokens[index]] : []
            next.batchAxis = nil
        }
        if let t = next.timeAxis, t > axis { next.timeAxis = t - 1 }
        if let b = next.batchAxis, b > axis { next.batchAxis = b - 1 }
        if next.timeAxis == nil && next.batchAxis == nil { return (nil, next.tokens.first?.first) }
        return (next, nil)
    }
}

/// One step's gates, before and after activation, side by side.
public struct GateStepView: Equatable, Sendable {
    public var direction: Direction
    public var t: Int
    /// Which step of the direction this was (1-based) and of how many.
    public var stepNumber: Int
    public var length: Int
    /// `[B, 4H]`.
    public var pre: Tensor
    /// `[B, 4H]`.
    public var post: Tensor
    public var hiddenSize: Int
    public var variant: Variant
    public var mode: StepMode
    /// The batch index of each row of `pre`/`post` (one row when `b=` was given).
    public var batchIndices: [Int]
    /// The cell state this step started from, `[rows, H]`, shown beside the
    /// gates when the width allows (c_t = f ⊙ c_prev + i ⊙ g).
    public var cPrev: Tensor?
    /// The units shown (`u=A..B`); nil: all (summarised when large).
    public var units: [Int]?
    /// Lines under the header (with lengths: which step each row is, which sequences are padding at t).
    public var notes: [String] = []

    public init(
        direction: Direction, t: Int, stepNumber: Int, length: Int, pre: Tensor, post: Tensor,
        hiddenSize: Int, variant: Variant, mode: StepMode, batchIndices: [Int]? = nil,
        cPrev: Tensor? = nil
    ) {
        self.direction = direction
        self.t = t
        self.stepNumber = stepNumber
        self.length = length
        self.pre = pre
        self.post = post
        self.hiddenSize = hiddenSize
        self.variant = variant
        self.mode = mode
        self.batchIndices = batchIndices ?? Array(0..<(pre.shape.first ?? 0))
        self.cPrev = cPrev
    }
}

/// What the unrolled-network diagram needs to know.
public struct DiagramState: Equatable, Sendable {
    public var length: Int
    public var sizes: LSTMSizes
    /// Steps taken per direction.
    public var forwardSteps: Int
    public var backwardSteps: Int

    /// The characters of sequence 0 when the input is text (nil at zero-row padding).
    public var tokens: [Character?]?
    /// The output layer, when one is loaded: its size and sequence 0's predicted class letters.
    public var head: DiagramHead?
    /// Each sequence's length when the batch is packed (one row per sequence marks its end).
    public var ends: [Int]?
    /// With `ends`: `visited[b][t]` bit 1 = the forward direction has read t of sequence b, bit 2 = the backward.
    public var visited: [[UInt8]]?

    public init(
        length: Int, sizes: LSTMSizes, forwardSteps: Int, backwardSteps: Int,
        tokens: [Character?]? = nil, head: DiagramHead? = nil, ends: [Int]? = nil, visited: [[UInt8]]? = nil
    ) {
        self.ends = ends
        self.visited = visited
        self.length = length
        self.sizes = sizes
        self.forwardSteps = forwardSteps
        self.backwardSteps = backwardSteps
        self.tokens = tokens
        self.head = head
    }
}

/// The figure's w3 and w6 when a head is loaded: the two halves of `nn.Linear(2H, K)`'s weight.
public struct DiagramHead: Equatable, Sendable {
    public var classCount: Int
    /// Per t, sequence 0's predicted class letter, or nil where not computed.
    public var predictions: [String?]
    /// `M = matched, …` for the legend.
    public var legend: String

    public init(classCount: Int, predictions: [String?], legend: String) {
        self.classCount = classCount
        self.predictions = predictions
        self.legend = legend
    }
}

/// Something the interpreter hands to the front to show.
public enum Output: Equatable, Sendable {
    /// A status line or paragraph, already text.
    case text(String)
    /// A tensor with its header.
    case tensor(TensorView)
    /// One step's gates before and after activation.
    case gates(GateStepView)
    /// A colour heatmap of a tensor.
    case heatmap(TensorView)
    /// Sparklines of a state over time (`unit` nil: every unit).
    case sparklines(TensorView, unit: Int?)
    /// The network unrolled over T.
    case diagram(DiagramState)
    /// The head's most likely class per position (`show pred`).
    case predictions(PredictionView)
    /// One unit through time (`trace`).
    case trace(UnitTraceView)
}
