import Foundation
import LSTMCore
import TensorFiles
import Testing

@testable import LabShell

@Suite struct FileCommandTests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lstmlab-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func saveLoadRoundTripKeepsEveryParameter() throws {
        let dir = try tempDir()
        var a = Lab(interpreter: Interpreter(session: .demo()))
        _ = a.handle("init pytorch seed 9")
        #expect(a.handle("save weights \(dir)/w.safetensors").error == nil)
        var b = Lab(interpreter: Interpreter(session: .demo()), width: 300)
        let r = b.handle("load weights \(dir)/w.safetensors")
        #expect(
            r.output
                == "loaded weights from \(dir)/w.safetensors: D=8, H=16 (W_ih [64, 8], W_hh [64, 16] per direction); cursors at the start"
        )
        #expect(b.session.parameters == a.session.parameters)
    }

    @Test func aFailedLoadChangesNothing() throws {
        let dir = try tempDir()
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        _ = lab.handle("step fwd 2")
        try Data([0x93, 0x4E, 0x55]).write(to: URL(fileURLWithPath: "\(dir)/bad.npy"))
        let before = lab.session.stepper.traces
        let r = lab.handle("load input \(dir)/bad.npy")
        #expect(r.error?.hasPrefix("\(dir)/bad.npy: ") == true)
        #expect(lab.session.stepper.traces == before)
        #expect(lab.handle("load h0 /nonexistent/h0.npy").error == "/nonexistent/h0.npy: no such file")
        #expect(lab.session.sizes == .demo)
    }

    @Test func exportWritesOnlyWhatWasComputed() throws {
        let dir = try tempDir()
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 300)
        _ = lab.handle("step fwd 2")
        let r = lab.handle("export \(dir)/out")
        #expect(r.error == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/out").sorted()
        #expect(files == ["fwd_c.npy", "fwd_gates.npy", "fwd_gates_pre.npy", "fwd_h.npy"])
        #expect(
            r.output.contains(
                "not written: y, h_n, c_n (need both directions finished: fwd 2/5 bwd 0/5); bwd_* (no steps yet)"))
    }

    @Test func exportMakesOnlyTheLastFolder() throws {
        let dir = try tempDir()
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        _ = lab.handle("run")
        #expect(
            lab.handle("export \(dir)/missing/out").error
                == "\(dir)/missing/out: cannot create the folder: \(dir)/missing does not exist (export makes only the last folder)"
        )
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/missing"))
        #expect(lab.handle("export \(dir)/out").error == nil)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/out/y.npy"))
    }

    @Test func inputLayoutFollowsBatchFirst() throws {
        let dir = try tempDir()
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 300)
        _ = lab.handle("set batch_first off")
        let x = try Tensor(shape: [7, 2, 8], data: (0..<112).map { Float($0) / 100 })
        try Data(NPY.encode(x)).write(to: URL(fileURLWithPath: "\(dir)/x.npy"))
        let r = lab.handle("load input \(dir)/x.npy")
        #expect(r.output == "loaded input from \(dir)/x.npy: [T, B, D] = [7, 2, 8], so B=2, T=7; cursors at the start")
        #expect(lab.session.input.shape == [2, 7, 8])
        #expect(lab.session.input.data[8] == x.data[2 * 8])  // x_bf[0, 1, 0] = x_tf[1, 0, 0]
    }
}
