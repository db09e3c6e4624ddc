/// The learner's progress file (`progress.json`): why it could not be read or written,
/// and what was done with a file that was not progress.
public enum ProgressMessage: Localized, Equatable {
    /// Why a file at the progress path is not progress.
    public enum Why: Equatable, Sendable {
        case tooBig(size: Int)
        /// A folder, FIFO, device or socket (nil: some other kind).
        case kind(FileMessage.Kind?)
        case notJSON
        case newer(version: Int)
    }

    case cannotRead(path: String, system: FileMessage.SystemWords)
    case newerVersion(version: Int)
    case notCopied(path: String, why: Why, backup: String, system: FileMessage.SystemWords)
    case copied(path: String, why: Why, backup: String)
    case leftAlone(path: String, why: Why, backup: String)
    case notMoved(path: String, why: Why, backup: String, system: FileMessage.SystemWords)
    case moved(path: String, why: Why, backup: String)
    /// `file`: the part of the path that is a file; nil: permission denied or a read-only file system.
    case cannotCreateFolder(folder: String, file: String?)
    /// `kind` nil: a regular file.
    case stateFolderNotFolder(folder: String, kind: FileMessage.Kind?)
    case stateFolderUnreadable(folder: String, system: FileMessage.SystemWords)
    case cannotEncode(detail: String)
    case cannotWrite(path: String, system: FileMessage.SystemWords)
    case cannotReplace(path: String, system: FileMessage.SystemWords)

    public var english: String {
        switch self {
        case .cannotRead(let path, let system): "cannot read \(path): \(system.text)"
        case .newerVersion(let v): "version \(v) is newer than this lstmlab understands"
        case .notCopied(let path, let why, let backup, let system):
            "\(path) is unreadable (\(Self.english(why))) and could not be copied to \(backup): \(system.text); fix or remove it"
        case .copied(let path, let why, let backup):
            "\(path) was unreadable (\(Self.english(why))); a copy is kept at \(backup) and progress starts fresh"
        case .leftAlone(let path, let why, let backup):
            "\(path) \(Self.english(why)); it was left alone (\(backup) is a folder too); progress starts fresh"
        case .notMoved(let path, let why, let backup, let system):
            "\(path) \(Self.english(why)); it could not be moved to \(backup) (\(system.text)); progress starts fresh"
        case .moved(let path, let why, let backup):
            "\(path) \(Self.english(why)); it was moved to \(backup) and progress starts fresh"
        case .cannotCreateFolder(let folder, let file):
            "cannot create the folder \(folder): "
                + (file.map { "\($0) is a file, not a folder" } ?? "permission denied or a read-only file system")
        case .stateFolderNotFolder(let folder, let kind):
            "the state folder \(folder) " + (kind.map { Self.english($0) + ", not a folder" } ?? "is not a folder")
        case .stateFolderUnreadable(let folder, let system): "the state folder \(folder) \(system.text)"
        case .cannotEncode(let detail): "cannot encode progress: \(detail)"
        case .cannotWrite(let path, let system): "cannot write \(path): \(system.text)"
        case .cannotReplace(let path, let system): "cannot replace \(path): \(system.text)"
        }
    }

    public var chinese: String {
        switch self {
        case .cannotRead(let path, _): "无法读取 \(path)"
        case .newerVersion(let v): "版本 \(v) 比这个 lstmlab 能理解的版本新"
        case .notCopied(let path, let why, let backup, _):
            "\(path) 无法读取（\(Self.chinese(why))），也无法复制到 \(backup)；请修复或删除它"
        case .copied(let path, let why, let backup):
            "\(path) 无法读取（\(Self.chinese(why))）；已在 \(backup) 保留一份副本，进度从头开始"
        case .leftAlone(let path, let why, let backup):
            "\(path) \(Self.chinese(why))；没有移动它（\(backup) 也是文件夹）；进度从头开始"
        case .notMoved(let path, let why, let backup, _):
            "\(path) \(Self.chinese(why))；无法把它移到 \(backup)；进度从头开始"
        case .moved(let path, let why, let backup): "\(path) \(Self.chinese(why))；已把它移到 \(backup)，进度从头开始"
        case .cannotCreateFolder(let folder, let file):
            "无法创建文件夹 \(folder)：" + (file.map { "\($0) 是文件，不是文件夹" } ?? "没有权限，或者文件系统是只读的")
        case .stateFolderNotFolder(let folder, let kind):
            "状态文件夹 \(folder) " + (kind.map { Self.chinese($0) + "，不是文件夹" } ?? "不是文件夹")
        case .stateFolderUnreadable(let folder, _): "无法查看状态文件夹 \(folder)"
        case .cannotEncode(let detail): "无法编码进度：\(detail)"
        case .cannotWrite(let path, _): "无法写入 \(path)"
        case .cannotReplace(let path, _): "无法替换 \(path)"
        }
    }

    static func english(_ why: Why) -> String {
        switch why {
        case .tooBig(let size): "it has \(size) bytes; progress is a few KiB at most"
        case .kind(let kind): kind.map { english($0) + ", not a file" } ?? "not a file"
        case .notJSON: "not valid progress JSON"
        case .newer(let v): "version \(v) is newer than this lstmlab understands"
        }
    }

    static func chinese(_ why: Why) -> String {
        switch why {
        case .tooBig(let size): "它有 \(size) 字节，而进度文件最多几 KiB"
        case .kind(let kind): kind.map { chinese($0) + "，不是文件" } ?? "不是文件"
        case .notJSON: "不是有效的进度 JSON"
        case .newer(let v): "版本 \(v) 比这个 lstmlab 能理解的版本新"
        }
    }

    static func english(_ kind: FileMessage.Kind) -> String {
        switch kind {
        case .folder: "is a folder"
        case .fifo: "is a FIFO (named pipe)"
        case .characterDevice: "is a character device"
        case .blockDevice: "is a block device"
        case .socket: "is a socket"
        }
    }

    static func chinese(_ kind: FileMessage.Kind) -> String {
        switch kind {
        case .folder: "是一个文件夹"
        case .fifo: "是一个 FIFO（命名管道）"
        case .characterDevice: "是一个字符设备"
        case .blockDevice: "是一个块设备"
        case .socket: "是一个套接字"
        }
    }
}
