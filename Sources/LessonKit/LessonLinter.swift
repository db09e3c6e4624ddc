import Foundation
import LabText
import TensorFiles

/// `lesson check FILE`: everything that can be verified without playing.
///
/// - the file parses (front matter, steps, questions with an answer, a
///   solution and at most three hints; no `save`, `export` or `load`);
/// - the file name's number is the lesson id;
/// - every lab line parses as a lab command (`checkCommand` returns the
///   parser's message, or nil when the line is fine);
/// - the other language's file of the same number has the same steps: the
///   same count, the same lab commands and the same `answer:` lines.
public struct LessonLinter {
    public var checkCommand: (String) -> String?

    /// The same refusal in Chinese, when the shell can word it (nil: the English one is shown).
    public var chineseCheck: ((String) -> String?)?

    public init(checkCommand: @escaping (String) -> String?, chineseCheck: ((String) -> String?)? = nil) {
        self.checkCommand = checkCommand
        self.chineseCheck = chineseCheck
    }

    /// Lints the file at `path` (as the user typed it) and its counterpart.
    ///
    /// Paths are taken apart with `PathName` (Foundation's helpers trapped on a
    /// one-character folder name, such as `./x.md` run inside `en/`).
    public func lint(path: String, currentDirectory: String = FileManager.default.currentDirectoryPath) -> [LessonError]
    {
        let absolute = PathName.absolute(path, from: currentDirectory)
        let language = LessonCatalog.language(ofPath: path, currentDirectory: currentDirectory)
        let lesson: Lesson
        do {
            lesson = try LessonCatalog.load(url: URL(fileURLWithPath: absolute), displayPath: path, language: language)
        } catch {
            return error.errors
        }
        let fileName = PathName.name(of: path)
        var errors = check(lesson, fileName: fileName)
        if case .success(let text) = LessonCatalog.readText(URL(fileURLWithPath: absolute)) {
            errors += Self.controlCharacters(in: text, file: path)
        }
        let other = language == "en" ? "zh" : "en"
        let dir = PathName.parent(of: absolute)
        if LessonCatalog.languages.contains(PathName.name(of: dir)) {
            let otherDir = PathName.join(PathName.parent(of: dir), other)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: otherDir)) ?? []).sorted()
            let otherDisplayDir = Self.counterpartFolder(ofFile: path, language: other)
            let number = LessonCatalog.parseFileName(fileName)?.0 ?? lesson.id
            if let name = names.first(where: { LessonCatalog.parseFileName($0)?.0 == number }) {
                let otherPath = PathName.join(otherDisplayDir, name)
                do {
                    let counterpart = try LessonCatalog.load(
                        url: URL(fileURLWithPath: PathName.join(otherDir, name)),
                        displayPath: otherPath, language: other)
                    errors += compare(lesson, counterpart)
                } catch {
                    errors.append(
                        LessonError(
                            file: path, line: 1,
                            problem: LessonCheckMessage.otherHasErrors(language: other, path: otherPath)))
                }
            } else {
                errors.append(
                    LessonError(
                        file: path, line: 1,
                        problem: LessonCheckMessage.noOtherVersion(
                            language: other, id: number,
                            expected: "\(otherDisplayDir)/\(String(format: "%02d", number))-….md")))
            }
        }
        return errors.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// The other language's folder as the user would type it from where they are:
    /// `lessons/zh` for `lessons/en/01-a.md`, `../zh` for `01-a.md` typed inside `en/`.
    static func counterpartFolder(ofFile path: String, language other: String) -> String {
        let folder = PathName.parent(of: path)
        if LessonCatalog.languages.contains(PathName.name(of: folder)) {
            let above = PathName.parent(of: folder)
            return above == "." && !folder.hasPrefix("./") ? other : PathName.join(above, other)
        }
        // The path does not name the language folder: the file is in the current folder or below `..`.
        return folder == "." ? PathName.join("..", other) : PathName.join(PathName.join(folder, ".."), other)
    }

    /// Terminal control characters anywhere in the file (ESC, BEL, DEL, C1 controls…):
    /// a terminal acts on them (OSC 52 writes the clipboard, CSI 2J clears the screen).
    /// Tabs are allowed; line ends are not characters of a line.
    static func controlCharacters(in text: String, file: String) -> [LessonError] {
        var errors: [LessonError] = []
        for (n, line) in TextLines.split(Array(text.utf8)).enumerated() {
            guard let line else { continue }
            for (column, scalar) in line.unicodeScalars.enumerated() where isControl(scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                errors.append(
                    LessonError(
                        file: file, line: n + 1,
                        problem: LessonCheckMessage.controlCharacter(
                            code: String(repeating: "0", count: max(0, 4 - code.count)) + code, column: column + 1)))
                break
            }
        }
        return errors
    }

    /// C0 and C1 controls and DEL, except the tab.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    /// Checks one parsed lesson on its own.
    public func check(_ lesson: Lesson, fileName: String?) -> [LessonError] {
        var errors: [LessonError] = []
        if let name = fileName, let (id, _) = LessonCatalog.parseFileName(name), id != lesson.id {
            errors.append(
                LessonError(
                    file: lesson.file, line: 1, problem: LessonCheckMessage.fileNameID(named: id, id: lesson.id)))
        } else if let name = fileName, LessonCatalog.parseFileName(name) == nil {
            errors.append(
                LessonError(file: lesson.file, line: 1, problem: LessonCheckMessage.fileName(got: name)))
        }
        for lab in lesson.setup + lesson.steps.flatMap({ $0.canonicalLines() }) {
            if let message = checkCommand(lab.command) {
                errors.append(
                    LessonError(
                        file: lesson.file, line: lab.line,
                        problem: LessonCheckMessage.labLine(
                            command: lab.command,
                            detail: .init(english: message, chinese: chineseCheck?(lab.command)))))
            }
        }
        for step in lesson.steps {
            for case .task(let t) in step.segments {
                for check in t.checks {
                    do {
                        _ = try ArithmeticExpression.evaluate(check) { _, _ in 0 }
                    } catch let error as ExpressionError {
                        errors.append(
                            LessonError(
                                file: lesson.file, line: t.line,
                                problem: LessonCheckMessage.checkLine(check: check, detail: error.said)))
                    } catch {
                        // The names resolve to 0 here: only the calculator's own refusals can come.
                    }
                }
            }
        }
        return errors
    }

    /// The step-by-step alignment of two language versions; errors are
    /// reported in `a` and point at the line in `b`.
    public func compare(_ a: Lesson, _ b: Lesson) -> [LessonError] {
        var errors: [LessonError] = []
        func err(_ line: Int, _ m: LessonCheckMessage) {
            errors.append(LessonError(file: a.file, line: line, problem: m))
        }
        if a.id != b.id { err(1, .idDiffers(id: a.id, other: b.id, file: b.file)) }
        if a.lockSkip != b.lockSkip { err(1, .lockSkipDiffers(file: b.file)) }
        if a.setup.map(\.command) != b.setup.map(\.command) { err(1, .setupDiffers(file: b.file)) }
        if a.steps.count != b.steps.count {
            err(1, .stepCount(steps: a.steps.count, other: b.steps.count, file: b.file))
        }
        for (n, (sa, sb)) in zip(a.steps, b.steps).enumerated() {
            let la = sa.labLines
            let lb = sb.labLines
            for k in 0..<max(la.count, lb.count) {
                let ca = k < la.count ? la[k].command : nil
                let cb = k < lb.count ? lb[k].command : nil
                guard normalized(ca) != normalized(cb) else { continue }
                let line = k < la.count ? la[k].line : sa.line
                let where_ = k < lb.count ? "\(b.file):\(lb[k].line)" : "\(b.file):\(sb.line)"
                err(line, .labCommandDiffers(step: n + 1, command: quoted(ca), other: quoted(cb), place: where_))
                break
            }
            switch (sa.task, sb.task) {
            case (nil, nil): break
            case (let ta?, nil): err(ta.line, .taskOnlyHere(step: n + 1, place: "\(b.file):\(sb.line)"))
            case (nil, let tb?): err(sa.line, .taskOnlyThere(step: n + 1, place: "\(b.file):\(tb.line)"))
            case (let ta?, let tb?):
                if ta.checks != tb.checks || ta.typed != tb.typed
                    || ta.solution.map(\.command) != tb.solution.map(\.command)
                {
                    err(ta.line, .taskDiffers(step: n + 1, place: "\(b.file):\(tb.line)"))
                }
            }
            switch (sa.question, sb.question) {
            case (nil, nil): break
            case (let qa?, nil): err(qa.line, .questionOnlyHere(step: n + 1, place: "\(b.file):\(sb.line)"))
            case (nil, let qb?): err(sa.line, .questionOnlyThere(step: n + 1, place: "\(b.file):\(qb.line)"))
            case (let qa?, let qb?):
                if qa.answerText != qb.answerText {
                    err(
                        qa.answerLine,
                        .answerDiffers(
                            step: n + 1, answer: qa.answerText, other: qb.answerText,
                            place: "\(b.file):\(qb.answerLine)"))
                }
                if qa.wrongs.map(\.expression) != qb.wrongs.map(\.expression) {
                    err(qa.line, .wrongsDiffer(step: n + 1, place: "\(b.file):\(qb.line)"))
                }
                if qa.choices.map(\.key) != qb.choices.map(\.key) {
                    err(
                        qa.line,
                        .choicesDiffer(
                            step: n + 1, choices: qa.choices.map(\.key).joined(separator: ", "),
                            other: qb.choices.map(\.key).joined(separator: ", "), place: "\(b.file):\(qb.line)"))
                }
            }
        }
        return errors
    }

    private func normalized(_ s: String?) -> String? {
        s.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    }

    private func quoted(_ s: String?) -> String { s.map { "'\($0)'" } ?? "(none)" }
}
