/// The session's refusals that are not the parser's: lengths, sizes too large to count or
/// allocate, text input, views asked in a way they cannot answer, and what a lesson reads.
public enum SessionErrorMessage: Localized, Equatable {
    /// Why a tensor index could not be read (LSTMCore's `ShapeError`, as facts).
    public enum IndexProblem: Equatable, Sendable {
        case rank(expected: Int, got: Int)
        case axis(axis: Int, index: Int, size: Int)
        /// Any other shape error, in the engine's own words.
        case other(String)
    }

    case lengthsCount(given: Int, batch: Int)
    case lengthOutOfRange(sequence: Int, value: Int, length: Int)
    /// `sizes` as `B=3 T=5 D=8 H=16`.
    case layersTooLargeToCount(sizes: String, layers: Int)
    /// `what`: the command (`named`) or the sizes alone (`B=3 T=5 D=8 H=16`); `bytes` nil: more than can be counted.
    case layersTooLarge(what: String, named: Bool, layers: Int, bytes: String?, limit: String)
    case tooLargeToCount(what: String)
    case cannotAllocate(what: String, amount: String)
    case benchRefused(detail: String)
    case bracketsDamaged(name: String)
    case alphabetEmpty
    case alphabetTwice(alphabet: String, character: String)
    case padOneCharacter(pad: String)
    case padNotInAlphabet(pad: String, alphabet: String)
    case paddingPosition(t: Int, b: Int, characters: Int)
    case inputSetOneCharacter(text: String)
    case notInAlphabet(text: String, alphabet: String)
    case noDirection(view: String, parameter: Bool)
    case cannotShow(view: String)
    case parameterTakesNoIndex(view: String)
    case lessonIndex(name: String, index: String, problem: IndexProblem, shape: String)
    case directionFwdOrBwd(got: String)
    case noValues(name: String)
    case lessonsNotSetUp
    case lessonSteps(id: Int, steps: Int)
    case lineTooLong(length: Int, limit: Int)
    /// `code`: the mark's code point in hex (`301`).
    case markAfterSpace(code: String)
    case controlCharacter(code: Int)
    // What a command would compute, named in a refusal over the compute limit.
    case workLayers(layers: Int, hidden: Int, drawing: Int)
    /// `redrawing`: the initializer the new sizes redraw the parameters with.
    case workSizes(sizes: String, redrawing: String?)
    case workInit(kind: String, inputs: Int, hidden: Int)
    case workInput(fill: String, batch: Int, length: Int, inputs: Int)
    case workSteps(command: String, forward: Int, backward: Int, batch: Int, inputs: Int, hidden: Int)
    case workStepLayer(choice: String, count: Int, layer: Int)
    case workRun(layers: Int, batch: Int, length: Int, hidden: Int)
    case workLoadWeights(inputs: Int, fill: String, batch: Int, length: Int)
    // What Ctrl-C left undone (the session is as it was).
    case sizesNotChanged
    case weightsNotLoaded
    case initNotDone(kind: String)
    case inputNotDone(fill: String)

