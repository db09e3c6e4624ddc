import Foundation
import LSTMCore
import TensorFiles
import Testing

@testable import LabShell

/// Runs `line`, expects exactly `error`, and checks that nothing changed (no
/// draw taken from the session's generator either).
func expectRefused(
    _ line: String, _ error: String, in lab: inout Lab, sourceLocation: SourceLocation = #_sourceLocation
) {
    let before = lab.session
    let r = lab.handle(line)
    #expect(r.error == error, sourceLocation: sourceLocation)
    #expect(r.output == "", sourceLocation: sourceLocation)
    #expect(lab.session.sizes == before.sizes, sourceLocation: sourceLocation)
    #expect(lab.session.input == before.input, sourceLocation: sourceLocation)
    #expect(lab.session.parameters == before.parameters, sourceLocation: sourceLocation)
    #expect(lab.session.settings == before.settings, sourceLocation: sourceLocation)
    #expect(lab.session.watches == before.watches, sourceLocation: sourceLocation)
    var (now, then) = (lab.session.generator, before.generator)
    #expect(now.next() == then.next(), "no draws taken", sourceLocation: sourceLocation)
    #expect(lab.prompt == "lstmlab \(before.positionText)> ", sourceLocation: sourceLocation)
}

/// Every limit answers with a message, and the session is left as it was.
@Suite struct LimitTests {
    /// A demo lab with a small memory limit (as `--memory-limit` would set it).
    func lab(memoryLimit: Int = 64 << 10) -> Lab {
        var settings = Session.Settings()
        settings.memoryLimit = memoryLimit
        return Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    }

    @Test func sizesOverTheMemoryLimitAreRefusedWithTheEstimate() {
        var lab = lab()
        _ = lab.handle("step fwd 2")
        expectRefused(
            "sizes B=100 T=100",
            "sizes B=100 T=100 D=8 H=16 would need about 20.8 MiB, over the limit of 64.0 KiB (start with --memory-limit MiB to raise it)",
            in: &lab)
        expectRefused(
            "sizes H=4096",
            "sizes B=3 T=5 D=8 H=4096 would need about 1.0 GiB, over the limit of 64.0 KiB (start with --memory-limit MiB to raise it)",
            in: &lab)
        #expect(lab.prompt == "lstmlab fwd 2/5 bwd 0/5> ")
    }

    @Test func theDefaultLimitIsTwoGiB() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        expectRefused(
            "sizes B=16777216 T=16777216",
            "sizes B=16777216 T=16777216 D=8 H=16 would need about 544.0 PiB, over the limit of 2.0 GiB (start with --memory-limit MiB to raise it)",
            in: &lab)
    }

    @Test func sizesWhoseEstimateOverflowsAreRefused() {
        var lab = lab()
        expectRefused(
            "sizes B=16777216 T=16777216 D=16777216 H=16777216",
            "sizes B=16777216 T=16777216 D=16777216 H=16777216: the sizes are too large to count (their memory estimate overflows)",
            in: &lab)
    }

    @Test func dimensionsOutsideTheParserRangeAreRefused() {
        var lab = lab()
        expectRefused("sizes B=16777217", "B must be a whole number from 1 to 16777216, not '16777217'", in: &lab)
        expectRefused("sizes T=0", "T must be a whole number from 1 to 16777216, not '0'", in: &lab)
        expectRefused("sizes D=-3", "D must be a whole number from 1 to 16777216, not '-3'", in: &lab)
        expectRefused(
            "sizes H=99999999999999999999", "H must be a whole number from 1 to 16777216, not '99999999999999999999'",
            in: &lab)
        expectRefused("sizes H=nan", "H must be a whole number from 1 to 16777216, not 'nan'", in: &lab)
        expectRefused("sizes B=inf", "B must be a whole number from 1 to 16777216, not 'inf'", in: &lab)
    }

    @Test func stepCountsHaveALimit() {
        var lab = lab()
        expectRefused(
            "step 16777217", "the number of steps must be a whole number from 1 to 16777216, not '16777217'", in: &lab)
        expectRefused("back fwd 0", "the number of steps must be a whole number from 1 to 16777216, not '0'", in: &lab)
        expectRefused("step -1", "the number of steps must be a whole number from 1 to 16777216, not '-1'", in: &lab)
        expectRefused(
            "step 9223372036854775808",
            "the number of steps must be a whole number from 1 to 16777216, not '9223372036854775808'", in: &lab)
    }

    @Test func theLargestStepCountsStopAtTheEnds() {
        var lab = lab()
        #expect(
            lab.handle("step 16777216").output.hasSuffix(
                "both directions finished: y [3, 5, 32], h_n [2, 3, 16], c_n [2, 3, 16] ready"))
        #expect(lab.handle("back 16777216").output == "undid fwd −5, bwd −5: fwd 0/5 bwd 0/5")
        #expect(lab.handle("back 16777216").error == "both directions are at the start: nothing to undo")
    }

    @Test func precisionIsZeroToTen() {
        var lab = lab()
        expectRefused("set precision 11", "precision must be a whole number from 0 to 10, not '11'", in: &lab)
        expectRefused("set precision -1", "precision must be a whole number from 0 to 10, not '-1'", in: &lab)
        expectRefused("set precision nan", "precision must be a whole number from 0 to 10, not 'nan'", in: &lab)
        #expect(lab.handle("set precision 10").error == nil)
        #expect(lab.session.settings.precision == 10)
    }

    @Test func threadsAndRepeatsHaveLimits() {
        var lab = lab()
        expectRefused("set threads 65", "threads must be a whole number from 1 to 64, not '65'", in: &lab)
        expectRefused("set threads 0", "threads must be a whole number from 1 to 64, not '0'", in: &lab)
        expectRefused(
            "bench repeat 1001", "the repeat count must be a whole number from 1 to 1000, not '1001'", in: &lab)
        expectRefused("bench 1,1,1,16777217", "H must be a whole number from 1 to 16777216, not '16777217'", in: &lab)
    }

    @Test func linesLongerThanTheLimitAreRefused() {
        var lab = lab()
        let limit = Tokenizer.maxLineLength
        #expect(limit == 4096)
        expectRefused(
            "show " + String(repeating: "x", count: limit - 4), "line too long: 4097 characters (the limit is 4096)",
            in: &lab)
        expectRefused(
            String(repeating: "中", count: 5000), "line too long: 5000 characters (the limit is 4096)", in: &lab)
        // At the limit the line is parsed (and here refused for its content, not its length).
        let atLimit = lab.handle("#" + String(repeating: "x", count: limit - 1))
        #expect(atLimit.error == nil)
    }

    @Test func watchesStopAtEight() {
        var lab = lab()
        #expect(Session.maxWatches == 8)
        #expect(lab.handle("watch h c gates gates_pre x y h_f h_b").error == nil)
        expectRefused("watch h_n", "at most 8 watched views (now 8); use 'unwatch' first", in: &lab)
        #expect(lab.handle("unwatch").output == "stopped watching 8 views")
        expectRefused("watch x x x x x x x x x", "at most 8 watched views (now 0); use 'unwatch' first", in: &lab)
        #expect(lab.session.watches.isEmpty)
    }

    @Test func outOfRangeIndicesAreRefused() {
        var lab = lab()
        _ = lab.handle("run")
        expectRefused("show y t=5", "t=5 is out of range: t goes from 0 to 4", in: &lab)
        expectRefused("show y b=3", "b=3 is out of range: b goes from 0 to 2", in: &lab)
        expectRefused("show y t=16777216", "t=16777216 is out of range: t goes from 0 to 4", in: &lab)
        expectRefused("show y t=16777217", "t must be a whole number from 0 to 16777216, not '16777217'", in: &lab)
        expectRefused("show y t=-1", "t must be a whole number from 0 to 16777216, not '-1'", in: &lab)
        expectRefused("spark h_f u=16", "u=16 is out of range: units go from 0 to 15", in: &lab)
        expectRefused(
            "goto t=9223372036854775807", "t must be a whole number from 0 to 16777216, not '9223372036854775807'",
            in: &lab)
    }
}

