import LSTMCore
import LabText

extension CommandTable {
    // MARK: Settings

    /// A setting's value that is one word of a set: `set mode per-gate`.
    private static func value(_ words: [String], what: String) -> [Parameter] {
        [.required("value", .oneOf(.value(words, what: what)))]
    }

    /// A setting's value that is a number: `set precision 6`.
    private static func number(_ what: String, _ range: ClosedRange<Int>) -> [Parameter] {
        [
            .required(
                "value", .count(what: what, range: range),
                missing: .value)
        ]
    }

    static let settingBranches: [Choice.Branch] = [
        .init(
            "batch_first",
            [
                .required(
                    "value",
                    .oneOf(.setting("batch_first", ["on", "off"])))
            ]),
        .init("mode", value(["fused", "per-gate", "hoisted"], what: "mode")),
        .init(
            "packed",
            [
                .required(
                    "value",
                    .oneOf(.setting("packed", ["on", "off"])))
            ]),
        .init("variant", value(["correct", "draft"], what: "variant")),
        .init("engine", value(EngineKind.allCases.map(\.rawValue), what: "engine")),
        .init("precision", number("precision", 0...10)),
        .init("threads", number("threads", 1...64)),
        .init(
            "lang",
            [
                .required(
                    "value",
                    .oneOf(.setting("lang", Language.allCases.map(\.rawValue))))
            ]),
        .init("ablate", value(LinearHead.Ablation.allCases.map(\.rawValue), what: "ablation")),
    ]

    static let settings: [CommandSpec] = [
        CommandSpec(
            "set", group: .settings,
            [
                .required(
                    "setting",
                    .oneOf(
                        .subcommands(
                            settingBranches, what: "setting",
                            missing: .fixed(
                                ArgumentMessage.needsSetting(words: settingBranches.map(\.word))))))
            ],
            summary: "change a setting",
            details: "`batch_first`: the layout of x and y; `mode`: how `step` forms the gates, 2, 8 or 1 "
                + "product(s) per step, same numbers, steps taken are kept; `variant draft`: the tutorial's "
                + "first draft as written (chunk order f, i, o, g, then `o = tanh(g)`, `g = σ(o)`), resets the "
                + "cursors; `engine reference`: every step through `LSTMCell` as written (plain loops, one "
                + "thread), `engine fast` (the default): packed weights, vector σ and tanh, two threads, held "
                + "equal to it by the tests; steps taken are kept; "
                + "`precision`: digits after the point, 0…10; "
                + "`threads`: for `step` (a large product is split "
                + "over two cores), `run` (the directions at once) and `bench`; "
                + "`lang`: the language of the lab and its lessons; "
                + "`packed off`: lengths stay as labels and the padded batch runs the naive way, padding "
                + "included (what a model without packing computes), resets the cursors; "
                + "`ablate fwd|bwd`: the output layer sees that half of y as zeros (the model is unchanged)",
            examples: [
                "set mode per-gate", "set batch_first off", "set variant draft", "set engine reference",
                "set precision 6",
                "set threads 2", "set lang zh", "set packed off", "set ablate bwd",
            ]
        ) { a, _ in setting(a) },
        CommandSpec(
            "bench", group: .settings,
            [
                .option("shape", .shape),
                .option(
                    "repeats", .clause("repeat", .count(what: "the repeat count", range: 1...1000)),
                    label: "R"),
            ],
            summary: "time a full forward in each mode (per-gate, fused, hoisted)",
            details: "without a shape on the session's own weights and input (with layers or lengths: its L "
                + "and lengths, its `run` timed), with one on a model drawn from a "
                + "fixed seed; without `repeat`, each part stops after about 1 s",
            examples: ["bench 3,5,8,16 repeat 20", "bench"]
        ) { a, _ in
            .bench(a.shape.map { BenchShape(sizes: $0, layers: a.shapeLayers ?? 1) }, repeats: a.integer("repeats"))
        },
    ]

