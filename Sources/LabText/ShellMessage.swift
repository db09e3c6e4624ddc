/// The shell's sentences about the session: the banner, settings, `info`,
/// watches. Setting names and values (`mode`, `per-gate`, `W_ih`) are what
/// the learner types and stay as they are in both languages.
public enum ShellMessage: Localized, Equatable {
    case banner(batch: Int, length: Int, inputs: Int, hidden: Int)
    case keysHint
    case languageSet(Language)
    case batchFirstSet(on: Bool)
    case modeFused
    case modePerGate
    case modeHoisted
    case variantCorrect
    case variantDraft
    case engineReference
    case engineFast
    case precisionSet(digits: Int)
    case threadsSet(count: Int)
    case cursorsReset(position: String)
    case nothingWatched
    case stoppedWatching(count: Int)
    case watching(views: String)
    case tooManyWatches(limit: Int, now: Int)
    case interrupted(unchanged: String)
    case infoModel(inputs: Int, hidden: Int)
    case infoBatch(batch: Int, length: Int, batchFirst: Bool)
    case infoState(h0Loaded: Bool, c0Loaded: Bool)
    case infoSettings(mode: String, variant: String, engine: String, precision: Int, threads: Int)
    case infoDirection(forward: Bool, steps: Int, of: Int, next: Int?)
    case infoLanguage(Language)
    /// Where parameters or input came from: the command that made them, as typed.
    case originCommand(String)
    case originRedrawnForSizes(command: String)
    case originRedrawnForWeights(command: String, inputs: Int)
    case originDemoInput(seed: Int)
    case originLoaded(path: String)
    case originText(command: String, count: Int, alphabet: String)
    /// The left-hand labels of `info`, one per line kind.
    case infoLabel(InfoLabel)

    public enum InfoLabel: String, CaseIterable, Sendable {
        case model, batch, weights, input, state0, mode, watching, language
    }

    public var english: String {
        switch self {
        case .banner(let b, let t, let d, let h):
            """
            LSTMLab: a bidirectional LSTM you can step through, one timestep at a time.
            Demo model: B=\(b) sequences, T=\(t) steps, D=\(d) inputs, H=\(h) hidden units (init tutorial, seed 0).
            Type 'help' for commands, 'step' to take a step in both directions, 'lesson list' for lessons.
            """
        case .keysHint:
            "Keys: Tab completes, ↑ and Ctrl-R recall earlier lines, Ctrl-C interrupts, Ctrl-D or 'quit' leaves."
        case .languageSet(let l): "lang \(l.rawValue): the lab speaks \(l == .zh ? "Chinese" : "English") (lessons too)"
        case .batchFirstSet(let on):
            "batch_first \(on ? "on: x is [B, T, D], y is [B, T, 2H]" : "off: x is [T, B, D], y is [T, B, 2H]") (h_n, c_n stay [2, B, H])"
        case .modeFused:
            "mode fused: 2 products per step: x·W_ihᵀ and h·W_hhᵀ with all four gates stacked; steps already taken are kept"
        case .modePerGate:
            "mode per-gate: 8 products per step: one per gate (i, f, g, o) for x and for h, biases added per gate; steps already taken are kept"
        case .modeHoisted:
            "mode hoisted: x·W_ihᵀ for all T steps in one product up front, then 1 product (h·W_hhᵀ) per step; steps already taken are kept"
        case .variantCorrect:
            "variant correct: nn.LSTM's equations: i, f, o = σ(·), g = tanh(·); cursors reset so the two don't mix"
        case .variantDraft:
            "variant draft: the tutorial's first draft as written: f, i, o, g = z.chunk(4, 1), then o = tanh(g), g = σ(o), "
                + "so i = σ(z_f), f = σ(z_i), g = σ(z_g), o = tanh(z_o); cursors reset so the two don't mix"
        case .engineReference:
            "engine reference: LSTMCell as written (plain loops, the C library's σ and tanh, one thread), "
                + "the specification; steps already taken are kept"
        case .engineFast:
            "engine fast: packed weights, vector σ and tanh, the directions of run on two threads "
                + "(held equal to reference by the tests); steps already taken are kept"
        case .precisionSet(let p): "precision \(p): numbers print with \(Plural.count(p, "digit")) after the point"
        case .threadsSet(let n): "threads \(n): used by step, run and bench"
        case .cursorsReset(let position): "cursors at the start: \(position) (parameters and input kept)"
        case .nothingWatched: "nothing was watched"
        case .stoppedWatching(let n): "stopped watching \(Plural.count(n, "view"))"
        case .watching(let views): "watching: \(views) (shown after every step, back, goto, run, reset)"
        case .tooManyWatches(let limit, let now): "at most \(limit) watched views (now \(now)); use 'unwatch' first"
        case .interrupted(let unchanged): "interrupted: \(unchanged)"
        case .infoModel(let d, let h): "bidirectional LSTM, 1 layer: D=\(d) inputs → H=\(h) hidden units per direction"
        case .infoBatch(let b, let t, let first):
            "B=\(b) sequences of T=\(t) steps, layout \(first ? "batch-first [B, T, D]" : "time-first [T, B, D]")"
        case .infoState(let h0, let c0): "h0 \(h0 ? "loaded" : "zeros"), c0 \(c0 ? "loaded" : "zeros")  [2, B, H]"
        case .infoSettings(let mode, let variant, let engine, let precision, let threads):
            "\(mode), variant \(variant), engine \(engine), precision \(precision), threads \(threads)"
        case .infoDirection(_, let steps, let of, let next):
            "\(steps)/\(of) steps, " + (next.map { "next reads t=\($0)" } ?? "finished")
        case .infoLanguage(let l): "\(l.rawValue) (\(l == .zh ? "Chinese" : "English"); set lang en|zh)"
        case .infoLabel(let label): label.rawValue
        case .originCommand(let command): command
        case .originRedrawnForSizes(let command): "\(command) (redrawn for the new sizes)"
        case .originRedrawnForWeights(let command, let d): "\(command) (redrawn: the weights have D=\(d))"
        case .originDemoInput(let seed): "input random (seed \(seed), after init)"
        case .originLoaded(let path): "loaded from \(path)"
        case .originText(let c, let n, let alphabet): "\(c) (\(Plural.count(n, "string")), alphabet \(alphabet))"
        }
    }

