import LabText

/// A word of a command line and the column it starts at (1-based).
public struct Token: Equatable, Sendable {
    public var text: String
    public var column: Int
    /// The column just after the word's last character (its closing quote included).
    public var end: Int

    public init(text: String, column: Int, end: Int? = nil) {
        self.text = text
        self.column = column
        self.end = end ?? column + text.count
    }
}

/// Splits command lines into words: whitespace separates, `"…"` and `'…'`
/// quote (for paths with spaces), `#` outside quotes starts a comment.
public enum Tokenizer {
    /// The longest line the lab accepts, in characters.
    public static let maxLineLength = 4096

    public static func tokenize(_ line: String) throws(CommandError) -> [Token] {
        guard line.count <= maxLineLength else {
            throw CommandError(said: SessionErrorMessage.lineTooLong(length: line.count, limit: maxLineLength))
        }
        var tokens: [Token] = []
        var current = ""
        var start = 0
        var inWord = false
        var quote: Character?
        var quoteColumn = 0
        for (i, ch) in line.enumerated() {
            let column = i + 1
            // A quote with combining marks on it (`"\u{301}`) is one Character: the quote
            // still opens or closes, and the marks stay in the word.
            let head = ch.unicodeScalars.first.map(Character.init) ?? ch
            let marks = String(String.UnicodeScalarView(ch.unicodeScalars.dropFirst()))
            if let q = quote {
                if head == q {
                    quote = nil
                    current += marks
                } else {
                    current.append(ch)
                }
                continue
            }
            if head == "\"" || head == "'" {
                if !inWord {
                    inWord = true
                    start = column
                }
                quote = head
                quoteColumn = column
                current += marks
                continue
            }
            if ch == "#" && !inWord { break }
            if ch.isWhitespace {
                // A space with a combining mark on it (` \u{301}`) is one Character: splitting there
                // would drop the mark, and a typed character must never vanish.
                if ch.unicodeScalars.count > 1, let mark = ch.unicodeScalars.dropFirst().first {
                    let code = String(mark.value, radix: 16, uppercase: true)
                    throw CommandError(said: SessionErrorMessage.markAfterSpace(code: code), column: column)
                }
                if inWord {
                    tokens.append(Token(text: current, column: start, end: column))
                    current = ""
                    inWord = false
                }
                continue
            }
            if ch.isASCII, let v = ch.asciiValue, v < 32 || v == 127 {
                throw CommandError(said: SessionErrorMessage.controlCharacter(code: Int(v)), column: column)
            }
            if !inWord {
                inWord = true
                start = column
            }
            current.append(ch)
        }
        if quote != nil {
            throw CommandError(.unterminatedQuote, column: quoteColumn)
        }
        if inWord { tokens.append(Token(text: current, column: start, end: line.count + 1)) }
        return tokens
    }

    /// Splits a `-c` argument into statements at `;` outside quotes.
    public static func splitStatements(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var comment = false
        for ch in text {
            if comment {
                if ch == "\n" {
                    comment = false
                    parts.append(current)
                    current = ""
                }
                continue
            }
            if let q = quote {
                if ch == q { quote = nil }
                current.append(ch)
                continue
            }
            if ch == "\"" || ch == "'" {
                quote = ch
                current.append(ch)
                continue
            }
            if ch == "#" && (current.last == nil || current.last?.isWhitespace == true) {
                comment = true
                continue
            }
            if ch == ";" || ch == "\n" {
                parts.append(current)
                current = ""
                continue
            }
            current.append(ch)
        }
        parts.append(current)
        return parts
    }
}
