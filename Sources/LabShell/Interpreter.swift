import LSTMCore
import LSTMKernels
import LabText
import TensorExpr
import TermRender

/// What an execution may do beyond the session. (Which commands a lesson
/// may run is the command table's `scope`, checked when the lesson loads.)
public struct ExecutionContext: Sendable {
    /// Polled between steps of long commands (Ctrl-C).
    public var shouldCancel: @Sendable () -> Bool

    public init(shouldCancel: @escaping @Sendable () -> Bool = { false }) {
        self.shouldCancel = shouldCancel
    }
}

/// Executes commands against a session and returns what to show. Never prints.
public struct Interpreter: Sendable {
    public var session: Session
    public var context: ExecutionContext
    /// Set by `quit`/`exit`.
    public private(set) var wantsQuit = false
    /// Terminal width and colour, decided once by the front; with the session's
    /// precision and language they are how outputs and lesson text are rendered.
    public var width: Int = 80
    public var color: Bool = false
    /// The playing lesson and where lessons and progress live (Interpreter+Lessons.swift).
    public var lessons = LessonDriver()
    /// The transcript `record FILE.md` is writing, if any.
    public var recording: Transcript?

    public init(session: Session = .demo(), context: ExecutionContext = ExecutionContext()) {
        self.session = session
        self.context = context
    }

    /// Executes one command, whatever its source (typed, a script, a pipe, a
    /// lesson's lab line). A failure is thrown; Ctrl-C is the `.interrupted`
    /// outcome with the command's account of how far it got (and the watched
    /// views, when the cursors may have moved). A lesson word's text goes to
    /// `sink` as it happens (commands before they run).
    public mutating func execute(_ command: Command, sink: (LessonPrint) -> Void = { _ in }) throws -> Execution {
        do {
            let outputs = try dispatch(command, sink: sink)
            // A lesson word runs lab commands; when Ctrl-C stopped one of them, the word was interrupted too.
            let stopped = command.isLessonWord && context.shouldCancel()
            return Execution(outputs, outcome: stopped ? .interrupted : .completed)
        } catch let interrupted as Interrupted {
            var outputs: [Output]
            switch interrupted.report {
            case .unchanged(let what): outputs = [.text(say(ShellMessage.interrupted(unchanged: what)))]
            case .partial(let partial): outputs = partial
            }
            if Self.movesCursors(command) { outputs += watchOutputs() }
            return Execution(outputs, outcome: .interrupted)
        }
    }

    /// Commands after which watched views are shown again.
    private static func movesCursors(_ command: Command) -> Bool {
        switch command {
        case .step, .back, .goto, .run, .reset, .load: true
        default: false
        }
    }

    private mutating func dispatch(_ command: Command, sink: (LessonPrint) -> Void) throws -> [Output] {
        switch command {
        case .help(let topic):
            return [.text(try Help.text(topic: topic, language: session.settings.language))]
        case .quit:
            wantsQuit = true
            return []
        case .sizes(let change):
            return try setSizes(change)
        case .initialize(let kind, let seed):
            return try initialize(kind, seed: seed)
        case .input(let fill, let seed):
            return try makeInput(fill, seed: seed)
        case .inputText(let strings, let alphabet, let pad):
            return try inputText(strings, alphabet: alphabet, pad: pad)
        case .inputSet(let b, let t, let character):
            return try inputSet(b: b, t: t, character: character)
        case .example(let name):
            return try example(name)
        case .exportPyTorch(let path):
            return try exportPyTorch(to: path)
        case .trace(let unit, let direction, let b):
            return try trace(unit: unit, direction: direction, b: b)
        case .compareDraft(let direction, let t, let b):
            return try compareDraft(direction, t: t, b: b)
        case .load(let target, let path):
            return try load(target, path: path) + watchOutputs()
        case .saveWeights(let path):
            return try saveWeights(path: path)
        case .export(let path):
            return try export(to: path)
        case .step, .back, .goto, .run, .lengths, .reset:
            return try move(command) + watchOutputs()
        case .layer(let n):
            return try selectLayer(n)
        case .show(let request):
            return try views(request)
        case .heatmap(let request):
            return try heatmaps(request)
        case .spark(let request, let unit):
            return try spark(request, unit: unit)
        case .diagram:
            return [.diagram(diagramState)]
        case .watch(let requests):
            return try watch(requests.map { Watch.view($0) })
        case .watchExpression(let e):
            return try watch([.expression(e)])
        case .clear:
            return []
        case .focus(let request):
            return try focusViews(request)
        case .unwatch(let what):
            return try unwatch(what)
        case .info:
            return [.text(info)]
        case .set(let setting):
            return try apply(setting)
        case .bench(let shape, let repeats):
            return try benchmark(shape, repeats: repeats)
        case .print(let e):
            return try printValue(e)
        case .assign(let name, let e):
            return try assign(name, e)
        case .variables:
            return [.text(variablesText)]
        case .unassign(let name):
            return try unassign(name)
        case .saveValue(let e, let path):
            return try saveValue(e, path: path)
        case .showExpression(let e, let kind):
            return try expressionView(e, as: kind)
        case .record(let path):
            return try record(path)
        case .lesson(let lesson):
            return try executeLesson(lesson, sink: sink)
        }
    }

