/// The one place where input from a Chinese keyboard becomes what the parser
/// reads: full-width digits, letters, brackets, comma, equals, point and the
/// operators are read as their ASCII forms, the enumeration comma `、` and the
/// ideographic space as `,` and ` `. Every character maps to exactly one
/// character, so a column in the normalized line is the same column in the
/// typed one and an error can quote what was typed (`requote`).
///
/// Text inside `'…'` or `"…"` (paths, names) is kept as typed.
public enum InputNormalizer {
    /// Full-width and CJK input characters and the ASCII they stand for.
    public static let table: [Character: Character] = {
        var t: [Character: Character] = [:]
        for (full, ascii) in zip(0xFF10...0xFF19, 0x30...0x39) { t[char(full)] = char(ascii) }
        for (full, ascii) in zip(0xFF21...0xFF3A, 0x41...0x5A) { t[char(full)] = char(ascii) }
        for (full, ascii) in zip(0xFF41...0xFF5A, 0x61...0x7A) { t[char(full)] = char(ascii) }
        let pairs: [(Character, Character)] = [
            ("，", ","), ("、", ","), ("（", "("), ("）", ")"), ("［", "["), ("］", "]"), ("＝", "="), ("．", "."),
            ("＋", "+"), ("－", "-"), ("＊", "*"), ("／", "/"), ("＿", "_"), ("：", ":"), ("\u{3000}", " "),
        ]
        for (full, ascii) in pairs { t[full] = ascii }
        return t
    }()

    private static func char(_ value: Int) -> Character {
        Character(Unicode.Scalar(UInt32(value)) ?? " ")
    }

    /// `line` with every full-width form outside quotes replaced by its ASCII form.
    public static func normalize(_ line: String) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var quote: Character?
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil }
                out.append(ch)
                continue
            }
            if ch == "'" || ch == "\"" {
                quote = ch
                out.append(ch)
                continue
            }
            out.append(table[ch] ?? ch)
        }
        return out
    }

    /// `message` with each `'…'` quotation of the normalized line put back as
    /// the learner typed it: `'3x'` becomes `'３x'` when `３x` was typed.
    public static func requote(_ message: String, normalized: String, typed: String) -> String {
        guard normalized != typed else { return message }
        let norm = Array(normalized)
        let orig = Array(typed)
        guard norm.count == orig.count else { return message }
        var out = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "'") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "'") else {
                rest = rest[open...]
                break
            }
            let quoted = Array(rest[afterOpen..<close])
            out += "'" + String(original(of: quoted, in: norm, typed: orig) ?? quoted) + "'"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The typed characters at the first place `quoted` occurs in the normalized line as a whole
    /// word (between spaces, `=`, `,` or brackets): a suggestion `'step'` is not the start of `stepp`.
    private static func original(of quoted: [Character], in norm: [Character], typed: [Character]) -> [Character]? {
        guard !quoted.isEmpty, quoted.count <= norm.count else { return nil }
        func isEdge(_ i: Int) -> Bool { i < 0 || i >= norm.count || " =,()[]".contains(norm[i]) }
        for start in 0...(norm.count - quoted.count) where norm[start] == quoted[0] {
            let end = start + quoted.count
            if isEdge(start - 1) && isEdge(end) && Array(norm[start..<end]) == quoted {
                return Array(typed[start..<end])
            }
        }
        return nil
    }
}
