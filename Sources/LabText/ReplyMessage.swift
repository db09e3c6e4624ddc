/// What a command says it did: `init`, `input`, `sizes`, `lengths`, `set packed`,
/// `layer`, `set ablate`, `example`, `load`, `let`, `unlet`. Names, shapes and
/// formulas are the same in both languages; `what` arguments are already worded.
public enum ReplyMessage: Localized, Equatable {
    /// `what`, then the cursors went back to the start.
    case cursorsAtStart(what: String)
    case initTutorial(origin: String, bound: String, hidden: Int)
    case initPyTorch(origin: String, bound: String)
    case initZeros(origin: String)
    case inputMade(origin: String, shape: String, normal: Bool)
    case sizesSet(sizes: String, notes: String)
    case sizesNothingRedrawn
    case parametersRedrawn(initializer: String)
    case headRemoved(inputs: Int)
    case inputRedrawn(fill: String)
    case initialStateZeros
    case layersDrawn(last: Int, initializer: String, rows: Int, inputs: Int)
    case lengthsNone(length: Int)
    case lengthsSet(lengths: String, packed: Bool, padding: String?)
    case packedSet(on: Bool)
    case layerSelected(layer: Int, of: Int, position: String)
    case noSuchLayer(layer: Int, count: Int)
    case ablationOff(headLoaded: Bool)
    case ablation(forward: Bool, first: Int, last: Int, headLoaded: Bool)
    case defined(name: String, shape: String, expression: String, replaced: Bool)
    case dropped(name: String)
    case exampleBrackets(classes: [String], accuracy: String)
    case exampleModel(inputs: Int, hidden: Int)
    case exampleHead(inputs: Int, classes: [String], hidden: Int)
    case exampleTry
    case textInput(shape: String, alphabet: String, source: String, order: String)
    case textMore(count: Int)
    case noPadding(length: Int)
    case paddedWith(pad: String, length: Int)
    case paddedWithZeros(length: Int)
    case alphabetGiven
    case alphabetFromModel
    case alphabetSorted
    case headNeeded(view: String)
    case inputSet(b: Int, t: Int, token: String, old: String, display: String)
    case inputSetRanAgain(b: Int)
    case inputSetMoves(t: Int)
    case inputSetCursors