    public var chinese: String {
        switch self {
        case .banner(let b, let t, let d, let h):
            """
            LSTMLab：一个可以逐个时间步单步执行的双向 LSTM。
            演示模型：B=\(b) 条序列，T=\(t) 个时间步，D=\(d) 维输入，H=\(h) 个隐藏单元（init tutorial，seed 0）。
            输入 help 查看命令，step 让两个方向各走一步，lesson list 列出课程。
            """
        case .keysHint: "按键：Tab 补全，↑ 和 Ctrl-R 找回之前的输入，Ctrl-C 中断，Ctrl-D 或 quit 退出。"
        case .languageSet(let l): "lang \(l.rawValue)：实验室现在使用\(l == .zh ? "中文" : "英文")（课程也一样）"
        case .batchFirstSet(let on):
            "batch_first \(on ? "on：x 是 [B, T, D]，y 是 [B, T, 2H]" : "off：x 是 [T, B, D]，y 是 [T, B, 2H]")（h_n、c_n 仍是 [2, B, H]）"
        case .modeFused: "mode fused：每步 2 次矩阵乘法，x·W_ihᵀ 和 h·W_hhᵀ，四个门叠在一起算；已经走过的步保留"
        case .modePerGate: "mode per-gate：每步 8 次矩阵乘法，每个门（i、f、g、o）对 x 和 h 各一次，偏置按门相加；已经走过的步保留"
        case .modeHoisted: "mode hoisted：先用一次矩阵乘法算出全部 T 步的 x·W_ihᵀ，之后每步只算 1 次 h·W_hhᵀ；已经走过的步保留"
        case .variantCorrect: "variant correct：nn.LSTM 的公式，i、f、o = σ(·)，g = tanh(·)；游标回到起点，两种公式不混用"
        case .variantDraft:
            "variant draft：照原样运行教程的第一版草稿：f, i, o, g = z.chunk(4, 1)，再 o = tanh(g)，g = σ(o)，"
                + "即 i = σ(z_f)，f = σ(z_i)，g = σ(z_g)，o = tanh(z_o)；游标回到起点，两种公式不混用"
        case .engineReference:
            "engine reference：每一步都按原文运行可读的单元代码（普通循环，标准数学库的 σ 和 tanh，单线程），它就是规范；已经走过的步保留"
        case .engineFast:
            "engine fast：打包的权重，向量化的 σ 和 tanh，run 的两个方向各用一个线程（测试保证与 reference 一致）；已经走过的步保留"
        case .precisionSet(let p): "precision \(p)：数字显示小数点后 \(p) 位"
        case .threadsSet(let n): "threads \(n)：step、run 和 bench 使用 \(n) 个线程"
        case .cursorsReset(let position): "游标回到起点：\(position)（参数和输入保留）"
        case .nothingWatched: "没有正在监视的视图"
        case .stoppedWatching(let n): "已停止监视 \(n) 个视图"
        case .watching(let views): "正在监视：\(views)（每次 step、back、goto、run、reset 之后都会显示）"
        case .tooManyWatches(let limit, let now): "最多监视 \(limit) 个视图（现在有 \(now) 个）；请先输入 unwatch"
        case .interrupted(let unchanged): "已中断：\(unchanged)"
        case .infoModel(let d, let h): "双向 LSTM，1 层：D=\(d) 维输入 → 每个方向 H=\(h) 个隐藏单元"
        case .infoBatch(let b, let t, let first):
            "B=\(b) 条序列，每条 T=\(t) 步，布局 \(first ? "batch-first [B, T, D]" : "time-first [T, B, D]")"
        case .infoState(let h0, let c0): "h0 \(h0 ? "已载入" : "全零")，c0 \(c0 ? "已载入" : "全零")  [2, B, H]"
        case .infoSettings(let mode, let variant, let engine, let precision, let threads):
            "\(mode)，variant \(variant)，engine \(engine)，precision \(precision)，threads \(threads)"
        case .infoDirection(let forward, let steps, let of, let next):
            "\(forward ? "前向" : "反向")走了 \(steps)/\(of) 步，" + (next.map { "下一步读 t=\($0)" } ?? "已走完")
        case .infoLanguage(let l): "\(l.rawValue)（\(l == .zh ? "中文" : "英文")；set lang en|zh 切换）"
        case .originCommand(let command): command
        case .originRedrawnForSizes(let command): "\(command)（因尺寸改变而重新生成）"
        case .originRedrawnForWeights(let command, let d): "\(command)（重新生成：权重的 D=\(d)）"
        case .originDemoInput(let seed): "input random（seed \(seed)，接在 init 之后）"
        case .originLoaded(let path): "从 \(path) 载入"
        case .originText(let c, let n, let alphabet): "\(c)（\(n) 个字符串，字母表 \(alphabet)）"
        case .infoLabel(let label):
            switch label {
            case .model: "模型"
            case .batch: "批次"
            case .weights: "权重"
            case .input: "输入"
            case .state0: "初始状态"
            case .mode: "设置"
            case .watching: "监视"
            case .language: "语言"
            }
        }
    }
}
