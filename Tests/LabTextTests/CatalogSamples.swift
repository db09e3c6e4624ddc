@testable import LabText

/// One sample of every catalog key, with distinct numbers so a lost argument shows.
enum CatalogSamples {
    struct Area: Sendable {
        var file: String
        var samples: [any Localized]
    }

    static let areas: [Area] = [
        Area(file: "PlayerMessage.swift", samples: player),
        Area(file: "ShellMessage.swift", samples: shell),
        Area(file: "ViewMessage.swift", samples: view),
        Area(file: "StepMessage.swift", samples: step),
        Area(file: "HelpMessage.swift", samples: help),
        Area(file: "ErrorMessage.swift", samples: errors),
        Area(file: "PaddingMessage.swift", samples: padding),
        Area(file: "ReplyMessage.swift", samples: reply),
        Area(file: "RefusalMessage.swift", samples: refusal),
        Area(file: "TraceMessage.swift", samples: trace),
        Area(file: "BenchMessage.swift", samples: bench),
        Area(file: "ExpressionMessage.swift", samples: expression + expressionGroups),
        Area(file: "ExpressionCallMessage.swift", samples: expressionCall),
        Area(file: "ExpressionIndexMessage.swift", samples: expressionIndex),
        Area(file: "ExpressionShapeMessage.swift", samples: expressionShape),
        Area(file: "ExpressionSyntaxMessage.swift", samples: expressionSyntax),
        Area(file: "ExpressionLimitMessage.swift", samples: expressionLimit),
        Area(file: "ExpressionReplyMessage.swift", samples: expressionReply),
        Area(file: "ArgumentMessage.swift", samples: argument),
        Area(file: "FileMessage.swift", samples: file),
        Area(file: "ListMessage.swift", samples: list),
        Area(file: "HeadMessage.swift", samples: head),
        Area(file: "StackMessage.swift", samples: stack),
        Area(file: "ViewCommandMessage.swift", samples: viewCommand),
        Area(file: "StackViewMessage.swift", samples: stackView),
        Area(file: "DraftCompareMessage.swift", samples: draftCompare),
        Area(file: "FileReplyMessage.swift", samples: fileReply),
        Area(file: "TensorFileMessage.swift", samples: tensorFile),
        Area(file: "StateDictMessage.swift", samples: stateDict),
        Area(file: "LauncherMessage.swift", samples: launcher),
        Area(file: "UsageMessage.swift", samples: usage),
        Area(file: "CalculatorMessage.swift", samples: calculator),
        Area(file: "SessionErrorMessage.swift", samples: sessionError),
        Area(file: "ProgressMessage.swift", samples: progress),
        Area(file: "LessonShellMessage.swift", samples: lessonShell),
        Area(file: "LessonFileMessage.swift", samples: lessonFile),
        Area(file: "LessonCheckMessage.swift", samples: lessonCheck),
    ]

    static let draftCompare: [DraftCompareMessage] = [
        .header(direction: "bwd", t: 3, b: 5, step: 7, of: 11), .blocks(layout: "LAYOUT"), .correctLines,
        .draftLines, .correctTitle, .draftTitle, .unit, .stateTitle, .legend,
        .notReached(direction: "fwd", t: 13, needed: 17, taken: 19, of: 23), .packed,
        .outOfRange(key: "b", value: 29, last: 31),
    ]

    static let padding: [PaddingMessage] = [
        .legend, .textLengths(lengths: "3,6,2", padding: "b=0 t=3..5"),
        .diagramEndRow(b: 4, length: 9), .diagramEndsNote(more: 13),
        .stepRowsNote(t: 11, rows: "b=0, b=2"), .traceOwnSteps(b: 5, length: 17, steps: 23),
        .noSuchLayer(name: "c_f_l3", layer: 29, count: 31),
        .stepRowsCaption(layer: 37, forward: true, name: "gates_pre", t: 41),
        .stepRowsCaption(layer: nil, forward: false, name: "h", t: nil),
        .stepNotComputed(name: "c", direction: "bwd", t: 43, b: 47, position: "fwd 53/59 bwd 61/59"),
        .benchSession(steps: 67, length: 71), .finishedRows(rows: "b=73, b=79", direction: "bwd"),
    ]

    static var all: [any Localized] { areas.flatMap(\.samples) }

