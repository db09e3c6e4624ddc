import Foundation
import LSTMCore
import Testing

@testable import TensorFiles

/// Fixtures are copied into the test bundle (`resources: [.copy("Fixtures")]`) and found with `Bundle.module`.
enum Fixture {
    static func path(_ name: String) -> String {
        (Bundle.module.resourceURL ?? URL(fileURLWithPath: "/nonexistent"))
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }
}

/// The reason of the FileFormatError `body` throws, or nil if it succeeds.
/// (Closures do not infer typed throws in Swift 6.3 without FullTypedThrows, so
/// the body is untyped here; `TypedThrowsTests` checks the declared types.)
func reason<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as FileFormatError {
        return error.reason
    } catch {
        return "not a FileFormatError: \(error)"
    }
}

/// A fresh empty folder under the system temporary folder, removed by `cleanup`.
struct TemporaryFolder: ~Copyable {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("TensorFilesTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// An `.npy` file with the given preamble version, header text (padded as numpy pads) and data.
func npyBytes(header: String, data: [UInt8] = [], version: UInt8 = 1, pad: Bool = true) -> [UInt8] {
    var text = Array(header.utf8)
    let preamble = version == 1 ? 10 : 12
    if pad {
        while (preamble + text.count + 1) % 64 != 0 { text.append(0x20) }
        text.append(0x0A)
    }
    var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
    let n = text.count
    out += [UInt8(n & 0xff), UInt8((n >> 8) & 0xff)]
    if version != 1 { out += [UInt8((n >> 16) & 0xff), UInt8((n >> 24) & 0xff)] }
    return out + text + data
}

/// Little-endian float32 bytes.
func f32Bytes(_ xs: [Float]) -> [UInt8] {
    xs.flatMap { x -> [UInt8] in
        let b = x.bitPattern
        return [UInt8(b & 0xff), UInt8((b >> 8) & 0xff), UInt8((b >> 16) & 0xff), UInt8(b >> 24)]
    }
}

func tensor(_ shape: [Int], _ data: [Float]) throws -> Tensor {
    try Tensor(shape: shape, data: data)
}
