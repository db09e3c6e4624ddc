/// Prose laid out for the terminal: the one place that measures and wraps text
/// that may hold CJK (two columns), emoji and combining marks (none), used by the
/// views' captions (`TextWrap`) and the lessons alike.
///
/// Every function here is linear in the text's length: a 1 MiB word in a lesson took
/// 16 s to wrap when each character was appended to a growing unit and each unit
/// re-trimmed the line so far.
public enum TextLayout {
    /// Columns `s` takes (`TextWidth.of`: escape sequences skipped, CJK 2, marks 0).
    public static func displayWidth(_ s: some StringProtocol) -> Int {
        TextWidth.of(String(s))
    }

    /// Columns one character takes.
    static func width(of ch: Character) -> Int {
        ch.unicodeScalars.reduce(0) { $0 + TextWidth.width(of: $1) }
    }

    /// A character that takes two columns: a line may break before or after it.
    static func isWide(_ ch: Character) -> Bool {
        ch.unicodeScalars.first.map { TextWidth.width(of: $0) == 2 } ?? false
    }

    /// Punctuation that never starts a line: it stays with what it closes.
    private static let closing: Set<Character> = [
        "，", "。", "：", "；", "！", "？", "、", "）", "」", "』", "”",
        ",", ".", ":", ";", "!", "?", ")",
    ]

    /// Punctuation that never ends a line: it stays with what it opens.
    private static let opening: Set<Character> = ["（", "「", "『", "“", "《", "【"]

    /// Joins the lines of each plain paragraph and wraps it again to `width` (at most
    /// 100); headings, lists, tables and fenced blocks keep their lines. Two CJK
    /// characters that met at a line break are joined without a space.
    public static func reflow(_ text: String, width: Int) -> String {
        let target = min(width, 100)
        var out: [String] = []
        var paragraph: [String] = []
        var fenced = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            var joined = ""
            for line in paragraph {
                let t = trimmed(line)
                if let last = joined.last, let first = t.first, !(isWide(last) && isWide(first)) {
                    joined += " "
                }
                joined += t
            }
            out.append(wrap(joined, width: target))
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let t = trimmed(line)
            if t.hasPrefix("```") {
                flush()
                fenced.toggle()
                out.append(line)
            } else if fenced {
                out.append(line)
            } else if t.isEmpty {
                flush()
                out.append("")
            } else if t.hasPrefix("#") || t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("|") || t.hasPrefix(">")
                || line.hasPrefix("    ") || t.first.map({ $0.isNumber }) == true && t.contains(". ") && t.count < 4
            {
                flush()
                out.append(wrap(line, width: target, indent: "  "))
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    /// Each line of `text` wrapped to `width` columns, continuation lines starting
    /// with `indent`. Breaks at spaces and beside CJK characters, never before
    /// closing punctuation; a word longer than a line stays whole. Under 20 columns
    /// the text is left as it is.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        guard width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine($0, width: width, indent: indent) }
            .joined(separator: "\n")
    }

    /// A status line in Chinese wrapped to `width`: continuation lines start under the
    /// line's own text (its leading spaces plus two), so a reply or a help row stays one block.
    public static func wrapStatus(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let lead = line.prefix { $0 == " " }.count
            return wrap(String(line), width: width, indent: String(repeating: " ", count: min(lead + 2, width / 2)))
        }.joined(separator: "\n")
    }

    /// `s` without spaces and tabs at either end.
    static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "\t" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub = sub.dropLast() }
        return String(sub)
    }

    private enum UnitKind { case space, wide, narrow }

    private static func wrapLine(_ line: Substring, width: Int, indent: String) -> String {
        guard displayWidth(line) > width else { return String(line) }
        let indentWidth = displayWidth(indent)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var hasContent = false
        // The unit being read: a run of narrow characters, one wide character or one
        // space, with the closing punctuation after it; kept as a range of `line`.
        var unitStart = line.startIndex
        var unitWidth = 0
        var unitKind: UnitKind?
        // The unit so far is opening punctuation: the next character joins it.
        var opened = false
        // Inside `[…]` a space does not break: a shape `[64, 16]` or an index `x[:, 0, :]` stays whole.
        var brackets = 0

        func place(_ end: Substring.Index) {
            guard let kind = unitKind else { return }
            let unit = line[unitStart..<end]
            if kind == .space {
                current += unit
                currentWidth += unitWidth
                return
            }
            if currentWidth + unitWidth > width && hasContent {
                while current.last == " " { current.removeLast() }
                lines.append(current)
                current = indent
                currentWidth = indentWidth
            }
            current += unit
            currentWidth += unitWidth
            hasContent = true
        }

        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            let w = Self.width(of: ch)
            if ch == "[" { brackets += 1 }
            if ch == "]" { brackets = max(0, brackets - 1) }
            let kind: UnitKind = ch == " " ? (brackets > 0 ? .narrow : .space) : isWide(ch) ? .wide : .narrow
            if opened, kind != .space {
                unitWidth += w
                unitKind = kind
                opened = opening.contains(ch)
            } else if closing.contains(ch), let open = unitKind, open != .space {
                unitWidth += w
                unitKind = kind == .wide ? .wide : .narrow
            } else if kind == .narrow, unitKind == .narrow {
                unitWidth += w
            } else {
                place(i)
                unitStart = i
                unitWidth = w
                unitKind = kind
                opened = opening.contains(ch)
            }
            i = line.index(after: i)
        }
        place(line.endIndex)
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
