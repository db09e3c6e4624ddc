import Foundation
import LSTMCore
import LabText
import LessonKit
import TensorFiles
import TermRender

/// Where lessons and progress live. The executable builds it from the
/// environment once; tests pass their own folders.
public struct LessonConfig: Sendable {
    /// The `lessons/` folder (with `en/` and `zh/`).
    public var root: URL
    /// `en` or `zh`.
    public var language: String
    /// `progress.json`, or nil to keep progress in memory only.
    public var progressURL: URL?

    public init(root: URL, language: String, progressURL: URL?) {
        self.root = root
        self.language = language
        self.progressURL = progressURL
    }

    /// `LSTMLAB_LESSONS` / the folder beside the executable / `./lessons`;
    /// the language from `--lang`, else the locale; progress under the state
    /// directory.
    public static func fromEnvironment(
        _ environment: [String: String], executablePath: String?,
        currentDirectory: String, language: String? = nil
    ) -> LessonConfig {
        LessonConfig(
            root: LessonCatalog.locate(
                environment: environment, executablePath: executablePath,
                currentDirectory: currentDirectory),
            language: language ?? LessonConfig.language(fromLocale: environment),
            progressURL: ProgressStore.defaultURL(environment: environment))
    }

    /// `zh` when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first set wins) starts with `zh`.
    public static func language(fromLocale environment: [String: String]) -> String {
        Language.fromLocale(environment).rawValue
    }
}

/// The lesson part of a lab session: the playing lesson, if any, and where
/// lessons and progress are.
public struct LessonDriver: Sendable {
    public var config: LessonConfig?
    public internal(set) var player: LessonPlayer?
    /// Set when a progress warning has been shown, so it is shown once.
    var warnedProgress = false
    /// Set while saving progress fails: said once, and `quit` does not claim progress was kept.
    var saveFailed = false
    /// The presenter's key wait: asked before each beat, false leaves the lesson.
    public var beat: (@Sendable (PresenterBeat) -> Bool)?
    /// The loaded lesson's lines, parsed once by the command table when it was loaded (`LabBlock.compile`).
    var commands: [String: Command] = [:]

    public init(config: LessonConfig? = nil) { self.config = config }

    public var isPlaying: Bool { player?.isActive == true }

    /// `lesson 3 · step 4/9` while a lesson plays.
    public var progressLine: String? { isPlaying ? player?.progressLine : nil }
}

/// A piece of lesson output as it happens: the executable types commands
/// out in `--pace` mode and prints text at once.
public enum LessonPrint: Equatable, Sendable {
    /// A lab command the lesson is about to run.
    case command(String)
    case text(String)
    /// A lesson's `clear` line: a terminal clears its screen; a transcript or a pipe shows nothing.
    case clearScreen
}

// MARK: - lesson list | play | present | resume | reset | check, and the in-lesson words

extension Interpreter {
    /// A lesson word: its text goes to `sink` as it happens; it returns no
    /// outputs of its own. The presenter left part way is an interruption.
    mutating func executeLesson(_ command: LessonCommand, sink: (LessonPrint) -> Void) throws -> [Output] {
        switch command {
        case .list: sink(.text(try lessonList()))
        case .play(let id): try startLesson(id, resume: false, sink: sink)
        case .playAt(let id, let step): try startLesson(id, resume: false, at: step, sink: sink)
        case .present(let id):
            if try presentLesson(id, sink: sink) == .interrupted { throw Interrupted(partial: leftPresentation) }
        case .resume:
            var file = try loadProgress(sink: sink)
            guard let id = file.last else {
                throw LabError(said: RefusalMessage.noLessonToResume)
            }
            if file[id]?.completed == true {
                file[id]?.completed = false
                file[id]?.step = 0
            }
            try startLesson(id, resume: true, sink: sink)
        case .reset(let id):
            var file = try loadProgress(sink: sink)
            if let id {
                file[id] = nil
                if file.last == id { file.last = nil }
                if lessons.player?.lesson.id == id { lessons.player = nil }
                try saveProgressFile(file)
                sink(.text(say(LessonShellMessage.forgotten(id: id))))
            } else {
                lessons.player = nil
                try saveProgressFile(ProgressFile())
                sink(.text(say(LessonShellMessage.forgottenAll)))
            }
        case .check(let path):
            sink(.text(try checkLesson(path)))
        case .next, .back, .hint, .skip, .solution, .answer, .quit:
            guard var player = lessons.player, player.isActive else {
                throw LabError(said: RefusalMessage.noLessonPlaying)
            }
            lessons.player = nil
            let word: PlayerCommand
            switch command {
            case .next: word = .next
            case .back: word = .back
            case .hint: word = .hint
            case .skip: word = .skip
            case .solution: word = .solution
            case .answer(let a): word = .answer(a)
            default: word = .quit
            }
            let language = player.lesson.language
            let lineWidth = width
            player.progressIsSaved = !lessons.saveFailed
            player.handle(word, host: &self) { sink(Interpreter.render($0, language: language, width: lineWidth)) }
            lessons.player = player
            try saveProgress(of: player, sink: sink)
        }
        return []
    }

