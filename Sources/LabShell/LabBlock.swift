import LabText
import LessonKit

/// The one rule for a lesson's lab lines: each is read by the command table
/// exactly as a typed line is, and admitted by its command's scope
/// (`CommandSpec.Scope`). There is no other list of refused words.
enum LabBlock {
    /// Why the table keeps `line` out of a lab block, or nil when it may run there.
    static func refusal(_ line: String) -> LessonFileMessage? {
        guard let word = (try? Tokenizer.tokenize(line))?.first?.text, let spec = CommandTable.spec(word) else {
            return nil
        }
        switch spec.scope {
        case .anywhere: return nil
        case .files: return .labBlockFiles(command: spec.name)
        case .notInLabBlocks, .lessonOnly: return .labBlockRefused(line: Quote.word(line))
        }
    }

    /// The command of a lab line: refused by scope first, then parsed; throws either message.
    static func command(_ line: String, variables: Set<String> = []) throws -> Command? {
        if let refusal = refusal(line) { throw LabError(said: refusal) }
        return try CommandParser(inLesson: false, variables: variables).parse(line)
    }

    /// The same in `language`.
    static func problem(_ line: String, in language: Language) -> String? {
        do {
            _ = try command(line)
            return nil
        } catch let error as CommandError {
            return error.text(language)
        } catch let error as LabError {
            return error.key?.text(language) ?? error.message
        } catch {
            return "\(error)"
        }
    }

    /// What `lesson check` reports for a lab line, or nil when it is fine.
    static func problem(_ line: String) -> String? {
        do {
            _ = try command(line)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Every line the lesson runs (setup, lab blocks, task solutions), read
    /// once when the lesson is loaded: the commands by line, and the lines
    /// the table refuses, with FILE:LINE. A line that does not parse is kept
    /// out of `commands` and fails where it is played, as a typed line would.
    static func compile(_ lesson: Lesson) -> (commands: [String: Command], refused: [LessonError]) {
        var commands: [String: Command] = [:]
        var refused: [LessonError] = []
        for lab in lesson.setup + lesson.steps.flatMap({ $0.canonicalLines() }) {
            if let refusal = refusal(lab.command) {
                refused.append(LessonError(file: lesson.file, line: lab.line, problem: refusal))
            } else if let command = try? CommandParser(inLesson: false).parse(lab.command) {
                commands[lab.command] = command
            }
        }
        return (commands, refused)
    }
}
