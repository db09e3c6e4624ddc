/// The frame of `help` and `help CMD` around the command table's own lines.
public enum HelpMessage: Localized, Equatable {
    case example(String)
    case alias(String)
    case names(String)
    case footer
    /// What an expression may use, in one line (docs/COMMANDS.md has the whole language).
    case expressionNote
    case orExpression
    case expressions
    case noCommand(word: String, suggestion: String?)

    public var english: String {
        switch self {
        case .example(let e): "  example: \(e)"
        case .alias(let a): "  alias: \(a)"
        case .names(let n): "  names: \(n)"
        case .footer: "'help COMMAND' shows its syntax and an example; '?' is the same as 'help'."
        case .expressionNote:
            "PyTorch's spelling over the session's tensors (c_f, h_b, gates_f, z_f, i_f, W_hh_f, x, y, …): "
                + "+ - * / ** @, a[0, :, 1:3], a[..., None], .T, .sum(dim=1), sigmoid, tanh, cat, chunk, F.linear, … "
                + "(see docs/COMMANDS.md)"
        case .orExpression: "  or any expression: " + Self.expressionNote.english
        case .expressions: "  expressions: " + Self.expressionNote.english
        case .noCommand(let word, let suggestion):
            "no command \(word)" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + "; 'help' lists them all"
        }
    }

    public var chinese: String {
        switch self {
        case .example(let e): "  例子：\(e)"
        case .alias(let a): "  别名：\(a)"
        case .names(let n): "  名字：\(n)"
        case .footer: "help 命令名 显示该命令的写法和例子；? 和 help 相同。"
        case .expressionNote:
            "按 PyTorch 的写法对会话里的张量求值（c_f、h_b、gates_f、z_f、i_f、W_hh_f、x、y、…）："
                + "+ - * / ** @、a[0, :, 1:3]、a[..., None]、.T、.sum(dim=1)、sigmoid、tanh、cat、chunk、F.linear、…"
                + "（详见 docs/COMMANDS.zh.md）"
        case .orExpression: "  或任意表达式：" + Self.expressionNote.chinese
        case .expressions: "  表达式：" + Self.expressionNote.chinese
        case .noCommand(let word, let suggestion):
            "没有命令 \(word)" + (suggestion.map { "（你是不是想输入 '\($0)'？）" } ?? "") + "；help 列出全部命令"
        }
    }
}
