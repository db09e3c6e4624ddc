import LSTMCore
import Testing

@testable import TensorFiles

/// The public API the interpreter is written against: these bindings stop compiling if a
/// name, a parameter label or a typed `throws(FileFormatError)` changes.
@Suite struct APITests {
    @Test func signaturesAreTheAgreedOnes() throws {
        let npyDecode: ([UInt8], String, Int) throws(FileFormatError) -> Tensor = NPY.decode(_:file:maxBytes:)
        let npyEncode: (Tensor) -> [UInt8] = NPY.encode(_:)
        let npyRead: (String, Int) throws(FileFormatError) -> Tensor = NPY.read(path:maxBytes:)
        let npyWrite: (Tensor, String) throws(FileFormatError) -> Void = NPY.write(_:path:)
        let stDecode: ([UInt8], String, Int) throws(FileFormatError) -> [String: Tensor] = SafeTensors.decode(
            _:file:maxBytes:)
        let stEncode: ([(name: String, tensor: Tensor)], [String: String]) -> [UInt8] = SafeTensors.encode(_:metadata:)
        let stRead: (String, Int) throws(FileFormatError) -> [String: Tensor] = SafeTensors.read(path:maxBytes:)
        let stWrite: ([(name: String, tensor: Tensor)], [String: String], String) throws(FileFormatError) -> Void =
            SafeTensors.write(_:metadata:path:)
        let params: ([String: Tensor], String) throws(FileFormatError) -> BiLSTMParameters = StateDict.parameters(
            from:file:)
        let named: (BiLSTMParameters) -> [(name: String, tensor: Tensor)] = StateDict.tensors(of:)
        let atomic: ([UInt8], String) throws(FileFormatError) -> Void = AtomicFile.write(_:to:)
        _ = (npyDecode, npyEncode, npyRead, npyWrite, stDecode, stEncode, stRead, stWrite, params, named, atomic)

        let e = FileFormatError(file: "w.npy", problem: .empty)
        #expect(e.description == "w.npy: empty file")
        #expect("\(e)" == "w.npy: empty file")
        #expect(e.text(.zh) == "w.npy：文件是空的")
        #expect(e == FileFormatError(file: "w.npy", problem: .empty))
        #expect(e != FileFormatError(file: "w.npy", problem: .missing))
    }

    @Test func defaultLimitIsTwoGiB() {
        let huge = npyBytes(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (536870913,), }")
        #expect(
            reason { try NPY.decode(huge, file: "x") }
                == "shape [536870913] needs 2147483652 bytes, more than the limit of 2147483648 bytes")
    }

    @Test func veryHighRankUsesVersion2() throws {
        let shape = [Int](repeating: 1, count: 30_000)
        let bytes = NPY.encode(try tensor(shape, [3.5]))
        #expect(bytes[6] == 2)
        let back = try NPY.decode(bytes, file: "x")
        #expect(back.shape == shape && back.data == [3.5])
        let headerLength: Int = (8..<12).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 8)) }
        #expect((12 + headerLength) % 64 == 0)
    }
}
