/// The names an expression can read: the session's tensors and variables.
public protocol ExprEnvironment {
    /// The tensor called `name`, or nil if there is none; throws when the
    /// name exists but has no value yet (a step's gate before any step).
    func lookup(_ name: String) throws(ExprError) -> ExprTensor?
    /// Every name `lookup` knows, for completion and "did you mean".
    var names: [String] { get }
    /// The shape `lookup(name)` would give, when it is known without building the tensor
    /// (for the estimate made before an expression is computed); nil when unknown.
    func shape(of name: String) -> [Int]?
}

extension ExprEnvironment {
    public func shape(of name: String) -> [Int]? { nil }
}

/// A fixed table of names, for tests and for answers checked without a session.
public struct DictionaryEnvironment: ExprEnvironment, Sendable {
    public var values: [String: ExprTensor]
    public init(_ values: [String: ExprTensor] = [:]) { self.values = values }
    public func lookup(_ name: String) throws(ExprError) -> ExprTensor? { values[name] }
    public var names: [String] { values.keys.sorted() }
    public func shape(of name: String) -> [Int]? { values[name]?.shape }
}
