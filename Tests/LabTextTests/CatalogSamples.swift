@testable import LabText

/// One sample of every catalog key, with distinct numbers so a lost argument shows.
enum CatalogSamples {
    struct Area: Sendable {
        var file: String
        var samples: [any Localized]
    }

    static let areas: [Area] = [
        Area(file: "PlayerMessage.swift", samples: player),
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
}
