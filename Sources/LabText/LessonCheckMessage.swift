/// What `lesson check` finds beyond the format: a lesson's two language versions that do
/// not line up, its file name, control characters, and what playing it to the end showed.
public enum LessonCheckMessage: Localized, Equatable {
    /// A refusal already worded by the shell, in both languages.
    public struct Detail: Equatable, Sendable {
        public var english: String
        public var chinese: String
        public init(english: String, chinese: String? = nil) {
            self.english = english
            self.chinese = chinese ?? english
        }
    }

    case otherHasErrors(language: String, path: String)
    case noOtherVersion(language: String, id: Int, expected: String)
    /// `code`: four hex digits (`001B`).
    case controlCharacter(code: String, column: Int)
    case fileNameID(named: Int, id: Int)
    case fileName(got: String)
    /// A lab line's own refusal or failure, worded by the shell.
    case labLine(command: String, detail: Detail)
    case checkLine(check: String, detail: CalculatorMessage)
    case idDiffers(id: Int, other: Int, file: String)
    case lockSkipDiffers(file: String)
    case setupDiffers(file: String)
    case stepCount(steps: Int, other: Int, file: String)
    /// `command`/`other` already quoted (or `nothing`); `place` is `FILE:LINE`.
    case labCommandDiffers(step: Int, command: String, other: String, place: String)
    case taskOnlyHere(step: Int, place: String)
    case taskOnlyThere(step: Int, place: String)
    case taskDiffers(step: Int, place: String)
    case questionOnlyHere(step: Int, place: String)
    case questionOnlyThere(step: Int, place: String)
    case answerDiffers(step: Int, answer: String, other: String, place: String)
    case wrongsDiffer(step: Int, place: String)
    case choicesDiffer(step: Int, choices: String, other: String, place: String)
    case stoppedBeforeEnd
    case cannotCheckQuestion
    case wrongAccepted(answer: String)
    case answerRefused(answer: String)
    case taskHoldsBefore
    case taskNotSolved(solution: String)
    case cannotReadWrong(expression: String, detail: String)
    case cannotReadAnswer(answer: String, detail: String)
    case expectedRefusal(command: String)

    public var english: String {
        switch self {
        case .otherHasErrors(let language, let path):
            "the \(language) version \(path) has errors: run 'lesson check \(path)'"
        case .noOtherVersion(let language, let id, let expected):
            "no \(language) version of lesson \(id): expected \(expected)"
        case .controlCharacter(let code, let column):
            "control character U+\(code) at column \(column): a terminal would act on it (ESC starts escape sequences, BEL rings); remove it"
        case .fileNameID(let named, let id): "the file name says lesson \(named) but its id is \(id)"
        case .fileName(let got): "lesson files are named NN-slug.md, got '\(got)'"
        case .labLine(let command, let detail): "'\(command)': \(detail.english)"
        case .checkLine(let check, let detail): "check '\(check)': \(detail.english)"
        case .idDiffers(let id, let other, let file): "id \(id) differs from id \(other) in \(file)"
        case .lockSkipDiffers(let file): "lock_skip differs from \(file)"
        case .setupDiffers(let file): "setup differs from \(file)"
        case .stepCount(let n, let other, let file):
            "\(n) steps here but \(other) in \(file): the languages must have the same steps"
        case .labCommandDiffers(let step, let command, let other, let place):
            "step \(step): lab command \(command) here but \(other) in \(place)"
        case .taskOnlyHere(let step, let place): "step \(step) has a task here but none in \(place)"
        case .taskOnlyThere(let step, let place): "step \(step) has no task here but one in \(place)"
        case .taskDiffers(let step, let place):
            "step \(step): the task's check, typed or solution lines differ from \(place)"
        case .questionOnlyHere(let step, let place): "step \(step) has a question here but none in \(place)"
        case .questionOnlyThere(let step, let place): "step \(step) has no question here but one in \(place)"
        case .answerDiffers(let step, let answer, let other, let place):
            "step \(step): 'answer: \(answer)' here but 'answer: \(other)' in \(place)"
        case .wrongsDiffer(let step, let place): "step \(step): the wrong answers differ from \(place)"
        case .choicesDiffer(let step, let choices, let other, let place):
            "step \(step): choices \(choices) here but \(other) in \(place)"
        case .stoppedBeforeEnd: "the player stopped before the end"
        case .cannotCheckQuestion: "the question cannot be checked"
        case .wrongAccepted(let answer): "the known wrong answer '\(answer)' would be accepted as right"
        case .answerRefused(let answer): "the answer '\(answer)' was not accepted"
        case .taskHoldsBefore: "the task's check already holds before the learner does anything"
        case .taskNotSolved(let solution): "after the solution (\(solution)) the task's check does not hold"
        case .cannotReadWrong(let expression, let detail): "cannot read the wrong answer '\(expression)': \(detail)"
        case .cannotReadAnswer(let answer, let detail): "cannot read the answer '\(answer)' from the session: \(detail)"
        case .expectedRefusal(let command): "'\(command)' was expected to be refused, and ran"
        }
    }

