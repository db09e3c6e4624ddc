import Foundation
import LessonKit
import Testing

@testable import LabShell

/// `record FILE.md` … `record stop`: a Markdown transcript, colour removed,
/// written at once; refused while a lesson plays.
@Suite struct RecordTests {
    @Test func aTranscriptHasCommandsAndTextBlocksWithoutColour() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var lab = Lab(width: 100, color: true)
        #expect(lab.handle("record \"\(path)\"").output == "recording to \(path) until 'record stop'")
        #expect(lab.handle("record other.md").error?.hasPrefix("already recording to ") == true)
        let shown = lab.handle("show h0 b=0").output
        _ = lab.handle("xyzzy")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(lab.handle("record stop").output == "wrote \(path): 2 commands")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# LSTMLab session\n\n```\nlstmlab> show h0 b=0\n```"))
        #expect(text.contains("```\nlstmlab> show h0 b=0\n```\n\n```text\n" + Lab.stripEscapes(shown) + "\n```"))
        #expect(text.contains("```\nlstmlab> xyzzy\n```\n\n```text\nerror: unknown command 'xyzzy'\n```"))
        #expect(!text.contains("\u{1B}"))
        #expect(lab.handle("record stop").error == "nothing is being recorded: 'record FILE.md' starts")
    }

    /// In Chinese the transcript's title and the errors it shows are Chinese too.
    @Test func aChineseTranscript() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var lab = Lab(width: 200)
        _ = lab.handle("set lang zh")
        #expect(lab.handle("record \"\(path)\"").output == "开始录制到 \(path)，直到 'record stop'")
        _ = lab.handle("xyzzy")
        #expect(lab.handle("record stop").output == "已写入 \(path)：1 条命令")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "# LSTMLab 实验记录\n\n```\nlstmlab> xyzzy\n```\n\n```text\n错误：没有这个命令：'xyzzy'\n```\n")
    }

    @Test func refusedWhileALessonPlaysAndInLessonBlocks() throws {
        var lab = Lab(width: 100)
        lab.lessons.config = LessonConfig(root: CourseTests.root, language: "en", progressURL: nil)
        _ = lab.handle("lesson play 1")
        #expect(
            lab.handle("record x.md").error
                == "'record' is not allowed while a lesson plays: leave it with 'quit' first")
        #expect(throws: (any Error).self) { try lab.run("record x.md") }
        #expect(lab.handle("record /no/such/dir/x.md").error != nil)
    }
}
