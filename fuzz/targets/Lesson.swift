// libFuzzer target: the lesson loader (parser and linter checks), then a
// lesson that parsed is played on a real lab: every step's commands run,
// questions are answered with the input's own words, hints and skips asked.
import Foundation
import LSTMCore
import LabShell
import LessonKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let source = text(data, size)
    let lesson: Lesson
    do {
        lesson = try LessonParser.parse(source, file: "fuzz.md", language: size % 2 == 0 ? "en" : "zh")
    } catch {
        for e in error.errors { require(e.line >= 1 && e.file == "fuzz.md", "error without FILE:LINE: \(e)") }
        return 0
    }
    let linter = LessonLinter { line in
        do {
            _ = try CommandParser().parse(line)
            return nil
        } catch { return "\(error)" }
    }
    _ = linter.check(lesson, fileName: "01-fuzz.md")
    var settings = Session.Settings()
    settings.memoryLimit = 64 << 10
    settings.threads = 1
    var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    var player = LessonPlayer(lesson: lesson)
    let words: [PlayerCommand] = [
        .next, .hint, .answer(String(source.prefix(20))), .skip, .solution, .back, .next, .next,
    ]
    player.start(host: &lab.interpreter) { _ in }
    for (i, w) in words.enumerated() where player.isActive && i < 64 {
        player.handle(w, host: &lab.interpreter) { _ in }
    }
    _ = player.progressLine
    return 0
}
