import LabText

/// A problem in a lesson file or while playing it, located at `FILE:LINE`.
///
/// ```
/// lessons/en/03-linear-shapes.md:42: error: question has no 'solution:' line
/// ```
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible, Localized {
    public var file: String
    public var line: Int
    public var message: String
    /// The message in Chinese, when the error has a catalog entry (nil: English only).
    public var chineseMessage: String?

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public init(file: String, line: Int, problem: some Localized) {
        self.init(file: file, line: line, message: problem.english)
        self.chineseMessage = problem.chinese
    }

    public static func == (a: LessonError, b: LessonError) -> Bool {
        a.file == b.file && a.line == b.line && a.message == b.message && a.chineseMessage == b.chineseMessage
    }

    public var description: String { english }
    public var english: String { LessonFileMessage.located(file: file, line: line, message: message).english }
    public var chinese: String {
        LessonFileMessage.located(file: file, line: line, message: chineseMessage ?? message).chinese
    }
}

/// Every error found in one lesson file, in line order.
public struct LessonErrors: Error, Equatable, Sendable, CustomStringConvertible, Localized {
    public var errors: [LessonError]

    public init(_ errors: [LessonError]) { self.errors = errors }

    public var description: String { english }
    public var english: String { errors.map(\.english).joined(separator: "\n") }
    public var chinese: String { errors.map(\.chinese).joined(separator: "\n") }
}
