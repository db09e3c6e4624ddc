import LessonKit

/// A pause point of the presenter's mode: the screen waits for a key before it.
public enum PresenterBeat: Equatable, Sendable {
    /// A new step, a narration block, a command, a question, a task, a solution.
    case step, narration, command, question, task, solution
}

/// `lesson present N` and `--lesson N --present`: the lesson plays itself a
/// beat at a time, for a teacher at a projector. Questions are asked and
/// wait for a key before their solution shows; tasks are done by their
/// solution, command by command.
extension Interpreter {
    /// Plays lesson `id` in the presenter's mode. `lessons.beat` is asked
    /// before every beat and may stop the lesson (Ctrl-C, `q`): that is the
    /// `.interrupted` outcome, like Ctrl-C during any command. Without it the
    /// lesson plays through. Progress is not written.
    public mutating func presentLesson(_ id: Int, sink: (LessonPrint) -> Void) throws -> Outcome {
        let lesson = try loadLesson(id)
        var player = LessonPlayer(lesson: lesson)
        lessons.player = nil
        let wait = lessons.beat ?? { _ in true }
        let stop = StopFlag()
        let language = lesson.language
        let lineWidth = width
        do {
            let shouldStop = { stop.isSet }
            try player.playAuto(host: &self, present: true, shouldStop: shouldStop) { event in
                if stop.isSet { return }
                if let beat = Interpreter.beat(of: event), !wait(beat) {
                    stop.isSet = true
                    return
                }
                sink(Interpreter.render(event, language: language, width: lineWidth))
            }
        } catch {
            throw LabError(said: error)
        }
        return stop.isSet ? .interrupted : .completed
    }

    /// What the presenter says when it is left part way.
    var leftPresentation: String {
        lessons.config?.language == "zh" ? "已离开演示。" : "Left the presentation."
    }

    /// Which beat an event starts, if any.
    static func beat(of event: LessonEvent) -> PresenterBeat? {
        switch event {
        case .progress: return .step
        case .narration: return .narration
        case .command: return .command
        case .question: return .question
        case .task: return .task
        case .solution, .taskSolution: return .solution
        default: return nil
        }
    }
}

/// Set once the presenter leaves; read by the player between beats.
private final class StopFlag {
    var isSet = false
}
