@testable import LabText

/// Samples of the areas that word the commands' replies, refusals, the bench, expressions, arguments and files.
extension CatalogSamples {
    static let reply: [ReplyMessage] = [
        .cursorsAtStart(what: "WHAT"), .initTutorial(origin: "init tutorial seed 3", bound: "0.3536", hidden: 17),
        .initPyTorch(origin: "init pytorch", bound: "0.2500"), .initZeros(origin: "init zeros"),
        .inputMade(origin: "input ones", shape: "[3, 5, 8]", normal: true),
        .sizesSet(sizes: "B=3 T=5 D=8 H=16", notes: "NOTES"), .sizesNothingRedrawn,
        .parametersRedrawn(initializer: "pytorch"), .headRemoved(inputs: 23), .inputRedrawn(fill: "zeros"),
        .initialStateZeros, .layersDrawn(last: 29, initializer: "zeros", rows: 124, inputs: 62),
        .lengthsNone(length: 37),
        .lengthsSet(lengths: "5,2,4", packed: true, padding: "b=1 t=2..4"),
        .lengthsSet(lengths: "5,3,4", packed: false, padding: nil), .packedSet(on: true), .packedSet(on: false),
        .layerSelected(layer: 1, of: 41, position: "fwd 0/5 bwd 0/5"), .noSuchLayer(layer: 43, count: 1),
        .noSuchLayer(layer: 47, count: 53), .ablationOff(headLoaded: false),
        .ablation(forward: true, first: 59, last: 61, headLoaded: true),
        .defined(name: "W", shape: "[2, 3]", expression: "zeros(2, 3)", replaced: false), .dropped(name: "W2"),
        .exampleBrackets(classes: ["matched", "other"], accuracy: " ACCURACY"),
        .exampleModel(inputs: 67, hidden: 71), .exampleHead(inputs: 73, classes: ["a", "b"], hidden: 79),
        .exampleTry, .textInput(shape: "[3, 12, 4]", alphabet: "'()ab'", source: "SOURCE", order: "'(' → 0"),
        .textMore(count: 83), .noPadding(length: 89), .paddedWith(pad: "'b'", length: 97),
        .paddedWithZeros(length: 101), .alphabetGiven, .alphabetFromModel, .alphabetSorted,
        .headNeeded(view: "logits"),
        .inputSet(b: 103, t: 107, token: "'a'", old: "'b'", display: "\"(a)\""), .inputSetRanAgain(b: 109),
        .inputSetMoves(t: 113), .inputSetCursors,
    ]

    static let refusal: [RefusalMessage] = [
        .alphabetSize(alphabet: "'()ab'", source: .alphabetGiven, count: 3, inputs: 5), .zeroRows(count: 7),
        .notInAlphabet(b: 2, character: "'c'", t: 11, alphabet: "'()ab'", source: .alphabetSorted),
        .textNeedsString, .emptyString(b: 13), .inputSetNeedsText, .sparkNeedsSequence,
        .noLesson(id: 17, ids: "1, 2, 3"), .noLessons(folder: "/tmp/lessons"), .noLessonToResume,
        .heldOutAccuracy(open: "99.50 %", close: "98.25 %"), .noLessonPlaying,
        .notVariableName(name: "'3'"), .variableNameTooLong(name: "'aaaa…'"), .builtInName(name: "c_f"),
        .functionName(name: "tanh"), .tooManyVariables(limit: 19),
        .notAVariable(name: "'W'", suggestion: "V", none: false),
        .letNeedsTensor(expression: "chunk(gates_f, 4, 1)"), .unitOutOfRange(unit: 23, last: 29),
        .noTimeAxis(name: "h_n"), .notComputedAt(name: "y", t: 31, position: "fwd 1/5 bwd 1/5"),
    ]

    static let trace: [TraceMessage] = [
        .title(unit: 3, forward: true, b: 5), .processingOrder(rows: 7, of: 11, forward: false, last: 10),
        .legend(draft: true),
        .saturated, .nothingYet(forward: false, short: "bwd"),
    ]

    static let bench: [BenchMessage] = [
        .title(sizes: "B=3 T=5 D=8 H=16", threads: 2, repeats: 7, mflop: "1.23"),
        .stackedTitle(sizes: "B=3 T=5 D=8 H=16 L=2", lengths: "5,2", threads: 3, timed: 11, mflop: "4.56"),
        .stackedTitle(sizes: "B=3 T=5 D=8 H=16 L=3", lengths: nil, threads: 13, timed: 17, mflop: "7.89"),
        .header(.median), .hoistedProducts(chunk: 19), .fusedSpeedup(ratio: "2.50"), .runMedian(ms: "0.123"),
        .stackedRun(median: "0.456", min: "0.321", gflops: "9.87"), .timedSamples(parts: "fused 3", seconds: "1"),
        .interrupted, .onSessionModel, .kernels(core: "SkylakeX", packed: true),
        .kernels(core: "Haswell", packed: false),
    ]

