import LabText
import TensorFiles

/// Reads the lesson format (`docs/LESSON-FORMAT.md`) into a `Lesson`,
/// collecting every error with its line.
public enum LessonParser {
    /// Parses `text`; `file` names the source in errors, `language` picks the
    /// player's messages (`en` or `zh`).
    public static func parse(_ text: String, file: String, language: String = "en") throws(LessonErrors) -> Lesson {
        var p = Parser(file: file, lines: splitLines(text))
        let lesson = p.run(language: language)
        if !p.errors.isEmpty { throw LessonErrors(p.errors.sorted { $0.line < $1.line }) }
        guard let lesson else {
            throw LessonErrors([LessonError(file: file, line: 1, problem: LessonFileMessage.couldNotRead)])
        }
        return lesson
    }

    /// LF, CRLF, and a last line without a newline. Split on bytes: `"\r\n"` is one
    /// Swift `Character`, so splitting the String on `"\n"` left a CRLF file one line.
    static func splitLines(_ text: String) -> [String] {
        TextLines.split(Array(text.utf8)).map { $0 ?? "" }  // valid: it came from a String
    }

    /// A lab line without its `#` comment (quotes respected), trimmed.
    public static func stripComment(_ line: String) -> String {
        var quote: Character? = nil
        var out = ""
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "#" {
                break
            }
            out.append(ch)
        }
        return out.trimmingSpaces
    }
}

private struct Parser {
    let file: String
    let lines: [String]
    var errors: [LessonError] = []

    init(file: String, lines: [String]) {
        self.file = file
        self.lines = lines
    }

    mutating func error(_ line: Int, _ problem: LessonFileMessage) {
        errors.append(LessonError(file: file, line: line, problem: problem))
    }

    mutating func run(language: String) -> Lesson? {
        guard let (fields, bodyStart) = readFrontMatter() else { return nil }
        let header = readHeader(fields)
        let (intro, steps) = readBody(from: bodyStart)
        if steps.isEmpty && errors.isEmpty {
            error(max(lines.count, 1), .noSteps)
        }
        return Lesson(
            file: file, id: header.id, title: header.title, language: language, lockSkip: header.lockSkip,
            intro: Parser.trimBlankLines(intro), steps: steps, setup: header.setup)
    }

    /// The front matter's `key: value` lines by key (with their line numbers),
    /// and the index of the first body line; nil when it is missing or not closed.
    mutating func readFrontMatter() -> (fields: [String: (String, Int)], bodyStart: Int)? {
        guard lines.first?.trimmingSpaces == "---" else {
            error(1, .noFrontMatter)
            return nil
        }
        var fields: [String: (String, Int)] = [:]
        var n = 1
        while n < lines.count {
            let lineNo = n + 1
            let t = lines[n].trimmingSpaces
            n += 1
            if t == "---" { return (fields, n) }
            if t.isEmpty { continue }
            guard let colon = t.firstIndex(of: ":") else {
                error(lineNo, .frontMatterLine(got: t))
                continue
            }
            let key = String(t[..<colon]).trimmingSpaces
            let value = String(t[t.index(after: colon)...]).trimmingSpaces
            guard ["id", "title", "lock_skip", "setup"].contains(key) else {
                error(lineNo, .unknownFrontMatterKey(key: key))
                continue
            }
            if fields[key] != nil {
                error(lineNo, .frontMatterKeyTwice(key: key))
                continue
            }
            fields[key] = (value, lineNo)
        }
        error(1, .frontMatterNotClosed)
        return nil
    }

    /// What the front matter says, each value checked.
    struct Header {
        var id = 0
        var title = ""
        var lockSkip = false
        var setup: [LabLine] = []
    }

    mutating func readHeader(_ fields: [String: (String, Int)]) -> Header {
        var header = Header()
        if let (v, l) = fields["id"] {
            if let i = Int(v), i > 0 { header.id = i } else { error(l, .badID(got: v)) }
        } else {
            error(1, .noID)
        }
        if let (v, l) = fields["title"] {
            if v.isEmpty { error(l, .emptyTitle) }
            header.title = v
        } else {
            error(1, .noTitle)
        }
        if let (v, l) = fields["lock_skip"] {
            switch v {
            case "true": header.lockSkip = true
            case "false": header.lockSkip = false
            default: error(l, .badLockSkip(got: v))
            }
        }
        if let (v, l) = fields["setup"] {
            header.setup = parseLab(v.split(separator: ";").map { (String($0), l) })
            if header.setup.isEmpty { error(l, .emptySetup) }
        }
        return header
    }