    /// Lets a waiting task see a line the learner typed (after it ran or was refused).
    mutating func observeTask(_ line: String, sink: (LessonPrint) -> Void) {
        guard var player = lessons.player else { return }
        lessons.player = nil
        let language = player.lesson.language
        let lineWidth = width
        player.observe(typed: line, host: &self) { sink(Interpreter.render($0, language: language, width: lineWidth)) }
        lessons.player = player
        try? saveProgress(of: player, sink: sink)
    }

    /// Plays lesson `id` to the end, answering from the solutions, without
    /// touching saved progress (`--auto`). Throws every failure with FILE:LINE.
    public mutating func playLessonAutomatically(
        _ id: Int, sink: (LessonPrint) -> Void,
        afterNarration: () -> Void = {}
    ) throws {
        let lesson = try loadLesson(id)
        var player = LessonPlayer(lesson: lesson)
        let language = lesson.language
        let lineWidth = width
        try player.playAuto(host: &self) { event in
            sink(Interpreter.render(event, language: language, width: lineWidth))
            if case .narration = event { afterNarration() }
        }
    }

    /// Plays an already loaded lesson automatically (the course test uses it).
    public mutating func playAutomatically(_ lesson: Lesson, sink: (LessonPrint) -> Void) throws(LessonErrors) {
        let (commands, refused) = LabBlock.compile(lesson)
        guard refused.isEmpty else { throw LessonErrors(refused) }
        lessons.commands = commands
        var player = LessonPlayer(lesson: lesson)
        let language = lesson.language
        let lineWidth = width
        try player.playAuto(host: &self) { sink(Interpreter.render($0, language: language, width: lineWidth)) }
    }

    // MARK: Private

    private var lessonConfig: LessonConfig {
        get throws {
            guard let config = lessons.config else { throw LabError(said: SessionErrorMessage.lessonsNotSetUp) }
            return config
        }
    }

    /// Loads lesson `id` and reads its lines by the command table, refusing
    /// the lesson when one of them may not run in a lab block.
    mutating func loadLesson(_ id: Int) throws -> Lesson {
        let config = try lessonConfig
        let catalog = LessonCatalog(root: config.root)
        guard let entry = catalog.entry(id: id, language: config.language) else {
            let ids = catalog.ids
            throw LabError(
                said: ids.isEmpty
                    ? RefusalMessage.noLessons(folder: config.root.path)
                    : RefusalMessage.noLesson(id: id, ids: ids.map(String.init).joined(separator: ", ")))
        }
        let lesson: Lesson
        do {
            lesson = try catalog.load(entry)
        } catch {
            throw LabError(said: error)
        }
        let (commands, refused) = LabBlock.compile(lesson)
        guard refused.isEmpty else { throw LabError(said: LessonErrors(refused)) }
        lessons.commands = commands
        return lesson
    }

    private mutating func startLesson(_ id: Int, resume: Bool, at step: Int? = nil, sink: (LessonPrint) -> Void) throws
    {
        let lesson = try loadLesson(id)
        var file = try loadProgress(sink: sink)
        var saved = resume ? file[id] : nil
        saved?.language = lesson.language
        if let step {
            guard step <= lesson.steps.count else {
                throw LabError(said: SessionErrorMessage.lessonSteps(id: id, steps: lesson.steps.count))
            }
            saved = file[id] ?? LessonProgress(stepCount: lesson.steps.count, language: lesson.language)
            saved?.step = step - 1
            saved?.completed = false
        }
        var player = LessonPlayer(lesson: lesson, progress: saved)
        lessons.player = nil
        let lineWidth = width
        player.start(host: &self) { sink(Interpreter.render($0, language: lesson.language, width: lineWidth)) }
        lessons.player = player
        file[id] = player.progress
        file.last = id
        saveProgressFile(file, sink: sink)
    }

    private mutating func loadProgress(sink: (LessonPrint) -> Void) throws -> ProgressFile {
        guard let url = try lessonConfig.progressURL else { return ProgressFile() }
        do {
            let (file, warning) = try ProgressStore(url: url).load()
            if let warning, !lessons.warnedProgress {
                lessons.warnedProgress = true
                sink(.text(say(LessonShellMessage.warning(text: say(warning)))))
            }
            return file
        } catch {
            throw LabError(said: error.problem)
        }
    }

