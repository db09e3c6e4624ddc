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
        let aliases = CommandTable.aliases.filter { $0.value == spec.name }.map(\.key).sorted()
        if !aliases.isEmpty { lines.append("  alias: " + aliases.joined(separator: ", ")) }
        if spec.name == "show" || spec.name == "watch" || spec.name == "heatmap" {
            lines.append("  names: " + ViewName.allCases.map(\.rawValue).joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    static var overview: String {
        var lines: [String] = []
        let width = (CommandTable.all.map { $0.name.count }.max() ?? 8) + 2
        for group in CommandTable.groups {
            lines.append(group)
            for spec in CommandTable.all where spec.group == group {
                lines.append("  " + spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + spec.summary)
            }
        }
        lines.append("'help COMMAND' shows its syntax and an example; '?' is the same as 'help'.")
        return lines.joined(separator: "\n")
    }
}
