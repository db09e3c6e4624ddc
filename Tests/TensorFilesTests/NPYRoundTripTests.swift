import LSTMCore
import Testing

@testable import TensorFiles

@Suite struct NPYRoundTripTests {
    static let shapes: [[Int]] = [[], [0], [3], [2, 3], [2, 3, 4], [1, 1, 1, 5], [0, 7]]

    @Test(arguments: shapes)
    func encodeThenDecode(shape: [Int]) throws {
        let n = Tensor.elementCount(shape) ?? 0
        let specials: [Float] = [
            -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.leastNormalMagnitude, 1e-30, 0.1,
        ]
        let data = (0..<n).map { i in i < specials.count ? specials[i] : Float(i) * 0.37 - 3 }
        let t = try tensor(shape, data)
        let bytes = NPY.encode(t)
        let back = try NPY.decode(bytes, file: "t.npy")
        #expect(back.shape == shape)
        #expect(back.data.map(\.bitPattern) == data.map(\.bitPattern))
    }

    @Test func headerIsWhatNumpyWrites() throws {
        let bytes = NPY.encode(try tensor([2, 3], [1, 2, 3, 4, 5, 6]))
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"))
        #expect(header.hasSuffix(" \n"))
        #expect(bytes.count == 10 + headerLength + 24)
        #expect(Array(bytes[(10 + headerLength)...].prefix(4)) == [0, 0, 0x80, 0x3F])  // 1.0f little-endian
    }

    @Test func oneAndZeroDimensionalTuples() throws {
        func header(_ t: Tensor) -> String {
            let b = NPY.encode(t)
            return String(decoding: b[10..<(10 + Int(b[8]) + Int(b[9]) * 256)], as: UTF8.self)
        }
        #expect(header(try tensor([3], [1, 2, 3])).contains("'shape': (3,), }"))
        #expect(header(try tensor([], [1])).contains("'shape': (), }"))
    }

    @Test func encodedBytesMatchNumpyForTheSameArray() throws {
        let numpy = try Fixture.bytes("f4_v1.npy")
        let ours = NPY.encode(try tensor([2, 3], [-0.5, -0.25, 0, 0.25, 0.5, 0.75]))
        #expect(ours == numpy)
    }
}
