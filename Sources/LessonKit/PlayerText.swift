import LabText

/// The player's own sentences, in the lesson's language, worded by the
/// catalog (`PlayerMessage`); the player passes only the facts.
struct PlayerText: Sendable {
    let language: Language

    static func forLanguage(_ language: String) -> PlayerText {
        PlayerText(language: Language(code: language) ?? .en)
    }

    private func say(_ m: PlayerMessage) -> String { m.text(language) }

    func progress(_ lesson: Int, _ step: Int, _ of: Int) -> String {
        say(.progress(lesson: lesson, step: step, of: of))
    }
    var correct: String { say(.correct) }
    func wrong(_ attempt: Int, _ hintsLeft: Bool) -> String { say(.wrong(attempt: attempt, hintsLeft: hintsLeft)) }
    func unreadable(_ kind: AnswerKindHint) -> String {
        switch kind {
        case .empty: say(.unreadableEmpty)
        case .number: say(.unreadableNumber)
        case .shape: say(.unreadableShape)
        case .gate: say(.unreadableGate)
        }
    }
    func awaiting(_ locked: Bool) -> String { say(.awaiting(locked: locked)) }
    func answerHow(_ locked: Bool) -> String { say(.answerHow(locked: locked)) }
    var stepDone: String { say(.stepDone) }
    var lastStepDone: String { say(.lastStepDone) }
    func noMoreHints(_ n: Int) -> String { say(.noMoreHints(count: n)) }
    var noQuestion: String { say(.noQuestion) }
    var nothingWaiting: String { say(.nothingWaiting) }
    func locked(_ word: String) -> String { say(.locked(word: word)) }
    var firstStep: String { say(.firstStep) }
    var skipped: String { say(.skipped) }
    func finished(_ id: Int, _ right: Int, _ asked: Int, _ hints: Int) -> String {
        say(.finished(lesson: id, right: right, asked: asked, hints: hints))
    }
    var alreadyFinished: String { say(.alreadyFinished) }
    func quit(_ line: String) -> String { say(.quit(position: line)) }
    func quitUnsaved(_ line: String) -> String { say(.quitUnsaved(position: line)) }
    func unchecked(_ why: String) -> String { say(.unchecked(reason: why)) }
    func usage(_ locked: Bool) -> String { say(.usage(locked: locked)) }
    func taskHow(_ locked: Bool) -> String { say(.taskHow(locked: locked)) }
    var taskDone: String { say(.taskDone) }
    func taskAwaiting(_ locked: Bool) -> String { say(.taskAwaiting(locked: locked)) }
    var taskSkipped: String { say(.taskSkipped) }
    var doneBefore: String { say(.doneBefore) }
    var answeredBefore: String { say(.answeredBefore) }
    func theNumber(_ n: String) -> String { say(.theNumber(n)) }
    func feedback(_ text: String, _ attempt: Int) -> String { say(.feedback(text: text, attempt: attempt)) }
    var noTask: String { say(.noTask) }
}
