import LSTMCore
import Testing

@testable import TensorFiles

/// Every flaw is refused with its own message, before anything large is allocated.
@Suite struct NPYMalformedTests {
    static let good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"
    static let twoFloats = f32Bytes([1, 2])

    func decodeReason(_ bytes: [UInt8], maxBytes: Int = 2 << 30) -> String? {
        reason { try NPY.decode(bytes, file: "x.npy", maxBytes: maxBytes) }
    }

    @Test func sanityTheGoodHeaderDecodes() throws {
        #expect(
            try NPY.decode(npyBytes(header: Self.good, data: Self.twoFloats), file: "x.npy")
                == (try tensor([2], [1, 2])))
    }

    @Test func preambleFlaws() {
        #expect(decodeReason([]) == "empty file")
        #expect(
            decodeReason(Array("PK\u{3}\u{4}hello".utf8))
                == "not an .npy file (it does not start with the bytes \\x93NUMPY)")
        #expect(
            decodeReason(Array("{\"a\": 1}".utf8)) == "not an .npy file (it does not start with the bytes \\x93NUMPY)")
        #expect(decodeReason([0x93, 0x4E, 0x55]) == "truncated: the file ends inside the .npy preamble (3 bytes)")
        #expect(
            decodeReason([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 5])
                == "truncated: the file ends inside the .npy preamble (9 bytes)")
        #expect(
            decodeReason([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 2, 0, 5, 0, 0])
                == "truncated: the file ends inside the .npy preamble (11 bytes)")
        #expect(
            decodeReason([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 4, 0, 0, 0])
                == "unsupported .npy version 4.0 (1.0, 2.0 and 3.0 can be read)")
        #expect(
            decodeReason([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 1, 0, 0])
                == "unsupported .npy version 1.1 (1.0, 2.0 and 3.0 can be read)")
        #expect(
            decodeReason([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 0xE8, 0x03] + [UInt8](repeating: 0x20, count: 80))
                == "header length 1000 is larger than the file: only 80 bytes follow the 10-byte preamble")
        #expect(
            decodeReason([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 2, 0, 0xFF, 0xFF, 0xFF, 0xFF])
                == "header length 4294967295 is larger than the file: only 0 bytes follow the 12-byte preamble")
    }

    @Test(arguments: [
        ("[1, 2]", "header is not a dict: [1, 2]"),
        ("", "header is not a Python dict literal: expected a value at the end"),
        ("{'descr': '<f4' 'shape': ()}", "header is not a Python dict literal: expected ',' or '}' at character 17"),
        ("{'descr' '<f4'}", "header is not a Python dict literal: expected ':' at character 10"),
        ("{'descr': '<f4}", "header is not a Python dict literal: unterminated string at the end"),
        (
            "{'descr': __import__('os')}",
            "header is not a Python dict literal: unexpected word '__import__' at character 11"
        ),
        (
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x",
            "header is not a Python dict literal: unexpected text after the literal at character 59"
        ),
        ("{1: 2}", "header key 1 is not a string"),
        ("{'descr': '<f4', 'shape': (2,)}", "header is missing the key 'fortran_order'"),
        ("{'descr': '<f4', 'fortran_order': False}", "header is missing the key 'shape'"),
        (
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1}",
            "header has an unexpected key 'extra' (expected 'descr', 'fortran_order', 'shape')"
        ),
        ("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", "header has the key 'descr' twice"),
        ("{'descr': 4, 'fortran_order': False, 'shape': (2,)}", "'descr' must be a string such as '<f4', got 4"),
        (
            "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,)}",
            "unsupported dtype: a structured array (record fields); only plain float arrays can be loaded"
        ),
        ("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", "'fortran_order' must be True or False, got 0"),
        (
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2)}",
            "bad shape 2: not a tuple (a 1-D shape is written (2,))"
        ),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': [2]}", "bad shape [2]: not a tuple"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1)}", "bad shape (2, -1): dimension -1 is negative"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': ('2',)}", "bad shape ('2',): '2' is not an integer"),
        (
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2.5,)}",
            "header is not a Python dict literal: expected an integer at character 53"
        ),
        (
            "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}",
            "absurd shape (99999999999999999999,): dimension 99999999999999999999 is too large"
        ),
        (
            "{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4)}",
            "absurd shape [4611686018427387904, 4]: the element count overflows"
        ),
        (
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2147483648, 2147483648)}",
            "absurd shape [2147483648, 2147483648]: the element count overflows"
        ),
        (
            "{'descr': '|f4', 'fortran_order': False, 'shape': (2,)}",
            "dtype '|f4' has no byte order: a 4-byte float needs '<' (little-endian) or '>' (big-endian)"
        ),
        (
            "{'descr': '<f16', 'fortran_order': False, 'shape': (2,)}",
            "unsupported dtype '<f16' (float128); only float16, float32 and float64 arrays can be loaded"
        ),
        (
            "{'descr': '<c8', 'fortran_order': False, 'shape': (2,)}",
            "unsupported dtype '<c8' (complex numbers); only float16, float32 and float64 arrays can be loaded"
        ),
        (
            "{'descr': '<u2', 'fortran_order': False, 'shape': (2,)}",
            "unsupported dtype '<u2' (16-bit unsigned integers); only float16, float32 and float64 arrays can be loaded"
        ),
        (
            "{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (2,)}",
            "unsupported dtype '<M8[ns]' (datetimes); only float16, float32 and float64 arrays can be loaded"
        ),
        ("{'descr': '', 'fortran_order': False, 'shape': (2,)}", "unsupported dtype ''"),
    ])
    func headerFlaws(header: String, expected: String) {
        #expect(decodeReason(npyBytes(header: header, data: Self.twoFloats)) == expected)
    }

    @Test func dataSizeFlaws() {
        let h = "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 30), }"
        #expect(
            decodeReason(npyBytes(header: h, data: [UInt8](repeating: 0, count: 100)))
                == "truncated data: header says 480 bytes of <f4 data, file has 100")
        #expect(
            decodeReason(npyBytes(header: h, data: [UInt8](repeating: 0, count: 500)))
                == "trailing bytes: header says 480 bytes of <f4 data, file has 500")
        #expect(
            decodeReason(npyBytes(header: h, data: [UInt8](repeating: 0, count: 480)), maxBytes: 479)
                == "shape [4, 30] needs 480 bytes, more than the limit of 479 bytes")
        // float16 is widened to float32: the Float array is what counts.
        let half = "{'descr': '<f2', 'fortran_order': False, 'shape': (100,), }"
        #expect(
            decodeReason(npyBytes(header: half, data: [UInt8](repeating: 0, count: 200)), maxBytes: 300)
                == "shape [100] needs 400 bytes, more than the limit of 300 bytes")
        // A huge claimed shape is refused from the header alone, with nothing allocated.
        let huge = "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }"
        #expect(
            decodeReason(npyBytes(header: huge, data: [1, 2, 3]))
                == "shape [100000, 100000, 100000] needs 8000000000000000 bytes, more than the limit of 2147483648 bytes"
        )
    }

    @Test func nonFiniteValuesNamedWithPosition() {
        let h = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }"
        #expect(
            decodeReason(npyBytes(header: h, data: f32Bytes([0, 1, .infinity, 2])))
                == "non-finite value inf at index [1, 0]")
        let f8 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }"
        let big = (1e300 as Double).bitPattern
        let bytes =
            (0..<8).map { UInt8(truncatingIfNeeded: UInt64(0) >> (8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: big >> (8 * $0)) }
        #expect(decodeReason(npyBytes(header: f8, data: bytes)) == "value 1e+300 at index [1] does not fit in float32")
        // Fortran order: the position is the logical index, not the storage offset.
        let fortran = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }"
        // storage order [0,0] [1,0] [0,1] [1,1] [0,2] [1,2]
        #expect(
            decodeReason(npyBytes(header: fortran, data: f32Bytes([0, 0, 0, .nan, 0, 0])))
                == "non-finite value nan at index [1, 1]")
        #expect(
            decodeReason(npyBytes(header: fortran, data: f32Bytes([0, 0, 0, 0, .nan, 0])))
                == "non-finite value nan at index [0, 2]")
    }

    @Test(arguments: [
        "{'descr':'<f4','fortran_order':False,'shape':(2,)}",
        "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2,)}",
        "{ 'shape' : ( 2 , ) ,\t'fortran_order' : False , 'descr' : '<f4' , }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2L,), }",
        "{'descr': '=f4', 'fortran_order': False, 'shape': (2,), }",
        "{'descr': 'f4', 'fortran_order': False, 'shape': (2,), }",
    ])
    func tolerantHeaders(header: String) throws {
        #expect(
            try NPY.decode(npyBytes(header: header, data: Self.twoFloats), file: "x.npy") == (try tensor([2], [1, 2])))
    }

    @Test func unpaddedHeaderAndVersion2() throws {
        #expect(
            try NPY.decode(npyBytes(header: Self.good, data: Self.twoFloats, pad: false), file: "x.npy").data == [1, 2])
        #expect(
            try NPY.decode(npyBytes(header: Self.good, data: Self.twoFloats, version: 2), file: "x.npy").data == [1, 2])
    }

    @Test func version3HeaderMustBeUTF8() {
        var bytes = npyBytes(header: Self.good, data: Self.twoFloats, version: 3)
        bytes[13] = 0xFF
        #expect(decodeReason(bytes) == "header is not valid UTF-8")
    }

    @Test func fortranOrderAcrossRanks() throws {
        let h = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }"
        // [[1, 2, 3], [4, 5, 6]] in column-major storage
        let t = try NPY.decode(npyBytes(header: h, data: f32Bytes([1, 4, 2, 5, 3, 6])), file: "x.npy")
        #expect(t == (try tensor([2, 3], [1, 2, 3, 4, 5, 6])))
        let v = "{'descr': '<f4', 'fortran_order': True, 'shape': (3,), }"
        #expect(try NPY.decode(npyBytes(header: v, data: f32Bytes([1, 2, 3])), file: "x.npy").data == [1, 2, 3])
    }
}
