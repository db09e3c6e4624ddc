import Foundation
import LessonKit

/// Turns one line into a `Command` by the command table. The only place that
/// looks at raw words; each command's grammar is its `CommandSpec`.
public struct CommandParser: Sendable {
    /// Inside a lesson, `back`, `quit` and an empty line mean the lesson's words.
    public var inLesson: Bool
    /// A lesson's question waits: a line whose first word is no command is its answer.
    public var awaitingAnswer: Bool
    /// The session's variables: `show NAME` reads one as an expression.
    public var variables: Set<String>

    public init(inLesson: Bool = false, awaitingAnswer: Bool = false, variables: Set<String> = []) {
        self.inLesson = inLesson
        self.awaitingAnswer = awaitingAnswer
        self.variables = variables
    }

    /// Largest size the parser accepts for one of B, T, D, H (memory is checked separately).
    public static let maxDimension = 1 << 24
    /// Largest step count for `step`/`back`.
    public static let maxCount = 1 << 24

    /// Parses a line; returns nil for a blank line or a comment (outside a lesson).
    public func parse(_ line: String) throws(CommandError) -> Command? {
        if awaitingAnswer, let answer = Self.bareAnswer(line) { return .lesson(.answer(answer)) }
        let tokens = try Tokenizer.tokenize(line)
        guard let head = tokens.first else { return inLesson ? .lesson(.next) : nil }
        let spec = try self.spec(for: head)
        var reader = ArgumentReader(line: line, tokens: tokens, usage: spec.usage)
        reader.variables = variables
        let arguments = try reader.readAll(spec.parameters)
        guard let command = spec.make(arguments, ParseContext(inLesson: inLesson)) else {
            throw CommandError(
                "internal error: '\(spec.name)' read its words but could not build the command",
                column: head.column)
        }
        return command
    }

    /// `line` as an answer when its first word is none of the table's command
    /// words (`16`, `b`, `[3, 5, 32]`, `0.5*2`); the table is the only list.
    static func bareAnswer(_ line: String) -> String? {
        let t = ArithmeticExpression.normalize(line).trimmingCharacters(in: .whitespaces)
        guard let first = t.split(separator: " ").first.map(String.init), CommandTable.spec(first) == nil else {
            return nil
        }
        return line
    }

    /// The table entry for the command word, refusing lesson words outside a lesson.
    private func spec(for head: Token) throws(CommandError) -> CommandSpec {
        guard let spec = CommandTable.spec(head.text) else {
            throw CommandError(
                .unknownCommand(word: Quote.word(head.text)), column: head.column,
                suggestion: Suggest.closest(to: head.text, in: CommandTable.names))
        }
        if spec.scope == .lessonOnly && !inLesson {
            throw CommandError(.lessonOnly(command: spec.name), column: head.column)
        }
        return spec
    }

    /// What may come after `before` (the words left of the cursor), by the same reading as `parse`.
    /// An unknown command or a misread word gives no candidates.
    public static func candidates(after before: String) -> CompletionCandidates {
        guard let tokens = try? Tokenizer.tokenize(before) else { return CompletionCandidates() }
        guard let head = tokens.first else { return CompletionCandidates(words: CommandTable.names) }
        guard let spec = CommandTable.spec(head.text) else { return CompletionCandidates() }
        var reader = ArgumentReader(line: before, tokens: tokens, usage: spec.usage, completing: true)
        do {
            _ = try reader.readAll(spec.parameters)
        } catch {
            return CompletionCandidates()
        }
        guard reader.tokens.isEmpty else { return CompletionCandidates() }
        return reader.candidates
    }
}
