import LabShell
import LabText

/// Runs lines with no prompt: `-c`, a FILE, or piped input. The first failing
/// command stops the run with `SOURCE:LINE: error: …` (exit 1) unless keepGoing.
enum ScriptRunner {
    /// A nil line is one whose bytes are not valid UTF-8: it fails with its line number.
    static func run(lines: [String?], source: String, lab: inout Lab, keepGoing: Bool) -> Int32 {
        var failed = false
        for (index, text) in lines.enumerated() {
            guard let line = text else {
                StdIO.err(
                    "\(source):\(index + 1): " + Caret.label(lab.language)
                        + LauncherMessage.notUTF8Line.text(lab.language))
                failed = true
                if !keepGoing { return 1 }
                continue
            }
            let result = Interrupts.command { lab.handle(line) }
            StdIO.out(result.output)
            if let error = result.error {
                StdIO.err(
                    Caret.scriptError(
                        source: source, lineNumber: index + 1, line: line, message: error,
                        column: result.column, width: lab.width, language: lab.language))
                failed = true
                if !keepGoing { return 1 }
            }
            if result.quit { break }
        }
        return failed ? 1 : 0
    }
}
