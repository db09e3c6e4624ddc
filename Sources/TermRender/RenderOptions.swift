import LabText

/// How text is laid out: decided once by the front (tty, `NO_COLOR`, `TERM=dumb`, flags).
public struct RenderOptions: Equatable, Sendable {
    /// Digits after the decimal point.
    public var precision: Int
    /// Terminal columns available.
    public var width: Int
    /// Whether ANSI colour may be used.
    public var color: Bool
    /// The language captions, legends and the diagram are worded in.
    public var language: Language

    public init(precision: Int = 4, width: Int = 80, color: Bool = false, language: Language = .en) {
        self.precision = precision
        self.width = width
        self.color = color
        self.language = language
    }

    /// A view's words in the options' language.
    public func say(_ message: ViewMessage) -> String { message.text(language) }
}
