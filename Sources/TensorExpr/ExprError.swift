import LabText

/// Why an expression could not be read or evaluated, worded like PyTorch's
/// message where PyTorch has one, with the characters it is about.
///
/// `range` counts characters of the expression text from 0, so a front end
/// can draw a caret line under the offending token:
/// ```
/// x[:, 0] @ W
///         ^
/// ```
public struct ExprError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The text is not an expression (unexpected token, unclosed bracket, too deep, too long).
        case syntax
        /// The expression is well formed but its values disagree (shapes, indices, names).
        case evaluation
        /// Over the memory or compute limit: refused before computing.
        case limit
        /// Ctrl-C stopped it.
        case interrupted
    }

    public var kind: Kind
    /// The facts, for a front end that words them in the session's language. Every error
    /// has its catalog entry: there is no way to make one from an English sentence.
    public var said: ExpressionMessage
    /// Character offsets into the expression text, when known.
    public var range: Range<Int>?

    /// PyTorch's wording (English): the catalog entry's English.
    public var message: String { said.english }

    public init(_ kind: Kind, _ said: ExpressionMessage, at range: Range<Int>? = nil) {
        self.kind = kind
        self.said = said
        self.range = range
    }

    public var description: String { message }

    /// `^^^` under `range`, indented by `indent` columns (where the expression starts on screen).
    public func caret(indent: Int) -> String? {
        guard let range, range.lowerBound >= 0 else { return nil }
        let width = max(1, min(range.count, 200))
        return String(repeating: " ", count: indent + min(range.lowerBound, 4096))
            + String(repeating: "^", count: width)
    }

    /// The same error pinned to `range` if it has no place yet.
    func located(_ r: Range<Int>) -> ExprError {
        var e = self
        if e.range == nil { e.range = r }
        return e
    }
}
