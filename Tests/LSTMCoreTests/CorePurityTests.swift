import Foundation
import Testing

/// LSTMCore is the code a learner reads beside the tutorial: no C, no
/// threads, no global state, no unsafe pointers. The fast engine's tools
/// live in LSTMKernels; this test keeps them from drifting back in.
@Suite struct CorePurityTests {
    /// The modules LSTMCore may import (Swift's own standard library needs no import).
    static let allowedImports: Set<String> = ["RealModule"]

    /// Words that mean C memory, threads, Dispatch or shared mutable state.
    static let forbidden = [
        "UnsafePointer", "UnsafeMutablePointer", "UnsafeRawPointer", "UnsafeMutableRawPointer",
        "UnsafeBufferPointer", "UnsafeMutableBufferPointer", "withUnsafe", "unsafeBitCast",
        "Unmanaged", "OpaquePointer", "nonisolated(unsafe)", "@unchecked", "Thread",
        "Dispatch", "pthread", "Atomic<", "Mutex<",
    ]

    static var coreSources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LSTMCore")
    }

    static func files() throws -> [(name: String, lines: [String])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: coreSources.path).filter {
            $0.hasSuffix(".swift")
        }
        return try names.sorted().map { name in
            let text = try String(contentsOf: coreSources.appendingPathComponent(name), encoding: .utf8)
            return (name, text.components(separatedBy: "\n"))
        }
    }

    @Test func coreImportsNoCModuleNorFoundation() throws {
        let files = try Self.files()
        #expect(files.count > 10, "found \(files.count) files in \(Self.coreSources.path)")
        for (name, lines) in files {
            for (n, line) in lines.enumerated() {
                let words = line.split(separator: " ").map(String.init)
                guard let i = words.firstIndex(of: "import"), words[..<i].allSatisfy({ $0.hasPrefix("@") }),
                    i + 1 < words.count
                else { continue }
                let module =
                    words[(i + 1)...].first { !["struct", "class", "enum", "func", "var", "let"].contains($0) } ?? ""
                #expect(Self.allowedImports.contains(module), "\(name):\(n + 1): imports \(module)")
            }
        }
    }

    @Test func coreUsesNoUnsafePointersThreadsOrLocks() throws {
        for (name, lines) in try Self.files() {
            for (n, line) in lines.enumerated() {
                // Code only: comments may name what the core leaves out.
                let code = line.components(separatedBy: "//").first ?? ""
                for word in Self.forbidden where code.contains(word) {
                    Issue.record("\(name):\(n + 1): uses \(word): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
    }
}
