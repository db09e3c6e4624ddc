import Foundation

/// `help` and `help CMD`, from the command table.
enum Help {
    static func text(topic: String?) throws(LabError) -> String {
        guard let topic else { return overview }
        guard let spec = CommandTable.spec(topic) else {
            let hint = Suggest.closest(to: topic, in: CommandTable.names).map { " (did you mean '\($0)'?)" } ?? ""
            throw LabError("no command \(Quote.word(topic))\(hint); 'help' lists them all")
        }
        var lines = ["\(spec.usage)", "  \(spec.summary)", "  example: \(spec.example)"]
        if !spec.aliases.isEmpty { lines.append("  alias: " + spec.aliases.sorted().joined(separator: ", ")) }
        if spec.parameters.contains(where: { if case .view = $0.kind { true } else { false } }) {
            lines.append("  names: " + ViewName.allCases.map(\.rawValue).joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    static var overview: String {
        var lines: [String] = []
        let width = (CommandTable.all.map { $0.name.count }.max() ?? 8) + 2
        for group in CommandGroup.allCases {
            lines.append(group.rawValue)
            for spec in CommandTable.all where spec.group == group {
                lines.append("  " + spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + spec.summary)
            }
        }
        lines.append("'help COMMAND' shows its syntax and an example; '?' is the same as 'help'.")
        return lines.joined(separator: "\n")
    }
}
