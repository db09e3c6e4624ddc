/// Why the shell refused a command that parsed: the facts (numbers, names, the
/// words typed, already quoted) and what to do instead.
public enum RefusalMessage: Localized, Equatable {
    case alphabetSize(alphabet: String, source: ReplyMessage, count: Int, inputs: Int)
    case zeroRows(count: Int)
    case notInAlphabet(b: Int, character: String, t: Int, alphabet: String, source: ReplyMessage)
    case textNeedsString
    case emptyString(b: Int)
    case inputSetNeedsText
    case sparkNeedsSequence
    case noLesson(id: Int, ids: String)
    case noLessons(folder: String)
    case noLessonToResume
    /// The example's note (not a refusal; it lives here to keep the example's words together).
    case heldOutAccuracy(open: String, close: String)
    case noLessonPlaying
    case notVariableName(name: String)
    case variableNameTooLong(name: String)
    case builtInName(name: String)
    case functionName(name: String)
    case tooManyVariables(limit: Int)
    case notAVariable(name: String, suggestion: String?, none: Bool)
    case letNeedsTensor(expression: String)
    case unitOutOfRange(unit: Int, last: Int)
    case noTimeAxis(name: String)
    case notComputedAt(name: String, t: Int, position: String)

    public var english: String {
        switch self {
        case .alphabetSize(let alphabet, let source, let count, let inputs):
            "the alphabet \(alphabet) (\(source.english)) has \(Plural.count(count, "character")), the model takes "
                + "D=\(inputs) inputs: "
                + (source == .alphabetGiven
                    ? "give an alphabet of \(inputs) characters"
                    : "give one with alphabet \"…\" (\(inputs) characters, in the model's one-hot order)")
        case .zeroRows(let n): " + \(n) zero rows"
        case .notInAlphabet(let b, let ch, let t, let alphabet, let source):
            "string b=\(b) has \(ch) at t=\(t), which is not in the alphabet \(alphabet) (\(source.english))"
        case .textNeedsString: "input text needs at least one string: input text \"(a)b\" \"((b)\""
        case .emptyString(let b): "string b=\(b) is empty: every sequence needs at least one character"
        case .inputSetNeedsText: "input set changes a character of a text input: make one first with input text \"…\""
        case .sparkNeedsSequence: "spark draws a sequence over time: use h_f, h_b, h_b_rev, y, x or logits"
        case .noLesson(let id, let ids): "no lesson \(id): lessons are \(ids)"
        case .noLessons(let folder): "no lessons found in \(folder) (set LSTMLAB_LESSONS to the lessons folder)"
        case .heldOutAccuracy(let open, let close):
            " (held-out accuracy \(open) on '(', \(close) on ')'; examples/brackets/README.md)"
        case .noLessonToResume: "no lesson to resume: start one with 'lesson play N' (see 'lesson list')"
        case .noLessonPlaying: "no lesson is playing: 'lesson play N' starts one, 'lesson resume' continues"
        case .notVariableName(let n): "\(n) is not a variable name: use letters, digits and _, starting with a letter"
        case .variableNameTooLong(let n): "\(n) is too long for a variable name (at most 64 characters)"
        case .builtInName(let n): "\(n) is a built-in name: a variable cannot shadow it (choose another name)"
        case .functionName(let n): "\(n) is a function's name: a variable cannot shadow it (choose another name)"
        case .tooManyVariables(let limit): "at most \(limit) variables; use 'unlet NAME' first"
        case .notAVariable(let n, let s, let none):
            "\(n) is not a variable" + (s.map { " (did you mean '\($0)'?)" } ?? "") + (none ? " (there are none)" : "")
        case .letNeedsTensor(let e): "let stores a tensor: \(e) is not one (index a tuple first, as in chunk(…)[0])"
        case .unitOutOfRange(let u, let last): "u=\(u) is out of range: units go from 0 to \(last)"
        case .noTimeAxis(let n): "\(n) has no time axis: it takes no t="
        case .notComputedAt(let n, let t, let p): "\(n) at t=\(t) is not computed yet (\(p))"
        }
    }

    public var chinese: String {
        switch self {
        case .alphabetSize(let alphabet, let source, let count, let inputs):
            "字母表 \(alphabet)（\(source.chinese)）有 \(count) 个字符，模型的输入是 D=\(inputs) 维："
                + (source == .alphabetGiven
                    ? "请给出 \(inputs) 个字符的字母表"
                    : "请用 alphabet \"…\" 给出一个（\(inputs) 个字符，按模型独热编码的顺序）")
        case .zeroRows(let n): " + \(n) 行全零"
        case .notInAlphabet(let b, let ch, let t, let alphabet, let source):
            "字符串 b=\(b) 在 t=\(t) 处的 \(ch) 不在字母表 \(alphabet)（\(source.chinese)）里"
        case .textNeedsString: "input text 至少需要一个字符串：input text \"(a)b\" \"((b)\""
        case .emptyString(let b): "字符串 b=\(b) 是空的：每条序列至少要有一个字符"
        case .inputSetNeedsText: "input set 修改文本输入中的一个字符：请先用 input text \"…\" 建立文本输入"
        case .sparkNeedsSequence: "spark 画的是随时间变化的序列：请用 h_f、h_b、h_b_rev、y、x 或 logits"
        case .noLesson(let id, let ids): "没有第 \(id) 课：现有的课程是 \(ids)"
        case .noLessons(let folder): "在 \(folder) 里没有找到课程（把 LSTMLAB_LESSONS 设为课程所在的文件夹）"
        case .heldOutAccuracy(let open, let close):
            "（留出集准确率：'(' 上 \(open)，')' 上 \(close)；见 examples/brackets/README.md）"
        case .noLessonToResume: "没有可以继续的课程：用 lesson play N 开始一课（lesson list 列出课程）"
        case .noLessonPlaying: "现在没有正在进行的课程：lesson play N 开始一课，lesson resume 继续上次的课"
        case .notVariableName(let n): "\(n) 不能作变量名：只能用字母、数字和 _，并以字母开头"
        case .variableNameTooLong(let n): "变量名 \(n) 太长了（最多 64 个字符）"
        case .builtInName(let n): "\(n) 是内置的名字：变量不能遮住它（请换一个名字）"
        case .functionName(let n): "\(n) 是函数名：变量不能遮住它（请换一个名字）"
        case .tooManyVariables(let limit): "变量最多 \(limit) 个；请先用 unlet NAME 删除一个"
        case .notAVariable(let n, let s, let none):
            "\(n) 不是变量" + (s.map { "（你是不是想输入 '\($0)'？）" } ?? "") + (none ? "（现在一个变量也没有）" : "")
        case .letNeedsTensor(let e): "let 只能保存张量：\(e) 不是张量（先对元组取下标，例如 chunk(…)[0]）"
        case .unitOutOfRange(let u, let last): "u=\(u) 超出范围：单元编号只能取 0 到 \(last)"
        case .noTimeAxis(let n): "\(n) 没有时间轴：不能加 t="
        case .notComputedAt(let n, let t, let p): "\(n) 在 t=\(t) 处还没有算出（\(p)）"
        }
    }
}
