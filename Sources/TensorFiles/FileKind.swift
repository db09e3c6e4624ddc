import LabText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path names, from `stat` (links followed), asked before a file is opened.
///
/// Why before: `open` of a FIFO for reading blocks until a writer comes (Ctrl-C
/// could not stop `load input FIFO`), and `/dev/zero` never ends. Every reader of
/// a user-given path asks this first and refuses anything but a regular file by name.
public enum FileKind: Equatable, Sendable {
    case regular(size: Int)
    case folder
    case fifo
    case characterDevice
    case blockDevice
    case socket
    case missing
    /// `stat` failed for another reason (permission on a parent folder, a loop of links…).
    case unreadable(String)

    /// The kind of `path`.
    public init(path: String) {
        guard !path.isEmpty else {
            self = .missing
            return
        }
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            self = code == ENOENT || code == ENOTDIR ? .missing : .unreadable(SystemError.openReason(code))
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: self = .regular(size: Int(st.st_size))
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .unreadable("not a regular file")
        }
    }

    public var isRegular: Bool {
        if case .regular = self { return true }
        return false
    }

    /// Why a file of this kind cannot be read as a file, or nil for a regular file:
    /// `is a FIFO (named pipe), not a regular file`.
    public var refusal: String? {
        if case .unreadable(let reason) = self { return reason }
        return problem?.english
    }

    /// The kind of a file that is not a regular one (nil: regular, missing or unreadable).
    public var kind: FileMessage.Kind? {
        switch self {
        case .folder: .folder
        case .fifo: .fifo
        case .characterDevice: .characterDevice
        case .blockDevice: .blockDevice
        case .socket: .socket
        case .regular, .missing, .unreadable: nil
        }
    }

    /// The same as a fact, or nil for a regular file.
    public var problem: FileMessage? {
        switch self {
        case .regular: nil
        case .folder: .notRegular(kind: .folder)
        case .fifo: .notRegular(kind: .fifo)
        case .characterDevice: .notRegular(kind: .characterDevice)
        case .blockDevice: .notRegular(kind: .blockDevice)
        case .socket: .notRegular(kind: .socket)
        case .missing: .missing
        case .unreadable(let reason): .unreadable(system: .init(reason))
        }
    }
}
