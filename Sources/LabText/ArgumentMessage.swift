/// The parser's refusals of a command's words: a value not in its set, a word
/// missing. `word` arguments are quoted as typed; `what` names what was expected
/// as the command table calls it (`mode`, `initialiser`) and is translated here.
public enum ArgumentMessage: Localized, Equatable {
    /// A value of a setting: `unknown mode 'x': use fused, per-gate or hoisted`.
    case unknownValue(what: String, word: String, words: [String])
    /// A keyword: `unknown initialiser 'x': use tutorial, pytorch, zeros`.
    case unknownKeyword(what: String, word: String, words: [String])
    /// A subcommand: `unknown lesson command 'x': one of list, play, …`.
    case unknownSubcommand(what: String, word: String, words: [String])
    /// An on/off or closed setting: `packed is on or off, not 'x'`.
    case settingIs(setting: String, words: [String], word: String)
    case unknownDirection(word: String, words: [String])
    case needsValue(command: String, owner: String)
    case needsKeyword(command: String, what: String, words: [String])
    case needsOneOf(command: String, words: [String])
    case needsSetting(words: [String])
    case needsLessonNumber(command: String)
    case needsView(command: String)
    case needsPath(owner: String)
    case needsNames(command: String, names: [String])
    case needsTarget(command: String, usage: String)
    case needsAssignments(command: String, keys: [String])
    case needsValueUsage(command: String, usage: String)
    case needsVariable(command: String)
    case needsNameOrExpression(command: String, names: [String])
    case needsArgument(owner: String, form: String)
    case letNeeds
    case saveNeeds
    case expectedClause(word: String, clause: String)
    case clauseNeedsNumber(clause: String)
    case seedRange(max: String, word: String)
    case emptyPath
    case saveWeightsNeedsPath
    case takesAssignments(command: String, forms: String, word: String)
    case benchShape(word: String)
    case letNeedsName
    case letNeedsExpression(name: String)
    case saveNeedsPathAfterTo
    /// A view's option that is none of those it takes: `unexpected 'x' (expected fwd, bwd, t=N or b=N)`.
    case unexpectedOption(word: String, expected: [String])
    case takesTimeTarget(command: String, word: String)

    public var english: String {
        switch self {
        case .unknownValue(let what, let w, let words): "unknown \(what) \(w): use \(Self.or(words))"
        case .unknownKeyword(let what, let w, let words): "unknown \(what) \(w): use \(words.joined(separator: ", "))"
        case .unknownSubcommand(let what, let w, let words):
            "unknown \(what) \(w): one of \(words.joined(separator: ", "))"
        case .settingIs(let s, let words, let w): "\(s) is \(Self.or(words)), not \(w)"
        case .unknownDirection(let w, let words): "unknown direction \(w): use \(Self.or(words))"
        case .needsValue(let c, let o): "\(c) \(o) needs a value"
        case .needsKeyword(let c, let what, let words): "\(c) needs \(what): \(words.joined(separator: "|"))"
        case .needsOneOf(let c, let words): "\(c) needs: \(Self.listing(c, words))"
        case .needsSetting(let words): "set needs a setting: \(words.joined(separator: ", "))"
        case .needsLessonNumber(let c): "\(c) needs a lesson number (see 'lesson list')"
        case .needsView(let c): "\(c) needs at least one view: watch NAME [fwd|bwd] … or watch EXPR"
        case .needsPath(let o): "\(o) needs a path"
        case .needsNames(let c, let names): "\(c) needs a name: \(names.joined(separator: ", "))"
        case .needsTarget(let c, let usage): "\(c) needs a target: \(usage)"
        case .needsAssignments(let c, let keys):
            "\(c) needs at least one of \(keys.map { $0 + "=N" }.joined(separator: " "))"
        case .needsValueUsage(let c, let usage): "\(c) needs a value: \(usage)"
        case .needsVariable(let c): "\(c) needs a variable's name (see 'vars')"
        case .needsNameOrExpression(let c, let names):
            "\(c) needs a name or an expression: \(names.joined(separator: ", ")), or any expression such as c_f[:, 0]"
        case .needsArgument(let o, let form): "\(o) needs \(form)"
        case .letNeeds: "let needs: let NAME = EXPR"
        case .saveNeeds: "save needs: save weights PATH or save EXPR to PATH"
        case .expectedClause(let w, let clause): "unexpected \(w) (expected '\(clause) N')"
        case .clauseNeedsNumber(let clause): "\(clause) needs a number"
        case .seedRange(let max, let w): "seed must be a whole number from 0 to \(max), not \(w)"
        case .emptyPath: "empty path"
        case .saveWeightsNeedsPath: "save weights needs a path"
        case .takesAssignments(let c, let forms, let w): "\(c) takes \(forms), not \(w)"
        case .benchShape(let w): "bench shape is B,T,D,H or B,T,D,H,L (four or five numbers), not \(w)"
        case .letNeedsName: "let needs a name before '='"
        case .letNeedsExpression(let name): "let \(name) = needs an expression after '='"
        case .saveNeedsPathAfterTo: "save EXPR to PATH needs a path after 'to'"
        case .unexpectedOption(let w, let expected): "unexpected \(w) (expected \(Self.or(expected)))"
        case .takesTimeTarget(let c, let w): "\(c) takes t=N, start or end, not \(w)"
        }
    }

