import ArgumentParser
import Foundation
import LabShell
import LabText
import LessonKit

/// `--lesson N [--lang en|zh] [--auto] [--pace SECONDS]`.
struct LessonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Play lesson N (see 'lesson list' inside the lab).", valueName: "N"))
    var lesson: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language of the lab and its lessons: en or zh (default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh).",
            valueName: "en|zh"))
    var lang: String?

    @Flag(
        name: .long,
        help: "With --lesson: play to the end with no input, answering from the solutions; exit 0, or 1 with FILE:LINE."
    )
    var auto = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --lesson: type each lesson command out, this many seconds per character (with --auto, narration also pauses).",
            valueName: "SECONDS"))
    var pace: Double?

    @Flag(
        name: .long,
        help:
            "With --lesson: presenter's mode for a projector: one key per beat (narration, command, question, solution); c clears the screen, q or Ctrl-C leaves."
    )
    var present = false

    func validate() throws {
        let say = UsageMessage.refusal
        if let lang, !["en", "zh"].contains(lang) { throw say(.langValue(word: lang)) }
        if let pace, !(pace >= 0 && pace <= 2) { throw say(.paceRange(max: 2)) }
        if let lesson, !(1...999).contains(lesson) { throw say(.lessonRange(max: 999)) }
        if lesson == nil && (auto || pace != nil || present) { throw say(.lessonFlagsAlone) }
        if auto && present {
            throw say(.autoAndPresent)
        }
    }

    /// Where lessons and progress are for this process.
    func config(_ terminal: Terminal) -> LessonConfig {
        LessonConfig.fromEnvironment(
            terminal.environment, executablePath: LessonLaunch.executablePath,
            currentDirectory: FileManager.default.currentDirectoryPath, language: lang)
    }
}

/// Runs `--lesson N`: automatically (`--auto`) or as the start of a session.
enum LessonLaunch {
    /// The running binary, for finding `lessons/` beside the package.
    static var executablePath: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }

    static func run(_ options: LessonOptions, id: Int, lab: inout Lab, terminal: Terminal) -> Int32 {
        // A lesson number that does not exist is bad usage, like --lesson 0: status 2, with or without --auto.
        if let root = lab.lessons.config?.root {
            let ids = LessonCatalog(root: root).ids
            guard ids.contains(id) else {
                let message: LauncherMessage =
                    ids.isEmpty
                    ? .noLessons(id: id, folder: root.path)
                    : .noSuchLesson(id: id, ids: ids.map(String.init).joined(separator: ", "))
                StdIO.err("lstmlab: " + message.text(lab.language))
                return 2
            }
        }
        let pace = options.pace ?? 0
        let sink: (LessonPrint) -> Void = { print in
            switch print {
            case .command(let c): typeOut(c, secondsPerCharacter: pace)
            case .text(let t): StdIO.out(t)
            case .clearScreen: InteractiveLoop.clearScreen()
            }
        }
        if options.present {
            lab.lessons.beat = PresenterKeys.wait
            do {
                try lab.presentLesson(id, sink: sink)
                return 0
            } catch {
                StdIO.err("lstmlab: " + lab.interpreter.describe(error))
                return 1
            }
        }
        if options.auto {
            do {
                // Narration pauses too, about as long as typing a short line would take.
                let pause = useconds_t(min(pace * 40, 4) * 1_000_000)
                try lab.playLessonAutomatically(id, sink: sink, afterNarration: { if pause > 0 { usleep(pause) } })
                return 0
            } catch let errors as LessonErrors {
                StdIO.err(errors.text(lab.language))
                return 1
            } catch {
                StdIO.err("lstmlab: " + lab.interpreter.describe(error))
                return 1
            }
        }
        if terminal.stdinIsTTY && terminal.stdoutIsTTY { InteractiveLoop.catchInterrupts(lab: &lab) }
        let start = lab.handle("lesson play \(id)", sink: sink)
        if let error = start.error {
            // Already worded in the session's language.
            StdIO.err("lstmlab: \(error)")
            return 1
        }
        if terminal.stdinIsTTY {
            return InteractiveLoop.run(lab: &lab, terminal: terminal, banner: false, lessonSink: sink)
        }
        while true {
            guard let line = readLine(strippingNewline: true) else { return 0 }
            let result = Interrupts.command { lab.handle(line, sink: sink) }
            StdIO.out(result.output)
            if let error = result.error {
                StdIO.err(
                    Caret.quotedError(
                        line: line, message: error, column: result.column, width: lab.width, language: lab.language))
            }
            if result.quit { return 0 }
        }
    }

    /// Prints `text` a character at a time (the teacher's demo mode).
    static func typeOut(_ text: String, secondsPerCharacter: Double) {
        guard secondsPerCharacter > 0 else {
            StdIO.out(text)
            return
        }
        // The prompt appears at once; only the command is typed.
        let prompt = text.hasPrefix("lstmlab> ") ? "lstmlab> " : ""
        FileHandle.standardOutput.write(Data(prompt.utf8))
        usleep(useconds_t(min(secondsPerCharacter * 10, 1) * 1_000_000))
        let command = text.dropFirst(prompt.count)
        for (i, ch) in zip(command.indices, command) {
            // Ctrl-C on a terminal skips the typing: the rest at once, and the
            // command itself still runs (a second Ctrl-C can stop it).
            if Interrupts.isRequested {
                Interrupts.clear()
                FileHandle.standardOutput.write(Data(command[i...].utf8))
                break
            }
            FileHandle.standardOutput.write(Data(String(ch).utf8))
            usleep(useconds_t(secondsPerCharacter * 1_000_000))
        }
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