    public var chinese: String {
        switch self {
        case .otherHasErrors(let language, let path): "\(language) 版 \(path) 有错误：请运行 'lesson check \(path)'"
        case .noOtherVersion(let language, let id, let expected): "第 \(id) 课没有 \(language) 版：应为 \(expected)"
        case .controlCharacter(let code, let column):
            "第 \(column) 列有控制字符 U+\(code)：终端会执行它（ESC 开始转义序列，BEL 会响铃）；请删掉"
        case .fileNameID(let named, let id): "文件名说是第 \(named) 课，但 id 是 \(id)"
        case .fileName(let got): "课程文件应命名为 NN-slug.md，而不是 '\(got)'"
        case .labLine(let command, let detail): "'\(command)'：\(detail.chinese)"
        case .checkLine(let check, let detail): "check '\(check)'：\(detail.chinese)"
        case .idDiffers(let id, let other, let file): "id \(id) 与 \(file) 中的 id \(other) 不同"
        case .lockSkipDiffers(let file): "lock_skip 与 \(file) 不同"
        case .setupDiffers(let file): "setup 与 \(file) 不同"
        case .stepCount(let n, let other, let file): "这里有 \(n) 步，而 \(file) 有 \(other) 步：两种语言的步骤必须相同"
        case .labCommandDiffers(let step, let command, let other, let place):
            "第 \(step) 步：这里的 lab 命令是 \(command)，而 \(place) 是 \(other)"
        case .taskOnlyHere(let step, let place): "第 \(step) 步这里有 task，而 \(place) 没有"
        case .taskOnlyThere(let step, let place): "第 \(step) 步这里没有 task，而 \(place) 有"
        case .taskDiffers(let step, let place): "第 \(step) 步：task 的 check、typed 或 solution 行与 \(place) 不同"
        case .questionOnlyHere(let step, let place): "第 \(step) 步这里有 question，而 \(place) 没有"
        case .questionOnlyThere(let step, let place): "第 \(step) 步这里没有 question，而 \(place) 有"
        case .answerDiffers(let step, let answer, let other, let place):
            "第 \(step) 步：这里是 'answer: \(answer)'，而 \(place) 是 'answer: \(other)'"
        case .wrongsDiffer(let step, let place): "第 \(step) 步：wrong 答案与 \(place) 不同"
        case .choicesDiffer(let step, let choices, let other, let place):
            "第 \(step) 步：这里的选项是 \(choices)，而 \(place) 是 \(other)"
        case .stoppedBeforeEnd: "播放器没有走到结尾就停了"
        case .cannotCheckQuestion: "这个问题无法检查"
        case .wrongAccepted(let answer): "已知的错误答案 '\(answer)' 会被当作正确答案"
        case .answerRefused(let answer): "答案 '\(answer)' 没有被接受"
        case .taskHoldsBefore: "学习者还什么都没做，task 的 check 就已经成立"
        case .taskNotSolved(let solution): "执行解答（\(solution)）之后，task 的 check 仍不成立"
        case .cannotReadWrong(let expression, let detail): "无法读取错误答案 '\(expression)'：\(detail)"
        case .cannotReadAnswer(let answer, let detail): "无法从会话中读取答案 '\(answer)'：\(detail)"
        case .expectedRefusal(let command): "'\(command)' 本应被拒绝，却运行了"
        }
    }
}
