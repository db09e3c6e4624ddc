import LSTMCore

/// ANSI SGR styling, applied to text whose width is already laid out.
///
/// Plain escape codes rather than a styling package: the front decides colour
/// once (`RenderOptions.color`), so nothing here may consult the environment
/// or keep global state, and the heatmaps need computed 256-colour indices.
/// `TextWidth` skips these sequences, so styled text keeps its width.
public enum Style: Equatable, Sendable {
    case bold
    case dim
    /// The forward direction's colour (cyan).
    case forward
    /// The backward direction's colour (magenta).
    case backward
    /// Warnings such as the draft variant (yellow).
    case warning
    /// A 256-colour background, for heatmap cells.
    case background(UInt8)
    /// A 256-colour foreground.
    case foreground(UInt8)

    var code: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .forward: "36"
        case .backward: "35"
        case .warning: "33"
        case .background(let n): "48;5;\(n)"
        case .foreground(let n): "38;5;\(n)"
        }
    }

    /// The colour of a direction's labels and values.
    public static func of(_ direction: Direction) -> Style {
        direction == .forward ? .forward : .backward
    }
}

extension RenderOptions {
    /// `s` wrapped in the styles' escape codes when colour is on; `s` unchanged otherwise.
    public func paint(_ s: String, _ styles: Style...) -> String {
        paint(s, styles)
    }

    public func paint(_ s: String, _ styles: [Style]) -> String {
        guard color, !styles.isEmpty, !s.isEmpty else { return s }
        return "\u{1B}[" + styles.map(\.code).joined(separator: ";") + "m" + s + "\u{1B}[0m"
    }
}