    /// The commands that move the cursors, on the stack when the session has one.
    private mutating func move(_ command: Command) throws -> [Output] {
        let stacked = session.stack != nil
        switch command {
        case .step(let choice, let count):
            return try stacked ? stackStep(choice, count: count) : step(choice, count: count)
        case .back(let choice, let count):
            return try stacked ? stackBack(choice, count: count) : back(choice, count: count)
        case .goto(let target, let choice):
            return try stacked ? stackGoto(target, choice) : goto(target, choice)
        case .run:
            return try stacked ? stackRun() : run()
        case .lengths(let values):
            return try setLengths(values)
        case .reset:
            session.stepper.reset()
            try stackReset()
            return [.text(say(ShellMessage.cursorsReset(position: session.positionText)))]
        default:
            preconditionFailure("dispatch sends only the moves here")
        }
    }

    /// `bench [shape]`: a stacked shape on the stack; without a shape, the
    /// session's own model (with layers or lengths, its stack).
    private mutating func benchmark(_ shape: BenchShape?, repeats: Int?) throws -> [Output] {
        if let shape, shape.layers > 1 { return try stackedBench(shape, repeats: repeats) }
        if shape == nil && session.isStacked { return try sessionStackedBench(repeats: repeats) }
        return try bench(shape?.sizes, repeats: repeats)
    }

    // MARK: Model and input

    private mutating func setSizes(_ change: SizeChange) throws -> [Output] {
        var s = session.sizes
        s.batch = change.batch ?? s.batch
        s.length = change.length ?? s.length
        s.inputSize = change.inputSize ?? s.inputSize
        s.hiddenSize = change.hiddenSize ?? s.hiddenSize
        let layers = change.layers ?? session.layerCount
        guard (1...StackedParameters.maxLayers).contains(layers) else {
            throw LabError(.wholeNumber(what: "L", low: 1, high: StackedParameters.maxLayers, typed: "\(layers)"))
        }
        try session.checkMemory(s, layers: layers)
        let hiddenChanged = s.hiddenSize != session.sizes.hiddenSize
        let newLayers = hiddenChanged ? layers - 1 : max(0, layers - session.layerCount)
        try session.checkCompute(
            Double(newLayers)
                * Work.initialize(
                    session.initializer, inputSize: 2 * s.hiddenSize,
                    hiddenSize: s.hiddenSize),
            say(SessionErrorMessage.workLayers(layers: layers, hidden: s.hiddenSize, drawing: newLayers)))
        let redraw = s.inputSize != session.sizes.inputSize || s.hiddenSize != session.sizes.hiddenSize
        let newInput =
            s.batch != session.sizes.batch || s.length != session.sizes.length || s.inputSize != session.sizes.inputSize
        try session.checkCompute(
            (redraw ? Work.initialize(session.initializer, inputSize: s.inputSize, hiddenSize: s.hiddenSize) : 0)
                + (newInput ? Work.input(session.inputFill, s) : 0),
            say(
                SessionErrorMessage.workSizes(
                    sizes: "B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)",
                    redrawing: redraw ? session.initializer.rawValue : nil)))
        var next = session
        var notes: [String] = []
        let unchanged = say(SessionErrorMessage.sizesNotChanged)
        if redraw {
            guard
                let p = BiLSTMParameters.initialized(
                    next.initializer, inputSize: s.inputSize, hiddenSize: s.hiddenSize,
                    using: &next.generator, shouldCancel: context.shouldCancel,
                    factorizer: LAPACKHouseholder())
            else {
                throw Interrupted(unchanged: unchanged)
            }
            next.parameters = p
            next.parametersSource = .originRedrawnForSizes(command: "init \(next.initializer.rawValue)")
            notes.append(say(ReplyMessage.parametersRedrawn(initializer: next.initializer.rawValue)))
            next.modelAlphabet = nil
            if let loaded = next.head, loaded.head.hiddenSize != s.hiddenSize {
                next.head = nil
                notes.append(say(ReplyMessage.headRemoved(inputs: 2 * loaded.head.hiddenSize)))
            }
        }
        if newInput {
            next.input = try Session.makeInput(
                next.inputFill, s, using: &next.generator,
                shouldCancel: context.shouldCancel, unchanged: unchanged)
            next.inputSource = .originRedrawnForSizes(command: "input \(next.inputFill.rawValue)")
            next.text = nil
            notes.append(say(ReplyMessage.inputRedrawn(fill: next.inputFill.rawValue)))
        }
        if next.h0 != nil || next.c0 != nil { notes.append(say(ReplyMessage.initialStateZeros)) }
        next.h0 = nil
        next.c0 = nil
        next.sizes = s
        if layers != session.layerCount || (hiddenChanged && layers > 1) {
            if let note = try resizeLayers(&next, layers: layers, redrawAll: hiddenChanged) { notes.append(note) }
        }
        try next.rebuildStepper()
        session = next
        let what =
            notes.isEmpty ? say(ReplyMessage.sizesNothingRedrawn) : notes.joined(separator: say(ListMessage.comma))
        let lText = layers > 1 || change.layers != nil ? " L=\(layers)" : ""
        let sizes = "B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)\(lText)"
        return [.text(say(ReplyMessage.cursorsAtStart(what: say(ReplyMessage.sizesSet(sizes: sizes, notes: what)))))]
    }

