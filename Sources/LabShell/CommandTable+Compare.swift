import LSTMCore

/// What `compare` sets beside the session's step: today the tutorial's first draft.
public enum CompareTarget: String, CaseIterable, Sendable { case draft }

extension CommandTable {
    /// `compare draft [fwd|bwd] [t=N] [b=N]` (issue 15 part 4).
    static let compare = CommandSpec(
        "compare", group: .looking,
        [
            .required("what", keyword(CompareTarget.self, what: "comparison")),
            .option("dir", .direction([.fwd, .bwd])),
            .option("t", .keyed("t", range: 0...maxDimension)),
            .option("b", .keyed("b", range: 0...maxDimension)),
        ],
        summary: "the correct step and the tutorial's draft step side by side, from the same state",
        details: "the same weights, the same h_prev, c_prev and z; each gate column says which block of z "
            + "its value came from (the draft chunks f, i, o, g and swaps the activations of o and g); "
            + "`*` marks the draft's values that differ; then c and h of both. fwd by default; "
            + "the direction's latest step (its first if none) unless `t=` names one; b=0 by default",
        examples: ["compare draft", "compare draft bwd t=2 b=1"]
    ) { a, _ in
        guard a.choice("what", CompareTarget.self) != nil else { return nil }
        let direction: Direction = a.direction("dir") == .bwd ? .backward : .forward
        return .compareDraft(direction, t: a.integer("t"), b: a.integer("b"))
    }
}
