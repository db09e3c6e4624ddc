import LSTMCore
import Testing

@testable import LSTMKernels

@Suite struct BenchmarkTests {
    @Test func flopCountFollowsTheFormula() {
        // 2 · T · (2·B·D·4H + 2·B·H·4H) at B=32, T=100, D=H=256.
        #expect(Benchmark.flops(LSTMSizes(batch: 32, length: 100, inputSize: 256, hiddenSize: 256)) == 6_710_886_400)
        #expect(Benchmark.flops(LSTMSizes(batch: 1, length: 1, inputSize: 8, hiddenSize: 16)) == 6_144)
    }

    @Test func smallRunReportsEveryMode() throws {
        let c = Benchmark.Configuration(
            sizes: LSTMSizes(batch: 2, length: 5, inputSize: 6, hiddenSize: 7), threads: 2, repeats: 3)
        let r = try Benchmark.run(c)
        #expect(r.completed)
        #expect(r.modes.map(\.mode) == [.perGate, .fused, .hoisted])
        #expect(r.flops == Benchmark.flops(c.sizes))
        for m in r.modes {
            #expect(m.medianMilliseconds > 0 && m.minMilliseconds > 0 && m.minMilliseconds <= m.medianMilliseconds)
            #expect(m.gflops > 0 && m.stepMicroseconds > 0)
        }
        #expect((r.runMedianMilliseconds ?? 0) > 0)
    }

    /// With a budget of 0 s every part takes one timed sample (the warm-up
    /// forward or run counts when it alone is over the budget); without, exactly `repeats`.
    @Test func aBudgetCutsTheRepeats() throws {
        let sizes = LSTMSizes(batch: 2, length: 4, inputSize: 3, hiddenSize: 5)
        let cut = try Benchmark.run(.init(sizes: sizes, threads: 1, repeats: 4, budgetSeconds: 0))
        #expect(cut.completed)
        #expect(cut.modes.map(\.samples) == [1, 1, 1])
        #expect(cut.runSamples == 1)
        for m in cut.modes { #expect(m.medianMilliseconds > 0 && m.stepMicroseconds > 0) }
        let full = try Benchmark.run(.init(sizes: sizes, threads: 1, repeats: 4))
        #expect(full.modes.map(\.samples) == [4, 4, 4])
        #expect(full.runSamples == 4)
    }

    /// The shell's bench times the session's own model when its sizes match.
    @Test func aGivenModelIsTimedAndMustMatchTheSizes() throws {
        let (p, x) = try NaiveLSTMReference.model(b: 2, t: 4, d: 3, h: 5, seed: 37)
        let sizes = LSTMSizes(batch: 2, length: 4, inputSize: 3, hiddenSize: 5)
        let r = try Benchmark.run(.init(sizes: sizes, threads: 1, repeats: 2), parameters: p, input: x)
        #expect(r.completed && r.modes.count == 3)
        do {
            _ = try Benchmark.run(
                .init(sizes: LSTMSizes(batch: 2, length: 4, inputSize: 3, hiddenSize: 6), threads: 1, repeats: 1),
                parameters: p, input: x)
            Issue.record("a model of other sizes was timed")
        } catch {
            #expect("\(error)" == "the model's sizes are not B=2, T=4, D=3, H=6")
        }
    }

    /// `lstmlab bench --paced`: every part timed on request, any number of
    /// times, in any order; a configuration `run(_:)` refuses is refused too.
    @Test func pacedTimesEachPartOnRequest() throws {
        let paced = try Benchmark.Paced(
            .init(sizes: LSTMSizes(batch: 2, length: 5, inputSize: 3, hiddenSize: 4), threads: 1))
        #expect(Benchmark.Paced.Part.allCases.map(\.rawValue) == ["per-gate", "fused", "hoisted", "run"])
        for part in Benchmark.Paced.Part.allCases + [.hoisted, .run, .perGate] {
            let ms = try paced.time(part)
            #expect(ms > 0 && ms < 10_000)
        }
        do {
            _ = try Benchmark.Paced(
                .init(sizes: LSTMSizes(batch: 0, length: 5, inputSize: 3, hiddenSize: 4), threads: 1))
            Issue.record("B=0 was accepted")
        } catch {
            #expect("\(error)" == "B must be at least 1 (got 0)")
        }
    }

    @Test func cancelStopsEarly() throws {
        let c = Benchmark.Configuration(
            sizes: LSTMSizes(batch: 1, length: 50, inputSize: 4, hiddenSize: 4), threads: 1, repeats: 2)
        var asked = 0
        let r = try Benchmark.run(c) {
            asked += 1
            return asked > 10
        }
        #expect(!r.completed)
        #expect(r.modes.isEmpty)
        #expect(r.runMedianMilliseconds == nil)
    }

    @Test func invalidConfigurationsAreRejectedWithAReason() {
        func message(_ c: Benchmark.Configuration) -> String? {
            do {
                try Benchmark.validate(c)
                return nil
            } catch { return "\(error)" }
        }
        let ok = LSTMSizes(batch: 1, length: 1, inputSize: 1, hiddenSize: 1)
        #expect(message(.init(sizes: ok, threads: 1, repeats: 1)) == nil)
        #expect(
            message(.init(sizes: LSTMSizes(batch: 0, length: 1, inputSize: 1, hiddenSize: 1), threads: 1))
                == "B must be at least 1 (got 0)")
        #expect(
            message(.init(sizes: LSTMSizes(batch: 1, length: 1, inputSize: 1, hiddenSize: -3), threads: 1))
                == "H must be at least 1 (got -3)")
        #expect(message(.init(sizes: ok, threads: 0)) == "threads must be at least 1 (got 0)")
        #expect(message(.init(sizes: ok, threads: 1, repeats: 0)) == "repeat must be at least 1 (got 0)")
        #expect(
            message(.init(sizes: LSTMSizes(batch: 1024, length: 10_000, inputSize: 1024, hiddenSize: 1024), threads: 1))
                == "B=1024, T=10000, D=1024, H=1024 needs more than 4 GiB")
    }
}
