#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with the size checked before anything is allocated.
enum FileReading {
    /// The bytes of the regular file at `path`.
    ///
    /// Refuses, with a plain reason: a missing file, a directory, a device or pipe,
    /// an unreadable file, and a file larger than `maxBytes` (judged by `fstat` on the
    /// opened descriptor, before reading).
    static func readAll(path: String, maxBytes: Int) throws(FileFormatError) -> [UInt8] {
        func fail(_ reason: String) -> FileFormatError { FileFormatError(file: path, reason: reason) }
        guard !path.isEmpty else { throw fail("no file name given") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw fail(SystemError.openReason(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw fail("cannot read: \(SystemError.text(errno))") }
        let type = st.st_mode & S_IFMT
        guard type != S_IFDIR else { throw fail("is a directory") }
        guard type == S_IFREG else { throw fail("not a regular file") }
        let size = Int(st.st_size)
        guard size <= maxBytes else { throw fail("file is \(size) bytes, more than the limit of \(maxBytes) bytes") }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        var readError: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < size {
                let n = read(fd, base + filled, size - filled)
                if n > 0 { filled += n; continue }
                if n == 0 { break }                          // the file shrank while we read it
                if errno == EINTR { continue }
                readError = errno
                break
            }
        }
        guard readError == 0 else { throw fail("cannot read: \(SystemError.text(readError))") }
        if filled < size { bytes.removeSubrange(filled...) }
        return bytes
    }
}

/// errno values in the words a learner can act on.
enum SystemError {
    static func text(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s).lowercased()
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