    public var chinese: String {
        switch self {
        case .unknownValue(let what, let w, let words): "\(Self.name(what)) 不能取 \(w)：可以用 \(Self.or(words, zh: true))"
        case .unknownKeyword(let what, let w, let words):
            "没有这个\(Self.spaced(what))：\(w)；可以用 \(words.joined(separator: "、"))"
        case .unknownSubcommand(let what, let w, let words):
            "没有这个\(Self.spaced(what))：\(w)；可以用 \(words.joined(separator: "、"))"
        case .settingIs(let s, let words, let w): "\(s) 只能是 \(Self.or(words, zh: true))，不能是 \(w)"
        case .unknownDirection(let w, let words): "没有这个方向：\(w)；可以用 \(Self.or(words, zh: true))"
        case .needsValue(let c, let o): "\(c) \(o) 后面需要一个值"
        case .needsKeyword(let c, let what, let words): "\(c) 后面需要\(Self.spaced(what))：\(words.joined(separator: "|"))"
        case .needsOneOf(let c, let words): "\(c) 后面需要：\(Self.listing(c, words, zh: true))"
        case .needsSetting(let words): "set 后面需要一个设置项：\(words.joined(separator: "、"))"
        case .needsLessonNumber(let c): "\(c) 后面需要课程编号（见 lesson list）"
        case .needsView(let c): "\(c) 后面至少要有一个视图：watch NAME [fwd|bwd] … 或 watch EXPR"
        case .needsPath(let o): "\(o) 后面需要一个路径"
        case .needsNames(let c, let names): "\(c) 后面需要一个名字：\(names.joined(separator: "、"))"
        case .needsTarget(let c, let usage): "\(c) 后面需要一个目标：\(usage)"
        case .needsAssignments(let c, let keys): "\(c) 后面至少需要 \(keys.map { $0 + "=N" }.joined(separator: " ")) 中的一个"
        case .needsValueUsage(let c, let usage): "\(c) 后面需要一个值：\(usage)"
        case .needsVariable(let c): "\(c) 后面需要一个变量名（见 vars）"
        case .needsNameOrExpression(let c, let names):
            "\(c) 后面需要一个名字或表达式：\(names.joined(separator: "、"))，或任意表达式，例如 c_f[:, 0]"
        case .needsArgument(let o, let form): "\(o) 后面需要 \(form)"
        case .letNeeds: "let 的写法：let NAME = EXPR"
        case .saveNeeds: "save 的写法：save weights PATH 或 save EXPR to PATH"
        case .expectedClause(let w, let clause): "多余的词 \(w)（这里应该是 \(clause) N）"
        case .clauseNeedsNumber(let clause): "\(clause) 后面需要一个数"
        case .seedRange(let max, let w): "seed 必须是 0 到 \(max) 之间的整数，不能是 \(w)"
        case .emptyPath: "路径是空的"
        case .saveWeightsNeedsPath: "save weights 后面需要一个路径"
        case .takesAssignments(let c, let forms, let w): "\(c) 只接受 \(forms)，不能是 \(w)"
        case .benchShape(let w): "bench 的形状写作 B,T,D,H 或 B,T,D,H,L（四个或五个数），不能是 \(w)"
        case .letNeedsName: "let 的 '=' 前面需要一个变量名"
        case .letNeedsExpression(let name): "let \(name) = 的 '=' 后面需要一个表达式"
        case .saveNeedsPathAfterTo: "save EXPR to PATH 的 to 后面需要一个路径"
        case .unexpectedOption(let w, let expected): "多余的词 \(w)（这里可以用 \(Self.or(expected, zh: true))）"
        case .takesTimeTarget(let c, let w): "\(c) 后面要跟 t=N、start 或 end，不能是 \(w)"
        }
    }

    /// `a, b or c` / `a、b 或 c`.
    static func or(_ items: [String], zh: Bool = false) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: zh ? "、" : ", ") + (zh ? " 或 " : " or ") + last
    }

    /// `input needs: random, zeros, ones, text or set`; lists of subcommands keep commas.
    static func listing(_ command: String, _ words: [String], zh: Bool = false) -> String {
        command == "input" ? or(words, zh: zh) : words.joined(separator: zh ? "、" : ", ")
    }

    /// `name(what)` after a Chinese word: a space before a Latin name (`这个 lesson 子命令`).
    static func spaced(_ what: String) -> String {
        let n = name(what)
        return n.first?.isASCII == true ? " " + n : n
    }

    /// What the command table calls a word, in Chinese.
    static func name(_ what: String) -> String {
        [
            "mode": "mode", "variant": "variant", "engine": "engine", "ablation": "ablate 的值",
            "initialiser": "初始化方式", "setting": "设置项", "lesson command": "lesson 子命令",
            "example": "例子", "format": "格式", "what to load": "要载入的内容", "input": "输入方式",
            "comparison": "比较对象",
        ][what] ?? what
    }
}
