import Foundation
import LSTMCore
import TensorFiles
import Testing

@testable import LabShell

/// Loaded values are finite, but ±3e38 overflows to inf and nan inside the
/// cell and inside the views' scales. Every view must still draw.
@Suite struct ExtremeValueTests {
    @Test func everyViewDrawsLargestFloatsAndTheInfAndNanTheyMake() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let big = Float.greatestFiniteMagnitude
        let x = try Tensor(shape: [3, 5, 8], data: (0..<120).map { $0 % 2 == 0 ? big : -big })
        let state = try Tensor(shape: [2, 3, 16], data: [Float](repeating: big, count: 96))
        try NPY.write(x, path: scratch.path + "/x.npy")
        try NPY.write(state, path: scratch.path + "/s.npy")
        for color in [false, true] {
            var lab = FuzzLab.make()
            lab.color = color
            for line in [
                "load input \(scratch.path)/x.npy", "load h0 \(scratch.path)/s.npy", "load c0 \(scratch.path)/s.npy",
            ] {
                #expect(lab.handle(line).error == nil, "\(line)")
            }
            _ = lab.handle("step")
            var lines: [String] = []
            for name in ViewName.allCases.map(\.rawValue) {
                lines += ["show \(name)", "heatmap \(name)", "spark \(name)", "spark \(name) u=0"]
            }
            _ = lab.handle("run")
            for line in lines + ["diagram", "info"] {
                let r = lab.handle(line)
                #expect(r.error == nil || FuzzLab.isClearError(r.error ?? ""), "\(line) → \(r.error ?? "")")
            }
            let spark = lab.handle("spark x")
            #expect(spark.error == nil)
            #expect(
                spark.output.contains("3.4028e+38") || spark.output.contains("340282"), "\(spark.output.prefix(400))")
        }
    }
}

@Suite struct HostileHeaderTests {
    @Test func aHugeDtypeSizeIsRefusedWithItsName() throws {
        let header = "{'descr': '<f9999999999999999999', 'fortran_order': False, 'shape': (1,), }"
        let bytes =
            Array("\u{93}NUMPY".unicodeScalars.map { UInt8($0.value) }) + [1, 0, UInt8(header.utf8.count + 1), 0]
            + Array(header.utf8) + [0x0A, 0, 0, 0, 0]
        #expect(
            throws: FileFormatError(
                file: "big.npy", problem: .unsupportedDtype(descr: "<f9999999999999999999", holds: .float(bits: nil)))
        ) {
            _ = try NPY.decode(bytes, file: "big.npy")
        }
        let crash = try CorpusRegressionTests.bytes("crashes/NPY/dtype-size-overflow.npy")
        #expect(throws: FileFormatError.self) { _ = try NPY.decode(crash, file: "crash.npy") }
    }
}