    /// A step being read: its heading, the narration not yet made a segment, its segments.
    struct StepDraft {
        var title: String
        var line: Int
        var segments: [LessonSegment] = []
        var text: [String] = []
        var questionSeen = false
        var taskSeen = false

        /// The narration read so far becomes a segment.
        mutating func flushText() {
            let joined = Parser.trimBlankLines(text)
            if !joined.isEmpty { segments.append(.narration(joined)) }
            text = []
        }

        var step: LessonStep { LessonStep(title: title, line: line, segments: segments) }
    }

    /// The introduction (before the first `## `) and the steps.
    mutating func readBody(from start: Int) -> (intro: [String], steps: [LessonStep]) {
        var intro: [String] = []
        var steps: [LessonStep] = []
        var current: StepDraft? = nil
        var n = start
        while n < lines.count {
            let raw = lines[n]
            let lineNo = n + 1
            n += 1
            let t = raw.trimmingSpaces
            if raw.hasPrefix("## ") || raw == "##" {
                if var s = current {
                    s.flushText()
                    steps.append(s.step)
                }
                let heading = String(raw.dropFirst(2)).trimmingSpaces
                if heading.isEmpty { error(lineNo, .headingNoTitle) }
                current = StepDraft(title: heading, line: lineNo)
                continue
            }
            if t.hasPrefix("```") {
                let info = String(t.dropFirst(3)).trimmingSpaces
                guard let body = readFence(&n) else {
                    error(lineNo, .blockNotClosed(info: info))
                    break
                }
                if info == "lab" || info == "question" || info == "task" {
                    guard var s = current else {
                        error(lineNo, .blockBeforeStep(info: info))
                        continue
                    }
                    s.flushText()
                    addBlock(info, body, line: lineNo, to: &s)
                    current = s
                } else {
                    // Any other fenced block is narration, kept verbatim.
                    let block = (["```" + info] + body.map(\.0) + ["```"])
                    if current != nil { current?.text += block } else { intro += block }
                }
                continue
            }
            if current != nil { current?.text.append(raw) } else { intro.append(raw) }
        }
        if var s = current {
            s.flushText()
            steps.append(s.step)
        }
        return (intro, steps)
    }

    /// The lines of a fenced block from `n` to its closing fence (with their
    /// line numbers), `n` moved past it; nil when the file ends first.
    func readFence(_ n: inout Int) -> [(String, Int)]? {
        var body: [(String, Int)] = []
        while n < lines.count {
            let line = lines[n]
            n += 1
            if line.trimmingSpaces == "```" { return body }
            body.append((line, n))
        }
        return nil
    }

    /// A `lab`, `task` or `question` block as the step's next segment.
    mutating func addBlock(_ info: String, _ body: [(String, Int)], line lineNo: Int, to s: inout StepDraft) {
        switch info {
        case "lab":
            let labLines = parseLab(body)
            if !body.contains(where: { !LessonParser.stripComment($0.0).isEmpty }) {
                error(lineNo, .emptyLabBlock)
            }
            s.segments.append(.lab(labLines))
        case "task":
            if s.taskSeen {
                error(lineNo, .twoTasks)
            } else if let t = parseTask(body, line: lineNo) {
                s.segments.append(.task(t))
            }
            s.taskSeen = true
        default:
            if s.questionSeen {
                error(lineNo, .twoQuestions)
            } else if let q = parseQuestion(body, line: lineNo) {
                s.segments.append(.question(q))
            }
            s.questionSeen = true
        }
    }

    mutating func parseLab(_ body: [(String, Int)]) -> [LabLine] {
        var out: [LabLine] = []
        for (raw, lineNo) in body {
            var command = LessonParser.stripComment(raw)
            let expectsError = command.hasPrefix("!")
            if expectsError { command = String(command.dropFirst()).trimmingSpaces }
            if command.isEmpty { continue }
            out.append(LabLine(command: command, line: lineNo, expectsError: expectsError))
        }
        return out
    }

    /// A question block's fields as they are read.
    struct QuestionDraft {
        var ask: String? = nil
        var answer: (String, Int)? = nil
        var solution: String? = nil
        var hints: [String] = []
        var choices: [(Choice, Int)] = []
        var wrongs: [WrongAnswer] = []
        var badChoice = false

