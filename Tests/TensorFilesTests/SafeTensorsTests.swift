import Foundation
import LSTMCore
import Testing

@testable import TensorFiles

/// A safetensors file from a header text and a data buffer; `length` overrides the header length.
func safetensorsBytes(_ header: String, data: [UInt8] = [], length: UInt64? = nil) -> [UInt8] {
    let h = Array(header.utf8)
    let n = length ?? UInt64(h.count)
    return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + h + data
}

/// Files written by the real safetensors 0.8.0 (Fixtures/make_fixtures.py).
@Suite struct SafeTensorsFixtureTests {
    @Test func fourDtypesConverted() throws {
        let t = try SafeTensors.read(path: Fixture.path("dtypes.safetensors"))
        #expect(t.keys.sorted() == ["bf16", "f16", "f32", "f64"])
        #expect(t["f32"] == (try tensor([2, 3], [1, -2, 0.125, 3.5, 0, -0.75])))
        #expect(t["f64"] == (try tensor([2], [Float(1.0 / 3.0), Float(-1e-3 as Double)])))
        #expect(t["f16"] == (try tensor([4], [0.5, -2, 65504, 0x1p-24])))
        #expect(t["bf16"] == (try tensor([3, 1], [1.5, -3, 3.140625])))
    }

    @Test func encoderIsByteIdenticalToTheReference() throws {
        let reference = try Fixture.bytes("f32_pair.safetensors")
        let ours = SafeTensors.encode(
            [
                (name: "b", tensor: try tensor([2, 2], [1, 2, 3, 4])),
                (name: "a", tensor: try tensor([3], [0.5, -1, 2])),
            ],
            metadata: ["format": "np"])
        #expect(ours == reference)
        let back = try SafeTensors.decode(reference, file: "f32_pair.safetensors")
        #expect(back["a"] == (try tensor([3], [0.5, -1, 2])))
        #expect(back["b"] == (try tensor([2, 2], [1, 2, 3, 4])))
    }
}

@Suite struct SafeTensorsRoundTripTests {
    @Test func encodeThenDecode() throws {
        let parts: [(name: String, tensor: Tensor)] = [
            ("z", try tensor([2, 3, 4], (0..<24).map { Float($0) * -0.125 })),
            ("scalar", try tensor([], [42])),
            ("empty", try tensor([0, 5], [])),
            ("naïve \"name\"\\ with\nescapes\u{1}", try tensor([2], [.leastNonzeroMagnitude, -0.0])),
        ]
        let bytes = SafeTensors.encode(parts, metadata: ["format": "pt", "quote\"": "line\nbreak"])
        let back = try SafeTensors.decode(bytes, file: "x.safetensors")
        #expect(back.count == 4)
        for (name, t) in parts {
            #expect(back[name]?.shape == t.shape)
            #expect(back[name]?.data.map(\.bitPattern) == t.data.map(\.bitPattern))
        }
        let n = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(n % 8 == 0)
        let header = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + n)])) as? [String: Any]
        #expect(header?["__metadata__"] as? [String: String] == ["format": "pt", "quote\"": "line\nbreak"])
    }

    @Test func repeatedNamesKeepTheLastAndMetadataNameIsReserved() throws {
        let bytes = SafeTensors.encode([
            ("a", try tensor([1], [1])), ("a", try tensor([1], [2])),
            ("__metadata__", try tensor([1], [3])),
        ])
        let back = try SafeTensors.decode(bytes, file: "x")
        #expect(back == ["a": try tensor([1], [2])])
    }

    @Test func writeAndRead() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.safetensors")
        try SafeTensors.write([("w", try tensor([2], [1, 2]))], metadata: ["format": "pt"], path: path)
        #expect(try SafeTensors.read(path: path) == ["w": try tensor([2], [1, 2])])
        #expect(reason { try SafeTensors.read(path: folder.file("nope.safetensors")) } == "no such file")
        #expect(
            reason { try SafeTensors.read(path: path, maxBytes: 10) }
                == "file is 104 bytes, more than the limit of 10 bytes")
        #expect(
            reason { try SafeTensors.write([], path: folder.file("no/w.safetensors")) }
                == "cannot write: folder \(folder.path)/no does not exist")
    }
}

@Suite struct SafeTensorsMalformedTests {
    static let f32x2 = f32Bytes([1, 2])

    func decodeReason(_ bytes: [UInt8], maxBytes: Int = 2 << 30) -> String? {
        reason { try SafeTensors.decode(bytes, file: "w.safetensors", maxBytes: maxBytes) }
    }

    func entry(_ fields: String, data: [UInt8] = f32x2) -> String? {
        decodeReason(safetensorsBytes("{\"x\":{\(fields)}}", data: data))
    }

