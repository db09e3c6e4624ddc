import Foundation
import Testing

@testable import LabShell

#if canImport(Glibc)
    import Glibc
#endif

/// Writes never replace what is not a regular file, and a failed write keeps the old file.
@Suite struct FileSafetyTests {
    @Test func savingOverAPipeIsRefusedAndThePipeStays() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let fifo = scratch.path + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        var lab = FuzzLab.make()
        #expect(
            lab.handle("save weights \(fifo)").error
                == "\(fifo): not a regular file (a device, pipe or socket); it was left alone")
        #expect(lab.handle("sizes T=2").error == nil)
        #expect(lab.handle("run").error == nil)
        let export = lab.handle("export \(scratch.path)")
        #expect(export.error == nil)
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func aFailedSaveKeepsTheOldFile() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var lab = FuzzLab.make()
        let path = scratch.path + "/w.safetensors"
        #expect(lab.handle("save weights \(path)").error == nil)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(lab.handle("save weights \(path)/x").error == "\(path)/x: cannot write: \(path) is not a folder")
        #expect(
            lab.handle("save weights \(scratch.path)/missing/w.safetensors").error
                == "\(scratch.path)/missing/w.safetensors: cannot write: folder \(scratch.path)/missing does not exist")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["w.safetensors"])
    }

    @Test func aFailedLoadChangesNothing() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try scratch.readablePaths()
        var lab = FuzzLab.make()
        _ = lab.handle("step fwd 2")
        let before = lab.session
        for name in [
            "empty.npy", "truncated.npy", "short-data.npy", "absurd.npy", "text.npy", "nan.npy", "weights.safetensors",
            "missing.npy",
        ] {
            for what in ["input", "h0", "c0", "weights"] {
                let r = lab.handle("load \(what) \(scratch.path)/\(name)")
                #expect(
                    r.error?.hasPrefix("\(scratch.path)/\(name): ") == true,
                    "load \(what) \(name) → \(r.error ?? r.output)")
            }
        }
        #expect(lab.session.input == before.input)
        #expect(lab.session.parameters == before.parameters)
        #expect(lab.session.h0 == before.h0 && lab.session.c0 == before.c0)
        #expect(lab.prompt == "lstmlab fwd 2/5 bwd 0/5> ")
    }
}
