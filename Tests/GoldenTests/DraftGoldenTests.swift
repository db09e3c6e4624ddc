import LSTMCore
import LSTMKernels
import Testing

/// `set variant draft` against a real PyTorch run of the tutorial's first draft
/// (make_golden.py's `draft_loop`: chunk order f, i, o, g and its activation line
/// as written, on the demo weights), on both engines, in every mode and in `run`.
@Suite struct DraftGoldenTests {
    func stepper(_ f: Fixture, mode: StepMode, engine: EngineKind) throws -> BidirectionalStepper {
        try BidirectionalStepper(
            parameters: f.parameters, input: f.x, mode: mode, variant: .draft,
            engine: FastEngine.named(engine))
    }

    @Test(arguments: StepMode.allCases, EngineKind.allCases)
    func steppingTheDraftMatchesPyTorch(mode: StepMode, engine: EngineKind) throws {
        let f = try Fixture("draft")
        var s = try stepper(f, mode: mode, engine: engine)
        // Backward first, with an undo on the way.
        try s.step(.backward)
        try s.step(.backward)
        try s.back(.backward)
        while !s.isComplete(.backward) { try s.step(.backward) }
        while !s.isComplete(.forward) { try s.step(.forward) }
        expectMatches(s, f, "draft \(mode.rawValue) \(engine.rawValue)")
    }

    @Test(arguments: EngineKind.allCases)
    func runningTheDraftMatchesPyTorch(engine: EngineKind) throws {
        let f = try Fixture("draft")
        var s = try stepper(f, mode: .fused, engine: engine)
        let finished = s.runToEnd(threads: 2, shouldCancel: { false })
        #expect(finished)
        expectMatches(s, f, "draft run \(engine.rawValue)")
    }

    /// The fixture really is the draft: not nn.LSTM's numbers on the same weights.
    @Test func theDraftDiffersFromTheCorrectModel() throws {
        let draft = try Fixture("draft")
        let demo = try Fixture("demo")
        #expect(draft.x == demo.x && draft.parameters == demo.parameters)
        #expect(draft.y != demo.y)
    }
}
