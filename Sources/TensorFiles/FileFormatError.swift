import LabText

/// A file that could not be read, written or understood, with the flaw named.
///
/// ```
/// weights.safetensors: tensor 'weight_ih_l0': non-finite value nan at index [3, 1]
/// ```
/// `file` is the path exactly as the user typed it; `reason` is one plain sentence
/// fragment, without the file name, so callers can prefix it as they like.
public struct FileFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path as the user gave it.
    public let file: String
    /// What is wrong, for example `truncated data: header says 480 bytes of <f4 data, file has 100`.
    public let reason: String
    /// The same as facts, for the shell to word in the session's language (nil: not in the catalog yet).
    public let problem: FileMessage?

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
        self.problem = nil
    }

    public init(file: String, problem: FileMessage) {
        self.file = file
        self.reason = problem.english
        self.problem = problem
    }

    /// `path: reason` in `language` (`path：原因` in Chinese).
    public func text(_ language: Language) -> String {
        guard language == .zh else { return description }
        return "\(file)：" + (problem?.chinese ?? reason)
    }

    public var description: String { "\(file): \(reason)" }
}
