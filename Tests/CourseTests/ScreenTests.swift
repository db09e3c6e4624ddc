import Foundation
import TermRender
import Testing

@testable import LabShell
@testable import LessonKit

/// What a step shows on its own: at most a screen (40 rows at 100 columns;
/// what the learner types for a task is the learner's), and nothing before a
/// question that gives its answer away.
@Suite struct ScreenTests {
    struct StepScreen {
        var step = 0
        var rows = 0
        var before = ""
        var leaks: [String] = []
    }

    /// The screens of every step of `file`, played unattended at 100 columns.
    static func screens(_ file: String) throws -> [StepScreen] {
        let url = CourseTests.root.appendingPathComponent(file)
        let language = LessonCatalog.language(ofPath: url.path)
        let lesson = try LessonCatalog.load(url: url, displayPath: file, language: language)
        var lab = Lab(width: 100)
        var player = LessonPlayer(lesson: lesson)
        var screens: [StepScreen] = []
        var inTask = false
        var asked: LessonQuestion? = nil
        var textBefore = ""
        try player.playAuto(host: &lab.interpreter) { event in
            if case .progress = event {
                screens.append(StepScreen(step: screens.count + 1))
                textBefore = ""
                asked = nil
            }
            guard !screens.isEmpty else { return }
            switch event {
            case .task: inTask = true
            case .taskDone: inTask = false
            default: break
            }
            let isLearners: Bool
            switch event {
            case .command, .output, .refused: isLearners = inTask
            default: isLearners = false
            }
            guard !isLearners else { return }
            guard case .text(let t) = Lab.render(event, language: language, width: 100) ?? .text("") else {
                return
            }
            let k = screens.count - 1
            screens[k].rows += t.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + max(1, (TextLayout.displayWidth($1) + 99) / 100) }
            if case .question = event {
                asked = lesson.steps[k].question
                screens[k].before = textBefore
                if let q = asked, let literal = literal(q.answer), contains(withoutTableRows(textBefore), literal) {
                    screens[k].leaks.append(literal)
                }
            }
            if case .solution(let s) = event, asked != nil, case .value? = asked?.answer,
                let number = s.components(separatedBy: CharacterSet(charactersIn: " ：:")).reversed()
                    .first(where: { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: ".。"))) != nil })
            {
                let value = number.trimmingCharacters(in: CharacterSet(charactersIn: ".。"))
                if screens[k].before.contains(value) { screens[k].leaks.append(value) }
                asked = nil
            }
            if asked == nil { textBefore += t + "\n" }
        }
        return screens
    }

    /// The answer as it would appear on screen, when it is a literal worth looking for.
    static func literal(_ spec: AnswerSpec) -> String? {
        switch spec {
        case .number(let x, _):
            guard abs(x) >= 2 else { return nil }
            return ExpectedAnswer.format(x)
        case .shape(let dims): return "[" + dims.map(String.init).joined(separator: ", ") + "]"
        case .text(let words): return words.first
        case .value, .liveShape, .gate, .choice: return nil
        }
    }

    /// Text without a table's body rows (`b=0 │ …`) and column-number rows,
    /// where small integers stand for indices, not answers.
    static func withoutTableRows(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            !line.contains("│") && !line.allSatisfy({ $0.isNumber || $0 == " " || $0 == "…" })
        }.joined(separator: "\n")
    }

    /// `literal` as a word of its own: not part of a longer number, `H=16`, `[64, 8]` or `16..31`.
    static func contains(_ text: String, _ literal: String) -> Bool {
        guard literal.first?.isNumber == true || literal.first == "-" else { return text.contains(literal) }
        let escaped = NSRegularExpression.escapedPattern(for: literal)
        let pattern = "(?<![\\w.=\\[(,×·*/+\\-]|, )" + escaped + "(?![\\w.\\]=,)/])"
        guard let re = try? NSRegularExpression(pattern: pattern) else { return false }
        return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test(arguments: CourseTests.files)
    func noStepPrintsMoreThanAScreen(file: String) throws {
        for s in try Self.screens(file) {
            #expect(s.rows <= 40, "\(file) step \(s.step) prints \(s.rows) rows at 100 columns")
        }
    }

    @Test(arguments: CourseTests.files)
    func noQuestionIsAnsweredBeforeItIsAsked(file: String) throws {
        for s in try Self.screens(file) {
            #expect(s.leaks.isEmpty, "\(file) step \(s.step) shows \(s.leaks) before its question")
        }
    }

    @Test func theLeakFinderFindsWordsNotParts() {
        #expect(Self.contains("a step does 8 products", "8"))
        #expect(!Self.contains("sizes B=3 T=5 D=8 H=16", "8"))
        #expect(!Self.contains("W_ih is [64, 8]", "8"))
        #expect(!Self.contains("rows 16..31", "16"))
        #expect(Self.contains("y is [3, 5, 32]", "[3, 5, 32]"))
    }
}
