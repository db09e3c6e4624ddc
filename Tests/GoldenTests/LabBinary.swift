import Foundation

/// The built `lstmlab` executable, found beside the test bundle (the test
/// target depends on it, so `swift test` builds it first), and a way to run it.
enum LabBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var path: String? {
        var dirs: [URL] = []
        // Linux: the test runner is the .xctest executable itself.
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dirs.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        // macOS: .build/debug/X.xctest is a bundle inside the products folder.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            dirs.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            dirs.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        return dirs.map { $0.appendingPathComponent("lstmlab").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `lstmlab -c script` with no terminal and a plain environment.
    static func run(_ script: String) throws -> Result {
        guard let path else { throw LabBinaryError.notFound }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-c", script]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "TERM": "dumb"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

enum LabBinaryError: Error, CustomStringConvertible {
    case notFound
    var description: String { "lstmlab was not found beside the test bundle" }
}

/// `"path"` for a command line (the fixture paths have no quotes in them).
func quoted(_ path: String) -> String { "\"" + path + "\"" }

/// A fresh empty directory under the system's temporary directory.
func makeTemporaryDirectory(_ label: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("lstmlab-golden-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
