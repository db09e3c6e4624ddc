/// Splits an expression into tokens. Python's spelling: `**` before `*`,
/// `...` before `.`, numbers like `3`, `0.5`, `.5`, `1e-3`, `2.`.
enum ExprLexer {
    static let symbols = [
        "...", "**", "==", "!=", "<=", ">=", "//",
        "+", "-", "*", "/", "@", "<", ">", "=", "(", ")", "[", "]", ",", ":", ".",
    ]

    static func tokenize(_ text: String) throws(ExprError) -> [ExprToken] {
        let chars = Array(text)
        var tokens: [ExprToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" {
                i += 1
                continue
            }
            let start = i
            if c.isASCII
                && (c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber))
            {
                var isInteger = true
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                if i < chars.count && chars[i] == "."
                    && !(i + 2 < chars.count && chars[i + 1] == "." && chars[i + 2] == ".")
                {
                    isInteger = false
                    i += 1
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                }
                if i < chars.count && (chars[i] == "e" || chars[i] == "E") {
                    var j = i + 1
                    if j < chars.count && (chars[j] == "+" || chars[j] == "-") { j += 1 }
                    if j < chars.count, chars[j].isASCII, chars[j].isNumber {
                        isInteger = false
                        i = j
                        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                    }
                }
                let literal = String(chars[start..<i])
                guard let v = Double(literal), v.isFinite else {
                    throw ExprError(.syntax, .syntax(.invalidNumber(literal: literal)), at: start..<i)
                }
                tokens.append(ExprToken(kind: .number(v, isInteger: isInteger), range: start..<i))
                continue
            }
            if c == "_" || (c.isASCII && c.isLetter) {
                while i < chars.count, chars[i] == "_" || (chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber))
                { i += 1 }
                tokens.append(ExprToken(kind: .name(String(chars[start..<i])), range: start..<i))
                continue
            }
            if let s = symbols.first(where: { matches($0, chars, at: i) }) {
                i += s.count
                tokens.append(ExprToken(kind: .symbol(s), range: start..<i))
                continue
            }
            throw ExprError(.syntax, .syntax(.unexpectedCharacter(character: describe(c))), at: start..<(start + 1))
        }
        tokens.append(ExprToken(kind: .end, range: chars.count..<(chars.count + 1)))
        return tokens
    }

    private static func matches(_ s: String, _ chars: [Character], at i: Int) -> Bool {
        var j = i
        for ch in s {
            guard j < chars.count, chars[j] == ch else { return false }
            j += 1
        }
        return true
    }

    /// `'x'`, or the code point for an invisible character.
    private static func describe(_ c: Character) -> String {
        let visible = c.unicodeScalars.allSatisfy { u in
            switch u.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
            default: return true
            }
        }
        if visible { return "'\(c)'" }
        return c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
