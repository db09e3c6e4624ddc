import LSTMCore
import Testing

@testable import LabShell

/// Commands whose estimated work is over the compute limit are refused with
/// the estimate, before anything runs, and the session is left as it was.
@Suite struct ComputeLimitTests {
    /// The demo lab with a compute limit of `flop` (as `--compute-limit` would set it, in FLOP).
    func lab(computeLimit flop: Double) -> Lab {
        var settings = Session.Settings()
        settings.computeLimit = flop
        return Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    }

    @Test func theDefaultRefusesTheOrthogonalInitOfAHugeModel() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        #expect(lab.session.settings.computeLimit == 1e12)
        expectRefused(
            "sizes H=4096",
            "sizes B=3 T=5 D=8 H=4096 (redrawing init tutorial) would need about 2.0 TFLOP of floating-point work, over the compute limit of 1.0 TFLOP (start with --compute-limit GFLOP to raise it)",
            in: &lab)
    }

    @Test func smallBatchesCountAsSixteenAndRunCountsItsHoisting() {
        // nn.LSTM's own init draws uniforms only: cheap to set up.
        var lab = lab(computeLimit: 1e9)
        #expect(lab.handle("init pytorch").error == nil)
        #expect(lab.handle("sizes B=2 T=100 D=10 H=256").error == nil)
        let limit = "over the compute limit of 1.0 GFLOP (start with --compute-limit GFLOP to raise it)"
        // Step by step at B=2, every product reads all its weights: counted as B=16.
        expectRefused(
            "goto end",
            "goto end both: 100 fwd + 100 bwd steps at B=2 D=10 H=256 would need about 1.7 GFLOP of floating-point work, \(limit)",
            in: &lab)
        expectRefused(
            "run",
            "run: 100 fwd + 100 bwd steps at B=2 D=10 H=256 would need about 1.7 GFLOP of floating-point work, \(limit)",
            in: &lab)
        expectRefused(
            "bench", "bench B=2 T=100 D=10 H=256 repeat 5 would need about 47.3 GFLOP of floating-point work, \(limit)",
            in: &lab)
        #expect(lab.handle("step 50").error == nil)
        #expect(lab.handle("run").error == nil)
        #expect(lab.session.positionText == "fwd 100/100 bwd 100/100")
    }

    @Test func everyCommandThatComputesIsChecked() {
        // 100 kFLOP: the demo's one step in both directions (98.3 kFLOP) fits, two do not.
        var lab = lab(computeLimit: 100e3)
        let limit = "over the compute limit of 100.0 kFLOP (start with --compute-limit GFLOP to raise it)"
        expectRefused(
            "step 2",
            "step both 2: 2 fwd + 2 bwd steps at B=3 D=8 H=16 would need about 196.6 kFLOP of floating-point work, \(limit)",
            in: &lab)
        expectRefused(
            "goto end fwd",
            "goto end fwd: 5 fwd + 0 bwd steps at B=3 D=8 H=16 would need about 245.8 kFLOP of floating-point work, \(limit)",
            in: &lab)
        expectRefused(
            "run",
            "run: 5 fwd + 5 bwd steps at B=3 D=8 H=16 would need about 358.4 kFLOP of floating-point work, \(limit)",
            in: &lab)
        expectRefused(
            "bench 3,5,8,16 repeat 1",
            "bench B=3 T=5 D=8 H=16 repeat 1 would need about 3.8 MFLOP of floating-point work, \(limit)", in: &lab)
        expectRefused(
            "init tutorial seed 3",
            "init tutorial at D=8 H=16 would need about 204.1 kFLOP of floating-point work, \(limit)", in: &lab)
        expectRefused(
            "sizes H=17",
            "sizes B=3 T=5 D=8 H=17 (redrawing init tutorial) would need about 238.8 kFLOP of floating-point work, \(limit)",
            in: &lab)
        #expect(lab.handle("step").error == nil)
        // Only the steps that are left count.
        #expect(lab.handle("step fwd 2").error == nil)
        #expect(lab.handle("goto end fwd").error == nil)
        #expect(lab.session.positionText == "fwd 5/5 bwd 1/5")
        #expect(lab.handle("step 16777216").error != nil)
        #expect(lab.handle("init pytorch").error == nil)
        #expect(lab.handle("input random seed 1").error == nil)
        #expect(lab.handle("sizes B=2 T=3").error == nil)
    }

    /// Weights with another D redraw the input: checked and interruptible like `input random`.
    @Test func loadingWeightsThatRedrawTheInput() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = "\(scratch.path)/d4.safetensors"
        var maker = Lab(interpreter: Interpreter(session: .demo()))
        #expect(maker.handle("sizes D=4").error == nil)
        #expect(maker.handle("save weights \(path)").error == nil)

        var small = lab(computeLimit: 1e3)
        expectRefused(
            "load weights \(path)",
            "load weights with D=4 (redrawing input random at B=3 T=5) would need about 2.4 kFLOP of floating-point work, over the compute limit of 1.0 kFLOP (start with --compute-limit GFLOP to raise it)",
            in: &small)

        var stopped = Lab(interpreter: Interpreter(session: .demo(), context: ExecutionContext(shouldCancel: { true })))
        let before = stopped.session
        #expect(
            stopped.handle("load weights \(path)").output
                == "interrupted: weights not loaded (the model and input are as they were)")
        #expect(stopped.session.parameters == before.parameters && stopped.session.input == before.input)
        #expect(stopped.session.sizes == before.sizes)
    }

    /// A learner's real trained model (H up to 1024, T in the hundreds, B up to 32)
    /// fits the default limits: set up, initialised, run. Estimates only; nothing runs.
    @Test(arguments: [
        LSTMSizes(batch: 32, length: 400, inputSize: 1024, hiddenSize: 1024),
        LSTMSizes(batch: 1, length: 900, inputSize: 1024, hiddenSize: 1024),
        LSTMSizes(batch: 8, length: 500, inputSize: 300, hiddenSize: 1024),
    ])
    func aLearnersModelFitsTheDefaults(sizes s: LSTMSizes) {
        let defaults = Session.Settings()
        #expect((s.estimatedBytes ?? .max) <= defaults.memoryLimit)
        let setUp =
            Work.initialize(.tutorial, inputSize: s.inputSize, hiddenSize: s.hiddenSize) + Work.input(.random, s)
        #expect(setUp <= defaults.computeLimit)
        #expect(2 * Work.run(s, steps: s.length) <= defaults.computeLimit)
        #expect(2 * Double(s.length) * Work.step(s) <= defaults.computeLimit, "goto end, step by step")
    }

    @Test func estimatesArePrintedInDecimalUnits() {
        let s = LSTMSizes(batch: 32, length: 400, inputSize: 1024, hiddenSize: 1024)
        #expect(Work.format(2 * Work.run(s, steps: 400)) == "429.5 GFLOP")
        #expect(Work.format(Work.initialize(.tutorial, inputSize: 1024, hiddenSize: 1024)) == "31.8 GFLOP")
        #expect(Work.format(999) == "999 FLOP")
        #expect(Work.format(1e30) == "1000000.0 YFLOP")
    }
}
