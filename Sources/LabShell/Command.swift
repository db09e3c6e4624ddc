import LSTMCore
import LabText

/// Every command the lab understands, with typed payloads. Parsed once at the
/// boundary; nothing after the parser looks at raw words.
public enum Command: Equatable, Sendable {
    case help(topic: String?)
    case quit
    case sizes(SizeChange)
    case initialize(Initializer, seed: UInt64?)
    case input(InputFill, seed: UInt64?)
    /// `input text "s1" "s2" … [alphabet "…"] [pad "c"]`: one-hot strings.
    case inputText(strings: [String], alphabet: String?, pad: String?)
    /// `input set b=N t=N "c"`: change one character of the text input.
    case inputSet(b: Int, t: Int, character: String)
    /// `example brackets`: a shipped trained model, its head and test strings.
    case example(ExampleName)
    case load(LoadTarget, path: String)
    case saveWeights(path: String)
    case export(path: String)
    /// `export pytorch DIR`: weights, input, the lab's outputs and a check.py that compares with nn.LSTM.
    case exportPyTorch(path: String)
    case step(DirectionChoice, count: Int)
    case back(DirectionChoice, count: Int)
    case goto(GotoTarget, DirectionChoice)
    case run
    case reset
    case show(ViewRequest)
    case heatmap(ViewRequest)
    case spark(ViewRequest, unit: Int?)
    case diagram
    /// `trace u=N [fwd|bwd] [b=N]`: one unit's gates and state at every computed step.
    case trace(unit: Int, direction: Direction?, b: Int?)
    /// `compare draft [fwd|bwd] [t=N] [b=N]`: the correct and the draft step from the same state.
    case compareDraft(Direction, t: Int?, b: Int?)
    /// `watch NAME …`; `watch` alone (no views) lists the watches.
    case watch([ViewRequest])
    /// `clear`: the screen (the front does it; a transcript gets a separator).
    case clear
    /// `focus NAME …`: one view with every column, in bands that fit the width.
    case focus(ViewRequest)
    /// `unwatch [NAME|N|all]`: nil or `all` removes every watch.
    case unwatch(String?)
    case info
    case set(Setting)
    case bench(BenchShape?, repeats: Int?)
    case lesson(LessonCommand)
    /// `record FILE.md` starts a transcript, `record stop` (nil) writes it.
    case record(path: String?)
    /// `print EXPR` / `p EXPR`.
    case print(ExpressionText)
    /// `let NAME = EXPR`.
    case assign(name: String, ExpressionText)
    /// `vars`.
    case variables
    /// `unlet NAME`.
    case unassign(String)
    /// `save EXPR to PATH`.
    case saveValue(ExpressionText, path: String)
    /// `show EXPR`, `heatmap EXPR`, `spark EXPR`: an expression where a view name would be.
    case showExpression(ExpressionText, ExpressionDisplay)
    /// `watch EXPR`.
    case watchExpression(ExpressionText)
    /// `lengths 24,15,19,10`; nil for `lengths none`.
    case lengths([Int]?)
    /// `layer N`: the layer step, show, trace and diagram work on.
    case layer(Int)
}

extension Command {
    /// `lesson …` and the words a playing lesson understands (`next`, `hint`, …).
    public var isLessonWord: Bool {
        if case .lesson = self { return true }
        return false
    }
}

/// `sizes B=… T=… D=… H=…`, any subset.
public struct SizeChange: Equatable, Sendable {
    public var batch: Int?
    public var length: Int?
    public var inputSize: Int?
    public var hiddenSize: Int?
    /// `L=N`, the number of stacked layers.
    public var layers: Int?
    public init(
        batch: Int? = nil, length: Int? = nil, inputSize: Int? = nil, hiddenSize: Int? = nil,
        layers: Int? = nil
    ) {
        self.batch = batch
        self.length = length
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.layers = layers
    }
}

