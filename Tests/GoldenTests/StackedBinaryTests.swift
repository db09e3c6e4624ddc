import Foundation
import LSTMCore
import TensorFiles
import Testing

/// A user's nn.LSTM(D, H, num_layers=L, bidirectional=True) saved with
/// safetensors.torch.save_file, and an input with lengths, through the real binary:
/// `load weights …; load input …; lengths …; run; export out` gives PyTorch's packed outputs.
@Suite struct StackedBinaryTests {
    private func script(_ f: StackedFixture, _ tail: [String]) -> String {
        var lines = f.meta.batch_first ? [] : ["set batch_first off"]
        lines += [
            "load weights \(quoted(f.folder + "/weights.safetensors"))",
            "load input \(quoted(f.folder + "/x.npy"))",
        ]
        if f.h0 != nil { lines.append("load h0 \(quoted(f.folder + "/h0.npy"))") }
        if f.c0 != nil { lines.append("load c0 \(quoted(f.folder + "/c0.npy"))") }
        if let lengths = f.lengths { lines.append("lengths \(lengths.text)") }
        return (lines + tail).joined(separator: "; ")
    }

    private func expectExport(_ out: String, _ f: StackedFixture, _ label: String) throws {
        func exported(_ file: String) throws -> Tensor { try NPY.read(path: out + "/" + file) }
        expectClose(try exported("y.npy"), f.yAsSaved, "\(label) exported y")
        expectClose(try exported("h_n.npy"), f.hN, "\(label) exported h_n")
        expectClose(try exported("c_n.npy"), f.cN, "\(label) exported c_n")
        let steps = f.lengths?.steps ?? f.meta.T
        for l in 0..<f.meta.L {
            let prefix = f.meta.L > 1 ? "l\(l)_" : ""
            for d in Direction.allCases {
                for part in ["gates_pre", "gates", "c", "h"] {
                    let want = try f.trace(layer: l, d, part)
                    let rows = want.count / want.shape[0]
                    let expected = try Tensor(
                        shape: [steps] + want.shape.dropFirst(),
                        data: Array(want.data[0..<(steps * rows)]))
                    expectClose(
                        try exported("\(prefix)\(d.short)_\(part).npy"), expected,
                        "\(label) exported \(prefix)\(d.short)_\(part)")
                }
            }
        }
    }

    @Test(arguments: StackedFixture.names)
    func loadLengthsRunExportIsPyTorch(name: String) throws {
        let f = try StackedFixture(name)
        let dir = try makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try LabBinary.run(script(f, ["run", "export \(quoted(dir + "/out"))"]))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        try expectExport(dir + "/out", f, name)
    }

    /// Stepping layer by layer with the commands, in an order the rules allow, then run.
    @Test(arguments: ["packed_layers2", "layers3_given_state", "packed_unsorted"])
    func steppingCommandsThenRunArePyTorch(name: String) throws {
        let f = try StackedFixture(name)
        let dir = try makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var tail = [
            "set mode per-gate", "step bwd 2", "set mode hoisted", "step fwd 1", "back fwd", "step fwd 9",
            "step bwd 9",
        ]
        if f.meta.L > 1 { tail += ["layer 1", "step bwd 1", "layer 0"] }
        tail += ["run", "export \(quoted(dir + "/out"))"]
        let result = try LabBinary.run(script(f, tail))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        try expectExport(dir + "/out", f, name)
    }

    /// `save weights` of a stacked model is the file loaded, name for name and bit for bit.
    @Test func savedStackedWeightsAreTheLoadedOnes() throws {
        let f = try StackedFixture("layers3")
        let dir = try makeTemporaryDirectory("save")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try LabBinary.run(script(f, ["save weights \(quoted(dir + "/w.safetensors"))"]))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        let original = try SafeTensors.read(path: f.folder + "/weights.safetensors")
        let written = try SafeTensors.read(path: dir + "/w.safetensors")
        #expect(Set(written.keys) == Set(original.keys))
        for (key, tensor) in original { #expect(written[key] == tensor, "\(key) round trip") }
    }

    @Test func aStepTakenTooEarlyIsRefusedWithWhatIsMissing() throws {
        let f = try StackedFixture("layers2")
        let result = try LabBinary.run(script(f, ["step fwd 4", "step bwd 1", "layer 1", "step fwd"]))
        #expect(result.status == 1)
        #expect(result.stderr == "-c:6: error: layer 1 fwd at t=0 needs layer 0's y[0]: layer 0 bwd has reached t=3\n")
    }
}