    static let expression: [ExpressionMessage] = [
        .notComputed(name: "c_f", index: "3", missing: .direction(layer: 1, forward: true, taken: 2, total: 5)),
        .undefinedName(name: "c_ff", suggestion: "c_f"), .matmulShapes(left: "3x8", right: "16x4"),
        .batchMatmul(batch: 31, rows: 37, got: 41),
        .broadcast(left: 7, right: 11, dimension: 2), .indexOutOfBounds(index: 13, dimension: 1, size: 5),
        .dimensionOutOfRange(low: -3, high: 2, got: 17), .expectedExpression, .unexpectedAfter(token: ")"),
        .unexpected(token: "@"), .neverClosed(bracket: "["), .expected(what: "]", got: ","), .endsTooEarly,
    ]

    static let argument: [ArgumentMessage] = [
        .unknownValue(what: "mode", word: "'fusd'", words: ["fused", "per-gate"]),
        .unknownKeyword(what: "engine", word: "'x'", words: ["pytorch"]),
        .unknownSubcommand(what: "lesson", word: "'plya'", words: ["list", "play"]),
        .settingIs(setting: "packed", words: ["on", "off"], word: "'maybe'"),
        .unknownDirection(word: "'up'", words: ["fwd", "bwd"]), .needsValue(command: "set", owner: "lang"),
        .needsKeyword(command: "init", what: "mode", words: ["tutorial"]),
        .needsOneOf(command: "input", words: ["random", "text"]), .needsSetting(words: ["mode", "lang"]),
        .needsLessonNumber(command: "lesson play"), .needsView(command: "watch"), .needsPath(owner: "weights"),
        .needsNames(command: "show", names: ["h_f"]), .needsTarget(command: "goto", usage: "goto t=N|start|end"),
        .needsAssignments(command: "sizes", keys: ["B", "T"]), .needsValueUsage(command: "print", usage: "print EXPR"),
        .needsVariable(command: "unlet"), .needsNameOrExpression(command: "spark", names: ["h_f"]),
        .needsArgument(owner: "bench", form: "B,T,D,H"), .letNeeds, .saveNeeds,
        .expectedClause(word: "'x'", clause: "seed"), .clauseNeedsNumber(clause: "repeat"),
        .seedRange(max: "18446744073709551615", word: "'-1'"), .emptyPath, .letNeedsName,
        .letNeedsExpression(name: "a"), .saveNeedsPathAfterTo,
        .unexpectedOption(word: "'x'", expected: ["fwd", "t=N"]),
        .takesTimeTarget(command: "goto", word: "'fwd'"),
        .saveWeightsNeedsPath, .takesAssignments(command: "sizes", forms: "B=N, T=N", word: "'Q=3'"),
        .benchShape(word: "'1,2'"),
    ]

    static let file: [FileMessage] = [
        .noName, .missing, .missingFolder, .permissionDenied, .directory, .notRegular(kind: .fifo),
        .notRegular(kind: nil),
        .cannotOpen(code: 5, system: .init("input/output error")), .cannotRead(code: 5, system: .init("i/o")),
        .unreadable(system: .init("no")), .tooBig(size: 1024, limit: 512), .empty, .notNPY, .npyNotSafetensors,
        .zipNotSafetensors, .truncatedHeader, .truncatedData(header: 480, dtype: "<f4", present: 100),
        .trailingBytes(header: 48, dtype: "<f8", present: 64),
        .missingTensor(name: "weight_ih_l0", unidirectional: true),
        .nonFinite(tensor: "bias_hh_l0", value: "nan", index: "[3]"),
    ]

    static let list: [ListMessage] = [.comma, .enumeration]

    static let head: [HeadMessage] = [
        .predTitle(batch: 3, length: 12), .classes(list: "M = matched"), .ablatedLabel,
        .ablatedSees(forward: false, setting: "bwd"), .computed(runs: "t=0..1", last: 11), .computedNothing,
        .notComputedMark, .columns(text: true), .columns(text: false), .logitsCaption(classes: "0=matched"),
        .logitsAblated(forward: true), .logitsOrigin(classes: 13, width: 17, ablated: "ABLATED", head: "HEAD"),
        .logitsDetail, .diagramHeadWeight(forward: true),
    ]

    static let stack: [StackMessage] = [
        .step(prefix: "l1 ", direction: "fwd", step: 2, of: 5, source: "y_l0", t: 1, target: "h_f[1]", how: "HOW"),
        .stepMoved(prefix: "l0 ", direction: "bwd", step: 3, of: 7, reads: "b=0 t=4", still: "b=1", how: "HOW"),
        .how(mode: "fused", products: 2), .nothingToRun,
        .ran(steps: 11, layered: true, position: "POSITION", y: "[3, 5, 32]", layer: 1, state: "STATE"),
        .interruptedAfter(steps: 13, position: "POSITION"), .yCaption(layer: 17, width: 19),
        .yOrigin(layer: 23, packed: true), .finalCaption(hidden: true, packed: false), .finalOrigin(lengths: "5,2,4"),
        .finished(layer: 29, direction: "fwd", steps: 31),
        .needsLower(layer: 1, direction: "bwd", t: 37, sequence: 41, parts: [.init(layer: 0, direction: "bwd", t: 3)]),
        .atStart(layer: 43, direction: "fwd"),
        .readByUpper(layer: 47, direction: "bwd", t: 53, sequence: nil, reader: "fwd"), .stopped(reason: "REASON"),
        .undidThenStopped(parts: "fwd −2", reason: "REASON"), .layerFinished(layer: 59, next: 61),
        .onLayer(layer: 67, text: "TEXT"),
    ]
}
