import Foundation
import LSTMCore
import LSTMKernels
import LabText
import TensorExpr

/// Everything a learner's session holds: the model, its input, the stepper,
/// settings and watches. A value owned by the loop; no globals.
public struct Session: Sendable {
    public var sizes: LSTMSizes
    public var initializer: Initializer
    /// Where the current parameters came from: `init tutorial seed 0`, a file, … (worded in `parametersOrigin`).
    public var parametersSource: ShellMessage
    public var inputFill: InputFill
    public var inputSource: ShellMessage
    public var parameters: BiLSTMParameters
    /// Batch-first `[B, T, D]`, whatever the layout setting.
    public var input: Tensor
    public var h0: Tensor?
    public var c0: Tensor?
    public var stepper: BidirectionalStepper
    public var settings: Settings
    public var watches: [Watch] = []
    /// `let` variables and the expression that made each (for `vars`).
    public var variables: [String: ExprTensor] = [:]
    public var variableSources: [String: String] = [:]
    /// Layers 1…L−1 of a stacked model (`sizes L=N`, a multi-layer file); empty for one layer.
    public var upperLayers: [BiLSTMParameters] = []
    /// Each sequence's length (`lengths …`), nil for all full.
    public var lengths: SequenceLengths? = nil
    /// The stacked, variable-length stepper, when there are layers or lengths
    /// (`stepper` then shows its chosen `layer`; see Session+Stack.swift).
    public var stack: StackedStepper? = nil
    /// The layer `step`, `show`, `trace` and `diagram` work on (`layer N`).
    public var layer = 0
    /// The strings behind the input when it came from `input text` (tokens on time axes).
    public var text: TextInput?
    /// The output layer on y, when one is loaded (`load head`, `example brackets`).
    public var head: LoadedHead?
    /// Which half of y the head sees as zeros (`set ablate`).
    public var ablation = LinearHead.Ablation.none
    /// The one-hot alphabet named in the loaded weights' metadata.
    public var modelAlphabet: String?
    /// The session's one generator: `seed N` reseeds it.
    public var generator: SeededGenerator

    public struct Settings: Equatable, Sendable {
        public var batchFirst = true
        public var mode = StepMode.fused
        public var variant = Variant.correct
        /// The fast engine unless `set engine reference`: the shell is where an
        /// engine is chosen (LSTMCore cannot see LSTMKernels).
        public var engine = EngineKind.fast
        public var precision = 4
        public var threads = 1
        /// Lengths pack the batch (`set packed off`: labels only, the padded batch run the naive way).
        public var packed = true
        /// The language the lab speaks (`--lang`, `set lang`, the locale); identifiers stay as typed.
        public var language = Language.en
        /// Sizes whose estimate exceeds this many bytes are refused.
        public var memoryLimit = 2 << 30
        /// Commands whose estimated floating-point work exceeds this many FLOP
        /// are refused (see `Work`). 1 TFLOP: a run of a B=32, T=400,
        /// D=H=1024 model (about 430 GFLOP), near the largest the default memory
        /// limit admits at those sizes, is well inside it.
        public var computeLimit = 1e12
        public init() {}
    }

    public static let maxWatches = 8
    public static let maxVariables = 64

    /// `parametersSource` in the session's language.
    public var parametersOrigin: String { parametersSource.text(settings.language) }
    public var inputOrigin: String { inputSource.text(settings.language) }

    /// The tutorial's demo: B=3, T=5, D=8, H=16, `init tutorial seed 0`, then random input from the same generator.
    public static func demo(settings: Settings = Settings()) -> Session {
        var g = SeededGenerator(seed: 0)
        let sizes = LSTMSizes.demo
        let p = BiLSTMParameters.initialized(
            .tutorial, inputSize: sizes.inputSize, hiddenSize: sizes.hiddenSize, using: &g,
            factorizer: LAPACKHouseholder())
        // Shapes are consistent by construction.
        let x: Tensor
        let stepper: BidirectionalStepper
        do {
            x = try Session.makeInput(.random, sizes, using: &g)
            stepper = try BidirectionalStepper(
                parameters: p, input: x, mode: settings.mode, variant: settings.variant,
                engine: FastEngine.named(settings.engine))
        } catch {
            preconditionFailure("demo session: \(error)")
        }
        return Session(
            sizes: sizes, initializer: .tutorial, parametersSource: .originCommand("init tutorial seed 0"),
            inputFill: .random, inputSource: .originDemoInput(seed: 0), parameters: p, input: x,
            h0: nil, c0: nil, stepper: stepper, settings: settings, generator: g)
    }

