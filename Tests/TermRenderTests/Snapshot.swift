import Foundation
import Testing

/// Compares `text` with `Snapshots/NAME.txt` beside this file. With
/// `RECORD_SNAPSHOTS=1` in the environment it writes the file instead.
func assertSnapshot(
    _ text: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent(name + ".txt")
    let content = text.hasSuffix("\n") ? text : text + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8)
    else {
        Issue.record(
            "no snapshot \(name).txt: run the tests with RECORD_SNAPSHOTS=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    if expected == content { return }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = content.split(separator: "\n", omittingEmptySubsequences: false)
    let line = Array(zip(a, b)).firstIndex { $0 != $1 } ?? min(a.count, b.count)
    let want = line < a.count ? String(a[line]) : "(end of snapshot)"
    let got = line < b.count ? String(b[line]) : "(end of output)"
    Issue.record(
        """
        snapshot \(name).txt differs at line \(line + 1) (RECORD_SNAPSHOTS=1 rewrites it)
          expected: \(want)
          actual:   \(got)
        """, sourceLocation: sourceLocation)
}

/// `s` without ANSI CSI sequences.
func stripEscapes(_ s: String) -> String {
    var out = ""
    var inEscape = false
    for u in s.unicodeScalars {
        if inEscape {
            if (0x40...0x7E).contains(u.value) && u != "[" { inEscape = false }
            continue
        }
        if u == "\u{1B}" {
            inEscape = true
            continue
        }
        out.unicodeScalars.append(u)
    }
    return out
}
