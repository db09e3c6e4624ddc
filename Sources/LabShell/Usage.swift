/// Usage text generated from declared parameters: `step [fwd|bwd|both] [N]`.
enum Usage {
    /// The whole usage line of a command.
    static func line(_ name: String, _ parameters: [Parameter]) -> String {
        ([name] + parameters.map(text)).joined(separator: " ")
    }

    /// One parameter as usage shows it, with brackets for optional ones.
    static func text(_ p: Parameter) -> String {
        let core = core(p)
        switch p.presence {
        case .required: return core
        case .repeated: return core + " …"
        case .any: return "[" + core + " …]"
        case .optional, .option:
            if case .assignments = p.kind { return core }  // already one bracket per key
            return "[" + core + "]"
        }
    }

    /// A parameter without its brackets.
    static func core(_ p: Parameter) -> String {
        switch p.kind {
        case .direction(let set): return set.map(\.rawValue).joined(separator: "|")
        case .count: return p.label ?? "N"
        case .keyed(let key, _): return key + "=N"
        case .unitRange: return "u=A..B"
        case .oneOf(let choice):
            let parts = choice.branches.map { b in ([b.word] + b.parameters.map(text)).joined(separator: " ") }
            let nested = choice.branches.contains { !$0.parameters.isEmpty }
            return parts.joined(separator: nested ? " | " : "|")
        case .clause(let word, let value): return word + " " + core(Parameter(p.key, value, .required, label: p.label))
        case .seed, .lessonNumber: return p.label ?? "N"
        case .path: return p.label ?? "PATH"
        case .view(let options): return (["NAME"] + options.map(text)).joined(separator: " ")
        case .assignment: return "NAME = EXPR"
        case .variableName: return p.label ?? "NAME"
        case .saveTarget: return "weights PATH | EXPR to PATH"
        case .viewOrExpression(let options): return (["NAME"] + options.map(text)).joined(separator: " ") + " | EXPR"
        case .commandName: return p.label ?? "COMMAND"
        case .assignments(let keys, _): return keys.map { "[\($0)=N]" }.joined(separator: " ")
        case .shape: return "B,T,D,H[,L]"
        case .lengthList: return "N,N,…|none"
        case .timeTarget: return "t=N|start|end"
        case .expression: return p.label ?? "EXPR"
        case .words: return p.label ?? "VALUE"
        }
    }

    /// The words an error lists as expected here: `fwd`, `bwd`, `t=N`.
    static func alternatives(_ p: Parameter) -> [String] {
        switch p.kind {
        case .direction(let set): return set.map(\.rawValue)
        case .oneOf(let choice): return choice.words
        default: return [core(p)]
        }
    }
}
