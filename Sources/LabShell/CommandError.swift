import LabText

/// A line the parser could not turn into a command, with where and why.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based column of the offending word, if known.
    public var column: Int?
    public var message: String
    /// A close command word or keyword, for "did you mean".
    public var suggestion: String?
    /// The catalog entry, when the error has one: the shell words it in the session's language.
    public var key: (any Localized)?

    public init(_ message: String, column: Int? = nil, suggestion: String? = nil) {
        self.message = message
        self.column = column
        self.suggestion = suggestion
    }

    public init(_ key: ErrorMessage, column: Int? = nil, suggestion: String? = nil) {
        self.init(key.english, column: column, suggestion: suggestion)
        self.key = key
    }

    /// An error worded by any area of the catalog.
    public init(said key: some Localized, column: Int? = nil, suggestion: String? = nil) {
        self.init(key.english, column: column, suggestion: suggestion)
        self.key = key
    }

    public static func == (a: CommandError, b: CommandError) -> Bool {
        a.column == b.column && a.message == b.message && a.suggestion == b.suggestion
            && a.key?.chinese == b.key?.chinese
    }

    /// The error in `language`; English is `description`.
    public func text(_ language: Language) -> String {
        guard language != .en, let key else { return description }
        return key.text(language) + (suggestion.map { ErrorMessage.suggestion($0).text(language) } ?? "")
    }

    public var description: String {
        var s = message
        if let suggestion { s += " (did you mean '\(suggestion)'?)" }
        return s
    }
}

/// An error from executing a command, already worded for the learner.
public struct LabError: Error, Equatable, Sendable, CustomStringConvertible, Localized {
    public var message: String
    /// The catalog entry, when the error has one.
    public var key: (any Localized)?
    public init(_ key: ErrorMessage) {
        self.message = key.english
        self.key = key
    }
    /// An error worded by any area of the catalog.
    public init(said key: some Localized) {
        self.message = key.english
        self.key = key
    }
    public static func == (a: LabError, b: LabError) -> Bool {
        a.message == b.message && a.key?.chinese == b.key?.chinese
    }
    public var description: String { message }
    public var english: String { message }
    public var chinese: String { key?.chinese ?? message }
}

/// Refusals already worded in both languages and joined (several directions refused one view).
struct WordedRefusals: Localized {
    var english: String
    var chinese: String
}

/// A word the user typed, as an error quotes it: in single quotes, at most
/// `limit` characters (then `…`), and with control and invisible characters
/// written out as `\u{…}`, so a message never repeats a 4,096-character word
/// nor lets an escape sequence recolour the terminal or a bidirectional
/// override reorder the line.
public enum Quote {
    public static let limit = 40

    public static func word(_ text: String) -> String {
        "'" + visible(text.count > limit ? String(text.prefix(limit)) + "…" : text) + "'"
    }

    /// `text` with every invisible character escaped; newlines kept if asked.
    static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
        var out = ""
        for ch in text {
            if keepingNewlines && ch == "\n" {
                out.append(ch)
                continue
            }
            let scalars = ch.unicodeScalars
            let emoji = scalars.contains { (u: Unicode.Scalar) in
                u.properties.isEmojiPresentation || (u.properties.isEmoji && u.value >= 0x203C)
            }
            guard scalars.contains(where: { isInvisible($0, inEmoji: emoji) }) else {
                out.append(ch)
                continue
            }
            for u in scalars {
                if isInvisible(u, inEmoji: emoji) {
                    out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// Controls, line and paragraph separators, and format characters (zero
    /// width space, byte-order mark, bidirectional controls); a joiner or tag
    /// inside an emoji sequence is part of what it draws and stays.
    private static func isInvisible(_ u: Unicode.Scalar, inEmoji: Bool) -> Bool {
        switch u.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        case .format:
            let bidi =
                (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
                || [0x200E, 0x200F, 0x061C].contains(u.value)
            return bidi || !inEmoji
        default: return false
        }
    }
}

/// Edit distance, for suggestions.
enum Suggest {
    /// The candidate within a small edit distance of `word`, if any: one edit
    /// for words of up to 3 characters, two for longer ones, and never as many
    /// edits as the word or the candidate has characters (`中文` is not `?`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let maxDistance = word.count <= 3 ? 1 : 2
        var best: (String, Int)?
        for c in candidates {
            // The distance is at least the length difference: a 4,096-character word costs nothing.
            guard abs(word.count - c.count) <= maxDistance else { continue }
            let d = distance(word.lowercased(), c.lowercased())
            guard d < word.count && d < c.count else { continue }
            if d <= maxDistance && (best == nil || d < best?.1 ?? .max) { best = (c, d) }
        }
        if best == nil, let prefixed = candidates.first(where: { $0.hasPrefix(word) && word.count >= 2 }) {
            return prefixed
        }
        return best?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var prevPrev = prev
        for i in 1...a.count {
            var cur = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prevPrev[j - 2] + 1)  // a transposition counts once
                }
            }
            prevPrev = prev
            prev = cur
        }
        return prev[b.count]
    }
}
