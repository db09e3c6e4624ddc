/// Word wrapping by display width, for header lines that would overflow the terminal.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` columns; the first
    /// line starts with `indent`, the others with `continuation`. A word longer
    /// than a line stays whole.
    public static func wrap(_ text: String, width: Int, indent: String, continuation: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        var current = indent
        var currentHasWord = false
        for word in words {
            let candidate = currentHasWord ? current + " " + word : current + word
            if currentHasWord && TextWidth.of(candidate) > width {
                lines.append(current)
                current = continuation + word
            } else {
                current = candidate
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}
