import LSTMCore
import Testing

@testable import TensorFiles

/// Files written by real numpy 2.4.6 (Fixtures/make_fixtures.py).
@Suite struct NPYFixtureTests {
    @Test(arguments: ["f4_v1.npy", "f4_v2.npy", "f4_v3.npy"])
    func float32InEveryVersion(name: String) throws {
        let t = try NPY.read(path: Fixture.path(name))
        #expect(t == (try tensor([2, 3], [-0.5, -0.25, 0, 0.25, 0.5, 0.75])))
    }

    @Test func float64IsRoundedToFloat32() throws {
        let t = try NPY.read(path: Fixture.path("f8.npy"))
        #expect(t.shape == [3])
        #expect(t.data == [Float(1.0 / 3.0), Float(-1e-3 as Double), Float(12345.678 as Double)])
    }

    @Test func float16IsExact() throws {
        let t = try NPY.read(path: Fixture.path("f2.npy"))
        #expect(t == (try tensor([2, 2], [0.5, -2, 65504, 0x1p-24])))
    }

    @Test(arguments: ["f4_big.npy", "f8_big.npy"])
    func bigEndianIsConverted(name: String) throws {
        let t = try NPY.read(path: Fixture.path(name))
        #expect(t.shape == [2, 2])
        #expect(t.data == [1, -2.5, 3.25, name.hasPrefix("f4") ? Float(0.001) : Float(0.001 as Double)])
    }

    @Test func fortranOrderIsTransposedIntoCOrder() throws {
        let t = try NPY.read(path: Fixture.path("f4_fortran.npy"))
        #expect(t.shape == [2, 3, 2])
        for i in 0..<2 {
            for j in 0..<3 {
                for k in 0..<2 {
                    #expect(try t.value(at: [i, j, k]) == Float(100 * i + 10 * j + k))
                }
            }
        }
    }

    @Test func rankZeroIsShapeEmpty() throws {
        #expect(try NPY.read(path: Fixture.path("f4_scalar.npy")) == (try tensor([], [1.5])))
    }

    @Test func emptyArray() throws {
        #expect(try NPY.read(path: Fixture.path("f4_empty.npy")) == (try tensor([0, 3], [])))
    }

    @Test(arguments: [
        (
            "i8.npy",
            "unsupported dtype '<i8' (64-bit signed integers); only float16, float32 and float64 arrays can be loaded"
        ),
        ("b1.npy", "unsupported dtype '|b1' (booleans); only float16, float32 and float64 arrays can be loaded"),
        (
            "object.npy",
            "unsupported dtype '|O' (Python objects, stored as a pickle, which is never loaded); only float16, float32 and float64 arrays can be loaded"
        ),
        ("nan.npy", "non-finite value nan at index [0, 2, 3]"),
        ("f8_inf.npy", "non-finite value -inf at index [1]"),
    ])
    func refusedFiles(name: String, expected: String) {
        #expect(reason { try NPY.read(path: Fixture.path(name)) } == expected)
    }

    @Test func errorsNameTheFileAsGiven() {
        let path = Fixture.path("nan.npy")
        do throws(FileFormatError) {
            _ = try NPY.read(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == path)
            #expect(error.description == "\(path): non-finite value nan at index [0, 2, 3]")
        }
    }
}
