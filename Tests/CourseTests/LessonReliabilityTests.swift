import Foundation
import Testing

@testable import LabShell
@testable import LessonKit

/// Issue 13 rows 8–12 and 14 for lessons: `lesson check` and the player share one
/// definition of a lab line and an answer; CRLF, control characters, long words,
/// damaged progress, and the counterpart path from inside a language folder.
@Suite struct LessonReliabilityTests {
    typealias Fixture = LessonShellTests.Fixture

    private func check(_ en: String, zh: String? = nil) throws -> (LineResult, String) {
        let f = try Fixture(en: en, zh: zh ?? en.replacingOccurrences(of: "title: Tiny", with: "title: 小课"))
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        let path = f.root.appendingPathComponent("en/01-tiny.md").path
        return (lab.handle("lesson check \(path)"), path)
    }

    /// Row 10: every one of these passed `lesson check` and was refused by the player.
    @Test(arguments: [
        "export\td", "\"export\" d", "'save' weights f", "export\u{A0}d", "export\u{3000}d",
        "export\u{0C}d", "export\u{0B}d", "load\tinput x.npy",
    ])
    func fileCommandsInAnyDisguiseAreRefused(_ line: String) throws {
        let en = LessonShellTests.en.replacingOccurrences(of: "step fwd\n", with: line + "\n")
        let (result, path) = try check(en)
        #expect(result.error?.hasPrefix("\(path):30: error: ") == true)
        #expect(result.error?.contains("lessons cannot read or write files") == true, "\(result.error ?? "")")
    }

    /// Row 10: answers that parse but cannot be checked on the live model fail the check, as they fail to play.
    @Test(arguments: [
        ("answer: number 4*2", "answer: shape y bwd"),
        ("answer: value gates[0,2] fwd", "answer: value gates[0,99] fwd"),
    ])
    func answersThatCannotPlayAreRefused(_ from: String, _ to: String) throws {
        let en = LessonShellTests.en.replacingOccurrences(of: from, with: to)
        let (result, path) = try check(en)
        #expect(result.error?.hasPrefix("\(path):") == true, "\(result.output)")
    }