public enum InputFill: String, CaseIterable, Sendable { case random, zeros, ones }

public enum LoadTarget: String, CaseIterable, Sendable { case weights, input, h0, c0, head }

/// The trained examples shipped inside the lab.
public enum ExampleName: String, CaseIterable, Sendable { case brackets }

public enum DirectionChoice: String, CaseIterable, Sendable {
    case fwd, bwd, both
    public var directions: [Direction] {
        switch self {
        case .fwd: [.forward]
        case .bwd: [.backward]
        case .both: [.forward, .backward]
        }
    }
}

public enum GotoTarget: Equatable, Sendable {
    case time(Int)
    case start
    case end
}

/// Everything `show`, `heatmap`, `spark` and `watch` can name.
public enum ViewName: String, CaseIterable, Sendable {
    case x, gates_pre, gates, c, h, h_f, h_b_rev, h_b, y, h_n, c_n, h0, c0, logits, pred
    case W_ih_f, W_hh_f, b_ih_f, b_hh_f, W_ih_b, W_hh_b, b_ih_b, b_hh_b

    /// Views that belong to one direction's step (take `fwd|bwd` and `t=`).
    public var isPerStep: Bool { [.gates_pre, .gates, .c, .h].contains(self) }

    /// The parameter this view shows, if it is one.
    public var parameter: (Direction, ParameterKind)? {
        switch self {
        case .W_ih_f: (.forward, .wIH)
        case .W_hh_f: (.forward, .wHH)
        case .b_ih_f: (.forward, .bIH)
        case .b_hh_f: (.forward, .bHH)
        case .W_ih_b: (.backward, .wIH)
        case .W_hh_b: (.backward, .wHH)
        case .b_ih_b: (.backward, .bIH)
        case .b_hh_b: (.backward, .bHH)
        default: nil
        }
    }
}

public enum ParameterKind: Sendable { case wIH, wHH, bIH, bHH }

/// `NAME [fwd|bwd] [t=N] [b=N]`.
public struct ViewRequest: Equatable, Sendable {
    public var name: ViewName
    public var direction: Direction?
    public var t: Int?
    public var b: Int?
    /// `u=A..B`: the units shown (the hidden axis; within each gate's and each direction's block).
    public var units: ClosedRange<Int>?
    public init(
        name: ViewName, direction: Direction? = nil, t: Int? = nil, b: Int? = nil, units: ClosedRange<Int>? = nil
    ) {
        self.name = name
        self.direction = direction
        self.t = t
        self.b = b
        self.units = units
    }

    /// How the learner would type it back.
    public var text: String {
        var s = name.rawValue
        if let direction { s += " " + direction.short }
        if let t { s += " t=\(t)" }
        if let b { s += " b=\(b)" }
        if let units { s += " " + UnitRangeText.text(units) }
        return s
    }
}

public enum Setting: Equatable, Sendable {
    case batchFirst(Bool)
    case mode(StepMode)
    case variant(Variant)
    /// Which engine computes the steps (`FastEngine.named` makes it).
    case engine(EngineKind)
    case precision(Int)
    case threads(Int)
    case language(Language)
    /// `set packed on|off`: whether lengths pack the batch or only label it.
    case packed(Bool)
    case ablate(LinearHead.Ablation)
}

public struct BenchShape: Equatable, Sendable {
    public var sizes: LSTMSizes
    /// `B,T,D,H,L`: the layer count (1 when not given).
    public var layers = 1
}

/// The lesson player's words.
public enum LessonCommand: Equatable, Sendable {
    case list
    case play(Int)
    /// `lesson play N step K`: start at step K (1-based).
    case playAt(Int, step: Int)
    /// `lesson present N`: the presenter's mode, one key press per beat.
    case present(Int)
    case resume
    case reset(Int?)
    case check(path: String)
    case next
    case back
    case hint
    case skip
    case solution
    case answer(String)
    case quit
}
