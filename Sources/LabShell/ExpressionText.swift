import LabText
import TensorExpr

/// An expression as typed on a command line, with the column it starts at,
/// so an error can put its caret under the offending token of the line.
public struct ExpressionText: Equatable, Sendable {
    public var text: String
    /// 1-based column of the expression's first character on the line.
    public var column: Int
    /// `show EXPR u=A..B`: the columns of its last axis to show (typed after it, not part of it).
    public var units: ClosedRange<Int>?

    public init(_ text: String, column: Int = 1) {
        self.text = text
        self.column = column
    }
}

/// An expression refused by the language, with the column of the line it is about.
public struct ExpressionFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// 1-based column on the command line, when known.
    public var column: Int?
    /// The facts, worded in the session's language by `text(_:)`.
    public var said: ExpressionMessage

    init(_ error: ExprError, in expression: ExpressionText) {
        message = error.message
        said = error.said
        column = error.range.map { expression.column + $0.lowerBound }
    }

    /// The error in `language` (PyTorch's English in English).
    public func text(_ language: Language) -> String { said.text(language) }

    public var description: String { message }
}

/// A watched view: one of `show`'s names with its options, or an expression.
public enum Watch: Equatable, Sendable {
    case view(ViewRequest)
    case expression(ExpressionText)

    /// How the learner would type it back.
    public var text: String {
        switch self {
        case .view(let r): return r.text
        case .expression(let e): return e.text + (e.units.map { " " + UnitRangeText.text($0) } ?? "")
        }
    }
}
