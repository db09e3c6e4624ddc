/// The player's own sentences, in the lesson's language.
struct PlayerText: Sendable {
    let progress: @Sendable (Int, Int, Int) -> String
    let correct: String
    let wrong: @Sendable (Int, Bool) -> String
    let unreadable: @Sendable (AnswerKindHint) -> String
    let awaiting: @Sendable (Bool) -> String
    let answerHow: @Sendable (Bool) -> String
    let stepDone: String
    let lastStepDone: String
    let noMoreHints: @Sendable (Int) -> String
    let noQuestion: String
    let nothingWaiting: String
    let locked: @Sendable (String) -> String
    let firstStep: String
    let skipped: String
    let finished: @Sendable (Int, Int, Int, Int) -> String
    let alreadyFinished: String
    let quit: @Sendable (String) -> String
    let unchecked: @Sendable (String) -> String
    let usage: @Sendable (Bool) -> String

    static func forLanguage(_ language: String) -> PlayerText {
        language == "zh" ? zh : en
    }

    static let en = PlayerText(
        progress: { "lesson \($0) · step \($1)/\($2)" },
        correct: "Correct.",
        wrong: { n, hints in "Not quite (try \(n))." + (hints ? " Type 'hint' for a hint." : "") },
        unreadable: { kind in
            switch kind {
            case .empty: return "Type your answer after 'answer', for example 'answer 64'."
            case .number: return "That is not a number: type one, for example 'answer 0.25' or 'answer 4*16'."
            case .shape: return "That is not a shape: type one like 'answer [3, 5, 32]'."
            case .gate: return "Name a gate: i, f, g or o."
            }
        },
        awaiting: { locked in locked
            ? "A question is waiting: type 'answer …' or 'hint'."
            : "A question is waiting: type 'answer …', 'hint', 'skip' or 'solution'." },
        answerHow: { locked in locked ? "(answer …, hint)" : "(answer …, hint, skip, solution)" },
        stepDone: "Press Enter (or type 'next') to continue; 'back' returns; any lab command works here.",
        lastStepDone: "That was the last step: press Enter (or type 'next') to finish.",
        noMoreHints: { n in n == 0 ? "This question has no hints." : "No more hints: that was all \(n)." },
        noQuestion: "This step has no question.",
        nothingWaiting: "No question is waiting for an answer.",
        locked: { word in "'\(word)' is turned off in this lesson: the teacher wants the answers typed." },
        firstStep: "This is the first step.",
        skipped: "Question skipped.",
        finished: { id, right, asked, hints in
            "Lesson \(id) finished: \(right) of \(asked) questions answered, \(hints) hint\(hints == 1 ? "" : "s") used." },
        alreadyFinished: "The lesson is finished: 'lesson list' shows the others.",
        quit: { line in "Left the lesson; progress kept (\(line)). 'lesson resume' continues." },
        unchecked: { why in "This question cannot be checked right now (\(why)); 'skip' moves on." },
        usage: { locked in "Enter or 'next' continues, 'back' goes back, 'hint' helps, 'answer …' answers"
            + (locked ? "" : ", 'skip' and 'solution' move on") + ", 'quit' leaves (progress kept). Any lab command works between steps." }
    )

    static let zh = PlayerText(
        progress: { "第 \($0) 课 · 第 \($1)/\($2) 步" },
        correct: "答对了。",
        wrong: { n, hints in "还不对（第 \(n) 次尝试）。" + (hints ? "输入 hint 可以看提示。" : "") },
        unreadable: { kind in
            switch kind {
            case .empty: return "请在 answer 后面写上答案，例如 answer 64。"
            case .number: return "这不是一个数：请输入数字，例如 answer 0.25 或 answer 4*16。"
            case .shape: return "这不是形状：请按 answer [3, 5, 32] 的写法输入。"
            case .gate: return "请写出门的名字：i、f、g 或 o。"
            }
        },
        awaiting: { locked in locked
            ? "还有一道题等你作答：输入 answer …，或输入 hint 看提示。"
            : "还有一道题等你作答：输入 answer …，也可以 hint、skip 或 solution。" },
        answerHow: { locked in locked ? "（answer …、hint）" : "（answer …、hint、skip、solution）" },
        stepDone: "按回车（或输入 next）继续；back 回到上一步；这里也可以随意输入实验命令。",
        lastStepDone: "这是最后一步：按回车（或输入 next）结束本课。",
        noMoreHints: { n in n == 0 ? "这道题没有提示。" : "提示已经用完了（共 \(n) 条）。" },
        noQuestion: "这一步没有题目。",
        nothingWaiting: "现在没有等待作答的题目。",
        locked: { word in "本课关闭了 \(word)：老师希望你自己写出答案。" },
        firstStep: "已经是第一步了。",
        skipped: "已跳过这道题。",
        finished: { id, right, asked, hints in
            "第 \(id) 课完成：\(asked) 道题答对 \(right) 道，用了 \(hints) 条提示。" },
        alreadyFinished: "本课已经结束：lesson list 可以看到其他课程。",
        quit: { line in "已退出本课，进度已保存（\(line)）。输入 lesson resume 可以接着学。" },
        unchecked: { why in "这道题暂时无法核对（\(why)）；输入 skip 继续。" },
        usage: { locked in "回车或 next 继续，back 返回上一步，hint 看提示，answer … 作答"
            + (locked ? "" : "，skip 和 solution 可以跳过") + "，quit 退出（进度会保存）。每一步之间都可以输入任何实验命令。" }
    )
}
