/// What a session with layers or lengths says: its step lines, `run`, the stacked
/// views' captions and the stacking rules' refusals. `l1 fwd`, `y_l0`, `h_f[t]` are names.
public enum StackMessage: Localized, Equatable {
    case step(
        prefix: String, direction: String, step: Int, of: Int, source: String, t: Int, target: String, how: String)
    case stepMoved(prefix: String, direction: String, step: Int, of: Int, reads: String, still: String?, how: String)
    case how(mode: String, products: Int)
    case nothingToRun
    case ran(steps: Int, layered: Bool, position: String, y: String, layer: Int, state: String)
    case interruptedAfter(steps: Int, position: String)
    case yCaption(layer: Int, width: Int)
    case yOrigin(layer: Int, packed: Bool)
    case finalCaption(hidden: Bool, packed: Bool)
    case finalOrigin(lengths: String?)
    case finished(layer: Int, direction: String, steps: Int)
    case needsLower(layer: Int, direction: String, t: Int, sequence: Int?, parts: [Reached])
    case atStart(layer: Int, direction: String)
    case readByUpper(layer: Int, direction: String, t: Int, sequence: Int?, reader: String)
    case stopped(reason: String)
    case undidThenStopped(parts: String, reason: String)
    case layerFinished(layer: Int, next: Int?)
    /// `layer 1: …` before a sentence about one layer of several.
    case onLayer(layer: Int?, text: String)

    /// How far a direction of the layer below has come.
    public struct Reached: Equatable, Sendable {
        public var layer: Int
        public var direction: String
        public var t: Int?
        public init(layer: Int, direction: String, t: Int?) {
            self.layer = layer
            self.direction = direction
            self.t = t
        }
    }

    public var english: String {
        switch self {
        case .step(let p, let d, let k, let n, let source, let t, let target, let how):
            "\(p)\(d) step \(k)/\(n): read \(source)[:, \(t), :] → \(target)  \(how)"
        case .stepMoved(let p, let d, let k, let n, let reads, let still, let how):
            "\(p)\(d) step \(k)/\(n): sequences moved: \(reads)" + (still.map { "; finished, not moving: \($0)" } ?? "")
                + "  \(how)"
        case .how(let mode, let n): "(\(mode), \(Plural.count(n, "product")))"
        case .nothingToRun: "nothing to run: every layer has finished"
        case .ran(let n, let layered, let p, let y, let l, let state):
            "ran \(n) steps, \(layered ? "layer by layer (each needs the whole y of the one below), " : "")hoisted: \(p)\n"
                + "    y \(y) of layer \(l), \(state) ready"
        case .interruptedAfter(let n, let p): "interrupted after \(n) steps: \(p)"
        case .yCaption(let l, let w):
            "the output of the top layer (\(l)): at each t, h_f[t] and h_b[t] side by side (2H = \(w))"
        case .yOrigin(let l, let packed):
            "y = cat([h_f, h_b], dim=2) of layer \(l)" + (packed ? ", 0 at padded positions (pad_packed_sequence)" : "")
        case .finalCaption(let hidden, let packed):
            "final \(hidden ? "hidden" : "cell") state of every layer and direction, [2L, B, H]: forward after "
                + (packed ? "each sequence's last real t" : "t=T-1") + ", backward after t=0"
        case .finalOrigin(let lengths):
            "rows in nn.LSTM's order l0 fwd, l0 bwd, l1 fwd, …" + (lengths.map { "; lengths \($0)" } ?? "")
        case .finished(let l, let d, let n):
            "layer \(l) \(d) has finished all \(n) steps (use 'back', 'goto' or 'reset')"
        case .needsLower(let l, let d, let t, let s, let parts):
            "layer \(l) \(d) at t=\(t)\(s.map { " of sequence \($0)" } ?? "") needs layer \(l - 1)'s y[\(t)]: "
                + parts.map {
                    "layer \($0.layer) \($0.direction) " + ($0.t.map { "has reached t=\($0)" } ?? "has not started")
                }
                .joined(separator: " and ")
        case .atStart(let l, let d): "layer \(l) \(d) is at its start: nothing to undo"
        case .readByUpper(let l, let d, let t, let s, let reader):
            "layer \(l) \(d) cannot undo t=\(t)\(s.map { " of sequence \($0)" } ?? ""): layer \(l + 1) \(reader) "
                + "has read layer \(l)'s y[\(t)] (undo layer \(l + 1) first)"
        case .stopped(let reason): "stopped: \(reason)"
        case .undidThenStopped(let parts, let reason): "undid \(parts) then stopped: \(reason)"
        case .layerFinished(let l, let next):
            "layer \(l) finished" + (next.map { ": layer \($0) can now read all of its y" } ?? "")
        case .onLayer(let l, let text): (l.map { "layer \($0): " } ?? "") + text
        }
    }

