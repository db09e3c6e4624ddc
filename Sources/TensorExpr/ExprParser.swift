import LabText

/// Reads an expression with Python's grammar and precedence:
///
/// ```
/// expr       = arith (('==' | '!=' | '<' | '<=' | '>' | '>=') arith)?
/// arith      = term (('+' | '-') term)*
/// term       = factor (('*' | '/' | '//' | '@') factor)*
/// factor     = ('-' | '+') factor | power
/// power      = postfix ('**' factor)?
/// postfix    = atom ('(' args ')' | '[' items ']' | '.' NAME)*
/// atom       = NUMBER | NAME | '(' expr ')' | '(' expr ',' … ')' | '[' expr, … ']'
/// items      = item (',' item)*,   item = expr | expr? ':' expr? (':' expr?)? | '...'
/// ```
/// Nesting is bounded (`maxDepth`), so `((((…))))` is refused instead of
/// overflowing the stack, and so is text over `maxLength` characters.
public struct ExprParser {
    public static let maxDepth = 64
    public static let maxLength = 4096

    private var tokens: [ExprToken]
    private var pos = 0
    private var depth = 0

    public static func parse(_ text: String) throws(ExprError) -> Expr {
        guard text.count <= maxLength else {
            throw ExprError(.syntax, .syntax(.tooLong(count: text.count, limit: maxLength)))
        }
        var p = ExprParser(tokens: try ExprLexer.tokenize(text))
        guard p.peek.kind != .end else { throw ExprError(.syntax, .expectedExpression, at: p.peek.range) }
        let e = try p.expression()
        guard p.peek.kind == .end else {
            throw ExprError(.syntax, .unexpectedAfter(token: p.peek.text), at: p.peek.range)
        }
        return e
    }

    private init(tokens: [ExprToken]) { self.tokens = tokens }

    private var peek: ExprToken { tokens[min(pos, tokens.count - 1)] }

