/// Expression text that cannot be read: too long, too deep, a character or a
/// number the language does not know, a misplaced argument or index.
public enum ExpressionSyntaxMessage: Localized, Equatable {
    case tooLong(count: Int, limit: Int)
    case tooDeep(limit: Int)
    case chainedComparison
    case attributeName(got: String)
    case positionalAfterKeyword
    case emptyIndex
    case invalidNumber(literal: String)
    /// `character` as an error shows it: `'x'`, or the code point of an invisible one.
    case unexpectedCharacter(character: String)
    case keywordRepeated(label: String)

    public var english: String {
        switch self {
        case .tooLong(let c, let l): "expression too long: \(c) characters (the limit is \(l))"
        case .tooDeep(let l): "expression nested too deeply (the limit is \(l) levels)"
        case .chainedComparison: "chained comparisons are not supported: use parentheses"
        case .attributeName(let t): "expected a method or attribute name after '.', got '\(t)'"
        case .positionalAfterKeyword: "positional argument follows keyword argument"
        case .emptyIndex: "expected an index between '[' and ']'"
        case .invalidNumber(let l): "invalid number '\(l)'"
        case .unexpectedCharacter(let c): "unexpected character \(c) in the expression"
        case .keywordRepeated(let l): "keyword argument repeated: \(l)"
        }
    }

    public var chinese: String {
        switch self {
        case .tooLong(let c, let l): "表达式太长：有 \(c) 个字符（上限是 \(l)）"
        case .tooDeep(let l): "表达式嵌套太深（最多 \(l) 层）"
        case .chainedComparison: "不支持连写的比较（如 a < b < c）：请加括号分开"
        case .attributeName(let t): "'.' 后面应是方法名或属性名，却是 '\(t)'"
        case .positionalAfterKeyword: "按位置给的参数不能写在按名字给的参数后面"
        case .emptyIndex: "'[' 和 ']' 之间应有下标"
        case .invalidNumber(let l): "'\(l)' 不是有效的数"
        case .unexpectedCharacter(let c): "表达式里不能有字符 \(c)"
        case .keywordRepeated(let l): "参数 '\(l)' 按名字给了两次"
        }
    }
}
