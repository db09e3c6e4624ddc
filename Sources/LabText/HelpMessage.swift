/// The frame of `help` and `help CMD` around the command table's own lines.
public enum HelpMessage: Localized, Equatable {
    case example(String)
    case alias(String)
    case names(String)
    case footer
    case noCommand(word: String, suggestion: String?)

    public var english: String {
        switch self {
        case .example(let e): "  example: \(e)"
        case .alias(let a): "  alias: \(a)"
        case .names(let n): "  names: \(n)"
        case .footer: "'help COMMAND' shows its syntax and an example; '?' is the same as 'help'."
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
        case .noCommand(let word, let suggestion):
            "没有命令 \(word)" + (suggestion.map { "（你是不是想输入 '\($0)'？）" } ?? "") + "；help 列出全部命令"
        }
    }
}
