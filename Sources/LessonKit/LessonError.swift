/// A problem in a lesson file or while playing it, located at `FILE:LINE`.
///
/// ```
/// lessons/en/03-linear-shapes.md:42: error: question has no 'solution:' line
/// ```
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): error: \(message)" }
}

/// Every error found in one lesson file, in line order.
public struct LessonErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [LessonError]

    public init(_ errors: [LessonError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
