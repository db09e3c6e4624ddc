import Foundation
import LabText
import TensorFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything in `progress.json`.
public struct ProgressFile: Codable, Equatable, Sendable {
    public var version: Int
    /// Keyed by lesson id.
    public var lessons: [String: LessonProgress]
    /// The lesson `lesson resume` continues.
    public var last: Int?

    public init(version: Int = 1, lessons: [String: LessonProgress] = [:], last: Int? = nil) {
        self.version = version
        self.lessons = lessons
        self.last = last
    }

    public subscript(id: Int) -> LessonProgress? {
        get { lessons[String(id)] }
        set { lessons[String(id)] = newValue }
    }
}

/// Why progress could not be read or written.
public struct ProgressError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problem: ProgressMessage
    public init(_ problem: ProgressMessage) { self.problem = problem }
    public var message: String { problem.english }
    public var description: String { message }
}

/// The learner's progress on disk, written atomically.
///
/// ```
/// $LSTMLAB_STATE_DIR/progress.json            (tests, portable installs)
/// $XDG_STATE_HOME/lstmlab/progress.json
/// ~/.local/state/lstmlab/progress.json        (default)
/// ```
/// A file that cannot be read as progress is never overwritten silently:
/// `load` copies it to `progress.json.bak` and reports it, then the learner
/// starts fresh; the copy stays until the next corrupt file replaces it.
public struct ProgressStore: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// The store location for `environment`, or nil when neither a state
    /// directory nor `HOME` is known.
    public static func defaultURL(environment: [String: String]) -> URL? {
        if let dir = environment["LSTMLAB_STATE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir).appendingPathComponent("progress.json")
        }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("lstmlab/progress.json")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".local/state/lstmlab/progress.json")
        }
        return nil
    }

    public var backupURL: URL { URL(fileURLWithPath: url.path + ".bak") }

    /// The stored progress (empty when there is no file yet) and a warning
    /// when the file was unreadable and has been set aside.
    public func load() throws(ProgressError) -> (progress: ProgressFile, warning: ProgressMessage?) {
        let fm = FileManager.default
        let kind = FileKind(path: url.path)
        switch kind {
        case .missing:
            return (ProgressFile(), nil)
        case .unreadable(let reason):
            throw ProgressError(.cannotRead(path: url.path, system: .init(reason)))
        case .regular(let size) where size <= ProgressStore.maxFileBytes:
            break
        case .regular(let size):
            return setAside(.tooBig(size: size))
        default:
            // A folder, FIFO or device (a link to /dev/zero): never opened, moved aside whole.
            return setAside(.kind(kind.kind))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ProgressError(.cannotRead(path: url.path, system: .init(error.localizedDescription)))
        }
        do {
            var file = try JSONDecoder().decode(ProgressFile.self, from: data)
            guard file.version == 1 else {
                throw ProgressError(.newerVersion(version: file.version))
            }
            file.clampCounts()
            return (file, nil)
        } catch {
            var why = ProgressMessage.Why.notJSON
            if case .newerVersion(let v)? = (error as? ProgressError)?.problem { why = .newer(version: v) }
            do {
                if fm.fileExists(atPath: backupURL.path) { try fm.removeItem(at: backupURL) }
                try fm.copyItem(at: url, to: backupURL)
            } catch {
                throw ProgressError(
                    .notCopied(
                        path: url.path, why: why, backup: backupURL.path, system: .init(error.localizedDescription)))
            }
            return (ProgressFile(), .copied(path: url.path, why: why, backup: backupURL.path))
        }
    }

    /// The largest progress file read; a whole course's progress is a few KiB.
    public static let maxFileBytes = 1 << 20

    /// Moves what is at `url` to the backup name (a rename: a link stays a link, a folder
    /// keeps its contents) and starts fresh; says where it went, or that it could not be moved.
    private func setAside(_ why: ProgressMessage.Why) -> (progress: ProgressFile, warning: ProgressMessage?) {
        let backup = backupURL.path
        if case .folder = FileKind(path: backup) {
            return (ProgressFile(), .leftAlone(path: url.path, why: why, backup: backup))
        }
        guard rename(url.path, backup) == 0 else {
            let reason = String(cString: strerror(errno))
            return (ProgressFile(), .notMoved(path: url.path, why: why, backup: backup, system: .init(reason)))
        }
        return (ProgressFile(), .moved(path: url.path, why: why, backup: backup))
    }

    /// Writes `progress` to a temporary file beside the target, then renames
    /// it over the target, so a crash leaves either the old or the new file.
    public func save(_ progress: ProgressFile) throws(ProgressError) {
        let fm = FileManager.default
        let dir = URL(fileURLWithPath: PathName.parent(of: url.path))
        switch FileKind(path: dir.path) {
        case .folder: break
        case .missing:
            do {
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            } catch {
                throw ProgressError(.cannotCreateFolder(folder: dir.path, file: ProgressStore.fileInPath(dir.path)))
            }
        case .unreadable(let reason):
            throw ProgressError(.stateFolderUnreadable(folder: dir.path, system: .init(reason)))
        case let kind:
            throw ProgressError(.stateFolderNotFolder(folder: dir.path, kind: kind.kind))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(progress)
        } catch {
            throw ProgressError(.cannotEncode(detail: "\(error)"))
        }
        let tmp = dir.appendingPathComponent(".progress.json.tmp-\(getpid())")
        do {
            try data.write(to: tmp)
        } catch {
            throw ProgressError(.cannotWrite(path: tmp.path, system: .init(error.localizedDescription)))
        }
        guard rename(tmp.path, url.path) == 0 else {
            let code = errno
            try? fm.removeItem(at: tmp)
            throw ProgressError(.cannotReplace(path: url.path, system: .init(String(cString: strerror(code)))))
        }
    }
}

extension ProgressStore {
    /// The first part of `path` that exists and is not a folder (nil: none is; the folder was refused).
    static func fileInPath(_ path: String) -> String? {
        var part = path
        while PathName.parent(of: part) != part {
            let kind = FileKind(path: part)
            if kind != .missing, kind != .folder { return part }
            part = PathName.parent(of: part)
        }
        return nil
    }
}

extension ProgressFile {
    /// The largest hint or wrong-answer count kept from a file.
    static let maxCount = 1_000_000

    /// Brings counts and steps from a corrupt or hand-edited file into range, so
    /// `hints += 1` and the totals cannot overflow (a count of Int.max trapped).
    mutating func clampCounts() {
        for (id, var lesson) in lessons {
            lesson.step = min(max(lesson.step, 0), ProgressFile.maxCount)
            lesson.stepCount = min(max(lesson.stepCount, 0), ProgressFile.maxCount)
            for (key, var q) in lesson.questions {
                q.hints = min(max(q.hints, 0), ProgressFile.maxCount)
                q.wrong = min(max(q.wrong, 0), ProgressFile.maxCount)
                lesson.questions[key] = q
            }
            lessons[id] = lesson
        }
    }
}
