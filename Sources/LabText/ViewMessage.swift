/// The words of the views: captions, origins, legends, headers and the
/// diagram. Formulas and names (`h_f[t]`, `W_ih_f`, `chunk(4, dim=1)`) are
/// the same in both languages; the sentence around them is translated, with
/// the tutorial's terms (隐藏状态, 细胞状态, 遗忘门, 候选记忆, 前向/反向, 翻转).
public enum ViewMessage: Localized, Equatable {
    case direction(forward: Bool)
    case gateLabel(symbol: String)
    case initialStateCaption(forward: Bool, name: String, dir: Int)
    case initialZeros
    case initialLoaded
    case gatesPreCaption(forward: Bool, step: Int, of: Int, t: Int, hidden: Int)
    case gatesPreOrigin(formula: String, mode: String, products: Int)
    case cellCaption(forward: Bool, step: Int, of: Int, t: Int)
    case hiddenCaption(forward: Bool, step: Int, of: Int, t: Int, alias: String)
    case inputCaption(batch: Int, length: Int, features: Int, batchFirst: Bool)
    case hfCaption
    case hfOrigin
    case hbCaption
    case hbRevCaption
    case hbRevOrigin(last: Int, secondLast: Int)
    case flipProcessingOrder(row: String)
    case flipReadsTime(row: String)
    case flipTime(row: String)
    case flipFromRev(row: String)
    case yCaption(width: Int)
    case yTransposed
    case yDetail
    case finalCaption(hidden: Bool, last: Int)
    case cnOrigin(last: Int)
    case initialCaption(hidden: Bool)
    case nothingLoaded
    case loadedWith(name: String)
    case rowBlock(symbol: String, first: Int, last: Int)
    case weightsCaption(forward: Bool, recurrent: Bool, rows: Int)
    case biasCaption(forward: Bool, recurrent: Bool)
    case parameterOrigin(origin: String, torchName: String, usedAs: String)
    case activatedCaption(forward: Bool, step: Int, of: Int)
    case activatedOrigin(draft: Bool)
    case mapPerSequence(rows: String, columns: String, name: String, stored: String)
    case axes(String)
    case from
    case knownRuns(runs: String, last: Int)
    case knownNothing
    case known(partial: Bool, what: String)
    case notComputedYet
    case moreBlocks(Int)
    case moreRows(Int)
    case moreUnits(Int)
    case more(Int)
    case sparkNeedsMatrix
    case sparkNothingYet
    case sparkScale(low: String, high: String)
    case sparkScaleNote
    case values
    case scaleUnit
    case scaleSigned
    case scaleFree(max: String)
    case scaleFor(label: String, groups: String)
    case scaleSmall(max: String)
    case cellWidthNote
    case gatesHeader(step: Int, of: Int, forward: Bool, t: Int)
    case gatesFrom(formula: String, mode: String, rows: Int, hidden: Int)
    case draftWarning
    case draftWarningLead
    case gateColumns(hidden: Int, twice: Int, thrice: Int, withState: Bool)
    case gateBlockTitle(label: String, first: Int, last: Int, formula: String)
    case diagramTitle(length: Int, batch: Int, inputs: Int, hidden: Int)
    case diagramStatus(forward: String, backward: String)
    case diagramOutput
    case diagramForward
    case diagramBackward
    case diagramInput
    case diagramLegend
    case diagramWeights
    case diagramW1
    case diagramW2
    case diagramW4
    case diagramW5
    case diagramOutputLayer(batch: Int, width: Int)
    case cursorFinished
    case cursorNext(t: Int)

