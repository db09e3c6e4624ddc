import Foundation
import LSTMCore
import LabText
import Testing

@testable import TensorFiles

/// Issue 13 row 7: magic, header, shapes and limits are checked from a file's first bytes,
/// before its data is read. The files here are sparse: tens of GiB that take no disk, and
/// that a reader which read them whole could not allocate (the test process would trap).
@Suite struct CheckBeforeReadingTests {
    /// A sparse file of `size` bytes starting with `head`.
    private func sparse(_ path: String, head: [UInt8], size: Int) throws {
        try Data(head).write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, off_t(size)) == 0)
    }

    @Test func aHugeFileThatIsNotNPYIsRefusedByItsMagic() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("big.bin")
        try sparse(path, head: Array("not numpy".utf8), size: 64 << 30)
        #expect(
            reason { try NPY.read(path: path, maxBytes: Int.max) }
                == "not an .npy file (it does not start with the bytes \\x93NUMPY)")
        #expect(reason { try SafeTensors.read(path: path, maxBytes: Int.max) }?.hasPrefix("header length") == true)
    }

    @Test func aWrongShapeIsRefusedFromTheHeader() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("x.npy")
        let count = 1 << 34  // 64 GiB of float32
        let head = npyBytes(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (1, \(count / 9), 9), }")
        try sparse(path, head: head, size: head.count + 4 * (count / 9) * 9)
        var seen: [Int]?
        let why = reason {
            try NPY.read(path: path, maxBytes: Int.max) { shape in
                seen = shape
                return StateDictMessage.inputFeatures(inputs: shape[2], model: 8, shape: "[…]", layout: "[B, T, D]")
            }
        }
        #expect(seen == [1, count / 9, 9])
        #expect(why == "input has D=9 features, the weights take D=8 (shape […], layout [B, T, D])")
    }

    @Test func safetensorsShapesAreCheckedBeforeTheData() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.safetensors")
        let big = 1 << 34
        let header = Array(#"{"weight_hh_l0":{"dtype":"F32","shape":[65536,65536],"data_offsets":[0,\#(big)]}}"#.utf8)
        let length = (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) }
        try sparse(path, head: length + header, size: 8 + header.count + big)
        var seen: [String: [Int]] = [:]
        let why = reason {
            try SafeTensors.read(path: path, maxBytes: Int.max) { shapes in
                seen = shapes
                return TensorFileMessage.tensorsTooBig(limit: 1024)
            }
        }
        #expect(seen == ["weight_hh_l0": [65536, 65536]])
        #expect(why == "the tensors need more than 1024 bytes as float32, the limit")
    }

    /// A million tiny entries took 4 GB and 21 s: the count is bounded before the JSON is parsed.
    @Test func headerEntryCountIsBounded() throws {
        let entries = (0..<5000).map { #""t\#($0)":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}"# }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) } + header
        #expect(
            reason { try SafeTensors.decode(bytes, file: "f") }
                == "the header lists 5000 entries, more than the 4096 tensors a file may hold here")
        let values =
            #"{"__metadata__":{"k":"v"},"x":{"dtype":"F32","shape":[\#(Array(repeating: "1", count: 300_000).joined(separator: ","))],"data_offsets":[0,4]}}"#
        var h2 = Array(values.utf8)
        while h2.count % 8 != 0 { h2.append(0x20) }
        let b2 = (0..<8).map { UInt8(truncatingIfNeeded: h2.count >> (8 * $0)) } + h2 + [0, 0, 0, 0]
        #expect(reason { try SafeTensors.decode(b2, file: "f") }?.hasPrefix("the header holds 30000") == true)
    }
}
