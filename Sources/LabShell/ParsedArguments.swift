import LSTMCore

/// The typed values `ArgumentReader` found on a line, by parameter key. A
/// table entry's `make` turns them into a `Command`; keys it did not declare
/// are simply absent.
public struct ParsedArguments: Sendable, Equatable {
    /// A chosen word per key (`.oneOf`, `.commandName`).
    public var words: [String: String] = [:]
    public var integers: [String: Int] = [:]
    /// `u=A..B` ranges (`u=N` is N...N).
    public var ranges: [String: ClosedRange<Int>] = [:]
    public var directions: [String: DirectionChoice] = [:]
    public var seeds: [String: UInt64] = [:]
    /// Paths, expressions and answers.
    public var texts: [String: String] = [:]
    /// The 1-based column where each expression starts (for carets under its tokens).
    public var columns: [String: Int] = [:]
    /// Every `.view` argument in order, with its keyed options.
    public var views: [ViewArgument] = []
    public var shape: LSTMSizes?
    /// The layer count of a `B,T,D,H,L` shape (nil when four numbers were given).
    public var shapeLayers: Int?
    /// `lengths N,N,…` (empty for `none`).
    public var lengthList: [Int]?
    public var goto: GotoTarget?
    /// `sizes`-style `KEY=N` pairs.
    public var assignments: [String: Int] = [:]
    /// True when nothing followed the command word (`back` alone in a lesson means the lesson's `back`).
    public var isEmpty = true

    public init() {}

    public func word(_ key: String) -> String? { words[key] }
    public func integer(_ key: String) -> Int? { integers[key] }
    public func direction(_ key: String) -> DirectionChoice? { directions[key] }
    public func text(_ key: String) -> String? { texts[key] }

    /// An expression argument with where it starts on the line.
    public func expression(_ key: String) -> ExpressionText? {
        texts[key].map {
            var e = ExpressionText($0, column: columns[key] ?? 1)
            e.units = ranges[key]
            return e
        }
    }

    /// The chosen word of a `.oneOf` as its enum.
    public func choice<K: RawRepresentable>(_ key: String, _: K.Type) -> K? where K.RawValue == String {
        words[key].flatMap(K.init(rawValue:))
    }
}

/// One view named on a line (`gates fwd t=0`), with any other keyed options (`u=`).
public struct ViewArgument: Sendable, Equatable {
    public var request: ViewRequest
    public var integers: [String: Int] = [:]
    public init(request: ViewRequest, integers: [String: Int] = [:]) {
        self.request = request
        self.integers = integers
    }
}

/// What the parser knows about where a line is typed.
public struct ParseContext: Sendable {
    /// Inside a lesson, `back`, `quit` and an empty line mean the lesson's words.
    public var inLesson: Bool
    public init(inLesson: Bool) { self.inLesson = inLesson }
}
