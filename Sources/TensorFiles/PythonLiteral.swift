import LabText

/// The subset of Python literal syntax that `.npy` headers use.
///
/// ```
/// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
/// ```
/// Strings in single or double quotes, `True`/`False`/`None`, integers (with the
/// `L` suffix Python 2 wrote), tuples, lists and dicts; trailing commas and any
/// whitespace allowed. Nothing is evaluated.
indirect enum PythonLiteral: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case none
    /// The digits as written (with a leading `-` if negative); converted where used,
    /// so an absurd dimension can be reported as written.
    case integer(String)
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case dict([(key: PythonLiteral, value: PythonLiteral)])

    static func == (a: PythonLiteral, b: PythonLiteral) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.none, .none): return true
        case (.integer(let x), .integer(let y)): return x == y
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)): return x == y
        case (.dict(let x), .dict(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// How the value reads in Python, for error messages.
    var python: String {
        switch self {
        case .string(let s): return "'" + s + "'"
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .integer(let s): return s
        case .tuple(let xs): return "(" + xs.map(\.python).joined(separator: ", ") + (xs.count == 1 ? ",)" : ")")
        case .list(let xs): return "[" + xs.map(\.python).joined(separator: ", ") + "]"
        case .dict(let kv): return "{" + kv.map { "\($0.key.python): \($0.value.python)" }.joined(separator: ", ") + "}"
        }
    }

    /// Parses `text` as exactly one literal, surrounded by optional whitespace.
    /// The error is a reason such as `expected ':' at character 9`.
    static func parse(_ text: String) -> Result<PythonLiteral, ParseFailure> {
        var p = Parser(scalars: Array(text.unicodeScalars))
        do throws(ParseFailure) {
            let value = try p.value(depth: 0)
            p.skipSpace()
            guard p.atEnd else { throw p.failure(.unexpectedText) }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    struct ParseFailure: Error, Equatable {
        var syntax: TensorFileMessage.Syntax
        /// The 1-based character, nil at the end of the text.
        var at: Int?
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var i = 0

        var atEnd: Bool { i >= scalars.count }
        var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

        func failure(_ syntax: TensorFileMessage.Syntax) -> ParseFailure {
            ParseFailure(syntax: syntax, at: atEnd ? nil : i + 1)
        }

        mutating func skipSpace() {
            while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1 }
        }

        mutating func value(depth: Int) throws(ParseFailure) -> PythonLiteral {
            guard depth < 32 else { throw failure(.nestingTooDeep) }
            skipSpace()
            guard let c = current else { throw failure(.expectedValue) }
            switch c {
            case "'", "\"": return .string(try string())
            case "(":
                i += 1
                let (items, sawComma) = try sequence(closer: ")", depth: depth)
                // `(3)` is the integer 3 in Python, not a tuple.
                if items.count == 1 && !sawComma { return items[0] }
                return .tuple(items)
            case "[":
                i += 1
                return .list(try sequence(closer: "]", depth: depth).items)
            case "{":
                i += 1
                return .dict(try dictionary(depth: depth))
            case "-", "0"..."9":
                return .integer(try integer())
            default:
                return try keyword(after: c)
            }
        }

        /// `True`, `False` or `None`; anything else is refused where it starts.
        mutating func keyword(after c: Unicode.Scalar) throws(ParseFailure) -> PythonLiteral {
            let start = i
            while let s = current, s.properties.isAlphabetic || s == "_" || ("0"..."9").contains(s) { i += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<i]))
            switch word {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return .none
            default:
                i = start
                throw failure(word.isEmpty ? .unexpectedCharacter("\(c)") : .unexpectedWord(word))
            }
        }

        mutating func string() throws(ParseFailure) -> String {
            guard let quote = current else { throw failure(.expectedString) }
            i += 1
            var out = String.UnicodeScalarView()
            while let c = current {
                i += 1
                if c == quote { return String(out) }
                if c == "\n" { break }
                if c == "\\" {
                    guard let e = current else { break }
                    i += 1
                    switch e {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\\", "'", "\"": out.append(e)
                    default:
                        out.append("\\")
                        out.append(e)
                    }
                } else {
                    out.append(c)
                }
            }
            throw failure(.unterminatedString)
        }

        mutating func integer() throws(ParseFailure) -> String {
            var text = ""
            if current == "-" {
                text = "-"
                i += 1
            }
            guard let first = current, ("0"..."9").contains(first) else { throw failure(.expectedDigits) }
            while let d = current, ("0"..."9").contains(d) || d == "_" {
                if d != "_" { text.unicodeScalars.append(d) }
                i += 1
            }
            if current == "L" || current == "l" { i += 1 }  // Python 2 long: 3L
            if let c = current, c == "." || c == "e" || c == "E" || c.properties.isAlphabetic {
                throw failure(.expectedInteger)
            }
            return text
        }

        mutating func sequence(closer: Unicode.Scalar, depth: Int) throws(ParseFailure) -> (
            items: [PythonLiteral], sawComma: Bool
        ) {
            var items: [PythonLiteral] = []
            var sawComma = false
            while true {
                skipSpace()
                if current == closer {
                    i += 1
                    return (items, sawComma)
                }
                items.append(try value(depth: depth + 1))
                skipSpace()
                if current == "," {
                    i += 1
                    sawComma = true
                    continue
                }
                if current == closer {
                    i += 1
                    return (items, sawComma)
                }
                throw failure(.expectedSeparator(closer: "\(closer)"))
            }
        }

        mutating func dictionary(depth: Int) throws(ParseFailure) -> [(key: PythonLiteral, value: PythonLiteral)] {
            var entries: [(key: PythonLiteral, value: PythonLiteral)] = []
            while true {
                skipSpace()
                if current == "}" {
                    i += 1
                    return entries
                }
                let key = try value(depth: depth + 1)
                skipSpace()
                guard current == ":" else { throw failure(.expectedColon) }
                i += 1
                let v = try value(depth: depth + 1)
                entries.append((key, v))
                skipSpace()
                if current == "," {
                    i += 1
                    continue
                }
                if current == "}" {
                    i += 1
                    return entries
                }
                throw failure(.expectedSeparator(closer: "}"))
            }
        }
    }
}
