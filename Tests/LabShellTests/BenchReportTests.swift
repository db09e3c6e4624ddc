import LSTMCore
import Testing

@testable import LSTMKernels
@testable import LabShell

@Suite struct BenchReportTests {
    func result(budget: Double?, samples: [Int], runSamples: Int) -> Benchmark.Result {
        let sizes = LSTMSizes(batch: 3, length: 5, inputSize: 8, hiddenSize: 2048)
        let modes = zip([StepMode.perGate, .fused, .hoisted], samples).map { mode, n in
            Benchmark.ModeResult(
                mode: mode, medianMilliseconds: 40, minMilliseconds: 39, gflops: 25, stepMicroseconds: 3000, samples: n)
        }
        return Benchmark.Result(
            configuration: .init(sizes: sizes, threads: 2, repeats: 5, budgetSeconds: budget),
            flops: Benchmark.flops(sizes), modes: modes, runMedianMilliseconds: 70, runSamples: runSamples,
            completed: true)
    }

    @Test func fewerSamplesUnderTheBudgetAreSaid() {
        let text = BenchReport.text(result(budget: 1, samples: [5, 2, 1], runSamples: 1))
        #expect(
            text.hasSuffix(
                "  run (hoisted, keeping every step's trace): median 70.000 ms\n"
                    + "  timed samples: per-gate 5, fused 2, hoisted 1, run 1 (each part stops after about 1 s; 'bench repeat R' times exactly R)"
            ))
    }

    @Test func anInterruptedBenchWithFullModesNeedsNoNote() {
        var r = result(budget: 1, samples: [5, 5, 5], runSamples: 0)
        r.runMedianMilliseconds = nil
        r.completed = false
        let text = BenchReport.text(r)
        #expect(!text.contains("timed samples"))
        #expect(text.hasSuffix("  interrupted: the numbers cover what was timed before Ctrl-C"))
    }

    @Test func hoistedSaysHowManyStepsEachProjectionCovers() {
        var r = result(budget: nil, samples: [5, 5, 5], runSamples: 5)
        #expect(
            BenchReport.text(r).contains(
                "  hoisted        40.000     39.000     25.00       3000.00   1 (+ x·W_ihᵀ for all t up front)\n"))
        r.projectionChunkSteps = 2
        #expect(
            BenchReport.text(r).contains(
                "  hoisted        40.000     39.000     25.00       3000.00   1 (+ x·W_ihᵀ for 2 t at a time)\n"))
        r.projectionChunkSteps = 1
        #expect(
            BenchReport.text(r).contains(
                "  hoisted        40.000     39.000     25.00       3000.00   1 (+ x·W_ihᵀ of each t, into z)\n"))
    }

    @Test func fullSamplesNeedNoNote() {
        #expect(!BenchReport.text(result(budget: 1, samples: [5, 5, 5], runSamples: 5)).contains("timed samples"))
        #expect(!BenchReport.text(result(budget: nil, samples: [5, 5, 5], runSamples: 5)).contains("timed samples"))
    }

    /// The shell's bench without 'repeat' has a budget; the demo is fast enough to take every sample.
    @Test func theDemoBenchTakesEverySample() {
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 300)
        let r = lab.handle("bench")
        #expect(r.error == nil)
        #expect(
            r.output.contains(
                "bench B=3 T=5 D=8 H=16, threads 1, repeat 5: a full bidirectional forward, 0.0922 MFLOP of products"))
        #expect(!r.output.contains("timed samples"))
        #expect(
            r.output.hasSuffix(
                "\n  on the session's weights and input (a shape after 'bench' times a model drawn from a fixed seed)"))
        // With a shape, a model drawn from the fixed seed, and no such line.
        let drawn = lab.handle("bench 2,3,4,5 repeat 2")
        #expect(drawn.error == nil)
        #expect(drawn.output.hasPrefix("bench B=2 T=3 D=4 H=5, threads 1, repeat 2: "))
        #expect(!drawn.output.contains("session's weights"))
    }
}
