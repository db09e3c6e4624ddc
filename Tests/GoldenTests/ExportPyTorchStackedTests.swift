import Foundation
import LSTMCore
import TensorFiles
import Testing

/// `export pytorch` on a model with layers or lengths writes everything nn.LSTM needs to
/// redo the run: every layer's weights under state_dict names, the lengths it packs with,
/// the given h0/c0, and a check.py built with num_layers=L and pack_padded_sequence.
/// (check.py itself needs torch; it was run on these cases when this was written.)
@Suite struct ExportPyTorchStackedTests {
    @Test(arguments: StackedFixture.names)
    func exportHoldsEveryLayerAndTheLengths(name: String) throws {
        let f = try StackedFixture(name)
        let dir = try makeTemporaryDirectory("pt-" + name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines = f.meta.batch_first ? [] : ["set batch_first off"]
        lines += [
            "load weights \(quoted(f.folder + "/weights.safetensors"))", "load input \(quoted(f.folder + "/x.npy"))",
        ]
        if f.h0 != nil { lines.append("load h0 \(quoted(f.folder + "/h0.npy"))") }
        if f.c0 != nil { lines.append("load c0 \(quoted(f.folder + "/c0.npy"))") }
        if let lengths = f.lengths { lines.append("lengths \(lengths.text)") }
        lines += ["layer 0", "run", "export pytorch \(quoted(dir + "/pt"))"]
        let result = try LabBinary.run(lines.joined(separator: "; "))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        let out = dir + "/pt/"

        let weights = try SafeTensors.read(path: out + "weights.safetensors")
        let want = try SafeTensors.read(path: f.folder + "/weights.safetensors")
        #expect(weights.keys.sorted() == want.keys.sorted(), "\(name): state_dict names")
        for (key, tensor) in want { #expect(weights[key] == tensor, "\(name): \(key)") }

        // The lab's numbers, batch-first as check.py's nn.LSTM(batch_first=True) gives them.
        expectClose(try NPY.read(path: out + "y.npy"), f.y, "\(name) y")
        expectClose(try NPY.read(path: out + "h_n.npy"), f.hN, "\(name) h_n")
        expectClose(try NPY.read(path: out + "c_n.npy"), f.cN, "\(name) c_n")
        if let lengths = f.lengths, !lengths.isFull {
            #expect(try NPY.read(path: out + "lengths.npy").data == lengths.values.map(Float.init))
        } else {
            #expect(!FileManager.default.fileExists(atPath: out + "lengths.npy"))
        }
        #expect(FileManager.default.fileExists(atPath: out + "h0.npy") == (f.h0 != nil))

        let script = try String(contentsOfFile: out + "check.py", encoding: .utf8)
        #expect(script.contains("D, H, L, K = \(f.meta.D), \(f.meta.H), \(f.meta.L), None"))
        #expect(script.contains("torch.nn.LSTM(D, H, num_layers=L, bidirectional=True, batch_first=True)"))
        #expect(script.contains("pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)"))
        let said = "rebuilds nn.LSTM(\(f.meta.D), \(f.meta.H)\(f.meta.L > 1 ? ", num_layers=\(f.meta.L)" : ""), "
        // The reply is wrapped to the terminal's width: compare its words.
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(said), "\(result.stdout)")
    }
}
