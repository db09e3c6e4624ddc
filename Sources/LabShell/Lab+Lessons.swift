import LSTMCore
import LessonKit

/// The lesson calls the executable and the tests make on the lab; each is the
/// interpreter's, which plays lessons (Interpreter+Lessons.swift).
extension Lab {
    /// Runs one lesson lab line as the lesson would (`LessonHost.run`).
    public mutating func run(_ line: String) throws -> String { try interpreter.run(line) }

    /// The tensor `show NAME [fwd|bwd] [t=N]` displays now.
    func lessonTensor(_ name: String, _ direction: String?, t: Int? = nil) throws -> Tensor {
        try interpreter.lessonTensor(name, direction, t: t)
    }

    /// Plays lesson `id` to the end, answering from the solutions (`--auto`).
    public mutating func playLessonAutomatically(
        _ id: Int, sink: (LessonPrint) -> Void,
        afterNarration: () -> Void = {}
    ) throws {
        try interpreter.playLessonAutomatically(id, sink: sink, afterNarration: afterNarration)
    }

    /// Plays an already loaded lesson automatically (the course test uses it).
    public mutating func playAutomatically(_ lesson: Lesson, sink: (LessonPrint) -> Void) throws(LessonErrors) {
        try interpreter.playAutomatically(lesson, sink: sink)
    }

    /// `--lesson N --present`: the presenter's mode; leaving it part way says so.
    public mutating func presentLesson(_ id: Int, sink: (LessonPrint) -> Void) throws {
        if try interpreter.presentLesson(id, sink: sink) == .interrupted {
            sink(.text(interpreter.leftPresentation))
        }
    }

    /// The text of one player event, prose wrapped to `width` columns.
    static func render(_ event: LessonEvent, language: String, width: Int) -> LessonPrint {
        Interpreter.render(event, language: language, width: width)
    }
}
