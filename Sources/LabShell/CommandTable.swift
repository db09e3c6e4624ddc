import LSTMCore
import LabText

/// Every command the lab understands, declared once. To add a command: an
/// entry here (words, arguments, help, example, `make`), a `Command` case and
/// its handler in the interpreter; the parser, `help`, Tab and
/// `docs/COMMANDS.md` follow (`lstmlab --commands-markdown` regenerates the doc).
public enum CommandTable {
    public static let all: [CommandSpec] = model + stepping + looking + settings + lessons + session

    /// `?` → `help`, `exit` → `quit`.
    public static let aliases: [String: String] = Dictionary(
        all.flatMap { spec in spec.aliases.map { ($0, spec.name) } }, uniquingKeysWith: { first, _ in first })

    /// Command words then aliases, as completion lists them.
    public static var names: [String] { all.map(\.name) + aliases.keys.sorted() }

    public static func spec(_ name: String) -> CommandSpec? {
        let canonical = aliases[name] ?? name
        return all.first { $0.name == canonical }
    }

    /// Largest size accepted for one of B, T, D, H (memory is checked separately).
    static var maxDimension: Int { CommandParser.maxDimension }

    // MARK: Shared parameters

    static let viewOptions: [Parameter] = [
        .option("dir", .direction([.fwd, .bwd])),
        .option("t", .keyed("t", range: 0...maxDimension)),
        .option("b", .keyed("b", range: 0...maxDimension)),
        .option("u", .unitRange),
    ]

    static let seed = Parameter.optional("seed", .clause("seed", .seed))

    static func keyword<K: RawRepresentable & CaseIterable>(_: K.Type, what: String) -> ArgumentKind
    where K.RawValue == String {
        .oneOf(.keyword(K.allCases.map(\.rawValue), what: what))
    }

    // MARK: Model and input