    @Test func aGoodLessonChecksAndSaysItPlayed() throws {
        let (result, path) = try check(LessonShellTests.en)
        #expect(result.error == nil)
        #expect(
            result.output
                == "\(path): ok: lesson 1, 3 steps, 2 questions, steps match the zh version, played to the end")
    }

    /// Row 8: a CRLF lesson said "must start with front matter".
    @Test func crlfLessonsCheckAndPlay() throws {
        let crlf = LessonShellTests.en.replacingOccurrences(of: "\n", with: "\r\n")
        let (result, _) = try check(crlf, zh: crlf)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.output.hasSuffix("played to the end"))
    }

    /// Row 11: ESC and BEL in a title, narration or question are refused by the check,
    /// and shown escaped if such a lesson is played anyway.
    @Test func controlCharactersAreRefusedAndShownEscaped() throws {
        let hostile = LessonShellTests.en
            .replacingOccurrences(of: "title: Tiny", with: "title: Tiny\u{1B}[2J")
            .replacingOccurrences(of: "Intro.", with: "Intro \u{1B}]52;c;aGk=\u{07} end.")
            .replacingOccurrences(of: "ask: How many gate units?", with: "ask: How many\u{07} units?")
        let (result, path) = try check(hostile, zh: hostile)
        #expect(
            result.error == """
                \(path):3: error: control character U+001B at column 12: a terminal would act on it (ESC starts escape sequences, BEL rings); remove it
                \(path):8: error: control character U+001B at column 7: a terminal would act on it (ESC starts escape sequences, BEL rings); remove it
                \(path):20: error: control character U+0007 at column 14: a terminal would act on it (ESC starts escape sequences, BEL rings); remove it
                """)
        let f = try Fixture(en: hostile, zh: hostile)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        let out = lab.handle("lesson play 1").output
        #expect(!out.contains("\u{1B}") && !out.contains("\u{07}"))
        #expect(out.hasPrefix("━━ Lesson 1: Tiny\\u{1B}[2J ━━\n\nIntro \\u{1B}]52;c;aGk=\\u{7} end."))
        #expect(out.contains("? How many\\u{7} units?"))
    }

    /// Row 12: a long word in a lesson plays whole (wrapping was quadratic: 16 s for 1 MiB).
    @Test func aLongWordPlays() throws {
        let word = String(repeating: "x", count: 256 << 10)
        let en = LessonShellTests.en.replacingOccurrences(of: "Intro.", with: "Intro " + word + " end.")
        let f = try Fixture(en: en)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        let out = lab.handle("lesson play 1").output
        #expect(out.contains("Intro\n" + word + "\nend."))
    }

    /// Row 14: from inside `en/`, the counterpart is `../zh/…`, not `zh/…`; `./x.md` there trapped.
    @Test func counterpartPathFromInsideTheLanguageFolder() {
        #expect(LessonLinter.counterpartFolder(ofFile: "05-b.md", language: "zh") == "../zh")
        #expect(LessonLinter.counterpartFolder(ofFile: "./05-b.md", language: "zh") == "../zh")
        #expect(LessonLinter.counterpartFolder(ofFile: "en/05-b.md", language: "zh") == "zh")
        #expect(LessonLinter.counterpartFolder(ofFile: "./en/05-b.md", language: "zh") == "./zh")
        #expect(LessonLinter.counterpartFolder(ofFile: "/l/en/05-b.md", language: "zh") == "/l/zh")
        #expect(LessonLinter.counterpartFolder(ofFile: "x/05-b.md", language: "zh") == "x/../zh")
        #expect(LessonCatalog.language(ofPath: "./x.md", currentDirectory: "/l/zh") == "zh")
        #expect(LessonCatalog.language(ofPath: "x.md", currentDirectory: "/") == "en")
        let errors = LessonLinter { _ in nil }.lint(path: "./01-tiny.md", currentDirectory: "/nonexistent/en")
        #expect(errors.map(\.description) == ["./01-tiny.md:1: error: cannot read the file: no such file"])
    }

    /// Row 9: a progress.json that is a folder, a FIFO or a link to /dev/zero is set aside by name.
    @Test(arguments: ["folder", "fifo", "zero"])
    func damagedProgressStartsFresh(_ kind: String) throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: f.state.deletingLastPathComponent(), withIntermediateDirectories: true)
        let what: String
        switch kind {
        case "folder":
            try fm.createDirectory(at: f.state, withIntermediateDirectories: false)
            what = "is a folder, not a file"
        case "fifo":
            #expect(mkfifo(f.state.path, 0o600) == 0)
            what = "is a FIFO (named pipe), not a file"
        default:
            try fm.createSymbolicLink(atPath: f.state.path, withDestinationPath: "/dev/zero")
            what = "is a character device, not a file"
        }
        var lab = f.lab()
        let out = lab.handle("lesson play 1").output
        #expect(
            out.hasPrefix(
                "warning: \(f.state.path) \(what); it was moved to \(f.state.path).bak and progress starts fresh\n"))
        #expect(try f.progress()[1]?.step == 0)
        #expect(lab.handle("quit").output.hasPrefix("Left the lesson; progress kept"))
    }

    /// Row 9: a state folder that is a file: one warning, and `quit` does not claim progress was kept.
    @Test func unsavableProgressIsSaidOnce() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let stateFolder = f.state.deletingLastPathComponent()
        try Data("x".utf8).write(to: stateFolder)
        var lab = f.lab()
        let start = lab.handle("lesson play 1").output
        let warning =
            "warning: progress cannot be saved: the state folder \(stateFolder.path) is not a folder; "
            + "it lasts only until the lab ends"
        #expect(start.components(separatedBy: warning).count == 2, "\(start)")
        #expect(!lab.handle("hint").output.contains("warning"))
        #expect(!lab.handle("answer 3").output.contains("warning"))
        #expect(
            lab.handle("quit").output.replacingOccurrences(of: "\n", with: " ")
                == "Left the lesson at lesson 1 · step 1/3; progress could not be saved, so it lasts only until the lab ends."
        )
    }
}