    /// Throws `Interrupted` when `shouldCancel` says yes between chunks of draws.
    static func makeInput(
        _ fill: InputFill, _ s: LSTMSizes, using g: inout SeededGenerator,
        shouldCancel: () -> Bool = { false }, unchanged: String = ""
    ) throws -> Tensor {
        let n = s.batch * s.length * s.inputSize
        let data: [Float]
        switch fill {
        case .zeros: data = [Float](repeating: 0, count: n)
        case .ones: data = [Float](repeating: 1, count: n)
        case .random:
            guard let drawn = g.floatNormals(n, shouldCancel: shouldCancel) else {
                throw Interrupted(unchanged: unchanged)
            }
            data = drawn
        }
        return try Tensor(shape: [s.batch, s.length, s.inputSize], data: data)
    }

    /// Rebuilds the stepper from the current parameters, input and initial
    /// state; cursors go back to the start.
    mutating func rebuildStepper() throws {
        // With layers, h0/c0 are [2L, B, H]: the single-layer stepper takes layer 0's two rows.
        stepper = try BidirectionalStepper(
            parameters: parameters, input: input, h0: layerZeroRows(h0), c0: layerZeroRows(c0),
            mode: settings.mode, variant: settings.variant,
            engine: FastEngine.named(settings.engine), reusing: stepper)
        try rebuildStack()
    }

    /// Refuses sizes whose memory estimate exceeds the limit, or that the machine
    /// cannot give now. `what` names the command and sizes (`sizes B=3 T=5 D=8 H=16`).
    func checkMemory(_ s: LSTMSizes, what named: String? = nil) throws(LabError) {
        let what = named ?? "sizes B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)"
        guard let bytes = s.estimatedBytes else {
            throw LabError(said: SessionErrorMessage.tooLargeToCount(what: what))
        }
        if bytes > settings.memoryLimit {
            let need = Session.formatBytes(bytes)
            let limit = Session.formatBytes(settings.memoryLimit)
            throw LabError(
                named == nil
                    ? .tooLarge(
                        sizes: "B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)", need: need, limit: limit
                    )
                    : .tooLargeFor(what: what, need: need, limit: limit))
        }
        try Session.probeAllocation(bytes, what: what)
    }

    /// Asks the system for `bytes` once and gives them back, so that with the limit
    /// raised past what the machine (or `ulimit -v`) allows, the command is refused
    /// with a message instead of the allocation trapping later with none.
    static func probeAllocation(_ bytes: Int, what: String) throws(LabError) {
        // Small sizes always fit; probing them would only cost time.
        guard bytes >= 64 << 20 else { return }
        guard let block = malloc(bytes) else {
            throw LabError(said: SessionErrorMessage.cannotAllocate(what: what, amount: formatGiB(bytes)))
        }
        free(block)
    }

    /// `1.5 GiB`.
    static func formatGiB(_ n: Int) -> String { String(format: "%.1f GiB", Double(n) / Double(1 << 30)) }

    /// Refuses work over the compute limit; `what` names the command and its sizes.
    func checkCompute(_ flop: Double, _ what: @autoclosure () -> String) throws(LabError) {
        guard flop > settings.computeLimit else { return }
        throw LabError(.tooMuchWork(what: what(), need: Work.format(flop), limit: Work.format(settings.computeLimit)))
    }

    public static func formatBytes(_ n: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = Double(n)
        var u = 0
        while v >= 1024 && u < units.count - 1 {
            v /= 1024
            u += 1
        }
        return u == 0 ? "\(n) bytes" : String(format: "%.1f", v) + " " + units[u]
    }

    /// The prompt's position text: `fwd 2/5 bwd 0/5`.
    public var positionText: String {
        if let stack { return stackPositionText(stack) }
        let t = stepper.length
        return "fwd \(stepper.cursor(.forward))/\(t) bwd \(stepper.cursor(.backward))/\(t)"
    }
}