    public var english: String {
        switch self {
        case .lengthsCount(let n, let b): "lengths needs one length per sequence: \(n) given for B=\(b)"
        case .lengthOutOfRange(let s, let v, let t): "the length of sequence \(s) is \(v); each length is 1…T = 1…\(t)"
        case .layersTooLargeToCount(let sizes, let l): "sizes \(sizes) L=\(l) are too large to count"
        case .layersTooLarge(let what, let named, let l, let bytes, let limit):
            (named ? "\(what) with" : "sizes \(what)") + " L=\(l) would need "
                + (bytes.map { "about \($0)" } ?? "more than can be counted")
                + ", over the limit of \(limit) (start with --memory-limit MiB to raise it)"
        case .tooLargeToCount(let what): "\(what): the sizes are too large to count (their memory estimate overflows)"
        case .cannotAllocate(let what, let amount):
            "\(what): could not allocate \(amount) (the machine or its ulimit has less free memory "
                + "than the memory limit allows); the session is as it was"
        case .benchRefused(let detail): detail
        case .bracketsDamaged(let name): "the built-in brackets \(name) is damaged (not base64); rebuild the lab"
        case .alphabetEmpty: "the alphabet is empty: give at least one character"
        case .alphabetTwice(let alphabet, let c): "the alphabet \(alphabet) has \(c) twice"
        case .padOneCharacter(let pad): "pad must be one character, got \(pad) (leave pad out for zero rows)"
        case .padNotInAlphabet(let pad, let alphabet): "pad \(pad) is not in the alphabet \(alphabet)"
        case .paddingPosition(let t, let b, let n):
            "t=\(t) is padding of string b=\(b) (\(Plural.count(n, "character"))): set t=0..\(n - 1)"
        case .inputSetOneCharacter(let text): "input set takes one character, got \(text)"
        case .notInAlphabet(let text, let alphabet): "\(text) is not in the alphabet \(alphabet)"
        case .noDirection(let view, let parameter):
            "\(view) does not take fwd/bwd" + (parameter ? " (the direction is in its name: _f or _b)" : "")
        case .cannotShow(let view): "\(view) cannot be shown this way"
        case .parameterTakesNoIndex(let view): "\(view) is a parameter: it takes no t= or b="
        case .lessonIndex(let name, let index, let problem, let shape):
            "\(name)\(index): " + Self.english(problem) + " (\(name) is \(shape))"
        case .directionFwdOrBwd(let got): "direction must be fwd or bwd, got \(got)"
        case .noValues(let name): "\(name) has no values to read"
        case .lessonsNotSetUp: "lessons are not set up in this session"
        case .lessonSteps(let id, let n):
            "lesson \(id) has \(n) steps: 'lesson play \(id) step K' takes K from 1 to \(n)"
        case .lineTooLong(let n, let limit): "line too long: \(n) characters (the limit is \(limit))"
        case .markAfterSpace(let code):
            "a combining mark (U+\(code)) follows a space: it has no letter to go on; remove it, or put the word in quotes"
        case .controlCharacter(let code): "control character (code \(code)) in the line"
        case .workLayers(let l, let h, let n): "sizes L=\(l) H=\(h) (drawing \(Plural.count(n, "layer")))"
        case .workSizes(let sizes, let redrawing):
            "sizes \(sizes)" + (redrawing.map { " (redrawing init \($0))" } ?? "")
        case .workInit(let kind, let d, let h): "init \(kind) at D=\(d) H=\(h)"
        case .workInput(let fill, let b, let t, let d): "input \(fill) at B=\(b) T=\(t) D=\(d)"
        case .workSteps(let command, let f, let bw, let b, let d, let h):
            "\(command): \(f) fwd + \(bw) bwd steps at B=\(b) D=\(d) H=\(h)"
        case .workStepLayer(let choice, let n, let l): "step \(choice) \(n) on layer \(l)"
        case .workRun(let l, let b, let t, let h): "run: \(Plural.count(l, "layer")) at B=\(b) T=\(t) H=\(h)"
        case .workLoadWeights(let d, let fill, let b, let t):
            "load weights with D=\(d) (redrawing input \(fill) at B=\(b) T=\(t))"
        case .sizesNotChanged: "sizes not changed (the model, input and cursors are as they were)"
        case .weightsNotLoaded: "weights not loaded (the model and input are as they were)"
        case .initNotDone(let kind): "init \(kind) not done (the parameters are as they were)"
        case .inputNotDone(let fill): "input \(fill) not done (the input is as it was)"
        }
    }

