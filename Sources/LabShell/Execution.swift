import TermRender

/// How a command ended. Ctrl-C is an outcome, not a failure: the command
/// stops at a safe point (a whole step, a whole file, before the new model
/// replaces the old one), says how far it got, and the session is
/// consistent either way. Failures are thrown errors; interruptions are not.
public enum Outcome: Equatable, Sendable {
    case completed
    case interrupted
}

/// What executing one command produced.
public struct Execution: Equatable, Sendable {
    public var outputs: [Output]
    public var outcome: Outcome

    public init(_ outputs: [Output], outcome: Outcome = .completed) {
        self.outputs = outputs
        self.outcome = outcome
    }
}

/// The one way a handler reports that Ctrl-C stopped it; `Interpreter.execute`,
/// the only catcher, turns it into `Outcome.interrupted`. Never leaves LabShell.
struct Interrupted: Error {
    enum Report {
        /// Stopped before anything changed: `interrupted: <what was not done>`.
        case unchanged(String)
        /// Stopped part way: the handler's own account (steps taken, files written).
        case partial([Output])
    }

    var report: Report

    init(unchanged: String) { report = .unchanged(unchanged) }
    init(partial text: String) { report = .partial([.text(text)]) }
}
