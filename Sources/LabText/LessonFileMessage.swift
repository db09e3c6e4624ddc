/// What is wrong in a lesson file, after its `FILE:LINE`: the front matter, steps, blocks,
/// questions and tasks of the lesson format (`docs/LESSON-FORMAT.md`).
public indirect enum LessonFileMessage: Localized, Equatable {
    case couldNotRead
    /// `cannot read the file: …` with one of the `read…` reasons.
    case cannotReadFile(reason: LessonFileMessage)
    case readMissing
    case readFolder
    case readNotRegular
    case readTooBig(size: Int, limit: Int)
    case readDenied
    case readGrew(limit: Int)
    case readNotUTF8
    case noSteps
    case noFrontMatter
    case frontMatterLine(got: String)
    case unknownFrontMatterKey(key: String)
    case frontMatterKeyTwice(key: String)
    case frontMatterNotClosed
    case badID(got: String)
    case noID
    case emptyTitle
    case noTitle
    case badLockSkip(got: String)
    case emptySetup
    case headingNoTitle
    case blockNotClosed(info: String)
    case blockBeforeStep(info: String)
    case emptyLabBlock
    case twoTasks
    case twoQuestions
    case questionLine(got: String)
    case emptyKey(key: String)
    /// `ask`, `answer` or `solution`.
    case questionMissing(key: String)
    case questionOne(key: String)
    case questionHints(limit: Int)
    case wrongLine(got: String)
    case choiceTwice(key: String)
    case choiceLine(got: String)
    case unknownQuestionKey(key: String)
    case answerNumber(got: String)
    case answerValue(got: String)
    case answerDirection(got: String)
    case answerValueForm(got: String)
    case answerShapeNumbers(got: String)
    case answerShape(got: String)
    case answerGate(got: String)
    case answerChoice(got: String)
    case answerText
    case answerKind(kind: String, known: String)
    case answerTolerance(got: String)
    case choiceNeedsLines
    case answerNotChoice(key: String, choices: String)
    case choicesNeedAnswer
    case taskLine(got: String)
    case unknownTaskKey(key: String)
    case taskOneGoal
    case taskHints(limit: Int)
    case taskNoGoal
    case taskNoCheck
    case taskNoSolution
    /// A lab line whose command reads or writes files.
    case labBlockFiles(command: String)
    /// A lab line whose command may not run in a lab block (`quit`, `lesson …`); `line` quoted.
    case labBlockRefused(line: String)
    /// `FILE:LINE: error: …` around any of the above.
    case located(file: String, line: Int, message: String)

    public var english: String {
        switch self {
        case .couldNotRead: "the lesson could not be read"
        case .cannotReadFile(let reason): "cannot read the file: \(reason.english)"
        case .readMissing: "no such file"
        case .readFolder: "it is a folder, not a lesson file"
        case .readNotRegular: "not a regular file"
        case .readTooBig(let size, let limit): "the file has \(size) bytes; a lesson file has at most \(limit)"
        case .readDenied: "permission denied"
        case .readGrew(let limit): "the file grew past \(limit) bytes while being read"
        case .readNotUTF8: "not UTF-8 text"
        case .noSteps: "the lesson has no steps: start one with '## Title'"
        case .noFrontMatter: "the file must start with front matter: a '---' line, 'id:' and 'title:', then '---'"
        case .frontMatterLine(let got): "front matter lines are 'key: value', got '\(got)'"
        case .unknownFrontMatterKey(let key): "unknown front matter key '\(key)' (known: id, title, lock_skip, setup)"
        case .frontMatterKeyTwice(let key): "front matter key '\(key)' appears twice"
        case .frontMatterNotClosed: "front matter is not closed: add a '---' line after it"
        case .badID(let got): "id must be a positive integer, got '\(got)'"
        case .noID: "front matter has no 'id:'"
        case .emptyTitle: "title is empty"
        case .noTitle: "front matter has no 'title:'"
        case .badLockSkip(let got): "lock_skip must be true or false, got '\(got)'"
        case .emptySetup: "setup: is empty"
        case .headingNoTitle: "step heading '##' has no title"
        case .blockNotClosed(let info): "block '```\(info)' is not closed: add a '```' line after it"
        case .blockBeforeStep(let info): "'```\(info)' block before the first step: start a step with '## Title'"
        case .emptyLabBlock: "lab block has no commands"
        case .twoTasks: "a step has at most one task block"
        case .twoQuestions: "a step has at most one question block"
        case .questionLine(let got): "question lines are 'key: text', got '\(got)'"
        case .emptyKey(let key): "'\(key):' is empty"
        case .questionMissing(let key): "question has no '\(key):' line"
        case .questionOne(let key): "a question has one '\(key):' line"
        case .questionHints(let n): "a question has at most \(n) hints"
        case .wrongLine(let got): "wrong lines are 'wrong: ANSWER → feedback', got '\(got)'"
        case .choiceTwice(let key): "choice '\(key)' is listed twice"
        case .choiceLine(let got): "choice lines are 'choice: K) text', got '\(got)'"
        case .unknownQuestionKey(let key):
            "unknown question key '\(key)' (known: ask, answer, choice, hint, wrong, solution)"
        case .answerNumber(let got): "'answer: number' needs a number, got '\(got)'"
        case .answerValue(let got): "'answer: value' needs NAME[i,j,...] like h[0,3], got '\(got)'"
        case .answerDirection(let got): "direction must be fwd or bwd, got '\(got)'"
        case .answerValueForm(let got): "'answer: value' takes NAME[i,j,...] [fwd|bwd] [tol E], got '\(got)'"
        case .answerShapeNumbers(let got): "'answer: shape' needs [a, b, ...] with non-negative integers, got '\(got)'"
        case .answerShape(let got): "'answer: shape' needs [a, b, ...] or a view name, got '\(got)'"
        case .answerGate(let got): "'answer: gate' must be one of i, f, g, o, got '\(got)'"
        case .answerChoice(let got): "'answer: choice' needs one key like b, got '\(got)'"
        case .answerText: "'answer: text' needs at least one word"
        case .answerKind(let kind, let known): "unknown answer kind '\(kind)' (known: \(known))"
        case .answerTolerance(let got): "tolerance must be a non-negative number, got '\(got)'"
        case .choiceNeedsLines: "'answer: choice' needs 'choice: K) text' lines"
        case .answerNotChoice(let key, let choices): "answer '\(key)' is not one of the choices (\(choices))"
        case .choicesNeedAnswer: "'choice:' lines need 'answer: choice K'"
        case .taskLine(let got): "task lines are 'key: text', got '\(got)'"
        case .unknownTaskKey(let key): "unknown task key '\(key)' (known: goal, check, typed, hint, solution)"
        case .taskOneGoal: "a task has one 'goal:' line"
        case .taskHints(let n): "a task has at most \(n) hints"
        case .taskNoGoal: "task has no 'goal:' line"
        case .taskNoCheck: "task has no 'check:' or 'typed:' line: say what the learner must do"
        case .taskNoSolution: "task has no 'solution:' commands"
        case .labBlockFiles(let command):
            "lessons cannot read or write files: '\(command)' is not allowed in a lab block"
        case .labBlockRefused(let line): "\(line) cannot be used inside a lesson's lab block"
        case .located(let file, let line, let message): "\(file):\(line): error: \(message)"
        }
    }

    public var chinese: String {
        switch self {
        case .couldNotRead: "无法读取这一课"
        case .cannotReadFile(let reason): "无法读取文件：\(reason.chinese)"
        case .readMissing: "文件不存在"
        case .readFolder: "这是一个文件夹，不是课程文件"
        case .readNotRegular: "不是普通文件"
        case .readTooBig(let size, let limit): "文件有 \(size) 字节，而课程文件最多 \(limit) 字节"
        case .readDenied: "没有读取权限"
        case .readGrew(let limit): "读取时文件增长到超过 \(limit) 字节"
        case .readNotUTF8: "不是 UTF-8 文本"
        case .noSteps: "这一课没有步骤：用 '## 标题' 开始一步"
        case .noFrontMatter: "文件必须以前置信息开头：一行 '---'，然后 'id:' 和 'title:'，再一行 '---'"
        case .frontMatterLine(let got): "前置信息的行应为 'key: value'，而不是 '\(got)'"
        case .unknownFrontMatterKey(let key): "未知的前置信息键 '\(key)'（可用：id、title、lock_skip、setup）"
        case .frontMatterKeyTwice(let key): "前置信息键 '\(key)' 出现了两次"
        case .frontMatterNotClosed: "前置信息没有结束：在后面加一行 '---'"
        case .badID(let got): "'id' 必须是正整数，而不是 '\(got)'"
        case .noID: "前置信息中没有 'id:'"
        case .emptyTitle: "'title' 是空的"
        case .noTitle: "前置信息中没有 'title:'"
        case .badLockSkip(let got): "lock_skip 必须是 true 或 false，而不是 '\(got)'"
        case .emptySetup: "'setup:' 是空的"
        case .headingNoTitle: "步骤标题 '##' 后面没有文字"
        case .blockNotClosed(let info): "代码块 '```\(info)' 没有结束：在后面加一行 '```'"
        case .blockBeforeStep(let info): "'```\(info)' 代码块出现在第一步之前：先用 '## 标题' 开始一步"
        case .emptyLabBlock: "lab 代码块里没有命令"
        case .twoTasks: "一步最多有一个 task 代码块"
        case .twoQuestions: "一步最多有一个 question 代码块"
        case .questionLine(let got): "question 的行应为 'key: text'，而不是 '\(got)'"
        case .emptyKey(let key): "'\(key):' 是空的"
        case .questionMissing(let key): "question 中没有 '\(key):' 行"
        case .questionOne(let key): "一个 question 只能有一行 '\(key):'"
        case .questionHints(let n): "一个 question 最多有 \(n) 条提示"
        case .wrongLine(let got): "wrong 行应为 'wrong: ANSWER → feedback'，而不是 '\(got)'"
        case .choiceTwice(let key): "选项 '\(key)' 列出了两次"
        case .choiceLine(let got): "choice 行应为 'choice: K) text'，而不是 '\(got)'"
        case .unknownQuestionKey(let key): "未知的 question 键 '\(key)'（可用：ask、answer、choice、hint、wrong、solution）"
        case .answerNumber(let got): "'answer: number' 需要一个数，而不是 '\(got)'"
        case .answerValue(let got): "'answer: value' 需要 h[0,3] 这样的 NAME[i,j,...]，而不是 '\(got)'"
        case .answerDirection(let got): "方向必须是 fwd 或 bwd，而不是 '\(got)'"
        case .answerValueForm(let got): "'answer: value' 的写法是 NAME[i,j,...] [fwd|bwd] [tol E]，而不是 '\(got)'"
        case .answerShapeNumbers(let got): "'answer: shape' 需要由非负整数组成的 [a, b, ...]，而不是 '\(got)'"
        case .answerShape(let got): "'answer: shape' 需要 [a, b, ...] 或一个视图名，而不是 '\(got)'"
        case .answerGate(let got): "'answer: gate' 必须是 i、f、g、o 之一，而不是 '\(got)'"
        case .answerChoice(let got): "'answer: choice' 需要一个选项键，例如 b，而不是 '\(got)'"
        case .answerText: "'answer: text' 至少需要一个词"
        case .answerKind(let kind, let known): "未知的答案类型 '\(kind)'（可用：\(known)）"
        case .answerTolerance(let got): "容差必须是非负数，而不是 '\(got)'"
        case .choiceNeedsLines: "'answer: choice' 需要 'choice: K) text' 行"
        case .answerNotChoice(let key, let choices): "答案 '\(key)' 不在选项中（\(choices)）"
        case .choicesNeedAnswer: "'choice:' 行需要 'answer: choice K'"
        case .taskLine(let got): "task 的行应为 'key: text'，而不是 '\(got)'"
        case .unknownTaskKey(let key): "未知的 task 键 '\(key)'（可用：goal、check、typed、hint、solution）"
        case .taskOneGoal: "一个 task 只能有一行 'goal:'"
        case .taskHints(let n): "一个 task 最多有 \(n) 条提示"
        case .taskNoGoal: "task 中没有 'goal:' 行"
        case .taskNoCheck: "task 中没有 'check:' 或 'typed:' 行：请说明学习者要做什么"
        case .taskNoSolution: "task 中没有 'solution:' 命令"
        case .labBlockFiles(let command): "课程不能读写文件：lab 代码块里不能用 '\(command)'"
        case .labBlockRefused(let line): "\(line) 不能在课程的 lab 代码块里使用"
        case .located(let file, let line, let message): "\(file):\(line)：错误：\(message)"
        }
    }
}
