/// The lesson player's own sentences (status lines, verdicts, how to go on).
/// Commands the learner types (`next`, `hint`, `answer …`) stay in ASCII in
/// both languages: they are what is typed.
public enum PlayerMessage: Localized, Equatable {
    case progress(lesson: Int, step: Int, of: Int)
    case correct
    case wrong(attempt: Int, hintsLeft: Bool)
    case unreadableEmpty
    case unreadableNumber
    case unreadableShape
    case unreadableGate
    case awaiting(locked: Bool)
    case answerHow(locked: Bool)
    case stepDone
    case lastStepDone
    case noMoreHints(count: Int)
    case noQuestion
    case nothingWaiting
    case locked(word: String)
    case firstStep
    case skipped
    case finished(lesson: Int, right: Int, asked: Int, hints: Int)
    case alreadyFinished
    case quit(position: String)
    /// `quit` when progress could not be saved (the state folder is a file, …).
    case quitUnsaved(position: String)
    case unchecked(reason: String)
    case usage(locked: Bool)
    case taskHow(locked: Bool)
    case taskDone
    case taskAwaiting(locked: Bool)
    case taskSkipped
    case doneBefore
    case answeredBefore
    case theNumber(String)
    case feedback(text: String, attempt: Int)
    case noTask

    public var english: String {
        switch self {
        case .progress(let lesson, let step, let of): "lesson \(lesson) · step \(step)/\(of)"
        case .correct: "Correct."
        case .wrong(let n, let hints): "Not quite (try \(n))." + (hints ? " Type 'hint' for a hint." : "")
        case .unreadableEmpty: "Type your answer after 'answer', for example 'answer 64'."
        case .unreadableNumber: "That is not a number: type one, for example 'answer 0.25' or 'answer 4*16'."
        case .unreadableShape: "That is not a shape: type one like 'answer [3, 5, 32]'."
        case .unreadableGate: "Name a gate: i, f, g or o."
        case .awaiting(let locked):
            locked
                ? "A question is waiting: type 'answer …' or 'hint'."
                : "A question is waiting: type 'answer …', 'hint', 'skip' or 'solution'."
        case .answerHow(let locked): locked ? "(answer …, hint)" : "(answer …, hint, skip, solution)"
        case .stepDone: "Press Enter (or type 'next') to continue; 'back' returns; any lab command works here."
        case .lastStepDone: "That was the last step: press Enter (or type 'next') to finish."
        case .noMoreHints(let n): n == 0 ? "This question has no hints." : "No more hints: that was all \(n)."
        case .noQuestion: "This step has no question."
        case .nothingWaiting: "No question is waiting for an answer."
        case .locked(let word): "'\(word)' is turned off in this lesson: the teacher wants the answers typed."
        case .firstStep: "This is the first step."
        case .skipped: "Question skipped."
        case .finished(let id, let right, let asked, let hints):
            "Lesson \(id) finished: \(right) of \(asked) questions answered, \(Plural.count(hints, "hint")) used."
        case .alreadyFinished: "The lesson is finished: 'lesson list' shows the others."
        case .quit(let line): "Left the lesson; progress kept (\(line)). 'lesson resume' continues."
        case .quitUnsaved(let line):
            "Left the lesson at \(line); progress could not be saved, so it lasts only until the lab ends."
        case .unchecked(let why): "This question cannot be checked right now (\(why)); 'skip' moves on."
        case .usage(let locked):
            "Enter or 'next' continues, 'back' goes back, 'hint' helps, 'answer …' answers"
                + (locked ? "" : ", 'skip' and 'solution' move on")
                + ", 'quit' leaves (progress kept). Any lab command works between steps."
        case .taskHow(let locked):
            locked ? "(your turn: type lab commands; hint)" : "(your turn: type lab commands; hint, solution, skip)"
        case .taskDone: "Done."
        case .taskAwaiting(let locked):
            locked
                ? "A task is waiting: do it with lab commands; 'hint' helps."
                : "A task is waiting: do it with lab commands; 'hint' helps, 'solution' shows the commands, 'skip' runs them for you."
        case .taskSkipped: "Task skipped: the lesson ran the solution for you."
        case .doneBefore: "(done before; the lesson runs it again)"
        case .answeredBefore: "(answered before)"
        case .theNumber(let n): "The number: \(n)."
        case .feedback(let text, let n): "\(text) (try \(n))"
        case .noTask: "This step has no task."
        }
    }

