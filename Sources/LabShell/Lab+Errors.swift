import LSTMCore
import LabText
import LessonKit
import TensorFiles

/// Facts below, words above: the engine and the parser throw typed errors with
/// their numbers; here they become a sentence in the session's language.
extension Lab {
    /// `error` worded for the learner. Errors without a catalog entry yet keep their English description.
    func word(_ error: any Error) -> String {
        interpreter.wording(error)
    }

}

extension Interpreter {
    /// `error` in the session's language (errors without a catalog entry yet keep their English).
    func wording(_ error: any Error) -> String { wording(error, in: session.settings.language) }

    /// `error` in `language`.
    func wording(_ error: any Error, in language: Language) -> String {
        switch error {
        case let e as CommandError: return e.text(language)
        case let e as LabError: return e.key?.text(language) ?? e.description
        case let e as ExpressionFailure: return e.text(language)
        case let e as FileFormatError: return e.text(language)
        case let e as StepperError: return Lab.message(for: e).text(language)
        case let e as StackOrderRefusal: return Lab.message(for: e).text(language)
        case let e as ProgressError: return e.problem.text(language)
        case let e as ExpressionError: return e.said.text(language)
        default: return "\(error)"
        }
    }
}

extension Lab {
    /// The catalog entry for a refusal of the stacking rules.
    static func message(for refusal: StackOrderRefusal) -> StackMessage {
        switch refusal {
        case .finished(let l, let d, let n): .finished(layer: l, direction: d.short, steps: n)
        case .needsLowerOutput(let l, let d, let t, let s, let missing):
            .needsLower(
                layer: l, direction: d.short, t: t, sequence: s,
                parts: missing.map { .init(layer: l - 1, direction: $0.direction.short, t: $0.reached) })
        case .atStart(let l, let d): .atStart(layer: l, direction: d.short)
        case .readByUpper(let l, let d, let t, let s, let reader):
            .readByUpper(layer: l, direction: d.short, t: t, sequence: s, reader: reader.short)
        }
    }

    /// The catalog entry for a stepper's refusal (the shell adds what to type next).
    static func message(for error: StepperError) -> ErrorMessage {
        switch error {
        case .directionComplete(let d, let length): .directionFinished(forward: d == .forward, length: length)
        case .nothingToUndo(let d): .nothingToUndo(forward: d == .forward)
        case .timeOutOfRange(let t, let length): .outOfRange(key: "t", value: t, last: length - 1)
        case .stepCountOutOfRange(let n, let length): .stepCountOutOfRange(steps: n, length: length)
        case .timeNotReached(let d, let t, let steps, let length):
            .timeNotReached(forward: d == .forward, t: t, steps: steps, length: length)
        case .notStepped(let d): .directionNotStepped(forward: d == .forward)
        case .needsBothFinished(let name, let f, let b, let length):
            .finalNeedsBoth(name: name, forward: f, backward: b, length: length)
        }
    }
}
