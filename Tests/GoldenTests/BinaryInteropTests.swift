import Foundation
import LSTMCore
import TensorFiles
import Testing

/// The real `lstmlab` binary, driven with -c, against PyTorch's numbers.
@Suite struct BinaryInteropTests {
    private func script(_ f: Fixture, _ tail: [String]) -> String {
        var lines = [
            "load weights \(quoted(f.folder + "/weights.safetensors"))",
            "load input \(quoted(f.folder + "/x.npy"))",
        ]
        if f.h0 != nil { lines.append("load h0 \(quoted(f.folder + "/h0.npy"))") }
        if f.c0 != nil { lines.append("load c0 \(quoted(f.folder + "/c0.npy"))") }
        return (lines + tail).joined(separator: "; ")
    }

    @Test(arguments: Fixture.names)
    func exportedRunMatchesPyTorch(name: String) throws {
        let f = try Fixture(name)
        let dir = try makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let result = try LabBinary.run(script(f, ["run", "export \(quoted(out))"]))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        try expectExportMatches(out, f, name)
    }

    /// Stepping commands in a scrambled order, switching modes and undoing on the way.
    @Test(arguments: Fixture.names)
    func steppingCommandsInAnyOrderMatchPyTorch(name: String) throws {
        let f = try Fixture(name)
        let tl = f.x.shape[1]
        let dir = try makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        var tail = ["set mode per-gate", "step bwd \((tl + 1) / 2)", "set mode hoisted", "step fwd 1"]
        tail += ["back fwd 1", "back bwd 1", "set mode fused", "step both 1"]
        if tl > 1 { tail += ["set mode per-gate", "step fwd \(tl - 1)", "set mode hoisted"] }
        tail += ["run", "export \(quoted(out))"]
        let result = try LabBinary.run(script(f, tail))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        try expectExportMatches(out, f, name)
    }

    /// With batch_first off, input and y are time-major: `[T, B, D]` in, `[T, B, 2H]` out.
    @Test(arguments: ["demo", "given_state", "odd_sizes"])
    func batchFirstOffIsTimeMajor(name: String) throws {
        let f = try Fixture(name)
        let dir = try makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try NPY.write(try f.x.swappingFirstAxes(), path: dir + "/x_tbd.npy")
        var lines = [
            "set batch_first off", "load weights \(quoted(f.folder + "/weights.safetensors"))",
            "load input \(quoted(dir + "/x_tbd.npy"))",
        ]
        if f.h0 != nil { lines.append("load h0 \(quoted(f.folder + "/h0.npy"))") }
        if f.c0 != nil { lines.append("load c0 \(quoted(f.folder + "/c0.npy"))") }
        lines += ["run", "export \(quoted(dir + "/out"))"]
        let result = try LabBinary.run(lines.joined(separator: "; "))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        expectClose(try NPY.read(path: dir + "/out/y.npy"), try f.y.swappingFirstAxes(), "\(name) time-major y")
        expectClose(try NPY.read(path: dir + "/out/h_n.npy"), f.hN, "\(name) h_n")
    }

    @Test(arguments: ["demo", "odd_sizes"])
    func savedWeightsAreTheLoadedOnesBitForBit(name: String) throws {
        let f = try Fixture(name)
        let dir = try makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let saved = dir + "/saved.safetensors"
        let result = try LabBinary.run(script(f, ["save weights \(quoted(saved))"]))
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        let original = try SafeTensors.read(path: f.folder + "/weights.safetensors")
        let written = try SafeTensors.read(path: saved)
        #expect(Set(written.keys) == Set(original.keys))
        for (key, tensor) in original {
            #expect(written[key] == tensor, "\(key) round trip")
        }
    }
}

/// Every file `export` wrote into `out` against the fixture's torch values.
private func expectExportMatches(
    _ out: String, _ f: Fixture, _ name: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    func exported(_ file: String) throws -> Tensor { try NPY.read(path: out + "/" + file) }
    expectClose(try exported("y.npy"), f.y, "\(name) exported y", sourceLocation: sourceLocation)
    expectClose(try exported("h_n.npy"), f.hN, "\(name) exported h_n", sourceLocation: sourceLocation)
    expectClose(try exported("c_n.npy"), f.cN, "\(name) exported c_n", sourceLocation: sourceLocation)
    for d in Direction.allCases {
        let ref = f.traces(d)
        expectClose(
            try exported("\(d.short)_gates_pre.npy"), ref.gatesPre, "\(name) exported \(d.short)_gates_pre",
            sourceLocation: sourceLocation)
        expectClose(
            try exported("\(d.short)_gates.npy"), ref.gates, "\(name) exported \(d.short)_gates",
            sourceLocation: sourceLocation)
        expectClose(
            try exported("\(d.short)_c.npy"), ref.c, "\(name) exported \(d.short)_c", sourceLocation: sourceLocation)
        expectClose(
            try exported("\(d.short)_h.npy"), ref.h, "\(name) exported \(d.short)_h", sourceLocation: sourceLocation)
    }
}
