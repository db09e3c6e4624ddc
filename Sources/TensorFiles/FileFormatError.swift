import LabText

/// A file that could not be read, written or understood, with the flaw named.
///
/// ```
/// weights.safetensors: tensor 'weight_ih_l0': non-finite value nan at index [3, 1]
/// ```
/// `file` is the path exactly as the user typed it; `problem` is the flaw as a catalog
/// entry, without the file name, so callers can prefix it as they like.
public struct FileFormatError: Error, Equatable, Sendable, CustomStringConvertible, Localized {
    /// The path as the user gave it.
    public let file: String
    /// What is wrong, as facts the shell words in the session's language.
    public let problem: any Localized

    public init(file: String, problem: FileMessage) {
        self.file = file
        self.problem = problem
    }

    public init(file: String, problem: TensorFileMessage) {
        self.file = file
        self.problem = problem
    }

    public init(file: String, problem: StateDictMessage) {
        self.file = file
        self.problem = problem
    }

    /// Any catalog entry as the flaw (a refusal the shell decided on while the header was read).
    public init(file: String, said problem: any Localized) {
        self.file = file
        self.problem = problem
    }

    /// What is wrong in English, for example `truncated data: header says 480 bytes of <f4 data, file has 100`.
    public var reason: String { problem.english }

    /// `path: reason` in `language` (`path：原因` in Chinese).
    public func text(_ language: Language) -> String {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    public var english: String { "\(file): \(problem.english)" }
    public var chinese: String { "\(file)：" + problem.chinese }
    public var description: String { english }

    public static func == (a: FileFormatError, b: FileFormatError) -> Bool {
        a.file == b.file && a.problem.english == b.problem.english && a.problem.chinese == b.problem.chinese
    }
}
