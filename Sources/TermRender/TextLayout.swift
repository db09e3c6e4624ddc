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

    /// A status line wrapped to `width`: continuation lines start under the line's own text
    /// (its leading spaces plus two), so a reply stays one block; a help row (a name, a gap of
    /// two spaces or more, its description) hangs under the description. A row of a table
    /// (columns set apart by runs of spaces) is left whole: wrapped, it would no longer line up.
    public static func wrapStatus(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if isTableRow(line) { return String(line) }
            let lead = line.prefix { $0 == " " }.count
            let hang = descriptionColumn(line).flatMap { $0 <= width / 3 ? $0 : nil } ?? min(lead + 2, width / 2)
            return wrap(String(line), width: width, indent: String(repeating: " ", count: hang))
        }.joined(separator: "\n")
    }

    /// The display column where the text after the line's first gap of two spaces or more starts.
    static func descriptionColumn(_ line: Substring) -> Int? {
        let lead = line.prefix { $0 == " " }
        let rest = line.dropFirst(lead.count)
        guard let gap = rest.firstRange(of: "  ") else { return nil }
        let after = rest[gap.lowerBound...].prefix { $0 == " " }
        guard after.endIndex < rest.endIndex else { return nil }
        return displayWidth(line[line.startIndex..<after.endIndex])
    }

    /// Where the quote that `line[i]` opens ends (its closing mark), if it opens one: a `'`, `"` or
    /// backtick at the start or after a space or an opening bracket, closed within 60 characters
    /// (an apostrophe, as in `session's`, opens nothing).
    static func quoteEnd(_ line: Substring, at i: Substring.Index, after previous: Character?) -> Substring.Index? {
        let mark = line[i]
        guard mark == "'" || mark == "\"" || mark == "`" else { return nil }
        guard previous.map({ $0 == " " || $0 == "(" || $0 == "[" || $0 == "（" || $0 == "：" }) ?? true else {
            return nil
        }
        let rest = line[line.index(after: i)...].prefix(60)
        return rest.firstIndex(of: mark)
    }

    /// Two or more gaps of three spaces or more after the line's text starts: the row of a table.
    static func isTableRow(_ line: Substring) -> Bool {
        var gaps = 0
        var run = 0
        for ch in line.drop(while: { $0 == " " }) {
            if ch == " " {
                run += 1
            } else {
                if run >= 3 { gaps += 1 }
                run = 0
            }
        }
        return gaps >= 2
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
        // Inside `[…]` a space does not break: a shape `[64, 16]` or an index `x[:, 0, :]` stays whole;
        // nor inside a call's parentheses, `(` right after a name: `nn.LSTM(8, 16, bidirectional=True)`.
        var brackets = 0
        var calls = 0
        var previous: Character?
        // Nor inside quotes: `input text`, 'record stop', "a(b)ab" are what the learner types.
        var quoteEnd: Substring.Index?

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
            // Only a call that closes on this line: an unmatched `f(` must not glue the rest of the line together.
            if ch == "(",
                calls > 0 || previous.map({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) == true,
                line[i...].contains(")")
            {
                calls += 1
            }
            if ch == ")" { calls = max(0, calls - 1) }
            let previousBeforeThis = previous
            previous = ch
            if quoteEnd == nil, let q = Self.quoteEnd(line, at: i, after: previousBeforeThis) { quoteEnd = q }
            if let q = quoteEnd, i >= q { quoteEnd = nil }
            let joined = brackets > 0 || calls > 0 || quoteEnd != nil
            let kind: UnitKind = ch == " " ? (joined ? .narrow : .space) : isWide(ch) ? .wide : .narrow
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
