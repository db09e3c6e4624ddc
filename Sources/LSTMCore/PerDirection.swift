/// One value per direction, named instead of indexed: `traces.forward`,
/// `initialState[.backward]`, never `[0]` and `[1]`.
public struct PerDirection<Value> {
    public var forward: Value
    public var backward: Value

    public init(forward: Value, backward: Value) {
        self.forward = forward
        self.backward = backward
    }

    /// Both values from one function of the direction, forward first.
    public init(_ make: (Direction) throws -> Value) rethrows {
        forward = try make(.forward)
        backward = try make(.backward)
    }

    public subscript(direction: Direction) -> Value {
        get { direction == .forward ? forward : backward }
        set {
            switch direction {
            case .forward: forward = newValue
            case .backward: backward = newValue
            }
        }
    }

    public func map<T>(_ transform: (Value) throws -> T) rethrows -> PerDirection<T> {
        PerDirection<T>(forward: try transform(forward), backward: try transform(backward))
    }
}

extension PerDirection: Sendable where Value: Sendable {}
extension PerDirection: Equatable where Value: Equatable {}
