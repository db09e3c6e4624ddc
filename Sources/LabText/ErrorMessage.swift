/// Errors, as facts with their numbers and the words the learner typed
/// (already quoted); the shell words them in the session's language. A
/// suggestion ("did you mean") is added by `suggestion(_:)`.
public enum ErrorMessage: Localized, Equatable {
    case unknownCommand(word: String)
    case lessonOnly(command: String)
    case unexpected(word: String)
    case unterminatedQuote
    case wholeNumber(what: String, low: Int, high: Int, typed: String)
    case unknownView(word: String, names: String)
    case outOfRange(key: String, value: Int, last: Int)
    case notComputedYet(view: String, direction: String, t: Int, forward: Bool, taken: Int, of: Int, reachedAt: Int)
    case notStepped(view: String, direction: String, forward: Bool)
    case needsBothFinished(name: String, position: String)
    case tooLarge(sizes: String, need: String, limit: String)
    /// The same for a command that names itself and its file (`load input x.npy (B=… T=…)`).
    case tooLargeFor(what: String, need: String, limit: String)
    case tooMuchWork(what: String, need: String, limit: String)
    case suggestion(String)
    case directionFinished(forward: Bool, length: Int)
    case nothingToUndo(forward: Bool)
    case stepCountOutOfRange(steps: Int, length: Int)
    case timeNotReached(forward: Bool, t: Int, steps: Int, length: Int)
    case directionNotStepped(forward: Bool)
    case finalNeedsBoth(name: String, forward: Int, backward: Int, length: Int)

    public var english: String {
        switch self {
        case .unknownCommand(let w): "unknown command \(w)"
        case .lessonOnly(let c): "'\(c)' works inside a lesson: start one with 'lesson play N' (see 'lesson list')"
        case .unexpected(let w): "unexpected \(w)"
        case .unterminatedQuote: "unterminated quote"
        case .wholeNumber(let what, let low, let high, let typed):
            "\(what) must be a whole number from \(low) to \(high), not \(typed)"
        case .unknownView(let w, let names): "unknown view \(w): one of \(names)"
        case .outOfRange(let key, let value, let last): "\(key)=\(value) is out of range: \(key) goes from 0 to \(last)"
        case .notComputedYet(let view, let d, let t, let f, let taken, let of, let at):
            "\(view) \(d) t=\(t) is not computed yet: the \(f ? "forward" : "backward") direction has taken \(taken)/\(of) steps"
                + " (it reaches t=\(t) at step \(at))"
        case .notStepped(let view, let d, let f):
            "\(view) \(d): the \(f ? "forward" : "backward") direction has not taken a step yet (try 'step \(d)')"
        case .needsBothFinished(let name, let position):
            "\(name) is not computed yet: it needs both directions finished (\(position)); try 'run'"
        case .tooLarge(let sizes, let need, let limit):
            "sizes \(sizes) would need about \(need), over the limit of \(limit) (start with --memory-limit MiB to raise it)"
        case .tooLargeFor(let what, let need, let limit):
            "\(what) would need about \(need), over the limit of \(limit) (start with --memory-limit MiB to raise it)"
        case .tooMuchWork(let what, let need, let limit):
            "\(what) would need about \(need) of floating-point work, over the compute limit of \(limit)"
                + " (start with --compute-limit GFLOP to raise it)"
        case .suggestion(let word): " (did you mean '\(word)'?)"
        case .directionFinished(let f, let n):
            "the \(f ? "forward" : "backward") direction has finished all \(n) steps (use 'back', 'goto' or 'reset')"
        case .nothingToUndo(let f): "the \(f ? "forward" : "backward") direction is at its start: nothing to undo"
        case .stepCountOutOfRange(let n, let length):
            "\(n) steps is out of range: a direction takes 0 to \(length) steps"
        case .timeNotReached(let f, let t, let steps, let length):
            "\(f ? "forward" : "backward") t=\(t) is not computed yet: the \(f ? "forward" : "backward") direction"
                + " has taken \(steps) of \(length) steps"
        case .directionNotStepped(let f):
            "\(f ? "forward" : "backward") step is not computed yet: the \(f ? "forward" : "backward") direction"
                + " has not taken a step"
        case .finalNeedsBoth(let name, let fw, let bw, let n):
            "\(name) is not computed yet: it needs both directions finished (fwd \(fw)/\(n), bwd \(bw)/\(n)); try 'run'"
        }
    }