    public var english: String {
        switch self {
        case .direction(let f): f ? "forward" : "backward"
        case .gateLabel(let s):
            "\(s)  " + (["i": "input gate", "f": "forget gate", "g": "cell candidate", "o": "output gate"][s] ?? s)
        case .initialStateCaption(let f, let name, let dir):
            "the \(Self.direction(forward: f).english) direction has not stepped yet: this is its initial state \(name)0[\(dir)]"
        case .initialZeros: "zeros (no h0/c0 loaded)"
        case .initialLoaded: "loaded h0/c0"
        case .gatesPreCaption(let f, let step, let of, let t, let h):
            "pre-activation gates z of the \(Self.direction(forward: f).english) step \(step)/\(of), t=\(t), chunks i, f, g, o of H=\(h)"
        case .gatesPreOrigin(let formula, let mode, let n): "\(formula) (\(mode), \(Plural.count(n, "product")))"
        case .cellCaption(let f, let step, let of, let t):
            "cell state after the \(Self.direction(forward: f).english) step \(step)/\(of), t=\(t)"
        case .hiddenCaption(let f, let step, let of, let t, let alias):
            "hidden state after the \(Self.direction(forward: f).english) step \(step)/\(of), t=\(t) (= \(alias))"
        case .inputCaption(let b, let t, let d, let first):
            "the input: B=\(b) sequences of T=\(t) steps, D=\(d) features each"
                + (first ? " (batch-first)" : " (time-first)")
        case .hfCaption: "forward hidden states in time order, h_f[t] after reading x[:, 0..t]"
        case .hfOrigin: "the forward direction's h at each step, stacked along time (torch.stack(dim=0))"
        case .hbCaption:
            "backward hidden states flipped into time order: h_b[t] lines up with h_f[t] and has read x[:, t..T-1]"
        case .hbRevCaption:
            "backward hidden states in processing order: h_b_rev[k] is the k-th backward step, which read t = T-1-k"
        case .hbRevOrigin(let last, let second):
            "the backward direction's h stacked as computed (t = \(last), \(second), …, 0)"
        case .flipProcessingOrder(let row): "processing order k: \(row)"
        case .flipReadsTime(let row): "reads time       t: \(row)   (t = T-1-k)"
        case .flipTime(let row): "time             t: \(row)"
        case .flipFromRev(let row): "from h_b_rev     k: \(row)   (k = T-1-t)"
        case .yCaption(let w):
            "the output: at each t, the forward h_f[t] and the backward h_b[t] side by side (2H = \(w))"
        case .yTransposed: ", then transposed to batch-first"
        case .yDetail: "a half shows as soon as its direction has visited t; y[t] is complete when both have"
        case .finalCaption(let hidden, let last):
            "final \(hidden ? "hidden" : "cell") state of each direction: dir=0 forward (after t=\(last)), dir=1 backward (after t=0)"
        case .cnOrigin(let last): "c_n = stack([c_f after t=\(last), c_b after t=0])"
        case .initialCaption(let hidden): "initial \(hidden ? "hidden" : "cell") state: dir=0 forward, dir=1 backward"
        case .nothingLoaded: "zeros (nothing loaded)"
        case .loadedWith(let name): "loaded with 'load \(name)'"
        case .rowBlock(let s, let first, let last):
            "\(Self.gateLabel(symbol: s).english): rows \(first)..\(last) (unit u is row \(first)+u)"
        case .weightsCaption(let f, let recurrent, let rows):
            "\(Self.direction(forward: f).english) \(recurrent ? "recurrent weights [4H, H]" : "input weights [4H, D]")"
                + ": row block per gate i, f, g, o (\(rows) rows each)"
        case .biasCaption(let f, let recurrent):
            "\(Self.direction(forward: f).english) \(recurrent ? "recurrent" : "input") bias [4H], one chunk per gate"
        case .parameterOrigin(let origin, let torch, let used):
            "\(origin); nn.LSTM name \(torch)" + (used.isEmpty ? "" : "; used as \(used)")
        case .activatedCaption(let f, let step, let of):
            "activated gates of the \(Self.direction(forward: f).english) step \(step)/\(of), one row per chunk i, f, g, o"
        case .activatedOrigin(let draft):
            "chunk(4, dim=1) of z, then σ for i, f, o and tanh for g"
                + (draft ? " (draft variant: chunks named f, i, o, g, then o = tanh(g), g = σ(o))" : "")
        case .mapPerSequence(let rows, let cols, let name, let stored):
            "drawn as one \(rows) × \(cols) map per sequence (\(name) itself is \(stored), \(rows) first)"
        case .axes(let list): "axes (\(list))"
        case .from: "from:"
        case .knownRuns(let runs, let last): "\(runs) of 0..\(last)"
        case .knownNothing: "nothing yet"
        case .known(let partial, let what): "\(partial ? "complete" : "computed"): \(what)"
        case .notComputedYet: "= not computed yet"
        case .moreBlocks(let n): "(\(n) more blocks)"
        case .moreRows(let n): "(\(n) more rows)"
        case .moreUnits(let n): "(\(n) more units)"
        case .more(let n): "(\(n) more)"
        case .sparkNeedsMatrix: "(sparklines need a [T, N] view)"
        case .sparkNothingYet: "nothing computed yet: take a step first"
        case .sparkScale(let low, let high): "scale \(low) … \(high), shared by every line"
        case .sparkScaleNote: "(the least and greatest computed value)"
        case .values: "values:"
        case .scaleUnit: "0…1 (σ outputs)"
        case .scaleSigned: "-1…1 (tanh outputs and states)"
        case .scaleFree(let m): "diverging around 0, scaled by max |v| = \(m)"
        case .scaleFor(let label, let groups): "scale \(label)" + (groups.isEmpty ? "" : " for \(groups)")
        case .scaleSmall(let m): "(|v| ≤ \(m) here, so every cell sits near the middle of the scale)"
        case .cellWidthNote: "each cell is one value, two columns wide"
        case .gatesHeader(let step, let of, let f, let t):
            "step \(step)/\(of) of the \(Self.direction(forward: f).english) direction, which read x[:, \(t), :]"
        case .gatesFrom(let formula, let mode, let rows, let h):
            "\(formula)  (\(mode)), split by chunk(4, dim=1) into i, f, g, o, each [B, H] = [\(rows), \(h)]:"
                + " z is the pre-activation, → the activated value"
        case .draftWarning:
            "the tutorial's first draft as written, `f, i, o, g = z.chunk(4, 1)` then `f, i, o, g = σ(f), σ(i), "
                + "tanh(g), σ(o)`; each value is shown with the block of z it came from (set variant correct)"
        case .draftWarningLead: "⚠ variant draft:"
        case .gateColumns(let h, let h2, let h3, let state):
            "each line is one unit u: its i, f, g, o are columns u, \(h)+u, \(h2)+u, \(h3)+u of the [B, 4H] row"
                + (state ? "; c_prev is the cell state this step started from" : "")
        case .gateBlockTitle(let label, let first, let last, let formula):
            "\(label), columns \(first)..\(last):  \(formula)"
        case .diagramTitle(let t, let b, let d, let h):
            "the bidirectional LSTM unrolled over T=\(t) (B=\(b), D=\(d), H=\(h))"
        case .diagramStatus(let f, let b): "\(f) steps, \(b) steps; y_t is ready (✓) once both have visited t"
        case .diagramOutput: "output y_t"
        case .diagramForward: "forward"
        case .diagramBackward: "backward"
        case .diagramInput: "input x_t"
        case .diagramLegend: "[■] step computed   [·] not yet   ▲ a direction's latest step"
        case .diagramWeights: "The tutorial figure's six weights, each shared by every t:"
        case .diagramW1: "x_t → forward cell"
        case .diagramW2: "forward h_f[t-1] → h_f[t]  (─▶ along the row)"
        case .diagramW4: "x_t → backward cell (↑ drawn through the forward row)"
        case .diagramW5: "backward h_b[t+1] → h_b[t]  (◀─ along the row)"
        case .diagramOutputLayer(let b, let w):
            "w3 = forward → output, w6 = backward → output: they feed an output layer the tutorial does not build."
                + " Here y_t = cat([h_f[t], h_b[t]]) is [B, 2H] = [\(b), \(w)], the two hidden states side by side,"
                + " with no weights of its own."
        case .cursorFinished: "finished"
        case .cursorNext(let t): "next reads t=\(t)"
        }
    }

