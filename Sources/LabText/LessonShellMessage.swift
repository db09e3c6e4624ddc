/// What the lesson commands say around the lessons themselves: progress forgotten or not
/// saved, a folder without lessons, a lesson file with errors, `lesson check`'s verdict.
public enum LessonShellMessage: Localized, Equatable {
    case forgotten(id: Int)
    case forgottenAll
    case noLessonsFound(folder: String)
    case hasErrors(path: String)
    /// `other`: the language whose version the steps were matched against.
    case checked(path: String, id: Int, steps: Int, questions: Int, other: String)
    /// A warning about the progress file, already worded.
    case warning(text: String)
    case notSaved(reason: String)
    case cannotBeSaved(reason: String)

    public var english: String {
        switch self {
        case .forgotten(let id): "progress of lesson \(id) forgotten"
        case .forgottenAll: "progress of every lesson forgotten"
        case .noLessonsFound(let folder): "no lessons found in \(folder) (set LSTMLAB_LESSONS to the lessons folder)"
        case .hasErrors(let path): "(\(path) has errors: lesson check \(path))"
        case .checked(let path, let id, let steps, let questions, let other):
            "\(path): ok: lesson \(id), \(steps) steps, \(questions) questions, "
                + "steps match the \(other) version, played to the end"
        case .warning(let text): "warning: " + text
        case .notSaved(let reason): "progress not saved: \(reason)"
        case .cannotBeSaved(let reason):
            "warning: progress cannot be saved: \(reason); it lasts only until the lab ends"
        }
    }

    public var chinese: String {
        switch self {
        case .forgotten(let id): "已清除第 \(id) 课的进度"
        case .forgottenAll: "已清除所有课程的进度"
        case .noLessonsFound(let folder): "在 \(folder) 中没有找到课程（用 LSTMLAB_LESSONS 指定课程文件夹）"
        case .hasErrors(let path): "（\(path) 有错误：lesson check \(path)）"
        case .checked(let path, let id, let steps, let questions, let other):
            "\(path)：没有问题：第 \(id) 课，\(steps) 步，\(questions) 个问题，各步与 \(other) 版一致，已完整播放"
        case .warning(let text): "注意：" + text
        case .notSaved(let reason): "进度没有保存：\(reason)"
        case .cannotBeSaved(let reason): "注意：进度无法保存：\(reason)；它只保留到本次实验结束"
        }
    }
}