    private static func setting(_ a: ParsedArguments) -> Command? {
        let word = a.word("value")
        let number = a.integer("value")
        switch a.word("setting") {
        case "batch_first": return word.map { .set(.batchFirst($0 == "on")) }
        case "packed": return word.map { .set(.packed($0 == "on")) }
        case "mode": return a.choice("value", StepMode.self).map { .set(.mode($0)) }
        case "variant": return a.choice("value", Variant.self).map { .set(.variant($0)) }
        case "engine": return a.choice("value", EngineKind.self).map { .set(.engine($0)) }
        case "precision": return number.map { .set(.precision($0)) }
        case "threads": return number.map { .set(.threads($0)) }
        case "lang": return a.choice("value", Language.self).map { .set(.language($0)) }
        case "ablate": return a.choice("value", LinearHead.Ablation.self).map { .set(.ablate($0)) }
        default: return nil
        }
    }

    // MARK: Lessons

    static let lessonBranches: [Choice.Branch] = [
        .init("list"),
        .init(
            "play",
            [
                .required(
                    "id", .lessonNumber,
                    missing: .fixed(ArgumentMessage.needsLessonNumber(command: "lesson play"))),
                .option("step", .clause("step", .count(what: "the step number", range: 1...999)), label: "K"),
            ]),
        .init(
            "present",
            [
                .required(
                    "id", .lessonNumber,
                    missing: .fixed(ArgumentMessage.needsLessonNumber(command: "lesson present")))
            ]),
        .init("resume"),
        .init("reset", [.optional("id", .lessonNumber)]),
        .init("check", [.required("path", .path, label: "FILE")]),
    ]

    /// The words a playing lesson understands; typed outside one they are refused.
    private static func inLesson(
        _ name: String, _ summary: String, _ command: LessonCommand,
        details: String = ""
    ) -> CommandSpec {
        CommandSpec(
            name, group: .lessons, summary: summary, details: details, examples: [name],
            scope: .lessonOnly
        ) { _, _ in .lesson(command) }
    }

    static let lessons: [CommandSpec] = [
        CommandSpec(
            "lesson", group: .lessons,
            [
                .required(
                    "sub",
                    .oneOf(
                        .subcommands(
                            lessonBranches, what: "lesson command",
                            missing: .fixed(
                                ArgumentMessage.needsOneOf(command: "lesson", words: lessonBranches.map(\.word))))))
            ],
            summary: "lessons that replay the tutorial on the live model",
            details: "`play N step K` starts at step K; `present N` plays it a key press per beat, for a "
                + "projector; `check` lints a lesson file and its other-language version",
            examples: [
                "lesson play 1", "lesson play 7 step 3", "lesson present 2", "lesson list", "lesson resume",
                "lesson reset", "lesson reset 2",
                "lesson check lessons/en/01-shapes.md",
            ],
            scope: .notInLabBlocks
        ) { a, _ in lessonCommand(a) },
        inLesson("next", "in a lesson: go on (Enter does too)", .next),
        inLesson("hint", "in a lesson: the next hint for the question", .hint),
        inLesson("skip", "in a lesson: skip the question", .skip),
        inLesson("solution", "in a lesson: show the solution", .solution),
        CommandSpec(
            "answer", group: .lessons, [.required("value", .words, label: "VALUE")],
            summary: "in a lesson: answer the question", examples: ["answer 64", "answer b"],
            scope: .lessonOnly
        ) { a, _ in a.text("value").map { .lesson(.answer($0)) } },
    ]

    private static func lessonCommand(_ a: ParsedArguments) -> Command? {
        switch a.word("sub") {
        case "list": return .lesson(.list)
        case "play":
            guard let id = a.integer("id") else { return nil }
            return .lesson(a.integer("step").map { .playAt(id, step: $0) } ?? .play(id))
        case "present": return a.integer("id").map { .lesson(.present($0)) }
        case "resume": return .lesson(.resume)
        case "reset": return .lesson(.reset(a.integer("id")))
        case "check": return a.text("path").map { .lesson(.check(path: $0)) }
        default: return nil
        }
    }
}
