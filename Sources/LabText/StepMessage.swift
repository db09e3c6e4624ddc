/// What stepping says: each step taken, what it completed, undoing, `goto`,
/// `run`, and the refusals at either end. `fwd`, `bwd`, `h_f[t]` and the
/// commands are what the learner types and stay as they are.
public enum StepMessage: Localized, Equatable {
    /// `fwd step 2/5: read x[:, 1, :] → h_f[1], c_f[1]  (fused, 2 products)`.
    case stepTaken(
        direction: String, step: Int, of: Int, t: Int, target: String, mode: String, products: Int, draft: Bool)
    case yComplete(index: String, t: Int)
    case directionFinished(forward: Bool, which: String)
    case bothFinished(shapes: String)
    case ready(y: String, hn: String, cn: String)
    case interrupted(position: String)
    case interruptedNow(position: String)
    case interruptedAfter(ran: String, position: String)
    case allStepsTaken(both: Bool, forward: Bool, length: Int)
    case atStart(both: Bool, forward: Bool)
    case undid(parts: String, position: String)
    case now(position: String)
    case latest(String)
    case latestStep(direction: String, t: Int)
    case nothingToRun(shapes: String)
    case ran(ran: String, projection: String, position: String)
    case projectionStraight
    case projectionChunked(steps: Int)
    case projectionAll

    public var english: String {
        switch self {
        case .stepTaken(let d, let k, let n, let t, let target, let mode, let products, let draft):
            "\(d) step \(k)/\(n): read x[:, \(t), :] → \(target)  (\(mode), \(Plural.count(products, "product"))"
                + (draft ? ", draft variant)" : ")")
        case .yComplete(let y, let t): "    \(y) complete: both directions have visited t=\(t)"
        case .directionFinished(let f, let which): "    \(f ? "forward" : "backward") finished: \(which)"
        case .bothFinished(let shapes): "    both directions finished: \(shapes)"
        case .ready(let y, let hn, let cn): "y \(y), h_n \(hn), c_n \(cn) ready"
        case .interrupted(let p): "interrupted: \(p)"
        case .interruptedNow(let p): "interrupted: now \(p)"
        case .interruptedAfter(let ran, let p): "interrupted after \(ran) steps: \(p)"
        case .allStepsTaken(let both, let f, let n):
            "\(both ? "both directions have" : "the \(f ? "forward" : "backward") direction has") finished all \(n) steps"
                + " (use 'back', 'goto' or 'reset')"
        case .atStart(let both, let f):
            "\(both ? "both directions are" : "the \(f ? "forward" : "backward") direction is") at the start: nothing to undo"
        case .undid(let parts, let p): "undid \(parts): \(p)"
        case .now(let p): "now \(p)"
        case .latest(let list): " (\(list))"
        case .latestStep(let d, let t): "\(d) latest t=\(t)"
        case .nothingToRun(let shapes): "nothing to run: both directions have finished (\(shapes))"
        case .ran(let ran, let projection, let p):
            "ran \(ran) steps (hoisted: \(projection), then h·W_hhᵀ per step): \(p)"
        case .projectionStraight: "x·W_ihᵀ of each step straight into z"
        case .projectionChunked(let n): "x·W_ihᵀ for \(n) steps at a time in one product"
        case .projectionAll: "x·W_ihᵀ for all t in one product"
        }
    }

    public var chinese: String {
        switch self {
        case .stepTaken(let d, let k, let n, let t, let target, let mode, let products, let draft):
            "\(d) 第 \(k)/\(n) 步：读 x[:, \(t), :] → \(target)（\(mode)，\(products) 次矩阵乘法"
                + (draft ? "，draft 变体）" : "）")
        case .yComplete(let y, let t): "    \(y) 完整了：两个方向都已走到 t=\(t)"
        case .directionFinished(let f, let which): "    \(f ? "前向" : "反向")走完了：\(which)"
        case .bothFinished(let shapes): "    两个方向都走完了：\(shapes)"
        case .ready(let y, let hn, let cn): "y \(y)、h_n \(hn)、c_n \(cn) 都已就绪"
        case .interrupted(let p): "已中断：\(p)"
        case .interruptedNow(let p): "已中断：现在 \(p)"
        case .interruptedAfter(let ran, let p): "走了 \(ran) 步后中断：\(p)"
        case .allStepsTaken(let both, let f, let n):
            "\(both ? "两个方向" : f ? "前向" : "反向")都已走完全部 \(n) 步（可以用 back、goto 或 reset）"
        case .atStart(let both, let f): "\(both ? "两个方向都" : f ? "前向" : "反向")在起点：没有可以撤销的步"
        case .undid(let parts, let p): "已撤销 \(parts)：\(p)"
        case .now(let p): "现在 \(p)"
        case .latest(let list): "（\(list)）"
        case .latestStep(let d, let t): "\(d) 最近一步 t=\(t)"
        case .nothingToRun(let shapes): "没有可走的步：两个方向都已走完（\(shapes)）"
        case .ran(let ran, let projection, let p): "走了 \(ran) 步（hoisted：\(projection)，之后每步一次 h·W_hhᵀ）：\(p)"
        case .projectionStraight: "每步的 x·W_ihᵀ 直接写进 z"
        case .projectionChunked(let n): "每 \(n) 步的 x·W_ihᵀ 用一次矩阵乘法算出"
        case .projectionAll: "全部 t 的 x·W_ihᵀ 用一次矩阵乘法算出"
        }
    }
}
