import Foundation
import LabShell

/// The presenter's keyboard: one key press per beat. Enter, space or any
/// other key goes on; `c` clears the screen first; `q` or Ctrl-C leaves the
/// lesson (once is enough: the terminal is in raw mode while it waits, so
/// Ctrl-C arrives as a key, not as a signal). Without a terminal a line of
/// standard input is one key press and its end leaves.
enum PresenterKeys {
    static func wait(_ beat: PresenterBeat) -> Bool {
        guard isatty(STDIN_FILENO) == 1 else { return readLine() != nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return readLine() != nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        StdIO.write("\u{1B}[2m▸\u{1B}[0m")
        while true {
            var byte: UInt8 = 0
            let n = read(STDIN_FILENO, &byte, 1)
            guard n == 1 else {
                StdIO.write("\r \r")
                return false
            }
            switch byte {
            case 3, UInt8(ascii: "q"), 4:
                StdIO.write("\r \r")
                return false
            case UInt8(ascii: "c"):
                StdIO.write("\u{1B}[2J\u{1B}[H\u{1B}[2m▸\u{1B}[0m")
            default:
                StdIO.write("\r \r")
                return true
            }
        }
    }
}
