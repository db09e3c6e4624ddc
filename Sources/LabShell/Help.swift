import Foundation
import LabText
import TermRender

/// `help` and `help CMD`, from the command table, in the session's language.
enum Help {
    static func text(topic: String?, language: Language = .en) throws(LabError) -> String {
        guard let topic else { return overview(language) }
        guard let spec = CommandTable.spec(topic) else {
            let suggestion = Suggest.closest(to: topic, in: CommandTable.names)
            throw LabError(said: HelpMessage.noCommand(word: Quote.word(topic), suggestion: suggestion))
        }
        var lines = [
            "\(spec.usage)", "  " + CommandTable.summary(of: spec, in: language),
            HelpMessage.example(spec.example).text(language),
        ]
        if !spec.aliases.isEmpty {
            lines.append(HelpMessage.alias(spec.aliases.sorted().joined(separator: ", ")).text(language))
        }
        if spec.parameters.contains(where: { if case .view = $0.kind { true } else { false } }) {
            lines.append(HelpMessage.names(ViewName.allCases.map(\.rawValue).joined(separator: " ")).text(language))
        }
        if spec.parameters.contains(where: { if case .viewOrExpression = $0.kind { true } else { false } }) {
            lines.append(HelpMessage.names(ViewName.allCases.map(\.rawValue).joined(separator: " ")).text(language))
            lines.append(HelpMessage.orExpression.text(language))
        }
        if spec.parameters.contains(where: { if case .expression = $0.kind { true } else { false } }) {
            lines.append(HelpMessage.expressions.text(language))
        }
        return lines.joined(separator: "\n")
    }

    static func overview(_ language: Language) -> String {
        var lines: [String] = []
        let width = (CommandTable.all.map { $0.name.count }.max() ?? 8) + 2
        for group in CommandGroup.allCases {
            lines.append(CommandTable.heading(group, in: language))
            for spec in CommandTable.all where spec.group == group {
                lines.append(
                    "  " + NumberFormat.padRight(spec.name, width) + CommandTable.summary(of: spec, in: language))
            }
        }
        lines.append(HelpMessage.footer.text(language))
        return lines.joined(separator: "\n")
    }
}
