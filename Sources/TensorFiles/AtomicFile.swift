import LabText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file writes that never leave a half-written file behind.
public enum AtomicFile {
    /// Writes `bytes` to `path`: first to a temporary file in the same folder, then
    /// `fsync`, then `rename` over the target. On any failure the temporary file is
    /// removed and the old file, if there was one, is left as it was.
    ///
    /// An existing target keeps its permission bits; a new one gets `0666 & ~umask`.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileFormatError) {
        try write(to: path) { bytes }
    }

    /// The prefix of every temporary file this writes beside `name`: `.NAME.tmp-`.
    /// Stale ones (a process killed mid-write) are recognised by it and removed.
    public static func temporaryPrefix(of name: String) -> String { "." + name + ".tmp-" }

    /// Whether `fileName` is one of our temporaries for `name`: `.NAME.tmp-` and hex digits.
    public static func isTemporary(_ fileName: String, of name: String) -> Bool {
        let prefix = temporaryPrefix(of: name)
        guard fileName.hasPrefix(prefix) else { return false }
        let tail = fileName.utf8.dropFirst(prefix.utf8.count)
        return !tail.isEmpty && tail.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Bytes written between two looks at `shouldCancel`.
    static let chunk = 8 << 20

    /// The same, with the bytes made only once the target and its folder have
    /// been checked: a large model is not encoded for a path that cannot be written.
    /// `shouldCancel` is asked between chunks (SIGTERM, SIGHUP or Ctrl-C during a large write):
    /// when it says yes the temporary file is removed and the target left as it was.
    public static func write(
        to path: String, shouldCancel: () -> Bool = { false },
        _ makeBytes: () -> [UInt8]
    ) throws(FileFormatError) {
        func fail(_ problem: StateDictMessage) -> FileFormatError { FileFormatError(file: path, problem: problem) }
        func fail(_ problem: FileMessage) -> FileFormatError { FileFormatError(file: path, problem: problem) }
        func failed(_ code: Int32) -> StateDictMessage {
            .writeFailed(code: code, system: .init(SystemError.text(code)))
        }
        guard !path.isEmpty else { throw fail(.noName) }
        guard !path.hasSuffix("/") else { throw fail(.directory) }
        let (folder, name) = split(path)

        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) == S_IFDIR { throw fail(.directory) }
        // The rename would replace a device or pipe with a regular file (as root, `save weights /dev/null` replaced /dev/null).
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            throw fail(.writeNotRegular)
        }

        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else {
            let code = errno
            throw fail(code == ENOENT || code == ENOTDIR ? .writeFolderMissing(folder: folder) : failed(code))
        }
        guard (folderInfo.st_mode & S_IFMT) == S_IFDIR else { throw fail(.writeNotFolder(folder: folder)) }

        let temporary =
            PathName.join(folder, temporaryPrefix(of: name)) + String(UInt32.random(in: .min ... .max), radix: 16)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case EACCES, EPERM: throw fail(.writePermission(folder: folder))
            case EROFS: throw fail(.writeReadOnly(folder: folder))
            default:
                throw fail(.writeCannotCreate(folder: folder, code: code, system: .init(SystemError.text(code))))
            }
        }
        var problem: StateDictMessage?
        if exists { _ = fchmod(fd, existing.st_mode & 0o7777) }
        let bytes = makeBytes()
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var done = 0
            while done < buffer.count {
                if shouldCancel() {
                    problem = .writeInterrupted
                    return
                }
                let n = systemWrite(fd, base + done, min(chunk, buffer.count - done))
                if n > 0 {
                    done += n
                    continue
                }
                if n < 0 && errno == EINTR { continue }
                problem = failed(n < 0 ? errno : EIO)
                return
            }
        }
        if problem == nil && fsync(fd) != 0 { problem = failed(errno) }
        if close(fd) != 0 && problem == nil { problem = failed(errno) }
        if problem == nil && rename(temporary, path) != 0 {
            let code = errno
            if code == EISDIR {
                _ = unlink(temporary)
                throw fail(.directory)
            }
            problem = failed(code)
        }
        if let problem {
            _ = unlink(temporary)
            throw fail(problem)
        }
        // Make the rename itself durable; a failure here does not undo a completed write.
        let dirFD = open(folder, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            _ = close(dirFD)
        }
    }

    /// `("models", "w.safetensors")` for `models/w.safetensors`; `(".", "w")` for `w`.
    static func split(_ path: String) -> (folder: String, name: String) {
        (PathName.parent(of: path), PathName.name(of: path))
    }
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