    static let model: [CommandSpec] = [
        CommandSpec(
            "sizes", group: .model,
            [.required("sizes", .assignments(["B", "T", "D", "H", "L"], range: 1...maxDimension))],
            summary: "set batch, sequence length, input and hidden sizes, layers (rebuilds model and input)",
            details: "any subset; the same initialiser is re-drawn; refused with the estimate if the session "
                + "would exceed the memory limit (default 2 GiB, `--memory-limit MiB`) or the work of drawing "
                + "it the compute limit (default 1 TFLOP, `--compute-limit GFLOP`)",
            examples: ["sizes B=3 T=5 D=8 H=16", "sizes L=2 H=4", "sizes L=1"]
        ) { a, _ in
            .sizes(
                SizeChange(
                    batch: a.assignments["B"], length: a.assignments["T"],
                    inputSize: a.assignments["D"], hiddenSize: a.assignments["H"],
                    layers: a.assignments["L"]))
        },
        CommandSpec(
            "lengths", group: .model, [.required("lengths", .lengthList)],
            summary: "give each sequence its own length (as pack_padded_sequence), or none",
            details: "one length per sequence, each 1…T, any order; the forward direction of sequence b "
                + "covers t = 0…len_b−1, its backward one starts at t = len_b−1; y is 0 at padded "
                + "positions and h_n, c_n hold each sequence's own final states; every view marks padded "
                + "positions (`pad`, `░`); `lengths none`: all full; resets the cursors",
            examples: ["lengths 5,3,4", "lengths none"]
        ) { a, _ in
            a.lengthList.map { .lengths($0.isEmpty ? nil : $0) }
        },
        CommandSpec(
            "init", group: .model, [.required("kind", keyword(Initializer.self, what: "initialiser")), seed],
            summary: "draw new parameters (tutorial: Xavier W_ih, orthogonal W_hh, forget bias 1)",
            details: "`seed N` reseeds the session generator first; Ctrl-C during the draws of `init`, `sizes` "
                + "or `input random` keeps the old model and input (the QR of `init tutorial` runs to its end)",
            examples: ["init tutorial seed 0", "init pytorch", "init zeros"]
        ) { a, _ in
            a.choice("kind", Initializer.self).map { .initialize($0, seed: a.seeds["seed"]) }
        },
        CommandSpec(
            "input", group: .model,
            [
                .required(
                    "fill",
                    .oneOf(
                        Choice(
                            InputFill.allCases.map { Choice.Branch($0.rawValue, [seed]) } + [
                                .init(
                                    "text",
                                    [
                                        .required(
                                            "text", .expression,
                                            label: "\"S1\" \"S2\" … [alphabet \"…\"] [pad \"c\"]")
                                    ]),
                                .init(
                                    "set",
                                    [
                                        .option("b", .keyed("b", range: 0...maxDimension)),
                                        .required("t", .keyed("t", range: 0...maxDimension)),
                                        .required("character", .words, label: "\"c\""),
                                    ]),
                            ],
                            missing: .fixed(
                                ArgumentMessage.needsOneOf(
                                    command: "input", words: ["random", "zeros", "ones", "text", "set"])),
                            said: {
                                .unknownValue(
                                    what: "input", word: $0, words: ["random", "zeros", "ones", "text", "set"])
                            })))
            ],
            summary: "make a new input x [B, T, D]: drawn, or strings one-hot (`input text`)",
            details: "random = standard normal; `text`: one string per sequence, one-hot over the alphabet "
                + "(given, else the loaded model's, else the sorted characters used), T = the longest, "
                + "shorter strings padded with zero rows or with `pad` and the lengths set to the strings' own "
                + "(packed; `lengths none` runs the padded batch); every time axis then shows the "
                + "character each t read; `set b=N t=N \"c\"` changes one character and, when the model had "
                + "run, runs it again and shows which positions of h_f and h_b moved",
            examples: [
                "input random seed 1", "input ones", "input text \"(a)b\" \"((b)\" alphabet \"()ab\"",
                "input set b=0 t=1 \")\"",
            ]
        ) { a, _ in inputCommand(a) },
        CommandSpec(
            "load", group: .model,
            [
                .required("target", keyword(LoadTarget.self, what: "what to load")),
                .required("path", .path),
            ],
            summary: "read weights or an output layer (.safetensors) or x, h0, c0 (.npy)",
            details: "weights: D, H and the number of layers L come from the file (`weight_ih_l1`, … for "
                + "num_layers > 1; an `alphabet` in its metadata is used by `input text`); head: "
                + "`nn.Linear(2H, K).state_dict()`, `weight [K, 2H]`, `bias [K]`, class names from the "
                + "metadata's `classes`; input: `[B, T, D]` (or `[T, B, D]` with `set batch_first off`); "
                + "h0, c0: `[2, B, H]` (index 0 forward, 1 backward), `[2L, B, H]` with layers "
                + "(l0 fwd, l0 bwd, l1 fwd, …)",
            examples: [
                "load weights model.safetensors", "load input \"my x.npy\"",
                "load head head.safetensors",
            ],
            scope: .files
        ) { a, _ in
            guard let target = a.choice("target", LoadTarget.self), let path = a.text("path") else { return nil }
            return .load(target, path: path)
        },
        CommandSpec(
            "save", group: .model, [.required("what", .saveTarget)],
            summary: "write the weights as safetensors (save weights PATH), or any value as .npy (save EXPR to PATH)",
            details: "`save weights PATH` writes what `nn.LSTM.load_state_dict` accepts; `save EXPR to PATH` writes "
                + "the expression's tensor as float32 `.npy` (`numpy.load`), e.g. `save c_f[:, 0] to unit0.npy`",
            examples: ["save weights mine.safetensors", "save c_f[:2] to c.npy"], scope: .files
        ) { a, _ in
            if let e = a.expression("expr"), let path = a.text("path") { return .saveValue(e, path: path) }
            return a.text("path").map { .saveWeights(path: $0) }
        },
        CommandSpec(
            "export", group: .model,
            [
                .optional("format", .oneOf(.keyword(["pytorch"], what: "format"))),
                .required("path", .path, label: "DIR"),
            ],
            summary: "write y, h_n, c_n and every step's gates, c, h as .npy files",
            details: "`y.npy`, `h_n.npy`, `c_n.npy` (when complete), `fwd_gates_pre.npy`, `fwd_gates.npy` "
                + "`[steps, B, 4H]`, `fwd_c.npy`, `fwd_h.npy` `[steps, B, H]`, same with `bwd_`; with layers "
                + "every layer's as `l0_fwd_…`, `l1_fwd_…`; with lengths a sequence's rows past its length are 0; "
                + "`export pytorch DIR`: `weights.safetensors`, `input.npy`, the lab's `y`, `h_n`, `c_n` "
                + "(and `head.safetensors`, `logits.npy`; `h0.npy`, `c0.npy` when given; `lengths.npy` with lengths) "
                + "and a `check.py` that rebuilds `nn.LSTM` (every layer; packed with the lengths) "
                + "(and `nn.Linear`), runs it and prints the largest difference",
            examples: ["export out", "export pytorch out"], scope: .files
        ) { a, _ in
            a.text("path").map { a.word("format") == "pytorch" ? .exportPyTorch(path: $0) : .export(path: $0) }
        },
        CommandSpec(
            "example", group: .model, [.required("name", keyword(ExampleName.self, what: "example"))],
            summary: "load a trained model with its output layer and test strings, built into the lab",
            details: "`brackets`: a BiLSTM (H=8) + `nn.Linear(16, 3)` trained to tag each character of a "
                + "string over `()ab` as matched, unmatched or other (examples/brackets/); works in lessons",
            examples: ["example brackets"]
        ) { a, _ in
            a.choice("name", ExampleName.self).map { .example($0) }
        },
    ]

