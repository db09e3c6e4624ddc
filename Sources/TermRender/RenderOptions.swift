/// How text is laid out: decided once by the front (tty, `NO_COLOR`, `TERM=dumb`, flags).
public struct RenderOptions: Equatable, Sendable {
    /// Digits after the decimal point.
    public var precision: Int
    /// Terminal columns available.
    public var width: Int
    /// Whether ANSI colour may be used.
    public var color: Bool

    public init(precision: Int = 4, width: Int = 80, color: Bool = false) {
        self.precision = precision
        self.width = width
        self.color = color
    }
}
