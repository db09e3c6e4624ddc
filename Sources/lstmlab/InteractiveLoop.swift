import Foundation
import LabShell
import LabText

/// The read–execute–print loop when stdin is a terminal: readline when stdout
/// is one too, plain line reading otherwise (`lstmlab > log.txt`).
enum InteractiveLoop {
    /// - Parameter lessonSink: where a playing lesson's text goes (`--pace` types it out).
    static func run(
        lab: inout Lab, terminal: Terminal, banner: Bool = true,
        lessonSink: (LessonPrint) -> Void = printLesson
    ) -> Int32 {
        if banner { StdIO.out(lab.banner) }
        guard terminal.stdinIsTTY && terminal.stdoutIsTTY else { return plain(lab: &lab, lessonSink: lessonSink) }
        if banner { StdIO.out(lab.keysHint) }
        let reader = LineReader(
            historyPath: HistoryFile.path(environment: terminal.environment), language: lab.language)
        defer { reader.close() }
        catchInterrupts(lab: &lab)
        // 'lesson present N' waits for a key per beat.
        lab.lessons.beat = PresenterKeys.wait
        while true {
            Interrupts.clear()
            SessionNames.publish(lab)
            let prompt = lab.prompt
            guard let line = reader.readLine(prompt: prompt) else {
                // Ctrl-D on an empty line.
                StdIO.out("")
                return 0
            }
            // The window may have been resized since the last command.
            lab.width = Terminal.current.width
            let result = Interrupts.command { lab.handle(line, sink: lessonSink) }
            if Interrupts.isRequested {
                // The terminal echoed ^C with no newline.
                StdIO.write("\n")
                if result.output.isEmpty && result.error == nil {
                    StdIO.out(LauncherMessage.interrupted.text(lab.language))
                }
            }
            // `clear`: only here, where stdout is a terminal (a pipe or a script gets nothing).
            if result.clearsScreen { clearScreen() }
            show(result, line: line, prompt: prompt, width: lab.width, language: lab.language)
            if result.quit { return 0 }
        }
    }

    /// From here on Ctrl-C stops long commands instead of ending the program.
    static func catchInterrupts(lab: inout Lab) {
        Interrupts.install()
        lab.interpreter.context.shouldCancel = { Interrupts.isRequested }
    }

    private static func plain(lab: inout Lab, lessonSink: (LessonPrint) -> Void) -> Int32 {
        while true {
            print(lab.prompt, terminator: "")
            guard let line = readLine(strippingNewline: true) else {
                print("")
                return 0
            }
            let result = Interrupts.command { lab.handle(line, sink: lessonSink) }
            // The prompt went to stdout (not the terminal): the echoed line starts at column 0.
            show(result, line: line, prompt: "", width: lab.width, language: lab.language)
            if result.quit { return 0 }
        }
    }

    /// Output, then an error with a caret under the offending word of the echoed line.
    static func show(_ result: LineResult, line: String, prompt: String, width: Int, language: Language) {
        StdIO.out(result.output)
        if let error = result.error {
            StdIO.err(
                Caret.interactiveError(
                    prompt: prompt, line: line, message: error,
                    column: result.column, width: width, language: language))
        }
    }

    /// Clears a terminal's screen (cursor home, erase); a pipe or a file gets nothing.
    static func clearScreen() {
        guard isatty(STDOUT_FILENO) == 1 else { return }
        StdIO.write("\u{1B}[H\u{1B}[2J")
    }

    static func printLesson(_ print: LessonPrint) {
        switch print {
        case .command(let c): StdIO.out(c)
        case .text(let t): StdIO.out(t)
        case .clearScreen: Self.clearScreen()
        }
    }
}
