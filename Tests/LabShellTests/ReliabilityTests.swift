import Foundation
import LSTMCore
import TensorFiles
import Testing

@testable import LabShell

/// Issue 13 rows 2, 3 and 7 inside the shell.
@Suite struct ReliabilityTests {
    /// Row 2: a combining mark after a space was dropped (`export \u{301}ab` exported to `ab/`).
    @Test func combiningMarkAfterASpaceNeverVanishes() throws {
        let error = try #require(throws: CommandError.self) { try Tokenizer.tokenize("export \u{301}ab") }
        #expect(error.column == 7)
        #expect(
            error.message
                == "a combining mark (U+301) follows a space: it has no letter to go on; "
                + "remove it, or put the word in quotes")
        #expect(error.text(.zh) == "空格后面跟着一个组合符号（U+301），它没有可以附着的字母；请删掉它，或把这个词放进引号")
        #expect(try Tokenizer.tokenize("export \"\u{301}ab\"").map(\.text) == ["export", "\u{301}ab"])
        #expect(try Tokenizer.tokenize("export e\u{301}b").map(\.text) == ["export", "e\u{301}b"])
        #expect(try Tokenizer.tokenize("step\u{3000}fwd").map(\.text) == ["step", "fwd"])
    }

    /// Row 3: an allocation the machine refuses is a message, not a trap.
    @Test func allocationFailureIsAMessage() throws {
        let error = try #require(throws: LabError.self) { try Session.probeAllocation(1 << 62, what: "sizes X") }
        #expect(
            error.message
                == "sizes X: could not allocate 4294967296.0 GiB (the machine or its ulimit has less free "
                + "memory than the memory limit allows); the session is as it was")
        #expect(error.chinese == "sizes X：无法分配 4294967296.0 GiB（机器或它的 ulimit 可用的内存少于内存上限）；会话保持原样")
        #expect(throws: Never.self) { try Session.probeAllocation(1 << 20, what: "small") }
    }

    /// Row 7: a 64 GiB input with the wrong D, or too long for the limit, is refused from its
    /// header with the file and the command named; its data is never read (it is sparse).
    @Test func hugeInputsAreRefusedFromTheirHeader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var settings = Session.Settings()
        settings.memoryLimit = 1 << 40
        var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
        func sparse(_ name: String, shape: (Int, Int, Int)) throws -> String {
            let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(shape.0), \(shape.1), \(shape.2)), }"
            var head = Array("\u{93}NUMPY".unicodeScalars.map { UInt8($0.value) }) + [1, 0]
            var text = Array(dict.utf8)
            while (head.count + 2 + text.count + 1) % 64 != 0 { text.append(0x20) }
            text.append(0x0A)
            head += [UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text
            let path = folder + "/" + name
            try Data(head).write(to: URL(fileURLWithPath: path))
            #expect(truncate(path, off_t(head.count + 4 * shape.0 * shape.1 * shape.2)) == 0)
            return path
        }
        let wrongD = try sparse("wrong-d.npy", shape: (1, 1 << 30, 9))
        #expect(
            lab.handle("load input \(wrongD)").error
                == "\(wrongD): input has D=9 features, the weights take D=8 (shape [1, 1073741824, 9], layout [B, T, D])"
        )
        let long = try sparse("long.npy", shape: (1, 1 << 31, 8))
        let error = lab.handle("load input \(long)").error ?? ""
        #expect(error.hasPrefix("load input \(long) (B=1 T=2147483648 D=8 H=16) would need about "), "\(error)")
        #expect(lab.session.sizes == LSTMSizes.demo)
    }

    /// Row 7: a 64 GiB safetensors of other tensors (here one of a whole model's state_dict) is refused
    /// by its names from the header; its data is never read (it is sparse).
    @Test func weightsWithWrongNamesAreRefusedFromTheirHeader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var settings = Session.Settings()
        settings.memoryLimit = 1 << 40
        var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
        let big = 1 << 36
        let header = Array(
            #"{"lstm.weight_ih_l0":{"dtype":"F32","shape":[16,1073741824],"data_offsets":[0,\#(big)]}}"#.utf8)
        let length = (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) }
        let path = folder + "/model.safetensors"
        try Data(length + header).write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, off_t(8 + header.count + big)) == 0)
        let error = lab.handle("load weights \(path)").error ?? ""
        #expect(error == "\(path): missing tensor weight_ih_l0", "\(error)")
        #expect(lab.session.sizes == LSTMSizes.demo)
    }

    /// Row 5: what an export may remove of an earlier one: its own names, with or without a layer prefix.
    @Test func exportSetNames() {
        #expect(Interpreter.isExportName("y.npy") && Interpreter.isExportName("l1_fwd_h.npy"))
        #expect(Interpreter.isExportName("l12_bwd_gates_pre.npy"))
        #expect(!Interpreter.isExportName("notes.txt") && !Interpreter.isExportName("lx_fwd_h.npy"))
        #expect(!Interpreter.isExportName("l1_") && !Interpreter.isExportName("x.npy"))
    }
}