        /// An indented line continues the field `key` (long solutions).
        mutating func extend(_ key: String, _ more: String) {
            switch key {
            case "ask": ask = (ask ?? "") + "\n" + more
            case "solution": solution = (solution ?? "") + "\n" + more
            case "hint": if let last = hints.popLast() { hints.append(last + "\n" + more) }
            case "wrong":
                if var last = wrongs.popLast() {
                    last.feedback += " " + more
                    wrongs.append(last)
                }
            case "choice":
                if let last = choices.popLast() {
                    choices.append((Choice(key: last.0.key, text: last.0.text + " " + more), last.1))
                }
            default: break
            }
        }
    }

    mutating func parseQuestion(_ body: [(String, Int)], line: Int) -> LessonQuestion? {
        var q = QuestionDraft()
        var lastKey: String? = nil
        let errorCount = errors.count
        for (raw, lineNo) in body {
            let t = raw.trimmingSpaces
            if t.isEmpty { continue }
            // An indented line continues the previous field (long solutions).
            if raw.first == " " || raw.first == "\t", let key = lastKey, key != "answer" {
                q.extend(key, t)
                continue
            }
            guard let colon = t.firstIndex(of: ":") else {
                error(lineNo, .questionLine(got: t))
                continue
            }
            let key = String(t[..<colon]).trimmingSpaces
            let value = String(t[t.index(after: colon)...]).trimmingSpaces
            lastKey = key
            if value.isEmpty && ["ask", "answer", "hint", "choice", "solution", "wrong"].contains(key) {
                error(lineNo, .emptyKey(key: key))
                // Counted as present, so the error is not repeated as "missing".
                if key == "ask" {
                    q.ask = ""
                } else if key == "solution" {
                    q.solution = ""
                } else if key == "answer" {
                    q.answer = ("", lineNo)
                }
                continue
            }
            if !readQuestionField(key, value, line: lineNo, into: &q) { lastKey = nil }
        }
        if q.ask == nil { error(line, .questionMissing(key: "ask")) }
        if q.answer == nil { error(line, .questionMissing(key: "answer")) }
        if q.solution == nil { error(line, .questionMissing(key: "solution")) }
        let spec = answerSpec(of: q)
        guard errors.count == errorCount, let ask = q.ask, let answer = q.answer, let solution = q.solution,
            let spec
        else { return nil }
        return LessonQuestion(
            ask: ask, answer: spec, answerText: answer.0, choices: q.choices.map(\.0), hints: q.hints,
            solution: solution, wrongs: q.wrongs, line: line, answerLine: answer.1)
    }

    /// One `key: value` line of a question; false when the key is unknown.
    mutating func readQuestionField(_ key: String, _ value: String, line lineNo: Int, into q: inout QuestionDraft)
        -> Bool
    {
        switch key {
        case "ask":
            if q.ask != nil { error(lineNo, .questionOne(key: "ask")) } else { q.ask = value }
        case "answer":
            if q.answer != nil {
                error(lineNo, .questionOne(key: "answer"))
            } else {
                q.answer = (value, lineNo)
            }
        case "solution":
            if q.solution != nil { error(lineNo, .questionOne(key: "solution")) } else { q.solution = value }
        case "hint":
            if q.hints.count == LessonQuestion.maxHints {
                error(lineNo, .questionHints(limit: LessonQuestion.maxHints))
            } else {
                q.hints.append(value)
            }
        case "wrong":
            if let w = Parser.parseWrong(value, line: lineNo) {
                q.wrongs.append(w)
            } else {
                error(lineNo, .wrongLine(got: value))
            }
        case "choice":
            if let c = parseChoice(value) {
                if q.choices.contains(where: { $0.0.key == c.key }) {
                    error(lineNo, .choiceTwice(key: c.key))
                } else {
                    q.choices.append((c, lineNo))
                }
            } else {
                q.badChoice = true
                error(lineNo, .choiceLine(got: value))
            }
        default:
            error(lineNo, .unknownQuestionKey(key: key))
            return false
        }
        return true
    }

