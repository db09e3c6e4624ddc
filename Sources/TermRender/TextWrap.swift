/// Word wrapping by display width, for header lines that would overflow the terminal.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` columns; the first
    /// line starts with `indent`, the others with `continuation`. A word longer
    /// than a line stays whole.
    public static func wrap(_ text: String, width: Int, indent: String, continuation: String) -> [String] {
        let words = keepBracketsWhole(text.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
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
            if depth(group) > 0 { group = words[i]; j = i }
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
