import LabText
import TermRender

/// Shows where on a line an error is: a `^` under the offending word.
///
/// ```
/// script, -c, piped:                    interactive (under the echoed line):
/// demo.lab:3: error: unknown view 'gatez'   lstmlab fwd 0/5 bwd 0/5> show gatez
///   show gatez fwd                                                    ^
///        ^                              error: unknown view 'gatez' …
/// ```
/// The quoted line escapes invisible characters as messages do, shows a tab
/// as one space, counts wide (CJK) characters as two columns, and shows only
/// a window around the column when the line is long.
public enum Caret {
    /// The indent of the quoted line in script mode.
    public static let indent = "  "

    /// `SOURCE:LINE: error: MESSAGE` (`错误：` in Chinese), then the quoted line and the caret when the column is known.
    public static func scriptError(
        source: String, lineNumber: Int, line: String, message: String, column: Int?,
        width: Int = 80, language: Language = .en
    ) -> String {
        var text = "\(source):\(lineNumber): " + label(language) + message
        if let column {
            let (shown, caret) = excerpt(line, column: column, width: max(20, width - indent.count))
            text += "\n" + indent + shown + "\n" + indent + caret
        }
        return text
    }

    /// The caret under a line the terminal echoed after `prompt`, then
    /// `error: MESSAGE`. A line that wrapped on the screen,
    /// or holds characters a message would escape, is quoted again with the caret under the copy.
    public static func interactiveError(
        prompt: String, line: String, message: String, column: Int?,
        width: Int = 80, language: Language = .en
    ) -> String {
        guard let column else { return label(language) + message }
        let promptWidth = TextWidth.of(prompt)
        let (shown, caret) = excerpt(line, column: column, width: .max)
        if shown == line && promptWidth + TextWidth.of(line) < width {
            return String(repeating: " ", count: promptWidth) + caret + "\n" + label(language) + message
        }
        return quotedError(line: line, message: message, column: column, width: width, language: language)
    }

    /// `error: MESSAGE`, then the quoted line and the caret (piped input, where nothing was echoed).
    public static func quotedError(
        line: String, message: String, column: Int?, width: Int = 80, language: Language = .en
    ) -> String {
        guard let column else { return label(language) + message }
        let (window, under) = excerpt(line, column: column, width: max(20, width - indent.count))
        return label(language) + message + "\n" + indent + window + "\n" + indent + under
    }

    /// `error: ` or `错误：`.
    public static func label(_ language: Language) -> String { LauncherMessage.errorLabel.text(language) }

    /// The line as shown and the caret line, at most `width` columns each.
    static func excerpt(_ line: String, column: Int, width: Int) -> (String, String) {
        let pieces = line.map(piece)
        let target = min(max(column - 1, 0), pieces.count)
        var start = 0
        var end = pieces.count
        if pieces.reduce(0, { $0 + $1.width }) > width {
            // Keep about a third of the window before the target, the rest after it.
            var before = 0
            start = target
            while start > 0 && before + pieces[start - 1].width <= width / 3 {
                start -= 1
                before += pieces[start].width
            }
            var used = before
            end = target
            while end < pieces.count && used + pieces[end].width <= width - 2 {
                used += pieces[end].width
                end += 1
            }
        }
        let lead = start > 0 ? "…" : ""
        let shown = lead + pieces[start..<end].map(\.text).joined() + (end < pieces.count ? "…" : "")
        let offset = lead.count + pieces[start..<target].reduce(0) { $0 + $1.width }
        return (shown, String(repeating: " ", count: offset) + "^")
    }

    /// How one character of the line is shown, and how many columns that takes.
    private static func piece(_ ch: Character) -> (text: String, width: Int) {
        if ch == "\t" { return (" ", 1) }
        let text = Quote.visible(String(ch))
        return (text, TextWidth.of(text))
    }
}
