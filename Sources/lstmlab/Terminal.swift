import Foundation

/// Facts about the terminal, read once.
struct Terminal {
    var stdinIsTTY: Bool
    var stdoutIsTTY: Bool
    var width: Int
    var environment: [String: String]

    static var current: Terminal {
        let env = ProcessInfo.processInfo.environment
        var width = 80
        var ws = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
            width = Int(ws.ws_col)
        } else if let c = env["COLUMNS"].flatMap(Int.init), c > 20 {
            width = min(c, 1000)
        }
        return Terminal(
            stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1,
            width: max(40, width), environment: env)
    }
}

enum StdIO {
    static func out(_ s: String) {
        guard !s.isEmpty else { return }
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
    }

    /// Exactly `s`, no newline added.
    static func write(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func err(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}
