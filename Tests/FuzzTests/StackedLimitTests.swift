import LSTMCore
import Testing

@testable import LabShell

/// The compute and memory estimates of a session with layers and lengths: they grow with L
/// (each layer above reads 2H), shrink with the longest length (steps stop there), and a
/// `bench` without a shape times the session's own stack.
@Suite struct StackedLimitTests {
    func lab(computeLimit flop: Double) -> Lab {
        var settings = Session.Settings()
        settings.computeLimit = flop
        return Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    }

    @Test func computeEstimatesGrowWithLayersAndFollowTheLongestLength() {
        var lab = lab(computeLimit: 3e9)
        for line in ["init pytorch", "sizes B=2 T=100 D=10 H=256", "run", "reset", "sizes L=2"] {
            #expect(lab.handle(line).error == nil, "\(line)")
        }
        let limit = "over the compute limit of 3.0 GFLOP (start with --compute-limit GFLOP to raise it)"
        #expect(
            lab.handle("run").error
                == "run: 2 layers at B=2 T=100 H=256 would need about 3.8 GFLOP of floating-point work, \(limit)")
        #expect(lab.session.stack?.cursors == [[0, 0], [0, 0]])
        // Lengths: each direction stops after the longest sequence (40 steps, not 100).
        #expect(lab.handle("lengths 40,30").error == nil)
        #expect(lab.handle("run").error == nil)
        #expect(lab.session.stack?.cursors == [[40, 40], [40, 40]])
        #expect(lab.handle("reset").error == nil)
        #expect(
            lab.handle("bench").error
                == "bench B=2 T=100 D=10 H=256 L=2 lengths 40,30 repeat 5 would need about 9.1 GFLOP of "
                + "floating-point work, \(limit)")
        #expect(lab.handle("lengths none").error == nil)
        #expect(
            lab.handle("bench").error
                == "bench B=2 T=100 D=10 H=256 L=2 repeat 5 would need about 22.7 GFLOP of floating-point work, \(limit)"
        )
    }

    @Test func textInputCountsEveryLayersMemory() {
        var settings = Session.Settings()
        settings.memoryLimit = 8 << 20
        var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
        let long = String(repeating: "(", count: 3000)
        for line in ["example brackets", "sizes L=2"] { #expect(lab.handle(line).error == nil, "\(line)") }
        #expect(
            lab.handle("input text \"\(long)\" \"()\"").error
                == "input text B=2 T=3000 D=4 H=8 with L=2 would need about 13.0 MiB, over the limit of 8.0 MiB "
                + "(start with --memory-limit MiB to raise it)")
        #expect(lab.session.sizes.length == 12)
        #expect(lab.handle("sizes L=1").error == nil)
        #expect(lab.handle("input text \"\(long)\" \"()\"").error == nil)
        #expect(lab.session.lengths?.values == [3000, 2])
    }

    @Test func benchWithoutAShapeTimesTheSessionsStack() {
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 300)
        for line in ["sizes L=2", "lengths 5,3,1"] { #expect(lab.handle(line).error == nil, "\(line)") }
        let out = lab.handle("bench repeat 1").output.split(separator: "\n").map(String.init)
        #expect(out.first?.hasPrefix("bench B=3 T=5 D=8 H=16 L=2, lengths 5,3,1, threads ") == true, "\(out)")
        #expect(
            out.last
                == "  on the session's weights, input and lengths (each direction takes 5 of T=5 steps and computes "
                + "only the sequences still running)")
        // The session is as it was: the bench ran on a copy.
        #expect(lab.session.stack?.cursors == [[0, 0], [0, 0]])
    }

    /// A packed run is counted over the sequences still running at each step.
    @Test func aPackedRunIsCountedOverTheRunningSequences() {
        let s = LSTMSizes(batch: 32, length: 100, inputSize: 128, hiddenSize: 128)
        let lengths = [100] + [Int](repeating: 50, count: 31)
        var one = s
        one.batch = 1
        let packed = Work.packedRun(s, lengths: lengths, from: 0)
        #expect(packed == Work.run(s, steps: 50) + Work.run(one, steps: 50))
        #expect(packed < Work.run(s, steps: 100))
        #expect(Work.packedRun(s, lengths: lengths, from: 60) == Work.run(one, steps: 40))
    }
}
