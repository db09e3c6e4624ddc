@testable import LabText

/// Samples of what `watch`, `unwatch`, `show … u=`, `clear` and `focus` say.
extension CatalogSamples {
    static let viewCommand: [ViewCommandMessage] = [
        .watchList(count: 3, list: "  1. gates fwd\n  2. h_f"), .watchingNothing,
        .unwatched(what: "gates fwd", left: 5), .unwatchedLast(what: "h_f"),
        .notWatched(what: "'c'", watched: "gates fwd, h_f"), .notWatchedNothing(what: "'y'"),
        .unitsEmpty, .unitsForm(typed: "'u=x'"), .unitsReversed(low: 6, high: 9),
        .unitsOutOfRange(typed: "u=3..20", last: 15), .unitsNotForView(name: "x"),
        .unitsShown(units: "6..9", total: 16), .unitsPerGate(units: "6..9", columns: "6..9, 22..25"),
        .unitsPerDirection(units: "6..9", forward: "6..9", backward: "22..25"),
        .unitsWeightRows(units: "6..9", rows: "6..9, 22..25"), .unitsLastAxis(units: "2..3", total: 7),
    ]
}
