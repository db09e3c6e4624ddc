import LabText

/// `docs/COMMANDS.zh.md`: the same command table as `docs/COMMANDS.md`, with the
/// Chinese help lines (`CommandTable.chineseSummaries`); usages and examples are
/// what is typed and stay as they are. A test fails when the committed file drifts.
extension CommandReference {
    static let chinesePreamble = """
        # LSTMLab 命令一览

        <!-- 由命令表（Sources/LabShell/CommandTable*.swift）生成：
             `lstmlab --commands-markdown --lang zh > docs/COMMANDS.zh.md`；请修改命令表，不要修改本文件。 -->

        每行一个命令（`-c` 里用 `;` 分隔；引号之外 `#` 开始注释；带空格的路径写在 `"…"` 或 `'…'` 里）。
        命令和关键字区分大小写，按这里的写法输入；`t=N`、`b=N` 的 `=` 两边不加空格。
        中文输入法打出的全角数字、字母、括号和逗号会按半角读入。出错时，提示会指出出错的那个词。

        方向：`fwd`（前向，t = 0…T-1）、`bwd`（反向，t = T-1…0）、`both`（两个方向）。
        """

    /// The whole Chinese reference; `appendix` (the launcher's flags) goes at the end.
    public static func chineseMarkdown(appendix: String = "") -> String {
        var out = [chinesePreamble]
        for group in CommandGroup.allCases {
            out.append("## \(CommandTable.heading(group, in: .zh))")
            var rows = ["| 命令 | 说明 | 例子 |", "|---|---|---|"]
            for spec in CommandTable.all where spec.group == group {
                var meaning = CommandTable.summary(of: spec, in: .zh)
                switch spec.scope {
                case .anywhere: break
                case .files, .notInLabBlocks: meaning += "（不能用在课程的 lab 块里）"
                case .lessonOnly: meaning += "（只在课程进行中可用）"
                }
                let examples = spec.examples.map { "`\(cell($0))`" }.joined(separator: ", ")
                rows.append("| `\(cell(spec.usage))` | \(cell(meaning)) | \(examples) |")
            }
            out.append(rows.joined(separator: "\n"))
        }
        if !appendix.isEmpty { out.append(appendix) }
        return out.joined(separator: "\n\n") + "\n"
    }
}