    private mutating func saveProgress(of player: LessonPlayer, sink: (LessonPrint) -> Void) throws {
        var file = try loadProgress(sink: sink)
        file[player.lesson.id] = player.progress
        file.last = player.lesson.id
        saveProgressFile(file, sink: sink)
    }

    private func saveProgressFile(_ file: ProgressFile) throws {
        guard let url = try lessonConfig.progressURL else { return }
        do {
            try ProgressStore(url: url).save(file)
        } catch {
            throw LabError(said: LessonShellMessage.notSaved(reason: say(error.problem)))
        }
    }

    /// Saving while a lesson plays is not fatal: the lesson goes on, the learner is told once.
    private mutating func saveProgressFile(_ file: ProgressFile, sink: (LessonPrint) -> Void) {
        guard let config = lessons.config, let url = config.progressURL else { return }
        do {
            try ProgressStore(url: url).save(file)
            lessons.saveFailed = false
        } catch {
            if !lessons.saveFailed {
                sink(.text(say(LessonShellMessage.cannotBeSaved(reason: wording(error)))))
            }
            lessons.saveFailed = true
        }
    }

    private mutating func lessonList() throws -> String {
        let config = try lessonConfig
        let catalog = LessonCatalog(root: config.root)
        let ids = catalog.ids
        guard !ids.isEmpty else {
            return say(LessonShellMessage.noLessonsFound(folder: config.root.path))
        }
        var warningText: [String] = []
        let file = try loadProgress { if case .text(let t) = $0 { warningText.append(t) } }
        let zh = config.language == "zh"
        var rows: [(String, String, String)] = []
        for id in ids {
            guard let entry = catalog.entry(id: id, language: config.language) else { continue }
            let title =
                (try? catalog.load(entry).title).map { Quote.visible($0) }
                ?? say(LessonShellMessage.hasErrors(path: entry.displayPath))
            let state: String
            if let p = file[id] {
                state =
                    p.completed
                    ? (zh ? "已完成" : "done")
                    : (zh ? "第 \(p.step + 1)/\(p.stepCount) 步" : "step \(p.step + 1)/\(p.stepCount)")
            } else {
                state = zh ? "未开始" : "not started"
            }
            rows.append((String(format: "%2d", id), title, state))
        }
        let titleWidth = rows.map { TextLayout.displayWidth($0.1) }.max() ?? 0
        var lines = warningText
        lines.append(zh ? "课程（\(config.root.path)）：" : "lessons (\(config.root.path)):")
        for (id, title, state) in rows {
            let pad = String(repeating: " ", count: max(0, titleWidth - TextLayout.displayWidth(title)))
            lines.append("  \(id)  \(title)\(pad)  \(state)")
        }
        if let last = file.last, file[last]?.completed == false {
            lines.append(
                zh
                    ? "lesson resume 继续第 \(last) 课；lesson play N 开始一课。"
                    : "'lesson resume' continues lesson \(last); 'lesson play N' starts one.")
        } else {
            lines.append(zh ? "lesson play N 开始一课。" : "'lesson play N' starts one.")
        }
        return lines.joined(separator: "\n")
    }

    /// `lesson check FILE`: the lint, then the lesson played to the end on a fresh demo
    /// session with the player's own code (`--auto`), so a file that passes plays.
    private func checkLesson(_ path: String) throws -> String {
        let linter = LessonLinter(checkCommand: LabBlock.problem, chineseCheck: { LabBlock.problem($0, in: .zh) })
        let errors: [LessonError] = linter.lint(path: path)
        guard errors.isEmpty else { throw LabError(said: LessonErrors(errors)) }
        let language = LessonCatalog.language(ofPath: path)
        let absolute = PathName.absolute(path, from: FileManager.default.currentDirectoryPath)
        let lesson = try LessonCatalog.load(url: URL(fileURLWithPath: absolute), displayPath: path, language: language)
        var scratch = Interpreter(
            session: .demo(settings: session.settings),
            context: ExecutionContext(shouldCancel: context.shouldCancel))
        scratch.width = width
        do {
            try scratch.playAutomatically(lesson) { _ in }
        } catch {
            throw LabError(said: error)
        }
        let questions = lesson.steps.filter { $0.question != nil }.count
        return say(
            LessonShellMessage.checked(
                path: path, id: lesson.id, steps: lesson.steps.count, questions: questions,
                other: language == "en" ? "zh" : "en"))
    }

    /// The text of one player event, prose wrapped to `width` columns.
    static func render(_ event: LessonEvent, language: String, width: Int) -> LessonPrint {
        renderEscaped(escapingControls(event), language: language, width: width)
    }

