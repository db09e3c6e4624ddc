/// What a lesson needs from the live session. The lab's interpreter conforms
/// in LabShell; tests use a fake.
public protocol LessonHost {
    /// Runs one lab command and returns what it printed; throws with the
    /// message a learner would see when the command is refused.
    mutating func run(_ line: String) throws -> String
    /// One element of a named view (`h`, `y`, `W_ih_f`, …) as `show NAME
    /// [fwd|bwd]` would display it now.
    func value(of name: String, direction: String?, index: [Int]) throws -> Float
    /// The shape of that view.
    func shape(of name: String, direction: String?) throws -> [Int]
    /// A scalar expression over the session (`steps_b == 3`, `h_f[0, 2, 1]`,
    /// `o_f[0, 1] * c_f[1, 0, 1]`); comparisons give 1 or 0. Task checks and
    /// `wrong:` lines are read through it.
    func evaluate(_ expression: String) throws -> Double
    /// Reads one name (with an optional index) for an answer the learner
    /// typed as an expression; nil when the name is unknown.
    func number(named name: String, index: [Int]) throws -> Double?
    /// An answer the calculator cannot read (`c_f[:, 0].sum()`, `sigmoid(z_f[0, 2])`), read by the
    /// lab's PyTorch-style expression language over the session; nil when it is not one number.
    func expressionNumber(_ text: String) -> Double?
    /// Digits after the point that views show now (`set precision`).
    var displayPrecision: Int { get }
    /// A refusal from `run` or `evaluate` worded in the session's language, for the learner.
    func describe(_ error: any Error) -> String
    /// The state every lesson starts from before its `setup:` runs: default
    /// settings, nothing watched. Model, input and limits are left alone.
    mutating func prepareLesson()
    /// The whole session (model, input, settings, cursors, watches), to come back to.
    func snapshot() -> LessonSnapshot
    mutating func restore(_ snapshot: LessonSnapshot)
    /// Runs a lesson line without showing it, to rebuild a step's state; a
    /// command that changes nothing (a benchmark) may be skipped.
    mutating func replay(_ line: String) throws
}

/// A host's saved session, opaque to the player.
public struct LessonSnapshot: Sendable {
    public let state: any Sendable
    public init(_ state: any Sendable) { self.state = state }
}

extension LessonHost {
    public func evaluate(_ expression: String) throws -> Double {
        try ArithmeticExpression.evaluate(expression) { try number(named: $0, index: $1) }
    }
    public func number(named name: String, index: [Int]) throws -> Double? { nil }
    public func expressionNumber(_ text: String) -> Double? { AnswerNumber.evaluate(text) }
    public var displayPrecision: Int { 4 }
    public func describe(_ error: any Error) -> String { "\(error)" }
    public mutating func prepareLesson() {}
    public func snapshot() -> LessonSnapshot { LessonSnapshot(0) }
    public mutating func restore(_ snapshot: LessonSnapshot) {}
    public mutating func replay(_ line: String) throws { _ = try run(line) }
}
