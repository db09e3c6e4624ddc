/// One token of an expression and the characters it covers.
struct ExprToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A number literal; `isInteger` when written without `.` or exponent (PyTorch's int64).
        case number(Double, isInteger: Bool)
        case name(String)
        /// Operators and punctuation: `+ - * / ** @ == != < <= > >= = ( ) [ ] , : . ...`
        case symbol(String)
        case end
    }

    var kind: Kind
    var range: Range<Int>

    var symbol: String? {
        if case .symbol(let s) = kind { return s }
        return nil
    }

    /// How an error quotes it.
    var text: String {
        switch kind {
        case .number(let v, let isInt): return isInt && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
        case .name(let n): return n
        case .symbol(let s): return s
        case .end: return "end of line"
        }
    }
}