    /// `input random|zeros|ones [seed N]`, `input text …`, `input set b=N t=N "c"`.
    private static func inputCommand(_ a: ParsedArguments) -> Command? {
        switch a.word("fill") {
        case "text": return a.text("text").flatMap(textCommand)
        case "set":
            return a.text("character").map { .inputSet(b: a.integer("b") ?? 0, t: a.integer("t") ?? 0, character: $0) }
        default: return a.choice("fill", InputFill.self).map { .input($0, seed: a.seeds["seed"]) }
        }
    }

    /// The words after `input text` as typed: strings, then `alphabet "…"` and `pad "c"` anywhere
    /// (a keyword with nothing after it is a string).
    static func textCommand(_ rest: String) -> Command? {
        guard let tokens = try? Tokenizer.tokenize(rest) else { return nil }
        var strings: [String] = []
        var alphabet: String?
        var pad: String?
        var i = 0
        while i < tokens.count {
            let word = tokens[i].text
            if (word == "alphabet" || word == "pad") && i + 1 < tokens.count {
                if word == "alphabet" { alphabet = tokens[i + 1].text } else { pad = tokens[i + 1].text }
                i += 2
            } else {
                strings.append(word)
                i += 1
            }
        }
        return .inputText(strings: strings, alphabet: alphabet, pad: pad)
    }

    // MARK: Stepping

    static let steps = Parameter.optional(
        "count", .count(what: "the number of steps", range: 1...CommandParser.maxCount))

    static let stepping: [CommandSpec] = [
        CommandSpec(
            "step", group: .stepping, [.optional("dir", .direction(DirectionChoice.allCases)), steps],
            summary: "advance one or both directions N steps (default both, 1)",
            examples: ["step fwd 2", "step", "step 3"]
        ) { a, _ in
            .step(a.direction("dir") ?? .both, count: a.integer("count") ?? 1)
        },
        CommandSpec(
            "back", group: .stepping, [.optional("dir", .direction(DirectionChoice.allCases)), steps],
            summary: "undo N steps exactly (default both, 1)",
            details: "inside a lesson, `back` alone goes to the lesson's previous step",
            examples: ["back bwd", "back both 2"]
        ) { a, context in
            if context.inLesson && a.isEmpty { return .lesson(.back) }
            return .back(a.direction("dir") ?? .both, count: a.integer("count") ?? 1)
        },
        CommandSpec(
            "goto", group: .stepping,
            [
                .required("target", .timeTarget),
                .optional("dir", .direction(DirectionChoice.allCases)),
            ],
            summary: "jump so a direction's latest step is at time t",
            details: "`goto start`, `goto end`",
            examples: ["goto t=2 fwd", "goto end"]
        ) { a, _ in
            a.goto.map { .goto($0, a.direction("dir") ?? .both) }
        },
        CommandSpec(
            "run", group: .stepping, summary: "take all remaining steps in both directions",
            details: "the fastest way (hoisted, directions on separate threads) whatever `set mode` says; "
                + "Ctrl-C stops it at a whole step",
            examples: ["run"]
        ) { _, _ in .run },
        CommandSpec(
            "reset", group: .stepping, summary: "cursors back to the start (parameters and input kept)",
            examples: ["reset"]
        ) { _, _ in .reset },
        CommandSpec(
            "layer", group: .stepping,
            [.required("layer", .count(what: "the layer", range: 0...(StackedParameters.maxLayers - 1)))],
            summary: "choose the layer that step, back, goto, show and diagram work on",
            details: "layer l > 0 reads layer l−1's y: its step at t needs both directions of the layer "
                + "below to have visited t; the prompt shows the layer when there are several",
            examples: ["layer 1", "layer 0"]
        ) { a, _ in
            a.integer("layer").map { .layer($0) }
        },
    ]