    public var chinese: String {
        switch self {
        case .step(let p, let d, let k, let n, let source, let t, let target, let how):
            "\(p)\(d) 第 \(k)/\(n) 步：读 \(source)[:, \(t), :] → \(target)  \(how)"
        case .stepMoved(let p, let d, let k, let n, let reads, let still, let how):
            "\(p)\(d) 第 \(k)/\(n) 步：前进的序列：\(reads)" + (still.map { "；已走完、不再前进：\($0)" } ?? "") + "  \(how)"
        case .how(let mode, let n): "（\(mode)，\(n) 次矩阵乘法）"
        case .nothingToRun: "没有可走的步：每一层都已走完"
        case .ran(let n, let layered, let p, let y, let l, let state):
            "走了 \(n) 步，\(layered ? "逐层计算（每层都需要下一层完整的 y），" : "")hoisted：\(p)\n"
                + "    第 \(l) 层的 y \(y)、\(state) 都已就绪"
        case .interruptedAfter(let n, let p): "走了 \(n) 步后中断：\(p)"
        case .yCaption(let l, let w): "最上面一层（第 \(l) 层）的输出：每个 t 上 h_f[t] 和 h_b[t] 并排拼接（2H = \(w)）"
        case .yOrigin(let l, let packed):
            "第 \(l) 层的 y = cat([h_f, h_b], dim=2)" + (packed ? "，填充位置为 0（pad_packed_sequence）" : "")
        case .finalCaption(let hidden, let packed):
            "每一层、每个方向最终的\(hidden ? "隐藏状态" : "细胞状态")，[2L, B, H]：前向取 "
                + (packed ? "每条序列最后一个真实的 t" : "t=T-1") + " 之后的值，反向取 t=0 之后的值"
        case .finalOrigin(let lengths):
            "各行按 nn.LSTM 的顺序：l0 fwd、l0 bwd、l1 fwd、…" + (lengths.map { "；lengths \($0)" } ?? "")
        case .finished(let l, let d, let n): "第 \(l) 层 \(d) 已走完全部 \(n) 步（可以用 back、goto 或 reset）"
        case .needsLower(let l, let d, let t, let s, let parts):
            "第 \(l) 层 \(d) 在 t=\(t)\(s.map { "（序列 \($0)）" } ?? "") 需要第 \(l - 1) 层的 y[\(t)]："
                + parts.map { "第 \($0.layer) 层 \($0.direction) " + ($0.t.map { "走到了 t=\($0)" } ?? "还没有开始") }
                .joined(separator: "，")
        case .atStart(let l, let d): "第 \(l) 层 \(d) 在起点：没有可以撤销的步"
        case .readByUpper(let l, let d, let t, let s, let reader):
            "第 \(l) 层 \(d) 不能撤销 t=\(t)\(s.map { "（序列 \($0)）" } ?? "")：第 \(l + 1) 层 \(reader) "
                + "已经读过第 \(l) 层的 y[\(t)]（先撤销第 \(l + 1) 层）"
        case .stopped(let reason): "停下了：\(reason)"
        case .undidThenStopped(let parts, let reason): "已撤销 \(parts)，然后停下了：\(reason)"
        case .layerFinished(let l, let next): "第 \(l) 层走完了" + (next.map { "：第 \($0) 层现在可以读它完整的 y" } ?? "")
        case .onLayer(let l, let text): (l.map { "第 \($0) 层：" } ?? "") + text
        }
    }
}