    public var chinese: String {
        switch self {
        case .direction(let f): f ? "前向" : "反向"
        case .gateLabel(let s): "\(s)  " + (["i": "输入门", "f": "遗忘门", "g": "候选记忆", "o": "输出门"][s] ?? s)
        case .initialStateCaption(let f, let name, let dir):
            "\(Self.direction(forward: f).chinese)还没有走任何一步：这是它的初始状态 \(name)0[\(dir)]"
        case .initialZeros: "全零（没有载入 h0/c0）"
        case .initialLoaded: "载入的 h0/c0"
        case .gatesPreCaption(let f, let step, let of, let t, let h):
            "\(Self.direction(forward: f).chinese)第 \(step)/\(of) 步（t=\(t)）的门预激活值 z，按 i、f、g、o 分成四块，每块 H=\(h)"
        case .gatesPreOrigin(let formula, let mode, let n): "\(formula)（\(mode)，\(n) 次矩阵乘法）"
        case .cellCaption(let f, let step, let of, let t):
            "\(Self.direction(forward: f).chinese)第 \(step)/\(of) 步（t=\(t)）之后的细胞状态"
        case .hiddenCaption(let f, let step, let of, let t, let alias):
            "\(Self.direction(forward: f).chinese)第 \(step)/\(of) 步（t=\(t)）之后的隐藏状态（= \(alias)）"
        case .inputCaption(let b, let t, let d, let first):
            "输入：B=\(b) 条序列，每条 T=\(t) 步，每步 D=\(d) 个特征" + (first ? "（batch-first）" : "（time-first）")
        case .hfCaption: "前向隐藏状态，按时间顺序排列：h_f[t] 是读完 x[:, 0..t] 之后的状态"
        case .hfOrigin: "前向每一步的 h，沿时间堆叠（torch.stack(dim=0)）"
        case .hbCaption: "反向隐藏状态，翻转回时间顺序：h_b[t] 与 h_f[t] 对齐，读过 x[:, t..T-1]"
        case .hbRevCaption: "反向隐藏状态，按处理顺序排列：h_b_rev[k] 是反向的第 k 步，读的是 t = T-1-k"
        case .hbRevOrigin(let last, let second): "反向的 h 按计算顺序堆叠（t = \(last), \(second), …, 0）"
        case .flipProcessingOrder(let row): "处理顺序 k：\(row)"
        case .flipReadsTime(let row): "读取时刻 t：\(row)   （t = T-1-k）"
        case .flipTime(let row): "时间顺序     t：\(row)"
        case .flipFromRev(let row): "取自 h_b_rev k：\(row)   （k = T-1-t）"
        case .yCaption(let w): "输出：每个 t 上，前向的 h_f[t] 和反向的 h_b[t] 拼接在一起（2H = \(w)）"
        case .yTransposed: "，再转成 batch-first"
        case .yDetail: "某个方向走到 t，对应的一半就会显示；两个方向都走到 t，y[t] 才完整"
        case .finalCaption(let hidden, let last):
            "每个方向最终的\(hidden ? "隐藏状态" : "细胞状态")：dir=0 前向（t=\(last) 之后），dir=1 反向（t=0 之后）"
        case .cnOrigin(let last): "c_n = stack([t=\(last) 之后的 c_f, t=0 之后的 c_b])"
        case .initialCaption(let hidden): "初始\(hidden ? "隐藏状态" : "细胞状态")：dir=0 前向，dir=1 反向"
        case .nothingLoaded: "全零（没有载入）"
        case .loadedWith(let name): "用 load \(name) 载入"
        case .rowBlock(let s, let first, let last):
            "\(Self.gateLabel(symbol: s).chinese)：第 \(first)..\(last) 行（单元 u 在第 \(first)+u 行）"
        case .weightsCaption(let f, let recurrent, let rows):
            "\(Self.direction(forward: f).chinese)\(recurrent ? "循环权重 [4H, H]" : "输入权重 [4H, D]")"
                + "：i、f、g、o 每个门占一块行（每块 \(rows) 行）"
        case .biasCaption(let f, let recurrent):
            "\(Self.direction(forward: f).chinese)\(recurrent ? "循环" : "输入")偏置 [4H]，每个门一块"
        case .parameterOrigin(let origin, let torch, let used):
            "\(origin)；在 nn.LSTM 中叫 \(torch)" + (used.isEmpty ? "" : "；用法 \(used)")
        case .activatedCaption(let f, let step, let of):
            "\(Self.direction(forward: f).chinese)第 \(step)/\(of) 步激活后的门值，i、f、g、o 每块一行"
        case .activatedOrigin(let draft):
            "把 z 用 chunk(4, dim=1) 分成四块，i、f、o 用 σ，g 用 tanh"
                + (draft ? "（draft 变体：四块依次叫 f、i、o、g，再 o = tanh(g)，g = σ(o)）" : "")
        case .mapPerSequence(let rows, let cols, let name, let stored):
            "每条序列画成一张 \(rows) × \(cols) 的图（\(name) 本身是 \(stored)，\(rows) 在前）"
        case .axes(let list): "轴 (\(list))"
        case .from: "来源："
        case .knownRuns(let runs, let last): "\(runs)，共 0..\(last)"
        case .knownNothing: "还没有"
        case .known(let partial, let what): "\(partial ? "已完整" : "已算出")：\(what)"
        case .notComputedYet: "= 尚未计算"
        case .moreBlocks(let n): "（另有 \(n) 块）"
        case .moreRows(let n): "（另有 \(n) 行）"
        case .moreUnits(let n): "（另有 \(n) 个单元）"
        case .more(let n): "（另有 \(n) 个）"
        case .sparkNeedsMatrix: "（迷你折线图需要 [T, N] 形状的视图）"
        case .sparkNothingYet: "还没有算出任何值：先走一步"
        case .sparkScale(let low, let high): "刻度 \(low) … \(high)，所有行共用"
        case .sparkScaleNote: "（已算出的最小值和最大值）"
        case .values: "数值："
        case .scaleUnit: "0…1（σ 的输出）"
        case .scaleSigned: "-1…1（tanh 的输出和状态）"
        case .scaleFree(let m): "以 0 为中心向两侧，按最大 |v| = \(m) 缩放"
        case .scaleFor(let label, let groups): "刻度 \(label)" + (groups.isEmpty ? "" : "，用于 \(groups)")
        case .scaleSmall(let m): "（这里 |v| ≤ \(m)，所以每格都落在刻度中间附近）"
        case .cellWidthNote: "每格一个值，占两列"
        case .gatesHeader(let step, let of, let f, let t):
            "\(Self.direction(forward: f).chinese)的第 \(step)/\(of) 步，读的是 x[:, \(t), :]"
        case .gatesFrom(let formula, let mode, let rows, let h):
            "\(formula)（\(mode)），用 chunk(4, dim=1) 分成 i、f、g、o 四块，每块 [B, H] = [\(rows), \(h)]："
                + "z 是预激活值，→ 后面是激活后的值"
        case .draftWarning:
            "照原样运行教程的第一版草稿：`f, i, o, g = z.chunk(4, 1)`，再 `f, i, o, g = σ(f), σ(i), tanh(g), σ(o)`；"
                + "每个值旁边是它真正来自的那块 z（set variant correct 改正）"
        case .draftWarningLead: "⚠ variant draft："
        case .gateColumns(let h, let h2, let h3, let state):
            "每行是一个单元 u：它的 i、f、g、o 是 [B, 4H] 这一行的第 u、\(h)+u、\(h2)+u、\(h3)+u 列"
                + (state ? "；c_prev 是这一步开始时的细胞状态" : "")
        case .gateBlockTitle(let label, let first, let last, let formula): "\(label)，第 \(first)..\(last) 列：  \(formula)"
        case .diagramTitle(let t, let b, let d, let h): "双向 LSTM 沿 T=\(t) 个时间步展开（B=\(b)，D=\(d)，H=\(h)）"
        case .diagramStatus(let f, let b): "\(f) 步，\(b) 步；两个方向都走到 t 时 y_t 就绪（✓）"
        case .diagramOutput: "输出 y_t"
        case .diagramForward: "前向"
        case .diagramBackward: "反向"
        case .diagramInput: "输入 x_t"
        case .diagramLegend: "[■] 这一步已算出   [·] 还没有   ▲ 该方向最近的一步"
        case .diagramWeights: "教程插图里的六个权重，每个都被所有 t 共用："
        case .diagramW1: "x_t → 前向单元"
        case .diagramW2: "前向 h_f[t-1] → h_f[t]  （沿这一行 ─▶）"
        case .diagramW4: "x_t → 反向单元（↑ 穿过前向那一行画出）"
        case .diagramW5: "反向 h_b[t+1] → h_b[t]  （沿这一行 ◀─）"
        case .diagramOutputLayer(let b, let w):
            "w3 = 前向 → 输出，w6 = 反向 → 输出：它们连到教程没有实现的输出层。"
                + "这里的 y_t = cat([h_f[t], h_b[t]]) 就是两个隐藏状态拼接在一起，自身没有权重，"
                + "形状是 [B, 2H] = [\(b), \(w)]。"
        case .cursorFinished: "已走完"
        case .cursorNext(let t): "下一步读 t=\(t)"
        }
    }
}