    public var english: String {
        switch self {
        case .cursorsAtStart(let what): "\(what); cursors at the start"
        case .initTutorial(let origin, let bound, let h):
            "\(origin): W_ih ~ Xavier-uniform(±\(bound)), W_hh orthogonal [\(4 * h), \(h)], biases 0 except the forget "
                + "rows \(h)..\(2 * h - 1) = 1 in b_ih and b_hh"
        case .initPyTorch(let origin, let bound): "\(origin): every parameter ~ U(−1/√H, 1/√H) = U(±\(bound))"
        case .initZeros(let origin): "\(origin): every parameter 0"
        case .inputMade(let origin, let shape, let normal): "\(origin): x \(shape)\(normal ? " ~ N(0, 1)" : "")"
        case .sizesSet(let sizes, let notes): "sizes \(sizes): \(notes)"
        case .sizesNothingRedrawn: "nothing to redraw"
        case .parametersRedrawn(let i): "parameters redrawn (init \(i))"
        case .headRemoved(let n): "head removed (it takes 2H=\(n))"
        case .inputRedrawn(let fill): "input redrawn (\(fill))"
        case .initialStateZeros: "h0, c0 back to zeros"
        case .layersDrawn(let last, let i, let rows, let inputs):
            "layers 1…\(last) drawn (init \(i), W_ih [\(rows), \(inputs)])"
        case .lengthsNone(let t): "lengths none: every sequence is full (T=\(t))"
        case .lengthsSet(let lengths, let packed, let padding):
            "lengths \(lengths) ("
                + (packed
                    ? "packed: each sequence's backward direction starts at its own last step"
                    : "packing off: the lengths are labels, the padded batch runs the naive way")
                + "); padding \(padding ?? "none")"
        case .packedSet(let on):
            on
                ? "packed on: a sequence's steps stop at its length; its backward direction starts at its end"
                : "packed off: every sequence runs all T steps, padding included (lengths kept as labels)"
        case .layerSelected(let n, let count, let position):
            "layer \(n) of \(count): it reads \(n == 0 ? "x" : "layer \(n - 1)'s y [B, T, 2H]"); \(position)"
        case .noSuchLayer(let n, let count):
            "layer \(n) does not exist: the model has \(count) layer"
                + (count == 1 ? " (layer 0; add layers with 'sizes L=N')" : "s (0…\(count - 1))")
        case .ablationOff(let loaded):
            "ablate off: the head sees all of y" + (loaded ? "" : " (no head loaded yet: it applies once one is)")
        case .ablation(let forward, let first, let last, let loaded):
            "ablate \(forward ? "fwd" : "bwd"): the head sees y with \(forward ? "h_f" : "h_b") (features "
                + "\(first)..\(last)) set to 0; the model itself is unchanged"
                + (loaded ? "" : " (no head loaded yet: it applies once one is)")
        case .defined(let name, let shape, let e, let replaced):
            "\(replaced ? "replaced" : "defined") \(name) \(shape) = \(e)"
        case .dropped(let name): "dropped \(name)"
        case .exampleBrackets(let classes, let accuracy):
            "example brackets: a BiLSTM trained to tag each character of a string over ()ab as "
                + classes.joined(separator: ", ") + accuracy
        case .exampleModel(let d, let h): "    model  D=\(d) H=\(h), weights from examples/brackets/model.safetensors"
        case .exampleHead(let n, let classes, let h):
            "    head   nn.Linear(\(n), \(classes.count)): classes \(classes.joined(separator: ", ")) "
                + "(w3 = weight[:, 0..\(h - 1)], "
                + "w6 = weight[:, \(h)..\(2 * h - 1)])"
        case .exampleTry: "try: run, show pred, trace u=4 fwd b=0, set ablate bwd"
        case .textInput(let shape, let alphabet, let source, let order):
            "input text: x \(shape) one-hot over the alphabet \(alphabet) (\(source)): \(order)"
        case .textMore(let n): "… \(n) more (show x lists them all)"
        case .noPadding(let t): "no padding (all strings have T=\(t))"
        case .paddedWith(let pad, let t): "shorter strings padded with \(pad) (its one-hot row) to T=\(t)"
        case .paddedWithZeros(let t): "shorter strings padded with zero rows to T=\(t)"
        case .alphabetGiven: "given"
        case .alphabetFromModel: "from the model's metadata"
        case .alphabetSorted: "the characters used, sorted"
        case .headNeeded(let view):
            "\(view) need\(view == "pred" ? "s" : "") an output layer: load head PATH (nn.Linear(2H, K) as safetensors) "
                + "or example brackets"
        case .inputSet(let b, let t, let token, let old, let display):
            "input set: string b=\(b) t=\(t) is now \(token) (was \(old)): \(display)"
        case .inputSetRanAgain(let b):
            "the model ran again; largest |change| over the units at each t of sequence b=\(b):"
        case .inputSetMoves(let t):
            "h_f moves only from t=\(t) on (it has read x[0..t]), h_b only up to t=\(t) (it has read x[t..T-1])"
        case .inputSetCursors: "cursors at the start ('run' to see what moves)"
        }
    }

