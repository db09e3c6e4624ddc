import CPty
import Foundation

/// The built `lstmlab` beside this test bundle, and a bare environment like CI's.
enum LabBinary {
    static var path: String {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("lstmlab").path
    }

    /// A fresh folder for one test's history and lesson progress.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lstmlab-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    static func environment(folder: URL, history: URL? = nil) -> [String: String] {
        [
            "TERM": "xterm", "INPUTRC": "/dev/null", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
            "HOME": folder.path,
            "LSTMLAB_HISTORY": (history ?? folder.appendingPathComponent("history")).path,
            "LSTMLAB_STATE_DIR": folder.path,
        ]
    }
}

struct SessionError: Error, CustomStringConvertible {
    var description: String
}

/// `lstmlab` on a pseudo-terminal: type keys, wait for text (escape sequences
/// and carriage returns stripped), reap the exit status. Like pexpect: each
/// `expect` consumes the output up to the end of its match.
final class PtySession {
    let pid: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var consumed = 0
    private var ended = false
    private var status: Int32?

    /// `currentDirectory`: the binary starts there (through `/bin/sh -c 'cd … && exec …'`),
    /// for relative paths such as `LSTMLAB_HISTORY=h`.
    init(arguments: [String] = [], environment: [String: String], currentDirectory: URL? = nil) throws {
        var name = [CChar](repeating: 0, count: 256)
        let fd = lstm_pty_open(&name, name.count, 40, 120)
        guard fd >= 0 else { throw SessionError(description: "posix_openpt failed: errno \(errno)") }
        master = fd
        let program = currentDirectory == nil ? LabBinary.path : "/bin/sh"
        let argv =
            currentDirectory.map { dir in
                ["sh", "-c", "cd \"$0\" && exec \"$@\"", dir.path, LabBinary.path] + arguments
            } ?? [LabBinary.path] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = envp.map { strdup($0) } + [nil]
        defer { for pointer in cArgv + cEnv { free(pointer) } }
        let child = lstm_pty_spawn(program, cArgv, cEnv, name)
        guard child > 0 else {
            close(fd)
            throw SessionError(description: "posix_spawn \(LabBinary.path) failed: errno \(errno)")
        }
        pid = child
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            var s: Int32 = 0
            waitpid(pid, &s, 0)
        }
        close(master)
    }

    /// Writes keys to the terminal (`\r` is Enter, `\u{03}` Ctrl-C, `\t` Tab).
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// The output, escape sequences stripped, since the last match.
    var pending: String { String(decoding: PtySession.strip(raw).dropFirst(consumed), as: UTF8.self) }

    /// Waits until `text` appears; returns the output up to and including it.
    @discardableResult
    func expect(_ text: String, within seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        let needle = Array(text.utf8)
        while true {
            let clean = PtySession.strip(raw)
            if let range = PtySession.find(needle, in: clean, from: consumed) {
                let out = String(decoding: clean[consumed..<range.upperBound], as: UTF8.self)
                consumed = range.upperBound
                return out
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || ended {
                throw SessionError(
                    description:
                        "no \(text.debugDescription) within \(seconds) s\(ended ? " (the program ended)" : ""); output since the last match:\n\(pending)"
                )
            }
            readSome(timeoutMs: Int32(min(remaining, 0.5) * 1000) + 1)
        }
    }

    /// Waits for the program to end and returns its exit status (signals as 128+N).
    func exitStatus(within seconds: Double = 10) throws -> Int32 {
        if let status { return status }
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if !ended { readSome(timeoutMs: 100) }
            var s: Int32 = 0
            let r = waitpid(pid, &s, WNOHANG)
            if r == pid {
                // Drain what the program wrote before it exited.
                while !ended { readSome(timeoutMs: 100) }
                let code = (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f)
                status = code
                return code
            }
            if deadline.timeIntervalSinceNow <= 0 {
                throw SessionError(description: "the program did not exit within \(seconds) s; output:\n\(pending)")
            }
        }
    }

    private func readSome(timeoutMs: Int32) {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, timeoutMs)
        guard ready > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 {
            raw += buffer[0..<n]
        } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
            // Linux gives EIO once the child has exited and closed the slave.
            ended = true
        }
    }

    /// Drops CSI and OSC sequences, other two-byte escapes, `\r`, BEL and backspace.
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1b {
                guard i + 1 < bytes.count else { break }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < bytes.count, !(0x40...0x7e).contains(bytes[j]) { j += 1 }
                    i = j + 1
                } else if next == UInt8(ascii: "]") {
                    var j = i + 2
                    while j < bytes.count, bytes[j] != 0x07,
                        !(bytes[j] == 0x1b && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "\\"))
                    { j += 1 }
                    i = j < bytes.count && bytes[j] == 0x1b ? j + 2 : j + 1
                } else {
                    i += 2
                }
                continue
            }
            if b != 0x0d && b != 0x07 && b != 0x08 { out.append(b) }
            i += 1
        }
        return out
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle {
                return i..<(i + needle.count)
            }
            i += 1
        }
        return nil
    }
}

/// `lstmlab` with pipes, no terminal: standard output, standard error, exit status.
struct ScriptRun {
    var stdout: String
    var stderr: String
    var status: Int32

    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String],
        currentDirectory: URL? = nil
    ) throws -> ScriptRun {
        try run(
            arguments, stdinBytes: stdin.map { Data($0.utf8) }, environment: environment,
            currentDirectory: currentDirectory)
    }

    /// The same with raw bytes on standard input (CRLF, invalid UTF-8).
    static func run(
        _ arguments: [String], stdinBytes: Data?, environment: [String: String],
        currentDirectory: URL? = nil
    ) throws -> ScriptRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LabBinary.path)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdinBytes { input.fileHandleForWriting.write(stdinBytes) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ScriptRun(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}
