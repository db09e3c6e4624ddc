/// A tiny calculator for numeric answers, so a learner may type `4*16`
/// or `0.5*0.8 + 0.1`.
///
/// ```
/// expr   = term (('+' | '-') term)*
/// term   = factor (('*' | '×' | '·' | '/') factor)*
/// factor = ('-' | '+') factor | number | '(' expr ')'
/// ```
public enum ArithmeticExpression {
    /// The value of `text`, or nil when it is not a finite arithmetic expression.
    public static func evaluate(_ text: String) -> Double? {
        var p = Evaluator(chars: Array(text.filter { $0 != " " }))
        guard !p.chars.isEmpty, let v = p.expr(depth: 0), p.pos == p.chars.count, v.isFinite else { return nil }
        return v
    }
}

private struct Evaluator {
    let chars: [Character]
    var pos = 0

    init(chars: [Character]) { self.chars = chars }

    var peek: Character? { pos < chars.count ? chars[pos] : nil }

    mutating func expr(depth: Int) -> Double? {
        guard depth < 64, var v = term(depth: depth) else { return nil }
        while let c = peek, c == "+" || c == "-" {
            pos += 1
            guard let r = term(depth: depth) else { return nil }
            v = c == "+" ? v + r : v - r
        }
        return v
    }

    mutating func term(depth: Int) -> Double? {
        guard var v = factor(depth: depth) else { return nil }
        while let c = peek, c == "*" || c == "×" || c == "·" || c == "/" {
            pos += 1
            guard let r = factor(depth: depth) else { return nil }
            v = c == "/" ? v / r : v * r
        }
        return v
    }

    mutating func factor(depth: Int) -> Double? {
        guard depth < 64, let c = peek else { return nil }
        if c == "-" || c == "+" {
            pos += 1
            guard let v = factor(depth: depth + 1) else { return nil }
            return c == "-" ? -v : v
        }
        if c == "(" {
            pos += 1
            guard let v = expr(depth: depth + 1), peek == ")" else { return nil }
            pos += 1
            return v
        }
        let start = pos
        while let d = peek, d.isASCII, d.isNumber || d == "." { pos += 1 }
        if let e = peek, e == "e" || e == "E", pos > start {
            var q = pos + 1
            if q < chars.count, chars[q] == "-" || chars[q] == "+" { q += 1 }
            if q < chars.count, chars[q].isASCII, chars[q].isNumber {
                pos = q
                while let d = peek, d.isASCII, d.isNumber { pos += 1 }
            }
        }
        guard pos > start else { return nil }
        return Double(String(chars[start..<pos]))
    }
}