    private mutating func initialize(_ kind: Initializer, seed: UInt64?) throws -> [Output] {
        let (d, h) = (session.sizes.inputSize, session.sizes.hiddenSize)
        try session.checkCompute(
            Work.initialize(kind, inputSize: d, hiddenSize: h),
            say(SessionErrorMessage.workInit(kind: kind.rawValue, inputs: d, hidden: h)))
        var next = session
        if let seed { next.generator = SeededGenerator(seed: seed) }
        next.initializer = kind
        guard
            let p = BiLSTMParameters.initialized(
                kind, inputSize: d, hiddenSize: h, using: &next.generator,
                shouldCancel: context.shouldCancel, factorizer: LAPACKHouseholder())
        else {
            throw Interrupted(unchanged: say(SessionErrorMessage.initNotDone(kind: kind.rawValue)))
        }
        next.parameters = p
        next.parametersSource = .originCommand("init \(kind.rawValue)" + (seed.map { " seed \($0)" } ?? ""))
        next.modelAlphabet = nil
        try next.rebuildStepper()
        session = next
        let origin = session.parametersOrigin
        let said: ReplyMessage
        switch kind {
        case .tutorial:
            let bound = NumberFormat.fixed(Initializer.xavierBound(rows: 4 * h, cols: d), precision: 4)
            said = .initTutorial(origin: origin, bound: bound, hidden: h)
        case .pytorch:
            said = .initPyTorch(origin: origin, bound: NumberFormat.fixed(1 / Float(h).squareRoot(), precision: 4))
        case .zeros:
            said = .initZeros(origin: origin)
        }
        return [.text(say(ReplyMessage.cursorsAtStart(what: say(said))))]
    }

    private mutating func makeInput(_ fill: InputFill, seed: UInt64?) throws -> [Output] {
        let s = session.sizes
        try session.checkCompute(
            Work.input(fill, s),
            say(
                SessionErrorMessage.workInput(
                    fill: fill.rawValue, batch: s.batch, length: s.length, inputs: s.inputSize)))
        var next = session
        if let seed { next.generator = SeededGenerator(seed: seed) }
        next.inputFill = fill
        next.input = try Session.makeInput(
            fill, next.sizes, using: &next.generator, shouldCancel: context.shouldCancel,
            unchanged: say(SessionErrorMessage.inputNotDone(fill: fill.rawValue)))
        next.inputSource = .originCommand("input \(fill.rawValue)" + (seed.map { " seed \($0)" } ?? ""))
        next.text = nil
        try next.rebuildStepper()
        session = next
        let shape = formatShape(layoutShape([s.batch, s.length, s.inputSize]))
        let made = ReplyMessage.inputMade(origin: session.inputOrigin, shape: shape, normal: fill == .random)
        return [.text(say(ReplyMessage.cursorsAtStart(what: say(made))))]
    }

    /// `[B, T, …]` in the session's layout (`[T, B, …]` with batch_first off).
    func layoutShape(_ batchFirst: [Int]) -> [Int] {
        guard !session.settings.batchFirst, batchFirst.count >= 2 else { return batchFirst }
        return [batchFirst[1], batchFirst[0]] + batchFirst.dropFirst(2)
    }

    // MARK: Settings

