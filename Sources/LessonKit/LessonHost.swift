/// What a lesson needs from the live session. The lab's interpreter conforms
/// in LabShell; tests use a fake.
public protocol LessonHost {
    /// Runs one lab command and returns what it printed; throws with the
    /// message a learner would see when the command is refused.
    mutating func run(_ line: String) throws -> String
    /// One element of a named view (`h`, `y`, `W_ih_f`, …) as `show NAME
    /// [fwd|bwd]` would display it now.
    func value(of name: String, direction: String?, index: [Int]) throws -> Float
    /// The shape of that view.
    func shape(of name: String, direction: String?) throws -> [Int]
}
