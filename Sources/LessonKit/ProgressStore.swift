import Foundation
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
    public var message: String
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
    public func load() throws(ProgressError) -> (progress: ProgressFile, warning: String?) {
        let fm = FileManager.default
        let kind = FileKind(path: url.path)
        switch kind {
        case .missing:
            return (ProgressFile(), nil)
        case .unreadable(let reason):
            throw ProgressError(message: "cannot read \(url.path): \(reason)")
        case .regular(let size) where size <= ProgressStore.maxFileBytes:
            break
        case .regular(let size):
            return setAside("it has \(size) bytes; progress is a few KiB at most")
        default:
            // A folder, FIFO or device (a link to /dev/zero): never opened, moved aside whole.
            return setAside(
                (kind.refusal ?? "not a regular file").replacingOccurrences(of: "regular file", with: "file"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ProgressError(message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            var file = try JSONDecoder().decode(ProgressFile.self, from: data)
            guard file.version == 1 else {
                throw ProgressError(message: "version \(file.version) is newer than this lstmlab understands")
            }
            file.clampCounts()
            return (file, nil)
        } catch {
            let why = (error as? ProgressError)?.message ?? "not valid progress JSON"
            do {
                if fm.fileExists(atPath: backupURL.path) { try fm.removeItem(at: backupURL) }
                try fm.copyItem(at: url, to: backupURL)
            } catch {
                throw ProgressError(
                    message:
                        "\(url.path) is unreadable (\(why)) and could not be copied to \(backupURL.path): \(error.localizedDescription); fix or remove it"
                )
            }
            return (
                ProgressFile(),
                "\(url.path) was unreadable (\(why)); a copy is kept at \(backupURL.path) and progress starts fresh"
            )
        }
    }

    /// The largest progress file read; a whole course's progress is a few KiB.
    public static let maxFileBytes = 1 << 20

    /// Moves what is at `url` to the backup name (a rename: a link stays a link, a folder
    /// keeps its contents) and starts fresh; says where it went, or that it could not be moved.
    private func setAside(_ why: String) -> (progress: ProgressFile, warning: String?) {
        let backup = backupURL.path
        if case .folder = FileKind(path: backup) {
            return (
                ProgressFile(),
                "\(url.path) \(why); it was left alone (\(backup) is a folder too); progress starts fresh"
            )
        }
        guard rename(url.path, backup) == 0 else {
            let reason = String(cString: strerror(errno))
            return (
                ProgressFile(),
                "\(url.path) \(why); it could not be moved to \(backup) (\(reason)); progress starts fresh"
            )
        }
        return (ProgressFile(), "\(url.path) \(why); it was moved to \(backup) and progress starts fresh")
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
                throw ProgressError(
                    message: "cannot create the folder \(dir.path): \(ProgressStore.folderProblem(dir.path))")
            }
        case let kind:
            throw ProgressError(
                message:
                    "the state folder \(dir.path) \(kind.refusal?.replacingOccurrences(of: "not a regular file", with: "not a folder") ?? "is not a folder")"
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(progress)
        } catch {
            throw ProgressError(message: "cannot encode progress: \(error)")
        }
        let tmp = dir.appendingPathComponent(".progress.json.tmp-\(getpid())")
        do {
            try data.write(to: tmp)
        } catch {
            throw ProgressError(message: "cannot write \(tmp.path): \(error.localizedDescription)")
        }
        guard rename(tmp.path, url.path) == 0 else {
            let code = errno
            try? fm.removeItem(at: tmp)
            throw ProgressError(message: "cannot replace \(url.path): \(String(cString: strerror(code)))")
        }
    }
}

extension ProgressStore {
    /// The first part of `path` that exists and is not a folder, in words.
    static func folderProblem(_ path: String) -> String {
        var part = path
        while PathName.parent(of: part) != part {
            let kind = FileKind(path: part)
            if kind != .missing, kind != .folder { return "\(part) is a file, not a folder" }
            part = PathName.parent(of: part)
        }
        return "permission denied or a read-only file system"
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
