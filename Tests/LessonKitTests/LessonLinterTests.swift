import Foundation
import Testing

@testable import LessonKit

@Suite struct LessonLinterTests {
    func write(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)/lessons")
        for (path, text) in files {
            let u = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: u)
        }
        return root
    }

    let linter = LessonLinter { $0.hasPrefix("bad") ? "unknown command 'bad'" : nil }

    @Test func cleanPairPasses() throws {
        let root = try write(["en/03-fused.md": Fixture.lesson, "zh/03-fused.md": Fixture.lesson])
        #expect(linter.lint(path: root.appendingPathComponent("en/03-fused.md").path) == [])
        #expect(linter.lint(path: root.appendingPathComponent("zh/03-fused.md").path) == [])
    }

    @Test func reportsCommandsIdsAndMisalignment() throws {
        let zh = Fixture.lesson
            .replacingOccurrences(of: "show W_ih_f", with: "show W_hh_f")
            .replacingOccurrences(of: "answer: number 64", with: "answer: number 65")
        let en = Fixture.lesson.replacingOccurrences(of: "step fwd", with: "bad step")
        let root = try write(["en/04-fused.md": en, "zh/04-fused.md": zh])
        let path = root.appendingPathComponent("en/04-fused.md").path
        let zhPath = root.appendingPathComponent("zh/04-fused.md").path
        #expect(
            linter.lint(path: path).map(\.description) == [
                "\(path):1: error: the file name says lesson 4 but its id is 3",
                "\(path):16: error: step 1: lab command 'show W_ih_f' here but 'show W_hh_f' in \(zhPath):16",
                "\(path):23: error: step 1: 'answer: number 64' here but 'answer: number 65' in \(zhPath):23",
                "\(path):35: error: 'bad step': unknown command 'bad'",
                "\(path):35: error: step 2: lab command 'bad step' here but 'step fwd' in \(zhPath):35",
            ])
    }

    @Test func reportsStepCountAndMissingCounterpart() throws {
        let zh = Fixture.lesson.replacingOccurrences(of: "## The end\n\nOnly words here.", with: "")
        let root = try write([
            "en/03-a.md": Fixture.lesson, "zh/03-a.md": zh,
            "en/05-b.md": Fixture.lesson.replacingOccurrences(of: "id: 3", with: "id: 5"),
        ])
        let path = root.appendingPathComponent("en/03-a.md").path
        #expect(
            linter.lint(path: path).map(\.description) == [
                "\(path):1: error: 3 steps here but 2 in \(root.appendingPathComponent("zh/03-a.md").path): the languages must have the same steps"
            ])
        let b = root.appendingPathComponent("en/05-b.md").path
        #expect(
            linter.lint(path: b).map(\.description) == [
                "\(b):1: error: no zh version of lesson 5: expected \(root.appendingPathComponent("zh").path)/05-….md"
            ])
    }

    @Test func catalogFindsLessonsAndLocatesTheFolder() throws {
        let root = try write(["en/01-a.md": "x", "en/02-b.md": "x", "zh/01-a.md": "x", "en/notes.txt": "x"])
        let c = LessonCatalog(root: root)
        #expect(c.entries(language: "en").map(\.id) == [1, 2])
        #expect(c.entry(id: 2, language: "zh")?.language == "en")
        #expect(c.entry(id: 1, language: "zh")?.displayPath == "lessons/zh/01-a.md")
        #expect(c.ids == [1, 2])
        let pkg = root.deletingLastPathComponent()
        let exe = pkg.appendingPathComponent(".build/debug/lstmlab").path
        #expect(LessonCatalog.locate(environment: [:], executablePath: exe, currentDirectory: "/").path == root.path)
        #expect(
            LessonCatalog.locate(environment: ["LSTMLAB_LESSONS": "/x/l"], executablePath: exe, currentDirectory: "/")
                .path == "/x/l")
        #expect(
            LessonCatalog.locate(environment: [:], executablePath: "/nowhere/bin/lstmlab", currentDirectory: "/tmp")
                .path == "/tmp/lessons")
    }
}