    private mutating func apply(_ setting: Setting) throws -> [Output] {
        let message: ShellMessage
        switch setting {
        case .batchFirst(let on):
            session.settings.batchFirst = on
            message = .batchFirstSet(on: on)
        case .mode(let mode):
            session.settings.mode = mode
            session.stepper.mode = mode
            session.stack?.mode = mode
            switch mode {
            case .fused: message = .modeFused
            case .perGate: message = .modePerGate
            case .hoisted: message = .modeHoisted
            }
        case .variant(let variant):
            session.settings.variant = variant
            session.stepper.variant = variant
            session.stepper.reset()
            try session.rebuildStack()
            message = variant == .draft ? .variantDraft : .variantCorrect
        case .engine(let kind):
            session.settings.engine = kind
            session.stepper.use(FastEngine.named(kind))
            session.stack?.use(FastEngine.named(kind))
            message = kind == .reference ? .engineReference : .engineFast
        case .precision(let p):
            session.settings.precision = p
            message = .precisionSet(digits: p)
        case .threads(let n):
            session.settings.threads = n
            message = .threadsSet(count: n)
        case .language(let language):
            session.settings.language = language
            // Lessons follow the session's language once it is changed in the lab.
            lessons.config?.language = language.rawValue
            message = .languageSet(language)
        case .packed(let on):
            return try setPacked(on)
        case .ablate(let a):
            return try setAblation(a)
        }
        return [.text(say(message))]
    }

    /// A catalog sentence in the session's language.
    func say(_ message: some Localized) -> String { message.text(session.settings.language) }

    // MARK: Info

    var info: String {
        let s = session.sizes
        let st = session.stepper
        let settings = session.settings
        let language = settings.language
        let labels =
            ShellMessage.InfoLabel.allCases.map { ShellMessage.infoLabel($0).text(language) }
            + Direction.allCases.map(\.short)
        let labelWidth = labels.map(TextWidth.of).max() ?? 8
        func line(_ label: String, _ text: String) -> String { NumberFormat.padRight(label, labelWidth + 1) + text }
        func line(_ label: ShellMessage.InfoLabel, _ text: String) -> String {
            line(say(ShellMessage.infoLabel(label)), text)
        }
        var lines = [
            line(.model, say(ShellMessage.infoModel(inputs: s.inputSize, hidden: s.hiddenSize))),
            line(
                .batch, say(ShellMessage.infoBatch(batch: s.batch, length: s.length, batchFirst: settings.batchFirst))),
            line(.weights, session.parametersOrigin),
            line(.input, session.inputOrigin),
            line(.state0, say(ShellMessage.infoState(h0Loaded: session.h0 != nil, c0Loaded: session.c0 != nil))),
            line(
                .mode,
                say(
                    ShellMessage.infoSettings(
                        mode: settings.mode.rawValue, variant: settings.variant.rawValue,
                        engine: settings.engine.rawValue, precision: settings.precision, threads: settings.threads))),
        ]
        for d in Direction.allCases {
            lines.append(
                line(
                    d.short,
                    say(
                        ShellMessage.infoDirection(
                            forward: d == .forward, steps: st.cursor(d),
                            of: st.length, next: st.nextTimeIndex(d)))))
        }
        if !session.watches.isEmpty {
            lines.append(line(.watching, session.watches.map(\.text).joined(separator: ", ")))
        }
        if !session.variables.isEmpty {
            let vars = session.variables.keys.sorted().map {
                "\($0) \(formatShape(session.variables[$0]?.shape ?? []))"
            }
            lines.append(line("vars", vars.joined(separator: ", ")))
        }
        lines.append(line(.language, say(ShellMessage.infoLanguage(language))))
        return lines.joined(separator: "\n")
    }

    var diagramState: DiagramState {
        // The chosen layer's own sizes: above layer 0 its input is the layer below's y (2H wide).
        var sizes = session.sizes
        if session.layer > 0 { sizes.inputSize = 2 * sizes.hiddenSize }
        return DiagramState(
            length: session.stepper.length, sizes: sizes,
            forwardSteps: session.stepper.cursor(.forward), backwardSteps: session.stepper.cursor(.backward),
            tokens: session.text?.characters.first, head: diagramHead, ends: diagramEnds, visited: diagramVisited)
    }

    /// Per sequence and t, which directions of the chosen layer have read it (bit 1 fwd, bit 2 bwd).
    var diagramVisited: [[UInt8]]? {
        guard hasPadding, let stack = session.stack else { return nil }
        return (0..<stack.batch).map { b in
            (0..<stack.length).map { t in
                (stack.hasVisited(layer: session.layer, .forward, t: t, sequence: b) ? 1 : 0)
                    | (stack.hasVisited(layer: session.layer, .backward, t: t, sequence: b) ? 2 : 0)
            }
        }
    }

    /// Each sequence's length when the packed batch has padding.
    var diagramEnds: [Int]? { hasPadding ? session.stack?.lengths.values : nil }
}