    // MARK: Looking

    static let looking: [CommandSpec] = [
        CommandSpec(
            "show", group: .looking, [.required("view", .viewOrExpression(options: viewOptions))],
            summary: "print a tensor with its shape and where it came from (a name or any expression)",
            details: "a view name with its options, or any expression (see *Expressions*): `show c_f[:, 0]`",
            examples: ["show gates fwd t=0", "show y b=1", "show W_ih_f", "show c_f[:, 0]"]
        ) { a, _ in
            if let e = a.expression("view") { return .showExpression(e, .show) }
            return a.views.first.map { .show($0.request) }
        },
        CommandSpec(
            "heatmap", group: .looking, [.required("view", .viewOrExpression(options: viewOptions))],
            summary: "colour map of a tensor (t × unit for states over time)",
            details: "a character ramp without colour; any expression too: `heatmap c_f[:, 0]`",
            examples: ["heatmap h_f b=0", "heatmap W_hh_f.T @ W_hh_f"]
        ) { a, _ in
            if let e = a.expression("view") { return .showExpression(e, .heatmap) }
            return a.views.first.map { .heatmap($0.request) }
        },
        CommandSpec(
            "spark", group: .looking,
            [
                .required(
                    "view",
                    .viewOrExpression(options: [
                        viewOptions[0], viewOptions[2],
                        .option("u", .keyed("u", range: 0...maxDimension)),
                    ]))
            ],
            summary: "sparklines of a state over time",
            details: "or of any expression of shape `[T]` or `[T, N]`: `spark c_f[:, 0, 5]` draws unit 5 of "
                + "sequence 0 over time",
            examples: ["spark h_f b=0", "spark y u=3", "spark c_f[:, 0, 5]"]
        ) { a, _ in
            if let e = a.expression("view") { return .showExpression(e, .spark) }
            return a.views.first.map { .spark($0.request, unit: $0.integers["u"]) }
        },
        CommandSpec(
            "trace", group: .looking,
            [
                .required("u", .keyed("u", range: 0...maxDimension)),
                .option("dir", .direction([.fwd, .bwd])), .option("b", .keyed("b", range: 0...maxDimension)),
            ],
            summary: "one unit through time: z, gates, c and h at every step taken, in processing order",
            details: "both directions unless one is named; b=0 by default; `*` marks a saturated gate "
                + "(σ within 0.01 of 0 or 1, |tanh| > 0.99)",
            examples: ["trace u=4 fwd b=0", "trace u=0"]
        ) { a, _ in
            let direction = a.direction("dir").flatMap { $0 == .both ? nil : $0.directions.first }
            return a.integer("u").map { .trace(unit: $0, direction: direction, b: a.integer("b")) }
        },
        compare,
        CommandSpec(
            "diagram", group: .looking, summary: "the network unrolled over T, with both cursors",
            examples: ["diagram"]
        ) { _, _ in .diagram },
        CommandSpec(
            "watch", group: .looking,
            [.any("views", .viewOrExpression(options: viewOptions))],
            summary: "show these views (or an expression) again after every move (like gdb's display)",
            details: "`watch` alone lists what is watched, numbered",
            examples: ["watch gates fwd", "watch h_f c fwd", "watch c_f[:, 0, 5]", "watch"]
        ) { a, _ in
            if let e = a.expression("views") { return .watchExpression(e) }
            return .watch(a.views.map(\.request))
        },
        CommandSpec(
            "focus", group: .looking, [.required("view", .viewOrExpression(options: viewOptions))],
            summary: "one view with every column, wrapped into bands that fit the screen (for a projector)",
            details: "no column summary: columns that do not fit one line continue in a band below; a step's gates "
                + "show every unit; any expression too: `focus W_hh_f.T @ W_hh_f`",
            examples: ["focus h_f", "focus gates fwd t=0 b=0", "focus W_hh_f.T @ W_hh_f"]
        ) { a, _ in
            if let e = a.expression("view") { return .showExpression(e, .focus) }
            return a.views.first.map { .focus($0.request) }
        },
        CommandSpec(
            "clear", group: .looking, summary: "clear the screen",
            details: "on a terminal only: in a script or a pipe it prints nothing, and a `record` transcript "
                + "gets a separator line (`---`) instead",
            examples: ["clear"]
        ) { _, _ in .clear },
        CommandSpec(
            "unwatch", group: .looking, [.optional("what", .expression, label: "NAME|N|all")],
            summary: "stop re-showing a watched view (as listed by watch, or its number), or all of them",
            details: "`unwatch gates fwd` removes that watch, `unwatch gates` every watch of gates, `unwatch 2` the "
                + "second one `watch` lists; `unwatch` alone or `unwatch all` removes every watch",
            examples: ["unwatch", "unwatch h_f", "unwatch 2", "unwatch all"]
        ) { a, _ in .unwatch(a.text("what")) },
        CommandSpec(
            "info", group: .looking,
            summary: "sizes, initialiser, mode, variant, engine, where each direction stands, variables",
            examples: ["info"]
        ) { _, _ in .info },
        CommandSpec(
            "print", aliases: ["p"], group: .looking, [.required("expr", .expression)],
            summary: "evaluate a PyTorch-style expression over the session's tensors (alias p)",
            details: "a tensor prints as `show` prints it, a scalar as a number; names, operators, indexing "
                + "and functions are listed under *Expressions*",
            examples: [
                "print W_hh_f.T @ W_hh_f", "p sigmoid(gates_pre_f[0, 0, 16])", "print c_f[:, 0, 5]",
                "p x.shape",
            ]
        ) { a, _ in
            a.expression("expr").map { .print($0) }
        },
        CommandSpec(
            "let", group: .looking, [.required("let", .assignment)],
            summary: "keep an expression's value as a session variable (listed by vars, shown by info)",
            details: "a variable never shadows a built-in name or a function; it is computed once, when `let` runs",
            examples: ["let W = zeros(64, 3)", "let u5 = c_f[:, 0, 5]"]
        ) { a, _ in
            guard let name = a.word("name"), let e = a.expression("expr") else { return nil }
            return .assign(name: name, e)
        },
        CommandSpec(
            "vars", group: .looking, summary: "list the session's variables with their shapes",
            examples: ["vars"]
        ) { _, _ in .variables },
        CommandSpec(
            "unlet", group: .looking, [.required("name", .variableName)],
            summary: "drop a session variable", examples: ["unlet W"]
        ) { a, _ in
            a.word("name").map { .unassign($0) }
        },
    ]

    // MARK: Session

    static let session: [CommandSpec] = [
        CommandSpec(
            "help", aliases: ["?"], group: .session, [.optional("topic", .commandName)],
            summary: "list commands, or one command's syntax and example (alias ?)",
            examples: ["help step", "help", "? show"]
        ) { a, _ in .help(topic: a.word("topic")) },
        CommandSpec(
            "record", group: .session, [.required("target", .path, label: "FILE.md|stop")],
            summary: "write what is typed and shown to a Markdown file, until 'record stop'",
            details: "commands in code blocks, what they print as text blocks, no colour codes; the file "
                + "is written when the recording stops, all at once; not while a lesson plays",
            examples: ["record class.md", "record stop"], scope: .files
        ) { a, _ in
            a.text("target").map { .record(path: $0 == "stop" ? nil : $0) }
        },
        CommandSpec(
            "quit", aliases: ["exit"], group: .session,
            summary: "leave the lab (alias exit; in a lesson: leave the lesson)",
            examples: ["quit"], scope: .notInLabBlocks
        ) { _, context in
            context.inLesson ? .lesson(.quit) : .quit
        },
    ]
}
