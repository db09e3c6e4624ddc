/// What the program itself says around the lab: a script line it cannot read,
/// Ctrl-C with nothing to stop, and the history file it cannot keep.
public enum LauncherMessage: Localized, Equatable {
    /// What an error line starts with: `error: ` (`FILE:3: error: …`), `错误：`.
    case errorLabel
    /// A script line whose bytes are not UTF-8.
    case notUTF8Line
    /// Ctrl-C at a command that printed nothing.
    case interrupted
    /// `--lesson N` with no lessons in `folder`.
    case noLessons(id: Int, folder: String)
    /// `--lesson N` that is not one of `ids`.
    case noSuchLesson(id: Int, ids: String)
    /// The history stays in memory only; `problem` says why.
    case historyNotSaved(HistoryProblem)

    public enum HistoryProblem: Equatable, Sendable {
        case folder(path: String)
        /// A FIFO, a device or a socket: `kind` says which (`FileKind.problem`).
        case notRegular(path: String, kind: FileMessage?)
        /// `code`: errno; `system`: the C library's words for it (`strerror`).
        case cannotRead(path: String, code: Int32, system: String)
        case cannotWrite(path: String, code: Int32, system: String)
        case cannotCreateFolder(path: String)
        case cannotCreate(path: String, code: Int32, system: String)

        var english: String {
            switch self {
            case .folder(let p): "\(p) is a folder, not a history file"
            case .notRegular(let p, let kind): "\(p) \(kind?.english ?? "is not a regular file")"
            case .cannotRead(let p, _, let s): "cannot read \(p): \(s)"
            case .cannotWrite(let p, _, let s): "cannot write \(p): \(s)"
            case .cannotCreateFolder(let p): "cannot create the folder \(p)"
            case .cannotCreate(let p, _, let s): "cannot create \(p): \(s)"
            }
        }

        var chinese: String {
            switch self {
            case .folder(let p): "\(p) 是一个文件夹，不是历史记录文件"
            case .notRegular(let p, let kind): "\(p)：\(kind?.chinese ?? "不是普通文件")"
            case .cannotRead(let p, let code, _): "无法读取 \(p)（\(Self.reason(code))）"
            case .cannotWrite(let p, let code, _): "无法写入 \(p)（\(Self.reason(code))）"
            case .cannotCreateFolder(let p): "无法创建文件夹 \(p)"
            case .cannotCreate(let p, let code, _): "无法创建 \(p)（\(Self.reason(code))）"
            }
        }

        /// The usual reasons in Chinese; any other by its error code.
        static func reason(_ code: Int32) -> String {
            switch code {
            case 1, 13: "没有权限"
            case 2: "文件或文件夹不存在"
            case 20: "路径中有一部分不是文件夹"
            case 21: "这是一个文件夹"
            case 28: "磁盘空间不足"
            case 30: "文件系统是只读的"
            default: "系统错误码 \(code)"
            }
        }
    }

    public var english: String {
        switch self {
        case .errorLabel: "error: "
        case .notUTF8Line: "the line is not valid UTF-8 text; it was not run"
        case .interrupted: "interrupted"
        case .noLessons(let id, let folder):
            "--lesson \(id): no lessons found in \(folder) (set LSTMLAB_LESSONS to the lessons folder)"
        case .noSuchLesson(let id, let ids): "--lesson \(id): no such lesson; lessons are \(ids)"
        case .historyNotSaved(let problem): "warning: history will not be saved: \(problem.english)"
        }
    }

    public var chinese: String {
        switch self {
        case .errorLabel: "错误："
        case .notUTF8Line: "这一行不是有效的 UTF-8 文本，没有执行"
        case .interrupted: "已中断"
        case .noLessons(let id, let folder): "--lesson \(id)：在 \(folder) 里没有找到课程（用 LSTMLAB_LESSONS 指定课程文件夹）"
        case .noSuchLesson(let id, let ids): "--lesson \(id)：没有这一课；现有的课是 \(ids)"
        case .historyNotSaved(let problem): "警告：命令历史不会被保存：\(problem.chinese)"
        }
    }
}