    public var chinese: String {
        switch self {
        case .unknownCommand(let w): "没有这个命令：\(w)"
        case .lessonOnly(let c): "\(c) 只能在课程中使用：先用 lesson play N 开始一课（lesson list 列出课程）"
        case .unexpected(let w): "多余的词 \(w)"
        case .unterminatedQuote: "引号没有闭合"
        case .wholeNumber(let what, let low, let high, let typed):
            // A name the learner types (`B`, `precision`) stands apart from the Chinese; a Chinese noun does not.
            (Self.chineseNames[what].map { $0 + "必须是" } ?? "\(what) 必须是")
                + " \(low) 到 \(high) 之间的整数，不能是 \(typed)"
        case .unknownView(let w, let names): "没有视图 \(w)：可以用 \(names)"
        case .outOfRange(let key, let value, let last): "\(key)=\(value) 超出范围：\(key) 只能取 0 到 \(last)"
        case .notComputedYet(let view, let d, let t, let f, let taken, let of, let at):
            "\(view) \(d) t=\(t) 还没有算出：\(f ? "前向" : "反向")走了 \(taken)/\(of) 步（走到第 \(at) 步才到 t=\(t)）"
        case .notStepped(let view, let d, let f): "\(view) \(d)：\(f ? "前向" : "反向")还没有走任何一步（试试 step \(d)）"
        case .needsBothFinished(let name, let position): "\(name) 还没有算出：需要两个方向都走完（\(position)）；试试 run"
        case .tooLarge(let sizes, let need, let limit):
            "尺寸 \(sizes) 大约需要 \(need) 内存，超过上限 \(limit)（启动时加 --memory-limit MiB 可以提高上限）"
        case .tooLargeFor(let what, let need, let limit):
            "\(what) 大约需要 \(need) 内存，超过上限 \(limit)（启动时加 --memory-limit MiB 可以提高上限）"
        case .tooMuchWork(let what, let need, let limit):
            "\(what) 大约需要 \(need) 的浮点运算，超过计算上限 \(limit)（启动时加 --compute-limit GFLOP 可以提高上限）"
        case .suggestion(let word): "（你是不是想输入 '\(word)'？）"
        case .directionFinished(let f, let n): "\(f ? "前向" : "反向")已经走完全部 \(n) 步（可以用 back、goto 或 reset）"
        case .nothingToUndo(let f): "\(f ? "前向" : "反向")在起点：没有可以撤销的步"
        case .stepCountOutOfRange(let n, let length): "\(n) 步超出范围：一个方向只能走 0 到 \(length) 步"
        case .timeNotReached(let f, let t, let steps, let length):
            "\(f ? "前向" : "反向") t=\(t) 还没有算出：\(f ? "前向" : "反向")走了 \(steps)/\(length) 步"
        case .directionNotStepped(let f): "\(f ? "前向" : "反向")还没有走任何一步"
        case .finalNeedsBoth(let name, let fw, let bw, let n):
            "\(name) 还没有算出：需要两个方向都走完（fwd \(fw)/\(n)，bwd \(bw)/\(n)）；试试 run"
        }
    }

    /// What a number is, as the parser names it, in Chinese (`B`, `precision` stay as typed).
    static let chineseNames: [String: String] = [
        "the number of steps": "步数", "the repeat count": "重复次数", "the lesson number": "课程编号",
        "the step number": "步骤编号", "the layer": "层号", "a length": "长度",
    ]
}