    private mutating func advance() -> ExprToken {
        let t = peek
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    private mutating func accept(_ s: String) -> ExprToken? {
        guard peek.symbol == s else { return nil }
        return advance()
    }

    private mutating func expect(_ s: String, closing open: ExprToken? = nil) throws(ExprError) -> ExprToken {
        if let t = accept(s) { return t }
        if peek.kind == .end, let open {
            throw ExprError(.syntax, .neverClosed(bracket: open.text), at: open.range)
        }
        throw ExprError(.syntax, .expected(what: s, got: peek.text), at: peek.range)
    }

    private mutating func enter(_ at: Range<Int>) throws(ExprError) {
        depth += 1
        guard depth <= ExprParser.maxDepth else {
            throw ExprError(.syntax, .syntax(.tooDeep(limit: ExprParser.maxDepth)), at: at)
        }
    }

    private mutating func expression() throws(ExprError) -> Expr {
        try enter(peek.range)
        defer { depth -= 1 }
        let left = try arith()
        let comparisons: [String: BinaryOperator] = [
            "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessEqual,
            ">": .greater, ">=": .greaterEqual,
        ]
        guard let s = peek.symbol, let op = comparisons[s] else { return left }
        _ = advance()
        let right = try arith()
        if let s2 = peek.symbol, comparisons[s2] != nil {
            throw ExprError(.syntax, .syntax(.chainedComparison), at: peek.range)
        }
        return Expr(.binary(op, left, right), left.range.lowerBound..<right.range.upperBound)
    }

    private mutating func arith() throws(ExprError) -> Expr {
        var left = try term()
        while let s = peek.symbol, s == "+" || s == "-" {
            _ = advance()
            let right = try term()
            left = Expr(
                .binary(s == "+" ? .add : .subtract, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func term() throws(ExprError) -> Expr {
        var left = try factor()
        let ops: [String: BinaryOperator] = ["*": .multiply, "/": .divide, "//": .floorDivide, "@": .matmul]
        while let s = peek.symbol, let op = ops[s] {
            _ = advance()
            let right = try factor()
            left = Expr(.binary(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func factor() throws(ExprError) -> Expr {
        if let s = peek.symbol, s == "-" || s == "+" {
            let t = advance()
            try enter(t.range)
            defer { depth -= 1 }
            let operand = try factor()
            let r = t.range.lowerBound..<operand.range.upperBound
            return s == "-" ? Expr(.negate(operand), r) : Expr(operand.node, r)
        }
        return try power()
    }

    private mutating func power() throws(ExprError) -> Expr {
        let base = try postfix()
        guard accept("**") != nil else { return base }
        try enter(peek.range)
        defer { depth -= 1 }
        let exponent = try factor()
        return Expr(.binary(.power, base, exponent), base.range.lowerBound..<exponent.range.upperBound)
    }

    private mutating func postfix() throws(ExprError) -> Expr {
        var e = try atom()
        while true {
            if let open = accept("(") {
                try requireMore(open)
                let args = try arguments(open)
                let close = try expect(")", closing: open)
                e = Expr(.call(e, args), e.range.lowerBound..<close.range.upperBound)
            } else if let open = accept("[") {
                try requireMore(open)
                let items = try indexItems(open)
                let close = try expect("]", closing: open)
                e = Expr(.subscripted(e, items), e.range.lowerBound..<close.range.upperBound)
            } else if accept(".") != nil {
                let t = advance()
                guard case .name(let n) = t.kind else {
                    throw ExprError(.syntax, .syntax(.attributeName(got: t.text)), at: t.range)
                }
                e = Expr(.attribute(e, n), e.range.lowerBound..<t.range.upperBound)
            } else {
                return e
            }
        }
    }

    private mutating func atom() throws(ExprError) -> Expr {
        let t = advance()
        switch t.kind {
        case .number(let v, let isInteger):
            return Expr(.number(v, isInteger: isInteger), t.range)
        case .name(let n):
            return Expr(.name(n), t.range)
        case .end:
            throw ExprError(.syntax, .endsTooEarly, at: t.range)
        case .symbol(let s):
            if s == "(" {
                try requireMore(t)
                try enter(t.range)
                defer { depth -= 1 }
                if let close = accept(")") { return Expr(.tuple([]), t.range.lowerBound..<close.range.upperBound) }
                let first = try expression()
                if accept(",") == nil {
                    _ = try expect(")", closing: t)
                    return first
                }
                var items = [first]
                while peek.symbol != ")" {
                    items.append(try expression())
                    if accept(",") == nil { break }
                }
                let close = try expect(")", closing: t)
                return Expr(.tuple(items), t.range.lowerBound..<close.range.upperBound)
            }
            if s == "[" {
                try requireMore(t)
                try enter(t.range)
                defer { depth -= 1 }
                var items: [Expr] = []
                while peek.symbol != "]" {
                    items.append(try expression())
                    if accept(",") == nil { break }
                }
                let close = try expect("]", closing: t)
                return Expr(.list(items), t.range.lowerBound..<close.range.upperBound)
            }
            throw ExprError(.syntax, .unexpected(token: s), at: t.range)
        }
    }

    /// An opening bracket at the end of the text is never closed.
    private func requireMore(_ open: ExprToken) throws(ExprError) {
        if peek.kind == .end { throw ExprError(.syntax, .neverClosed(bracket: open.text), at: open.range) }
    }

    private mutating func arguments(_ open: ExprToken) throws(ExprError) -> [Argument] {
        try enter(open.range)
        defer { depth -= 1 }
        var args: [Argument] = []
        while peek.symbol != ")" && peek.kind != .end {
            var label: String?
            if case .name(let n) = peek.kind, tokens[min(pos + 1, tokens.count - 1)].symbol == "=" {
                label = n
                _ = advance()
                _ = advance()
            } else if args.contains(where: { $0.label != nil }) {
                throw ExprError(.syntax, .syntax(.positionalAfterKeyword), at: peek.range)
            }
            args.append(Argument(label: label, value: try expression()))
            if accept(",") == nil { break }
        }
        return args
    }

    private mutating func indexItems(_ open: ExprToken) throws(ExprError) -> [IndexItem] {
        try enter(open.range)
        defer { depth -= 1 }
        var items: [IndexItem] = []
        repeat {
            if peek.symbol == "]" && !items.isEmpty { break }
            if let t = accept("...") {
                items.append(.ellipsis(t.range))
                continue
            }
            let start = peek.range.lowerBound
            var first: Expr?
            if peek.symbol != ":" {
                first = try expression()
                if peek.symbol != ":" {
                    if let first { items.append(.value(first)) }
                    continue
                }
            }
            _ = advance()
            var stop: Expr?
            var step: Expr?
            if !isSliceEnd { stop = try expression() }
            if accept(":") != nil && !isSliceEnd { step = try expression() }
            items.append(.slice(start: first, stop: stop, step: step, range: start..<peek.range.lowerBound))
        } while accept(",") != nil
        if items.isEmpty { throw ExprError(.syntax, .syntax(.emptyIndex), at: peek.range) }
        return items
    }

    private var isSliceEnd: Bool { peek.symbol == "," || peek.symbol == "]" || peek.symbol == ":" || peek.kind == .end }
}