/// `load` checks the memory limit before it reads and before it builds the session.
@Suite struct LoadLimitTests {
    func lab(memoryLimit: Int) -> Lab {
        var settings = Session.Settings()
        settings.memoryLimit = memoryLimit
        return Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    }

    @Test func filesLargerThanTheLimitAreNotRead() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try scratch.readablePaths()
        var small = lab(memoryLimit: 256)
        let x = "\(scratch.path)/x.npy"
        #expect(small.handle("load input \(x)").error == "\(x): file is 608 bytes, more than the limit of 256 bytes")
        let w = "\(scratch.path)/w.safetensors"
        var demo = lab(memoryLimit: 64 << 10)
        #expect(demo.handle("save weights \(w)").error == nil)
        #expect(
            small.handle("load weights \(w)").error == "\(w): file is 13952 bytes, more than the limit of 256 bytes")
    }

    @Test func inputWhoseSessionWouldExceedTheLimitIsRefused() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let long = try Tensor(shape: [3, 200, 8], data: [Float](repeating: 0.25, count: 4800))
        let path = "\(scratch.path)/long.npy"
        try NPY.write(long, path: path)
        var lab = lab(memoryLimit: 64 << 10)
        let before = lab.session.input
        #expect(
            lab.handle("load input \(path)").error
                == "load input \(path) (B=3 T=200 D=8 H=16) would need about 1.3 MiB, over the limit of 64.0 KiB (start with --memory-limit MiB to raise it)"
        )
        #expect(lab.session.input == before)
    }

    @Test func weightsWhoseSessionWouldExceedTheLimitAreRefused() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var big = Lab(interpreter: Interpreter(session: .demo()))
        #expect(big.handle("sizes H=64").error == nil)
        let path = "\(scratch.path)/h64.safetensors"
        #expect(big.handle("save weights \(path)").error == nil)
        var lab = lab(memoryLimit: 64 << 10)
        let before = lab.session.parameters
        #expect(
            lab.handle("load weights \(path)").error
                == "\(path): file is 152216 bytes, more than the limit of 65536 bytes")
        var roomy = self.lab(memoryLimit: 160 << 10)
        #expect(
            roomy.handle("load weights \(path)").error
                == "load weights \(path) (B=3 T=5 D=8 H=64) would need about 416.7 KiB, over the limit of 160.0 KiB (start with --memory-limit MiB to raise it)"
        )
        #expect(lab.session.parameters == before)
        #expect(roomy.session.parameters == before)
    }
}