    static let player: [PlayerMessage] = [
        .progress(lesson: 3, step: 17, of: 29), .quitUnsaved(position: "lesson 3 · step 5/7"), .correct,
        .wrong(attempt: 2, hintsLeft: true),
        .wrong(attempt: 4, hintsLeft: false), .unreadableEmpty, .unreadableNumber, .unreadableShape,
        .unreadableGate, .awaiting(locked: true), .awaiting(locked: false), .answerHow(locked: true),
        .answerHow(locked: false), .stepDone, .lastStepDone, .noMoreHints(count: 3), .noQuestion,
        .nothingWaiting, .locked(word: "skip"), .firstStep, .skipped,
        .finished(lesson: 2, right: 7, asked: 9, hints: 11), .alreadyFinished, .quit(position: "lesson 2 · step 3/9"),
        .unchecked(reason: "REASON"), .usage(locked: true), .usage(locked: false),
        .taskHow(locked: true), .taskHow(locked: false), .taskDone, .taskAwaiting(locked: true),
        .taskAwaiting(locked: false), .taskSkipped, .doneBefore, .answeredBefore, .theNumber("0.4317"),
        .feedback(text: "FEEDBACK", attempt: 2), .noTask,
    ]

    static let shell: [ShellMessage] = [
        .banner(batch: 3, length: 5, inputs: 8, hidden: 16), .keysHint, .languageSet(.zh), .languageSet(.en),
        .batchFirstSet(on: true), .batchFirstSet(on: false), .modeFused, .modePerGate, .modeHoisted,
        .variantCorrect, .variantDraft, .engineReference, .engineFast, .precisionSet(digits: 7),
        .precisionSet(digits: 1), .threadsSet(count: 13),
        .cursorsReset(position: "fwd 0/5 bwd 0/5"), .nothingWatched, .stoppedWatching(count: 3),
        .watching(views: "gates fwd, h_f"), .tooManyWatches(limit: 8, now: 7), .interrupted(unchanged: "UNCHANGED"),
        .infoModel(inputs: 8, hidden: 16), .infoBatch(batch: 3, length: 5, batchFirst: true),
        .infoBatch(batch: 4, length: 6, batchFirst: false), .infoState(h0Loaded: true, c0Loaded: false),
        .infoSettings(mode: "per-gate", variant: "draft", engine: "reference", precision: 4, threads: 2),
        .infoDirection(forward: true, steps: 2, of: 5, next: 2),
        .infoDirection(forward: false, steps: 5, of: 5, next: nil),
        .infoLanguage(.zh), .infoLabel(.model), .originCommand("init tutorial seed 3"),
        .originRedrawnForSizes(command: "init pytorch"), .originRedrawnForWeights(command: "input ones", inputs: 12),
        .originDemoInput(seed: 5), .originLoaded(path: "/tmp/w.safetensors"),
        .originText(command: "input text", count: 7, alphabet: "'()ab'"),
    ]

    static let view: [ViewMessage] = [
        .direction(forward: true), .direction(forward: false), .gateLabel(symbol: "f"),
        .initialStateCaption(forward: false, name: "c", dir: 1), .initialZeros, .initialLoaded,
        .gatesPreCaption(forward: true, step: 2, of: 5, t: 1, hidden: 16),
        .gatesPreOrigin(formula: "z = FORMULA", mode: "fused", products: 2),
        .cellCaption(forward: false, step: 3, of: 7, t: 4),
        .hiddenCaption(forward: true, step: 2, of: 9, t: 1, alias: "h_f[1]"),
        .inputCaption(batch: 3, length: 5, features: 8, batchFirst: true), .hfCaption, .hfOrigin, .hbCaption,
        .hbRevCaption,
        .hbRevOrigin(last: 4, secondLast: 3), .flipProcessingOrder(row: "0 1 2"), .flipReadsTime(row: "2 1 0"),
        .flipTime(row: "0 1 2"), .flipFromRev(row: "2 1 0"), .yCaption(width: 32), .yTransposed, .yDetail,
        .finalCaption(hidden: true, last: 4), .cnOrigin(last: 6), .initialCaption(hidden: false), .nothingLoaded,
        .loadedWith(name: "h0"), .rowBlock(symbol: "g", first: 32, last: 47),
        .weightsCaption(forward: true, recurrent: false, rows: 16), .biasCaption(forward: false, recurrent: true),
        .parameterOrigin(origin: "init tutorial seed 0", torchName: "weight_ih_l0_reverse", usedAs: "x·W_ih_bᵀ"),
        .activatedCaption(forward: true, step: 2, of: 5), .activatedOrigin(draft: true),
        .mapPerSequence(rows: "t", columns: "unit", name: "h_f", stored: "[5, 3, 16]"), .axes("b, unit"), .from,
        .knownRuns(runs: "t=0..1", last: 4), .knownNothing, .known(partial: true, what: "t=0..1"), .notComputedYet,
        .moreBlocks(3), .moreRows(4), .moreUnits(5), .more(6), .sparkNeedsMatrix, .sparkNothingYet,
        .sparkScale(low: "▁ = -0.5", high: "█ = 0.7"), .sparkScaleNote, .values, .scaleUnit, .scaleSigned,
        .scaleFree(max: "1.2345"), .scaleFor(label: "0…1", groups: "i, f"), .scaleSmall(max: "0.1234"), .cellWidthNote,
        .gatesHeader(step: 2, of: 5, forward: false, t: 3),
        .gatesFrom(formula: "z = FORMULA", mode: "per-gate", rows: 3, hidden: 16),
        .draftWarning, .draftWarningLead, .gateColumns(hidden: 16, twice: 32, thrice: 48, withState: true),
        .gateBlockTitle(label: "i  LABEL", first: 0, last: 15, formula: "z_i → i"),
        .diagramTitle(length: 5, batch: 3, inputs: 8, hidden: 16),
        .diagramStatus(forward: "fwd 1/5", backward: "bwd 2/5"),
        .diagramOutput, .diagramForward, .diagramBackward, .diagramInput, .diagramLegend, .diagramWeights,
        .diagramW1, .diagramW2, .diagramW4, .diagramW5, .diagramOutputLayer(batch: 3, width: 32), .cursorFinished,
        .cursorNext(t: 3),
    ]

