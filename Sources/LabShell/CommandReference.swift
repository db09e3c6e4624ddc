/// `docs/COMMANDS.md`, generated from the command table so the reference
/// cannot drift from the parser (`lstmlab --commands-markdown > docs/COMMANDS.md`;
/// a test fails when the committed file differs).
public enum CommandReference {
    static let preamble = """
        # LSTMLab commands

        <!-- Generated from the command table (Sources/LabShell/CommandTable*.swift) by
             `lstmlab --commands-markdown > docs/COMMANDS.md`; edit the table, not this file. -->

        One command per line (`;` separates commands in `-c`; `#` starts a comment
        outside quotes; paths with spaces go in `"…"` or `'…'`). Keywords are
        case-sensitive and spelled exactly as here. Integers are decimal; `t=N`,
        `b=N` take no spaces around `=`. An error points at the word it is about:
        under the typed line at the prompt, under a quoted copy of the line in a
        script (`SOURCE:LINE: error: …`).

        Directions: `fwd` (t = 0…T-1), `bwd` (t = T-1…0), `both`.
        """

    /// A paragraph under a group's heading.
    static let intros: [CommandGroup: String] = [
        .stepping: """
        `init`, `input random`, `step`, `goto`, `run` and `bench` are refused with the
        estimate when their floating-point work would exceed the compute limit (see the
        launcher's `--compute-limit`).
        """,
        .looking: "View names: " + ViewName.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ".",
        .lessons: """
        Lessons run their lab lines through the same parser; a lab block may not use the
        commands marked *not in lesson lab blocks* (files, lessons, `quit`).
        """,
    ]

    /// The whole reference; `appendix` (the launcher's flags) goes at the end.
    public static func markdown(appendix: String = "") -> String {
        var out = [preamble]
        for group in CommandGroup.allCases {
            out.append("## \(group.rawValue)")
            if let intro = intros[group] { out.append(intro) }
            out.append(table(CommandTable.all.filter { $0.group == group }))
            if group == .looking { out.append(expressions) }
        }
        if !appendix.isEmpty { out.append(appendix) }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func table(_ specs: [CommandSpec]) -> String {
        var rows = ["| command | meaning | examples |", "|---|---|---|"]
        for spec in specs {
            var meaning = spec.summary
            if !spec.details.isEmpty { meaning += "; " + spec.details }
            if !spec.aliases.isEmpty { meaning += "; alias " + spec.aliases.map { "`\($0)`" }.joined(separator: ", ") }
            switch spec.scope {
            case .anywhere: break
            case .files, .notInLabBlocks: meaning += " (not in lesson lab blocks)"
            case .lessonOnly: meaning += " (only while a lesson plays)"
            }
            let examples = spec.examples.map { "`\(cell($0))`" }.joined(separator: ", ")
            rows.append("| `\(cell(spec.usage))` | \(cell(meaning)) | \(examples) |")
        }
        return rows.joined(separator: "\n")
    }

    /// A table cell: `|` escaped so it does not end the cell.
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
