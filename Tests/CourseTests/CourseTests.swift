import Foundation
import LabShell
import LessonKit
import Testing

/// Every lesson of the course, played headless on the real interpreter in
/// both languages, and every lesson file linted.
@Suite struct CourseTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lessons")

    static var files: [String] {
        LessonCatalog.languages.flatMap { lang in
            LessonCatalog(root: root).entries(language: lang).map { "\(lang)/\($0.url.lastPathComponent)" }
        }
    }

    @Test func theCourseHasBothLanguagesOfEveryLesson() {
        let catalog = LessonCatalog(root: CourseTests.root)
        let en = catalog.entries(language: "en").map(\.id)
        let zh = catalog.entries(language: "zh").map(\.id)
        #expect(en == Array(1...17))
        #expect(zh == en)
    }

    @Test(arguments: files)
    func playsToTheEnd(file: String) throws {
        let url = CourseTests.root.appendingPathComponent(file)
        let language = LessonCatalog.language(ofPath: url.path)
        let lesson = try LessonCatalog.load(url: url, displayPath: "lessons/" + file, language: language)
        var lab = Lab()
        var finished = false
        do {
            try lab.playAutomatically(lesson) { print in
                if case .text(let t) = print, t.hasPrefix("━━ "), !t.contains("\n") { finished = true }
            }
        } catch {
            Issue.record("\(error)")
        }
        #expect(finished)
    }

    @Test(arguments: files)
    func lintsClean(file: String) {
        var lab = Lab()
        lab.lessons.config = LessonConfig(root: CourseTests.root, language: "en", progressURL: nil)
        let path = CourseTests.root.appendingPathComponent(file).path
        let result = lab.handle("lesson check \"\(path)\"")
        #expect(result.error == nil)
        #expect(result.output.hasPrefix("\(path): ok: lesson "))
    }
}