    static let step: [StepMessage] = [
        .stepTaken(
            direction: "bwd", step: 2, of: 5, t: 3, target: "h_b[3] (h_b_rev[1])", mode: "per-gate", products: 8,
            draft: true),
        .stepTaken(direction: "fwd", step: 1, of: 5, t: 0, target: "h_f[0]", mode: "fused", products: 2, draft: false),
        .yComplete(index: "y[:, 2, :]", t: 2), .directionFinished(forward: true, which: "h_n[0] = h_f[4]"),
        .bothFinished(shapes: "SHAPES"), .ready(y: "[3, 5, 32]", hn: "[2, 3, 16]", cn: "[2, 3, 17]"),
        .interrupted(position: "fwd 2/5 bwd 2/5"), .interruptedNow(position: "fwd 3/5 bwd 0/5"),
        .interruptedAfter(ran: "3 fwd + 3 bwd", position: "fwd 3/5 bwd 3/5"),
        .allStepsTaken(both: true, forward: true, length: 5), .allStepsTaken(both: false, forward: false, length: 7),
        .atStart(both: true, forward: true), .atStart(both: false, forward: true),
        .undid(parts: "fwd −1, bwd −1", position: "fwd 1/5 bwd 1/5"), .now(position: "fwd 4/5 bwd 0/5"),
        .latest("fwd latest t=3"), .latestStep(direction: "bwd", t: 2), .nothingToRun(shapes: "SHAPES"),
        .ran(ran: "5 fwd + 5 bwd", projection: "PROJECTION", position: "fwd 5/5 bwd 5/5"), .projectionStraight,
        .projectionChunked(steps: 32), .projectionAll,
    ]

    static let help: [HelpMessage] = [
        .expressionNote, .orExpression, .expressions,
        .example("step fwd 2"), .alias("exit"), .names("x h_f"), .footer,
        .noCommand(word: "'stpe'", suggestion: "step"), .noCommand(word: "'zzz'", suggestion: nil),
    ]

    static let errors: [ErrorMessage] = [
        .unknownCommand(word: "'stpe'"), .lessonOnly(command: "hint"), .unexpected(word: "'zz'"), .unterminatedQuote,
        .wholeNumber(what: "B", low: 1, high: 16_777_216, typed: "'0'"), .unknownView(word: "'hf'", names: "x, h_f"),
        .outOfRange(key: "t", value: 9, last: 4),
        .tooLargeFor(what: "sizes B=3 T=99 D=8 H=16", need: "about 3.1 GiB", limit: "2.0 GiB"),
        .notComputedYet(view: "gates", direction: "fwd", t: 3, forward: true, taken: 2, of: 5, reachedAt: 4),
        .notStepped(view: "h", direction: "bwd", forward: false), .needsBothFinished(name: "h_n", position: "fwd 2/5"),
        .tooLarge(sizes: "B=9 T=9", need: "3.0 TiB", limit: "2.0 GiB"),
        .tooMuchWork(what: "run: 5 fwd", need: "2.0 TFLOP", limit: "1.0 TFLOP"), .suggestion("step"),
        .directionFinished(forward: true, length: 5), .nothingToUndo(forward: false),
        .stepCountOutOfRange(steps: 9, length: 5), .timeNotReached(forward: true, t: 3, steps: 2, length: 5),
        .directionNotStepped(forward: false), .finalNeedsBoth(name: "c_n", forward: 2, backward: 3, length: 5),
    ]
}