    public var chinese: String {
        switch self {
        case .lengthsCount(let n, let b): "lengths 要为每个序列给一个长度：给了 \(n) 个，而 B=\(b)"
        case .lengthOutOfRange(let s, let v, let t): "序列 \(s) 的长度是 \(v)；每个长度只能取 1…T = 1…\(t)"
        case .layersTooLargeToCount(let sizes, let l): "尺寸 \(sizes) L=\(l) 太大，无法估算"
        case .layersTooLarge(let what, let named, let l, let bytes, let limit):
            (named ? what : "尺寸 \(what)") + "（L=\(l)）需要" + (bytes.map { "约 \($0)" } ?? "多到无法估算的内存")
                + "，超过上限 \(limit)（启动时用 --memory-limit MiB 提高上限）"
        case .tooLargeToCount(let what): "\(what)：尺寸太大，无法估算（内存估计值溢出）"
        case .cannotAllocate(let what, let amount):
            "\(what)：无法分配 \(amount)（机器或它的 ulimit 可用的内存少于内存上限）；会话保持原样"
        case .benchRefused(let detail): "无法运行 bench：\(detail)"
        case .bracketsDamaged(let name): "内置的 brackets \(name) 已损坏（不是 base64）；请重新构建本实验"
        case .alphabetEmpty: "字母表是空的：至少给一个字符"
        case .alphabetTwice(let alphabet, let c): "字母表 \(alphabet) 中 \(c) 出现了两次"
        case .padOneCharacter(let pad): "pad 必须是一个字符，而不是 \(pad)（不写 pad 则填充零行）"
        case .padNotInAlphabet(let pad, let alphabet): "pad \(pad) 不在字母表 \(alphabet) 中"
        case .paddingPosition(let t, let b, let n): "t=\(t) 是字符串 b=\(b) 的填充部分（它有 \(n) 个字符）：请设 t=0..\(n - 1)"
        case .inputSetOneCharacter(let text): "input set 只接受一个字符，而不是 \(text)"
        case .notInAlphabet(let text, let alphabet): "\(text) 不在字母表 \(alphabet) 中"
        case .noDirection(let view, let parameter):
            "\(view) 不接受 fwd/bwd" + (parameter ? "（方向已在名字里：_f 或 _b）" : "")
        case .cannotShow(let view): "\(view) 不能这样显示"
        case .parameterTakesNoIndex(let view): "\(view) 是参数：不接受 t= 或 b="
        case .lessonIndex(let name, let index, let problem, let shape):
            "\(name)\(index)：" + Self.chinese(problem) + "（\(name) 的形状是 \(shape)）"
        case .directionFwdOrBwd(let got): "方向必须是 fwd 或 bwd，而不是 \(got)"
        case .noValues(let name): "\(name) 没有可读取的值"
        case .lessonsNotSetUp: "这次会话没有设置课程"
        case .lessonSteps(let id, let n): "第 \(id) 课有 \(n) 步：'lesson play \(id) step K' 的 K 只能取 1 到 \(n)"
        case .lineTooLong(let n, let limit): "这一行太长：\(n) 个字符（上限是 \(limit)）"
        case .markAfterSpace(let code): "空格后面跟着一个组合符号（U+\(code)），它没有可以附着的字母；请删掉它，或把这个词放进引号"
        case .controlCharacter(let code): "这一行里有控制字符（代码 \(code)）"
        case .workLayers(let l, let h, let n): "sizes L=\(l) H=\(h)（生成 \(n) 层）"
        case .workSizes(let sizes, let redrawing): "sizes \(sizes)" + (redrawing.map { "（重新生成 init \($0)）" } ?? "")
        case .workInit(let kind, let d, let h): "init \(kind)（D=\(d) H=\(h)）"
        case .workInput(let fill, let b, let t, let d): "input \(fill)（B=\(b) T=\(t) D=\(d)）"
        case .workSteps(let command, let f, let bw, let b, let d, let h):
            "\(command)：fwd \(f) 步 + bwd \(bw) 步（B=\(b) D=\(d) H=\(h)）"
        case .workStepLayer(let choice, let n, let l): "第 \(l) 层的 step \(choice) \(n)"
        case .workRun(let l, let b, let t, let h): "run：\(l) 层（B=\(b) T=\(t) H=\(h)）"
        case .workLoadWeights(let d, let fill, let b, let t):
            "load weights，D=\(d)（按 B=\(b) T=\(t) 重新生成 input \(fill)）"
        case .sizesNotChanged: "sizes 没有生效（模型、输入和游标都保持原样）"
        case .weightsNotLoaded: "权重没有载入（模型和输入保持原样）"
        case .initNotDone(let kind): "init \(kind) 没有完成（参数保持原样）"
        case .inputNotDone(let fill): "input \(fill) 没有完成（输入保持原样）"
        }
    }

    static func english(_ problem: IndexProblem) -> String {
        switch problem {
        case .rank(let e, let a): "expected \(e) dimensions, got \(a)"
        case .axis(let axis, let i, let size): "index \(i) is out of range for axis \(axis) of size \(size)"
        case .other(let text): text
        }
    }

    static func chinese(_ problem: IndexProblem) -> String {
        switch problem {
        case .rank(let e, let a): "应有 \(e) 个下标，实际给了 \(a) 个"
        case .axis(let axis, let i, let size): "下标 \(i) 超出第 \(axis) 维的范围（大小 \(size)）"
        case .other(let text): "形状有误：\(text)"
        }
    }
}
