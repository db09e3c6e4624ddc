import Foundation
import LSTMCore
import LessonKit
import LabText
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
    public static func fromEnvironment(_ environment: [String: String], executablePath: String?,
                                       currentDirectory: String, language: String? = nil) -> LessonConfig {
        LessonConfig(root: LessonCatalog.locate(environment: environment, executablePath: executablePath,
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
}

// MARK: - The live session as a lesson host

extension Lab: LessonHost {
    /// Runs one lab command of a lesson: files are refused, and so are
    /// `quit` and lesson commands.
    public mutating func run(_ line: String) throws -> String {
        guard let command = try CommandParser(inLesson: false).parse(line) else { return "" }
        switch command {
        case .lesson, .quit: throw LabError("\(Quote.word(line)) cannot be used inside a lesson's lab block")
        default: break
        }
        let allowed = interpreter.context.allowFiles
        interpreter.context.allowFiles = false
        defer { interpreter.context.allowFiles = allowed }
        let outputs = try interpreter.execute(command)
        return outputs.map { Renderer.render($0, options: renderOptions) }.joined(separator: "\n")
    }

    public func value(of name: String, direction: String?, index: [Int]) throws -> Float {
        let tensor = try lessonTensor(name, direction)
        do {
            return try tensor.value(at: index)
        } catch {
            throw LabError("\(name)\(formatShape(index).replacingOccurrences(of: " ", with: "")): \(error) (\(name) is \(formatShape(tensor.shape)))")
        }
    }

    public func shape(of name: String, direction: String?) throws -> [Int] {
        try lessonTensor(name, direction).shape
    }

    /// The tensor `show NAME [fwd|bwd]` displays now; for `gates`, the activated values.
    func lessonTensor(_ name: String, _ direction: String?) throws -> Tensor {
        guard let view = ViewName(rawValue: name) else {
            throw LabError("unknown view \(Quote.word(name)): one of \(ViewName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var dir: Direction? = nil
        if let direction {
            guard let d = Direction.allCases.first(where: { $0.short == direction }) else {
                throw LabError("direction must be fwd or bwd, got \(Quote.word(direction))")
            }
            dir = d
        }
        var copy = interpreter
        for output in try copy.views(ViewRequest(name: view, direction: dir)) {
            switch output {
            case .tensor(let v): return v.tensor
            case .gates(let g): return g.post
            default: continue
            }
        }
        throw LabError("\(name) has no values to read")
    }
}

// MARK: - lesson list | play | resume | reset | check, and the in-lesson words

extension Lab {
    /// Handles one line, handing lesson output to `sink` as it happens
    /// (commands before they run); other output is returned as usual.
    public mutating func handle(_ typed: String, sink: (LessonPrint) -> Void) -> LineResult {
        let line = InputNormalizer.normalize(typed)
        do {
            guard let command = try parser.parse(line) else { return LineResult(output: "", error: nil, quit: false) }
            if case .lesson(let lc) = command {
                try executeLesson(lc, sink: sink)
                return LineResult(output: "", error: nil, quit: false)
            }
            return try execute(command)
        } catch {
            return LineResult(failure: error, read: line, typed: typed, in: self)
        }
    }

    /// Runs a lesson command, collecting its output as text.
    mutating func executeLesson(_ command: LessonCommand) throws -> LineResult {
        var parts: [String] = []
        try executeLesson(command) { print in
            switch print {
            case .command(let c): parts.append(c)
            case .text(let t): parts.append(t)
            }
        }
        return LineResult(output: parts.joined(separator: "\n"), error: nil, quit: false)
    }

    mutating func executeLesson(_ command: LessonCommand, sink: (LessonPrint) -> Void) throws {
        switch command {
        case .list: sink(.text(try lessonList()))
        case .play(let id): try startLesson(id, resume: false, sink: sink)
        case .resume:
            var file = try loadProgress(sink: sink)
            guard let id = file.last else { throw LabError("no lesson to resume: start one with 'lesson play N' (see 'lesson list')") }
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
                sink(.text("progress of lesson \(id) forgotten"))
            } else {
                lessons.player = nil
                try saveProgressFile(ProgressFile())
                sink(.text("progress of every lesson forgotten"))
            }
        case .check(let path):
            sink(.text(try checkLesson(path)))
        case .next, .back, .hint, .skip, .solution, .answer, .quit:
            guard var player = lessons.player, player.isActive else {
                throw LabError("no lesson is playing: 'lesson play N' starts one, 'lesson resume' continues")
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
            player.handle(word, host: &self) { sink(Lab.render($0, language: language, width: lineWidth)) }
            lessons.player = player
            try saveProgress(of: player, sink: sink)
        }
    }

    /// Plays lesson `id` to the end, answering from the solutions, without
    /// touching saved progress (`--auto`). Throws every failure with FILE:LINE.
    public mutating func playLessonAutomatically(_ id: Int, sink: (LessonPrint) -> Void) throws {
        let lesson = try loadLesson(id)
        var player = LessonPlayer(lesson: lesson)
        let language = lesson.language
        let lineWidth = width
        try player.playAuto(host: &self) { sink(Lab.render($0, language: language, width: lineWidth)) }
    }

    /// Plays an already loaded lesson automatically (the course test uses it).
    public mutating func playAutomatically(_ lesson: Lesson, sink: (LessonPrint) -> Void) throws(LessonErrors) {
        var player = LessonPlayer(lesson: lesson)
        let language = lesson.language
        let lineWidth = width
        try player.playAuto(host: &self) { sink(Lab.render($0, language: language, width: lineWidth)) }
    }

    // MARK: Private

    private var lessonConfig: LessonConfig {
        get throws {
            guard let config = lessons.config else { throw LabError("lessons are not set up in this session") }
            return config
        }
    }

    private func loadLesson(_ id: Int) throws -> Lesson {
        let config = try lessonConfig
        let catalog = LessonCatalog(root: config.root)
        guard let entry = catalog.entry(id: id, language: config.language) else {
            let ids = catalog.ids
            throw LabError(ids.isEmpty
                ? "no lessons found in \(config.root.path) (set LSTMLAB_LESSONS to the lessons folder)"
                : "no lesson \(id): lessons are \(ids.map(String.init).joined(separator: ", "))")
        }
        do {
            return try catalog.load(entry)
        } catch {
            throw LabError(error.description)
        }
    }

    private mutating func startLesson(_ id: Int, resume: Bool, sink: (LessonPrint) -> Void) throws {
        let lesson = try loadLesson(id)
        var file = try loadProgress(sink: sink)
        var saved = resume ? file[id] : nil
        saved?.language = lesson.language
        var player = LessonPlayer(lesson: lesson, progress: saved)
        lessons.player = nil
        let lineWidth = width
        player.start(host: &self) { sink(Lab.render($0, language: lesson.language, width: lineWidth)) }
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
                sink(.text("warning: " + warning))
            }
            return file
        } catch {
            throw LabError("\(error)")
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
            throw LabError("progress not saved: \(error)")
        }
    }

    /// Saving while a lesson plays is not fatal: the lesson goes on, the learner is told.
    private func saveProgressFile(_ file: ProgressFile, sink: (LessonPrint) -> Void) {
        do {
            try saveProgressFile(file)
        } catch {
            sink(.text("warning: \(error)"))
        }
    }

    private mutating func lessonList() throws -> String {
        let config = try lessonConfig
        let catalog = LessonCatalog(root: config.root)
        let ids = catalog.ids
        guard !ids.isEmpty else { return "no lessons found in \(config.root.path) (set LSTMLAB_LESSONS to the lessons folder)" }
        var warningText: [String] = []
        let file = try loadProgress { if case .text(let t) = $0 { warningText.append(t) } }
        let zh = config.language == "zh"
        var rows: [(String, String, String)] = []
        for id in ids {
            guard let entry = catalog.entry(id: id, language: config.language) else { continue }
            let title = (try? catalog.load(entry).title) ?? "(\(entry.displayPath) has errors: lesson check \(entry.displayPath))"
            let state: String
            if let p = file[id] {
                state = p.completed ? (zh ? "已完成" : "done") : (zh ? "第 \(p.step + 1)/\(p.stepCount) 步" : "step \(p.step + 1)/\(p.stepCount)")
            } else {
                state = zh ? "未开始" : "not started"
            }
            rows.append((String(format: "%2d", id), title, state))
        }
        let titleWidth = rows.map { LessonText.displayWidth($0.1) }.max() ?? 0
        var lines = warningText
        lines.append(zh ? "课程（\(config.root.path)）：" : "lessons (\(config.root.path)):")
        for (id, title, state) in rows {
            let pad = String(repeating: " ", count: max(0, titleWidth - LessonText.displayWidth(title)))
            lines.append("  \(id)  \(title)\(pad)  \(state)")
        }
        if let last = file.last, file[last]?.completed == false {
            lines.append(zh ? "lesson resume 继续第 \(last) 课；lesson play N 开始一课。" : "'lesson resume' continues lesson \(last); 'lesson play N' starts one.")
        } else {
            lines.append(zh ? "lesson play N 开始一课。" : "'lesson play N' starts one.")
        }
        return lines.joined(separator: "\n")
    }

    private func checkLesson(_ path: String) throws -> String {
        let linter = LessonLinter { line in
            do {
                switch try CommandParser(inLesson: false).parse(line) {
                case .lesson?, .quit?: return "lesson words and quit cannot be used inside a lesson's lab block"
                default: return nil
                }
            } catch {
                return "\(error)"
            }
        }
        let errors: [LessonError] = linter.lint(path: path)
        guard errors.isEmpty else { throw LabError(errors.map { $0.description }.joined(separator: "\n")) }
        let language = LessonCatalog.language(ofPath: path)
        let lesson = try LessonCatalog.load(url: URL(fileURLWithPath: path), displayPath: path, language: language)
        let questions = lesson.steps.filter { $0.question != nil }.count
        return "\(path): ok: lesson \(lesson.id), \(lesson.steps.count) steps, \(questions) questions, steps match the \(language == "en" ? "zh" : "en") version"
    }

    /// The text of one player event, prose wrapped to `width` columns.
    static func render(_ event: LessonEvent, language: String, width: Int) -> LessonPrint {
        let zh = language == "zh"
        func wrap(_ s: String, _ indent: String = "") -> LessonPrint { .text(LessonText.wrap(s, width: width, indent: indent)) }
        switch event {
        case .header(let id, let title, var intro):
            // The header shows the title; an article's own `# Title` line would repeat it.
            if intro.hasPrefix("# ") {
                intro = String(intro.drop { $0 != "\n" }).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let head = zh ? "━━ 第 \(id) 课：\(title) ━━" : "━━ Lesson \(id): \(title) ━━"
            return .text((intro.isEmpty ? head : head + "\n\n" + LessonText.reflow(intro, width: width)) + "\n")
        case .progress(let line): return .text("\n── \(line) ──")
        case .stepTitle(let title): return .text("## \(title)")
        case .narration(let text): return .text("\n" + LessonText.reflow(text, width: width))
        case .command(let c): return .command("lstmlab> \(c)")
        case .output(let text): return .text(text)
        case .commandFailed(let command, let message, let location):
            return .text("error: '\(command)': \(message) (\(location))")
        case .question(let ask, let choices, let how):
            var lines = ["", LessonText.wrap("? " + ask, width: width, indent: "  ")]
            lines += choices.map { LessonText.wrap("   \($0.key)) \($0.text)", width: width, indent: "      ") }
            lines.append("  " + how)
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

/// Terminal width of text with CJK, and word wrapping that breaks between
/// words or between CJK characters (never before closing punctuation).
enum LessonText {
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    static func displayWidth(_ s: some StringProtocol) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : ($1.properties.generalCategory == .nonspacingMark ? 0 : 1)) }
    }

    private static let closing: Set<Character> = ["，", "。", "：", "；", "！", "？", "、", "）", "」", "』", "”", ",", ".", ":", ";", "!", "?", ")"]

    /// Joins the lines of each plain paragraph and wraps it again to
    /// `width` (at most 100); headings, lists, tables and fenced blocks keep
    /// their lines.
    static func reflow(_ text: String, width: Int) -> String {
        let target = min(width, 100)
        var out: [String] = []
        var paragraph: [String] = []
        var fenced = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            var joined = ""
            for line in paragraph {
                let t = line.trimmingCharacters(in: .whitespaces)
                if let last = joined.unicodeScalars.last, let first = t.unicodeScalars.first,
                   !(isWide(last) && isWide(first)) {
                    joined += " "
                }
                joined += t
            }
            out.append(wrap(joined, width: target))
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("```") {
                flush()
                fenced.toggle()
                out.append(line)
            } else if fenced {
                out.append(line)
            } else if t.isEmpty {
                flush()
                out.append("")
            } else if t.hasPrefix("#") || t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("|") || t.hasPrefix(">")
                        || line.hasPrefix("    ") || t.first.map({ $0.isNumber }) == true && t.contains(". ") && t.count < 4 {
                flush()
                out.append(wrap(line, width: target, indent: "  "))
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        guard width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width, indent: indent) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int, indent: String) -> String {
        guard displayWidth(line) > width else { return line }
        // Units: a run of non-space narrow characters, one wide character, or one space;
        // closing punctuation sticks to the unit before it.
        var units: [String] = []
        for ch in line {
            let wide = ch.unicodeScalars.first.map(isWide) ?? false
            if closing.contains(ch), let last = units.last, last != " " {
                units[units.count - 1] = last + String(ch)
            } else if ch == " " || wide {
                units.append(String(ch))
            } else if let last = units.last, last != " ", !(last.unicodeScalars.last.map(isWide) ?? false) {
                units[units.count - 1] = last + String(ch)
            } else {
                units.append(String(ch))
            }
        }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        let indentWidth = displayWidth(indent)
        for unit in units {
            let w = displayWidth(unit)
            if unit == " " {
                current += " "
                currentWidth += 1
                continue
            }
            if currentWidth + w > width && !current.trimmingCharacters(in: .whitespaces).isEmpty {
                while current.hasSuffix(" ") { current.removeLast() }
                lines.append(current)
                current = indent
                currentWidth = indentWidth
            }
            current += unit
            currentWidth += w
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