    /// The lesson's own text with terminal controls written out (`\u{1B}`): a lesson that
    /// `lesson check` would refuse still cannot clear the screen or write the clipboard.
    /// Lab output is the lab's own and keeps its colours.
    static func escapingControls(_ event: LessonEvent) -> LessonEvent {
        func safe(_ s: String) -> String {
            guard s.unicodeScalars.contains(where: LessonLinter.isControl) else { return s }
            return Quote.visible(s.replacingOccurrences(of: "\t", with: "    "), keepingNewlines: true)
        }
        switch event {
        case .header(let id, let title, let intro): return .header(id: id, title: safe(title), intro: safe(intro))
        case .stepTitle(let t): return .stepTitle(safe(t))
        case .narration(let t): return .narration(safe(t))
        case .command(let c): return .command(safe(c))
        case .setup(let t): return .setup(safe(t))
        case .question(let ask, let choices, let how):
            return .question(
                ask: safe(ask), choices: choices.map { LessonKit.Choice(key: safe($0.key), text: safe($0.text)) },
                how: how)
        case .task(let goal, let how): return .task(goal: safe(goal), how: how)
        case .taskDone(let t): return .taskDone(safe(t))
        case .taskSolution(let commands): return .taskSolution(commands.map(safe))
        case .refused(let c, let message): return .refused(command: safe(c), message: message)
        case .correct(let t): return .correct(safe(t))
        case .wrong(let t): return .wrong(safe(t))
        case .hint(let i, let n, let t): return .hint(index: i, count: n, text: safe(t))
        case .solution(let t): return .solution(safe(t))
        case .notice(let t): return .notice(safe(t))
        case .finished(let t): return .finished(safe(t))
        case .commandFailed(let c, let message, let location):
            return .commandFailed(command: safe(c), message: message, location: location)
        case .progress, .output: return event
        }
    }

    private static func renderEscaped(_ event: LessonEvent, language: String, width: Int) -> LessonPrint {
        let zh = language == "zh"
        func wrap(_ s: String, _ indent: String = "") -> LessonPrint {
            .text(TextLayout.wrap(s, width: width, indent: indent))
        }
        switch event {
        case .header(let id, let title, var intro):
            // The header shows the title; an article's own `# Title` line would repeat it.
            if intro.hasPrefix("# ") {
                intro = String(intro.drop { $0 != "\n" }).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let head = zh ? "━━ 第 \(id) 课：\(title) ━━" : "━━ Lesson \(id): \(title) ━━"
            return .text((intro.isEmpty ? head : head + "\n\n" + TextLayout.reflow(intro, width: width)) + "\n")
        case .progress(let line): return .text("\n── \(line) ──")
        case .setup(let line): return wrap((zh ? "准备：" : "setup: ") + line, "       ")
        case .task(let goal, let how):
            return .text(
                (["", TextLayout.wrap((zh ? "▶ 任务：" : "▶ task: ") + goal, width: width, indent: "  ")]
                    + (how.isEmpty ? [] : ["  " + how])).joined(separator: "\n"))
        case .taskDone(let text): return wrap("✓ " + text, "  ")
        case .taskSolution(let commands):
            return .text(
                ([zh ? "  解答：输入" : "  solution: type"] + commands.map { "    lstmlab> " + $0 }).joined(separator: "\n"))
        case .refused(_, let message): return .text(Caret.label(zh ? .zh : .en) + message)
        case .stepTitle(let title): return .text("## \(title)")
        case .narration(let text): return .text("\n" + TextLayout.reflow(text, width: width))
        case .command(let c):
            return (try? LabBlock.command(c, variables: [])) == .clear ? .clearScreen : .command("lstmlab> \(c)")
        case .output(let text): return .text(text)
        case .commandFailed(let command, let message, let location):
            return .text(
                Caret.label(zh ? .zh : .en) + "'\(command)'"
                    + (zh ? "：\(message)（\(location)）" : ": \(message) (\(location))"))
        case .question(let ask, let choices, let how):
            var lines = ["", TextLayout.wrap("? " + ask, width: width, indent: "  ")]
            lines += choices.map { TextLayout.wrap("   \($0.key)) \($0.text)", width: width, indent: "      ") }
            if !how.isEmpty { lines.append("  " + how) }
            return .text(lines.joined(separator: "\n"))
        case .correct(let text): return wrap("✓ " + text, "  ")
        case .wrong(let text): return wrap("✗ " + text, "  ")
        case .hint(let index, let count, let text):
            return wrap((zh ? "提示 \(index)/\(count)：" : "hint \(index)/\(count): ") + text, "  ")
        case .solution(let text): return wrap((zh ? "解答：" : "solution: ") + text, "  ")
        case .notice(let text): return wrap(text)
        case .finished(let text): return wrap("━━ \(text) ━━")
        }
    }
}