    @Test func sanityTheGoodEntryDecodes() throws {
        let good = safetensorsBytes(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: Self.f32x2)
        #expect(try SafeTensors.decode(good, file: "w") == ["x": try tensor([2], [1, 2])])
    }

    @Test func framingFlaws() throws {
        #expect(decodeReason([]) == "empty file")
        #expect(
            decodeReason([1, 2, 3, 4, 5])
                == "truncated: a safetensors file starts with an 8-byte header length, the file has 5 bytes")
        #expect(
            decodeReason(NPY.encode((try? tensor([1], [1])) ?? Matrix(rows: 0, cols: 0).tensor))
                == "this is an .npy file, not safetensors")
        #expect(
            decodeReason([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0])
                == "this is a zip archive (a PyTorch .pt/.pth file?), not safetensors; save with safetensors.torch.save_file"
        )
        #expect(
            decodeReason(safetensorsBytes("{}", length: 1000))
                == "header length 1000 is larger than the file: only 2 bytes follow the 8-byte length")
        #expect(decodeReason(safetensorsBytes("[1]")) == "header is not a JSON object")
        #expect(decodeReason(safetensorsBytes("  {}")) == "header is not a JSON object")
        #expect(decodeReason(safetensorsBytes("{\"a\": }")) == "header is not valid JSON")
        #expect(decodeReason(safetensorsBytes("{\"a\": 1} x")) == "header is not valid JSON")
        #expect(
            decodeReason(safetensorsBytes("{\"__metadata__\": {\"a\": 1}}"))
                == "__metadata__ must map strings to strings")
        #expect(
            decodeReason(safetensorsBytes("{\"__metadata__\": [\"a\"]}")) == "__metadata__ must map strings to strings")
        #expect(try SafeTensors.decode(safetensorsBytes("{\"__metadata__\": {\"a\": \"b\"}}    "), file: "w").isEmpty)
    }

    @Test(arguments: [
        (#""dtype":"F32","shape":[2]"#, "tensor 'x': missing \"data_offsets\""),
        (#""shape":[2],"data_offsets":[0,8]"#, "tensor 'x': missing \"dtype\""),
        (#""dtype":"F32","data_offsets":[0,8]"#, "tensor 'x': missing \"shape\""),
        (
            #""dtype":"F32","shape":[2],"data_offsets":[0,8],"extra":1"#,
            "tensor 'x': unexpected key \"extra\" (expected dtype, shape, data_offsets)"
        ),
        (#""dtype":32,"shape":[2],"data_offsets":[0,8]"#, "tensor 'x': \"dtype\" must be a string such as \"F32\""),
        (
            #""dtype":"I64","shape":[1],"data_offsets":[0,8]"#,
            "tensor 'x': unsupported dtype I64; only F32, F64, F16 and BF16 can be loaded"
        ),
        (
            #""dtype":"BOOL","shape":[8],"data_offsets":[0,8]"#,
            "tensor 'x': unsupported dtype BOOL; only F32, F64, F16 and BF16 can be loaded"
        ),
        (
            #""dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]"#,
            "tensor 'x': unsupported dtype F8_E4M3; only F32, F64, F16 and BF16 can be loaded"
        ),
        (#""dtype":"F32","shape":2,"data_offsets":[0,8]"#, "tensor 'x': \"shape\" must be a list of integers"),
        (#""dtype":"F32","shape":[2.0],"data_offsets":[0,8]"#, "tensor 'x': \"shape\" must be a list of integers"),
        (#""dtype":"F32","shape":[true],"data_offsets":[0,8]"#, "tensor 'x': \"shape\" must be a list of integers"),
        (#""dtype":"F32","shape":["2"],"data_offsets":[0,8]"#, "tensor 'x': \"shape\" must be a list of integers"),
        (#""dtype":"F32","shape":[-2],"data_offsets":[0,8]"#, "tensor 'x': \"shape\" has a negative dimension -2"),
        (
            #""dtype":"F32","shape":[18446744073709551615],"data_offsets":[0,8]"#,
            "tensor 'x': absurd shape: a dimension is too large"
        ),
        (
            #""dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]"#,
            "tensor 'x': absurd shape [4611686018427387904, 4]: the element count overflows"
        ),
        (
            #""dtype":"F32","shape":[2],"data_offsets":[0]"#,
            "tensor 'x': \"data_offsets\" must be two integers [begin, end]"
        ),
        (
            #""dtype":"F32","shape":[2],"data_offsets":{"a":0}"#,
            "tensor 'x': \"data_offsets\" must be two integers [begin, end]"
        ),
        (
            #""dtype":"F32","shape":[2],"data_offsets":[0,8.0]"#,
            "tensor 'x': \"data_offsets\" must be two non-negative integers [begin, end]"
        ),
        (
            #""dtype":"F32","shape":[2],"data_offsets":[-8,0]"#,
            "tensor 'x': \"data_offsets\" must be two non-negative integers [begin, end]"
        ),
        (
            #""dtype":"F32","shape":[2],"data_offsets":[0,18446744073709551615]"#,
            "tensor 'x': data_offsets run past the end of the data buffer (8 bytes)"
        ),
        (#""dtype":"F32","shape":[2],"data_offsets":[8,0]"#, "tensor 'x': data_offsets [8, 0] end before they begin"),
        (
            #""dtype":"F32","shape":[2,3],"data_offsets":[0,8]"#,
            "tensor 'x': data_offsets [0, 8] hold 8 bytes, but shape [2, 3] of F32 needs 24"
        ),
        (
            #""dtype":"F64","shape":[2],"data_offsets":[0,8]"#,
            "tensor 'x': data_offsets [0, 8] hold 8 bytes, but shape [2] of F64 needs 16"
        ),
        (
            #""dtype":"F32","shape":[4],"data_offsets":[0,16]"#,
            "tensor 'x': data_offsets [0, 16] run past the end of the data buffer (8 bytes; truncated file?)"
        ),
    ])
    func entryFlaws(fields: String, expected: String) {
        #expect(entry(fields) == expected)
    }

    @Test func entryMustBeAnObject() {
        #expect(
            decodeReason(safetensorsBytes(#"{"x": [1, 2]}"#, data: Self.f32x2))
                == "tensor 'x': entry is not a JSON object")
    }

    @Test func bufferCoverage() throws {
        let overlap =
            #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        #expect(
            decodeReason(safetensorsBytes(overlap, data: f32Bytes([1, 2, 3])))
                == "tensors 'a' and 'b' overlap in the data buffer (bytes 4..<8)")
        let same =
            #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        #expect(
            decodeReason(safetensorsBytes(same, data: f32Bytes([1, 2])))
                == "tensors 'a' and 'b' overlap in the data buffer (bytes 0..<8)")
        let gap =
            #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        #expect(
            decodeReason(safetensorsBytes(gap, data: f32Bytes([1, 2, 3])))
                == "bytes 4..<8 of the data buffer belong to no tensor")
        let trailing = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        #expect(
            decodeReason(safetensorsBytes(trailing, data: f32Bytes([1, 2])))
                == "trailing bytes: the tensors use 4 bytes of the data buffer, which has 8")
        #expect(
            decodeReason(safetensorsBytes("{}", data: [0]))
                == "trailing bytes: the tensors use 0 bytes of the data buffer, which has 1")
        let zeroSized =
            #"{"a":{"dtype":"F32","shape":[0,3],"data_offsets":[0,0]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        #expect(decodeReason(safetensorsBytes(zeroSized, data: f32Bytes([1]))) == nil)
    }

    @Test func sizeLimitCountsFloat32Bytes() {
        let h = #"{"a":{"dtype":"F16","shape":[4],"data_offsets":[0,8]}}"#
        #expect(
            decodeReason(safetensorsBytes(h, data: [UInt8](repeating: 0, count: 8)), maxBytes: 15)
                == "the tensors need more than 15 bytes as float32, the limit")
        #expect(decodeReason(safetensorsBytes(h, data: [UInt8](repeating: 0, count: 8)), maxBytes: 16) == nil)
    }

    @Test func nonFiniteValuesNamedWithTensorAndPosition() {
        func one(_ dtype: String, _ shape: String, _ data: [UInt8]) -> String? {
            decodeReason(
                safetensorsBytes(
                    "{\"w\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":[0,\(data.count)]}}", data: data
                ))
        }
        #expect(one("F32", "[2,2]", f32Bytes([0, 0, 0, .nan])) == "tensor 'w': non-finite value nan at index [1, 1]")
        #expect(one("F16", "[3]", [0, 0, 0, 0x7C, 0, 0]) == "tensor 'w': non-finite value inf at index [1]")
        #expect(one("F16", "[1]", [0, 0xFC]) == "tensor 'w': non-finite value -inf at index [0]")
        #expect(one("BF16", "[2,1]", [0xC0, 0x7F, 0, 0]) == "tensor 'w': non-finite value nan at index [0, 0]")
        let big = (-1e300 as Double).bitPattern
        #expect(
            one("F64", "[1]", (0..<8).map { UInt8(truncatingIfNeeded: big >> (8 * UInt64($0))) })
                == "tensor 'w': value -1e+300 at index [0] does not fit in float32")
    }
}
