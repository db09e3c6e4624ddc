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
    ]

    static var all: [any Localized] { areas.flatMap(\.samples) }

    static let player: [PlayerMessage] = [
        .progress(lesson: 3, step: 17, of: 29), .correct, .wrong(attempt: 2, hintsLeft: true),
        .wrong(attempt: 4, hintsLeft: false), .unreadableEmpty, .unreadableNumber, .unreadableShape,
        .unreadableGate, .awaiting(locked: true), .awaiting(locked: false), .answerHow(locked: true),
        .answerHow(locked: false), .stepDone, .lastStepDone, .noMoreHints(count: 3), .noQuestion,
        .nothingWaiting, .locked(word: "skip"), .firstStep, .skipped,
        .finished(lesson: 2, right: 7, asked: 9, hints: 11), .alreadyFinished, .quit(position: "lesson 2 · step 3/9"),
        .unchecked(reason: "REASON"), .usage(locked: true), .usage(locked: false),
    ]

    static let shell: [ShellMessage] = [
        .banner(batch: 3, length: 5, inputs: 8, hidden: 16), .keysHint, .languageSet(.zh), .languageSet(.en),
        .batchFirstSet(on: true), .batchFirstSet(on: false), .modeFused, .modePerGate, .modeHoisted,
        .variantCorrect, .variantDraft, .precisionSet(digits: 7), .precisionSet(digits: 1), .threadsSet(count: 13),
        .cursorsReset(position: "fwd 0/5 bwd 0/5"), .nothingWatched, .stoppedWatching(count: 3),
        .watching(views: "gates fwd, h_f"), .tooManyWatches(limit: 8, now: 7), .interrupted(unchanged: "UNCHANGED"),
        .infoModel(inputs: 8, hidden: 16), .infoBatch(batch: 3, length: 5, batchFirst: true),
        .infoBatch(batch: 4, length: 6, batchFirst: false), .infoState(h0Loaded: true, c0Loaded: false),
        .infoSettings(mode: "per-gate", variant: "draft", precision: 4, threads: 2),
        .infoDirection(forward: true, steps: 2, of: 5, next: 2), .infoDirection(forward: false, steps: 5, of: 5, next: nil),
        .infoLanguage(.zh), .infoLabel(.model),
    ]
}