    /// The `answer:` line read, and checked against the `choice:` lines.
    mutating func answerSpec(of q: QuestionDraft) -> AnswerSpec? {
        guard let (text, answerLine) = q.answer, !text.isEmpty else { return nil }
        var spec: AnswerSpec? = nil
        do {
            spec = try AnswerSpec.parse(text)
        } catch {
            self.error(answerLine, error.problem)
        }
        if case .choice(let k)? = spec {
            if q.choices.isEmpty && !q.badChoice {
                error(answerLine, .choiceNeedsLines)
            } else if !q.choices.isEmpty && !q.choices.contains(where: { $0.0.key == k }) {
                error(
                    answerLine,
                    .answerNotChoice(key: k, choices: q.choices.map(\.0.key).joined(separator: ", ")))
            }
        } else if spec != nil, let first = q.choices.first {
            error(first.1, .choicesNeedAnswer)
        }
        return spec
    }

    /// `o * c → you forgot the tanh` (also `->`).
    static func parseWrong(_ value: String, line: Int) -> WrongAnswer? {
        let arrow = value.range(of: "→") ?? value.range(of: "->")
        guard let arrow else { return nil }
        let expression = String(value[..<arrow.lowerBound]).trimmingSpaces
        let feedback = String(value[arrow.upperBound...]).trimmingSpaces
        guard !expression.isEmpty, !feedback.isEmpty else { return nil }
        return WrongAnswer(expression: expression, feedback: feedback, line: line)
    }

    /// A ```` ```task ```` block: `goal:`, `check:` and/or `typed:`, up to three
    /// `hint:`, and `solution:` lines (each one or more commands split by `;`).
    mutating func parseTask(_ body: [(String, Int)], line: Int) -> LessonTask? {
        var goal: String? = nil
        var checks: [String] = []
        var typed: [String] = []
        var hints: [String] = []
        var solution: [(String, Int)] = []
        var lastKey: String? = nil
        let errorCount = errors.count
        for (raw, lineNo) in body {
            let t = raw.trimmingSpaces
            if t.isEmpty { continue }
            if raw.first == " " || raw.first == "\t", let key = lastKey, key == "goal" || key == "hint" {
                if key == "goal" {
                    goal = (goal ?? "") + "\n" + t
                } else if let last = hints.popLast() {
                    hints.append(last + "\n" + t)
                }
                continue
            }
            guard let colon = t.firstIndex(of: ":") else {
                error(lineNo, .taskLine(got: t))
                continue
            }
            let key = String(t[..<colon]).trimmingSpaces
            let value = String(t[t.index(after: colon)...]).trimmingSpaces
            lastKey = key
            guard ["goal", "check", "typed", "hint", "solution"].contains(key) else {
                error(lineNo, .unknownTaskKey(key: key))
                lastKey = nil
                continue
            }
            if value.isEmpty {
                error(lineNo, .emptyKey(key: key))
                continue
            }
            switch key {
            case "goal":
                if goal != nil { error(lineNo, .taskOneGoal) } else { goal = value }
            case "check": checks.append(value)
            case "typed": typed.append(value)
            case "hint":
                if hints.count == LessonQuestion.maxHints {
                    error(lineNo, .taskHints(limit: LessonQuestion.maxHints))
                } else {
                    hints.append(value)
                }
            default: solution += value.split(separator: ";").map { (String($0), lineNo) }
            }
        }
        if goal == nil { error(line, .taskNoGoal) }
        if checks.isEmpty && typed.isEmpty {
            error(line, .taskNoCheck)
        }
        let commands = parseLab(solution)
        if commands.isEmpty && errors.count == errorCount { error(line, .taskNoSolution) }
        guard errors.count == errorCount, let goal else { return nil }
        return LessonTask(goal: goal, checks: checks, typed: typed, hints: hints, solution: commands, line: line)
    }

    func parseChoice(_ value: String) -> Choice? {
        guard let paren = value.firstIndex(of: ")") else { return nil }
        let key = String(value[..<paren]).trimmingSpaces.lowercased()
        let text = String(value[value.index(after: paren)...]).trimmingSpaces
        guard !key.isEmpty, key.count <= 2, key.allSatisfy({ $0.isLetter || $0.isNumber }), !text.isEmpty else {
            return nil
        }
        return Choice(key: key, text: text)
    }

    static func trimBlankLines(_ lines: [String]) -> String {
        var ls = lines
        while let f = ls.first, f.trimmingSpaces.isEmpty { ls.removeFirst() }
        while let l = ls.last, l.trimmingSpaces.isEmpty { ls.removeLast() }
        return ls.joined(separator: "\n")
    }
}
