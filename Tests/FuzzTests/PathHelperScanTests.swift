import Foundation
import Testing

/// Issue 13 row 1: Foundation's path helpers trapped on one-character names; user paths
/// go through `PathName`. This fails when a source file uses one of them again.
@Suite struct PathHelperScanTests {
    static let forbidden = [
        "deletingLastPathComponent", "lastPathComponent", "as NSString", "NSString(",
        "deletingPathExtension", "standardizingPath",
    ]

    @Test func noFoundationPathHelpersInSources() throws {
        let sources = FuzzLab.repositoryRoot.appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 50)
        var hits: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                for word in Self.forbidden where code.contains(word) {
                    hits.append("Sources/\(file):\(n + 1): \(word)")
                }
            }
        }
        #expect(hits == [])
    }
}
