import Foundation

/// Terminal width of text with CJK, and word wrapping that breaks between
/// words or between CJK characters (never before closing punctuation).
enum LessonText {
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    static func displayWidth(_ s: some StringProtocol) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : ($1.properties.generalCategory == .nonspacingMark ? 0 : 1)) }
    }

    private static let closing: Set<Character> = ["，", "。", "：", "；", "！", "？", "、", "）", "」", "』", "”", ",", ".", ":", ";", "!", "?", ")"]

    /// Joins the lines of each plain paragraph and wraps it again to
    /// `width` (at most 100); headings, lists, tables and fenced blocks keep
    /// their lines.
    static func reflow(_ text: String, width: Int) -> String {
        let target = min(width, 100)
        var out: [String] = []
        var paragraph: [String] = []
        var fenced = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            var joined = ""
            for line in paragraph {
                let t = line.trimmingCharacters(in: .whitespaces)
                if let last = joined.unicodeScalars.last, let first = t.unicodeScalars.first,
                   !(isWide(last) && isWide(first)) {
                    joined += " "
                }
                joined += t
            }
            out.append(wrap(joined, width: target))
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let t = line.trimmingCharacters(in: .whitespaces)
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
                        || line.hasPrefix("    ") || t.first.map({ $0.isNumber }) == true && t.contains(". ") && t.count < 4 {
                flush()
                out.append(wrap(line, width: target, indent: "  "))
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        guard width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width, indent: indent) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int, indent: String) -> String {
        guard displayWidth(line) > width else { return line }
        // Units: a run of non-space narrow characters, one wide character, or one space;
        // closing punctuation sticks to the unit before it.
        var units: [String] = []
        for ch in line {
            let wide = ch.unicodeScalars.first.map(isWide) ?? false
            if closing.contains(ch), let last = units.last, last != " " {
                units[units.count - 1] = last + String(ch)
            } else if ch == " " || wide {
                units.append(String(ch))
            } else if let last = units.last, last != " ", !(last.unicodeScalars.last.map(isWide) ?? false) {
                units[units.count - 1] = last + String(ch)
            } else {
                units.append(String(ch))
            }
        }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        let indentWidth = displayWidth(indent)
        for unit in units {
            let w = displayWidth(unit)
            if unit == " " {
                current += " "
                currentWidth += 1
                continue
            }
            if currentWidth + w > width && !current.trimmingCharacters(in: .whitespaces).isEmpty {
                while current.hasSuffix(" ") { current.removeLast() }
                lines.append(current)
                current = indent
                currentWidth = indentWidth
            }
            current += unit
            currentWidth += w
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