    /// Names from a file, quoted in Chinese prose: `'matched'、'unmatched'`.
    static func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: "、") }

    public var chinese: String {
        switch self {
        case .cursorsAtStart(let what): "\(what)；游标回到起点"
        case .initTutorial(let origin, let bound, let h):
            "\(origin)：W_ih ~ Xavier 均匀分布 U(±\(bound))，W_hh 为正交矩阵 [\(4 * h), \(h)]，偏置全为 0，"
                + "只有遗忘门的行 \(h)..\(2 * h - 1) 在 b_ih 和 b_hh 里为 1"
        case .initPyTorch(let origin, let bound): "\(origin)：每个参数 ~ U(−1/√H, 1/√H) = U(±\(bound))"
        case .initZeros(let origin): "\(origin)：每个参数都是 0"
        case .inputMade(let origin, let shape, let normal): "\(origin)：x \(shape)\(normal ? " ~ N(0, 1)" : "")"
        case .sizesSet(let sizes, let notes): "sizes \(sizes)：\(notes)"
        case .sizesNothingRedrawn: "不需要重新生成什么"
        case .parametersRedrawn(let i): "参数已重新生成（init \(i)）"
        case .headRemoved(let n): "输出层已移除（它的输入是 2H=\(n)）"
        case .inputRedrawn(let fill): "输入已重新生成（\(fill)）"
        case .initialStateZeros: "h0、c0 恢复为全零"
        case .layersDrawn(let last, let i, let rows, let inputs):
            "第 1…\(last) 层已生成（init \(i)，W_ih [\(rows), \(inputs)]）"
        case .lengthsNone(let t): "lengths none：每条序列都是完整长度（T=\(t)）"
        case .lengthsSet(let lengths, let packed, let padding):
            "lengths \(lengths)（"
                + (packed ? "打包：每条序列的反向从它自己的最后一步开始" : "不打包：长度只作标记，填充后的整批按朴素方式运行")
                + "）；填充位置：\(padding ?? "无")"
        case .packedSet(let on):
            on
                ? "packed on：序列走到自己的长度就停下；它的反向从它的末尾开始"
                : "packed off：每条序列都走满 T 步，包括填充（长度只作标记保留）"
        case .layerSelected(let n, let count, let position):
            "第 \(n) 层（共 \(count) 层）：它读入 \(n == 0 ? "x" : "第 \(n - 1) 层的 y [B, T, 2H]")；\(position)"
        case .noSuchLayer(let n, let count):
            "没有第 \(n) 层：模型只有 \(count) 层"
                + (count == 1 ? "（第 0 层；用 sizes L=N 增加层数）" : "（0…\(count - 1)）")
        case .ablationOff(let loaded): "ablate off：输出层看到完整的 y" + (loaded ? "" : "（还没有载入输出层：载入后生效）")
        case .ablation(let forward, let first, let last, let loaded):
            "ablate \(forward ? "fwd" : "bwd")：输出层看到的 y 中 \(forward ? "h_f" : "h_b")（特征 "
                + "\(first)..\(last)）被置为 0；模型本身不变"
                + (loaded ? "" : "（还没有载入输出层：载入后生效）")
        case .defined(let name, let shape, let e, let replaced): "\(replaced ? "已替换" : "已定义") \(name) \(shape) = \(e)"
        case .dropped(let name): "已删除 \(name)"
        case .exampleBrackets(let classes, let accuracy):
            "example brackets：一个训练好的 BiLSTM，给由 ( ) a b 组成的字符串的每个字符打标签："
                + Self.quoted(classes) + accuracy
        case .exampleModel(let d, let h): "    模型    D=\(d) H=\(h)，权重来自 examples/brackets/model.safetensors"
        case .exampleHead(let n, let classes, let h):
            "    输出层  nn.Linear(\(n), \(classes.count))：类别 \(Self.quoted(classes))（w3 = weight[:, 0..\(h - 1)]，"
                + "w6 = weight[:, \(h)..\(2 * h - 1)]）"
        case .exampleTry: "试试：run、show pred、trace u=4 fwd b=0、set ablate bwd"
        case .textInput(let shape, let alphabet, let source, let order):
            "input text：x \(shape)，按字母表 \(alphabet)（\(source)）做独热编码：\(order)"
        case .textMore(let n): "… 还有 \(n) 条（show x 会全部列出）"
        case .noPadding(let t): "没有填充（所有字符串都是 T=\(t)）"
        case .paddedWith(let pad, let t): "较短的字符串用 \(pad)（它的独热行）填充到 T=\(t)"
        case .paddedWithZeros(let t): "较短的字符串用全零行填充到 T=\(t)"
        case .alphabetGiven: "给定"
        case .alphabetFromModel: "来自模型的元数据"
        case .alphabetSorted: "所用字符，排序后"
        case .headNeeded(let view):
            "\(view) 需要输出层：load head PATH（以 safetensors 保存的 nn.Linear(2H, K)）或 example brackets"
        case .inputSet(let b, let t, let token, let old, let display):
            "input set：字符串 b=\(b) 在 t=\(t) 处现在是 \(token)（原来是 \(old)）：\(display)"
        case .inputSetRanAgain(let b): "模型重新运行了一遍；序列 b=\(b) 每个 t 上各单元变化量的最大值："
        case .inputSetMoves(let t):
            "h_f 只从 t=\(t) 起变化（它已读过 x[0..t]），h_b 只到 t=\(t) 为止变化（它已读过 x[t..T-1]）"
        case .inputSetCursors: "游标回到起点（输入 run 看看哪些值会变）"
        }
    }
}
