/// Word wrapping by display width, for header lines that would overflow the terminal.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` columns; the first
    /// line starts with `indent`, the others with `continuation`. A word longer
    /// than a line stays whole.
    public static func wrap(_ text: String, width: Int, indent: String, continuation: String) -> [String] {
        let words = keepBracketsWhole(text.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        var lines: [String] = []
        var current = indent
        var currentWidth = TextWidth.of(indent)
        let continuationWidth = TextWidth.of(continuation)
        var currentHasWord = false
        // Widths are added up as words are placed (each word measured once): linear in the text.
        for word in words {
            let w = TextWidth.of(word)
            if currentHasWord && currentWidth + 1 + w > width {
                lines.append(current)
                current = continuation + word
                currentWidth = continuationWidth + w
            } else {
                current += currentHasWord ? " " + word : word
                currentWidth += (currentHasWord ? 1 : 0) + w
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }

    /// Joins the words of a short bracketed group (`[B, H]`, `(t = T-1-k)`) so a line never breaks inside it.
    static func keepBracketsWhole(_ words: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < words.count {
            var group = words[i]
            var j = i
            while depth(group) > 0 && j + 1 < words.count && TextWidth.of(group + " " + words[j + 1]) <= 24 {
                j += 1
                group += " " + words[j]
            }
            if depth(group) > 0 {
                group = words[i]
                j = i
            }
            out.append(group)
            i = j + 1
        }
        return out
    }

    private static func depth(_ s: String) -> Int {
        s.reduce(0) { d, c in
            switch c {
            case "[", "(": d + 1
            case "]", ")": d - 1
            default: d
            }
        }
    }
}