    public var chinese: String {
        switch self {
        case .progress(let lesson, let step, let of): "第 \(lesson) 课 · 第 \(step)/\(of) 步"
        case .correct: "答对了。"
        case .wrong(let n, let hints): "还不对（第 \(n) 次尝试）。" + (hints ? "输入 hint 可以看提示。" : "")
        case .unreadableEmpty: "请在 answer 后面写上答案，例如 answer 64。"
        case .unreadableNumber: "这不是一个数：请输入数字，例如 answer 0.25 或 answer 4*16。"
        case .unreadableShape: "这不是形状：请按 answer [3, 5, 32] 的写法输入。"
        case .unreadableGate: "请写出门的名字：i、f、g 或 o。"
        case .awaiting(let locked):
            locked
                ? "还有一道题等你作答：输入 answer …，或输入 hint 看提示。"
                : "还有一道题等你作答：输入 answer …，也可以 hint、skip 或 solution。"
        case .answerHow(let locked): locked ? "（answer …、hint）" : "（answer …、hint、skip、solution）"
        case .stepDone: "按回车（或输入 next）继续；back 回到上一步；这里也可以随意输入实验命令。"
        case .lastStepDone: "这是最后一步：按回车（或输入 next）结束本课。"
        case .noMoreHints(let n): n == 0 ? "这道题没有提示。" : "提示已经用完了（共 \(n) 条）。"
        case .noQuestion: "这一步没有题目。"
        case .nothingWaiting: "现在没有等待作答的题目。"
        case .locked(let word): "本课关闭了 \(word)：老师希望你自己写出答案。"
        case .firstStep: "已经是第一步了。"
        case .skipped: "已跳过这道题。"
        case .finished(let id, let right, let asked, let hints):
            "第 \(id) 课完成：\(asked) 道题答对 \(right) 道，用了 \(hints) 条提示。"
        case .alreadyFinished: "本课已经结束：lesson list 可以看到其他课程。"
        case .quit(let line): "已退出本课，进度已保存（\(line)）。输入 lesson resume 可以接着学。"
        case .quitUnsaved(let line): "已退出本课（\(line)）；进度无法保存，只保留到实验结束。"
        case .unchecked(let why): "这道题暂时无法核对（\(why)）；输入 skip 继续。"
        case .usage(let locked):
            "回车或 next 继续，back 返回上一步，hint 看提示，answer … 作答"
                + (locked ? "" : "，skip 和 solution 可以跳过") + "，quit 退出（进度会保存）。每一步之间都可以输入任何实验命令。"
        case .taskHow(let locked): locked ? "（轮到你了：输入实验命令；hint 看提示）" : "（轮到你了：输入实验命令；hint、solution、skip）"
        case .taskDone: "完成。"
        case .taskAwaiting(let locked):
            locked
                ? "还有一个任务等你完成：输入实验命令去做；hint 看提示。"
                : "还有一个任务等你完成：输入实验命令去做；hint 看提示，solution 显示命令，skip 由课程代你执行。"
        case .taskSkipped: "已跳过任务：课程替你执行了参考命令。"
        case .doneBefore: "（之前已完成；课程再执行一遍）"
        case .answeredBefore: "（之前已答过）"
        case .theNumber(let n): "数值：\(n)。"
        case .feedback(let text, let n): "\(text)（第 \(n) 次尝试）"
        case .noTask: "这一步没有任务。"
        }
    }
}
