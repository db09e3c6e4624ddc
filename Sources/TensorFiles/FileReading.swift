import LabText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files with their kind and size checked before anything is allocated.
enum FileReading {
    /// The bytes of the regular file at `path`.
    ///
    /// Refuses, with a plain reason: a missing file, a directory, a device or pipe
    /// (by `stat`, before opening: opening a FIFO would wait for a writer), an
    /// unreadable file, and a file larger than `maxBytes` (judged by `fstat` on the
    /// opened descriptor, before reading).
    static func readAll(path: String, maxBytes: Int) throws(FileFormatError) -> [UInt8] {
        let file = try OpenFile(path: path)
        defer { file.close() }
        guard file.size <= maxBytes else {
            throw FileFormatError(file: path, problem: .tooBig(size: file.size, limit: maxBytes))
        }
        return try file.read(count: file.size, at: 0)
    }

    /// A regular file opened for reading, its size taken from `fstat`.
    struct OpenFile {
        let path: String
        let fd: Int32
        let size: Int

        init(path: String) throws(FileFormatError) {
            func fail(_ problem: FileMessage) -> FileFormatError { FileFormatError(file: path, problem: problem) }
            guard !path.isEmpty else { throw fail(.noName) }
            let kind = FileKind(path: path)
            switch kind {
            case .regular, .missing, .unreadable: break
            case .folder: throw fail(.directory)
            default: throw fail(kind.problem ?? .notRegular(kind: nil))
            }
            // Non-blocking: should the path become a FIFO between stat and open, open returns at once.
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw fail(SystemError.openProblem(errno)) }
            var st = stat()
            guard fstat(fd, &st) == 0 else {
                let code = errno
                systemClose(fd)
                throw fail(.cannotRead(code: code, system: .init(SystemError.text(code))))
            }
            let type = st.st_mode & S_IFMT
            guard type == S_IFREG else {
                systemClose(fd)
                throw fail(type == S_IFDIR ? .directory : .notRegular(kind: nil))
            }
            self.path = path
            self.fd = fd
            self.size = Int(st.st_size)
        }

        func close() { systemClose(fd) }

        /// Up to `count` bytes from `offset` (fewer if the file shrank meanwhile).
        func read(count: Int, at offset: Int) throws(FileFormatError) -> [UInt8] {
            guard count > 0 else { return [] }
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            var readError: Int32 = 0
            bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                while filled < count {
                    let n = pread(fd, base + filled, count - filled, off_t(offset + filled))
                    if n > 0 {
                        filled += n
                        continue
                    }
                    if n == 0 { break }  // the file shrank while we read it
                    if errno == EINTR { continue }
                    readError = errno
                    break
                }
            }
            guard readError == 0 else {
                throw FileFormatError(
                    file: path, problem: .cannotRead(code: readError, system: .init(SystemError.text(readError))))
            }
            if filled < count { bytes.removeSubrange(filled...) }
            return bytes
        }
    }
}

/// errno values in the words a learner can act on.
enum SystemError {
    static func text(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s).lowercased()
    }

    static func openProblem(_ code: Int32) -> FileMessage {
        switch code {
        case ENOENT: .missing
        case ENOTDIR: .missingFolder
        case EACCES, EPERM: .permissionDenied
        case EISDIR: .directory
        default: .cannotOpen(code: code, system: .init(text(code)))
        }
    }

    static func openReason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case ENOTDIR: return "no such file (a part of the path is not a folder)"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        default: return "cannot open: \(text(code))"
        }
    }
}

/// `close(2)`, named apart from `OpenFile.close`.
private func systemClose(_ fd: Int32) {
    _ = close(fd)
}
