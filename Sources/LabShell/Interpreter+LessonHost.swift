import LSTMCore
import LabText
import LessonKit
import TermRender

/// The live session as a lesson host: lab lines run through `execute`, the
/// same dispatch as a typed line, answers and checks read the session, and a
/// step's state is the `Session` value itself (model, input, settings,
/// cursors, watches).
extension Interpreter: LessonHost {
    /// Runs one lab line of a lesson as the parsed command it was compiled
    /// to when the lesson loaded, through the same `execute` as a typed line.
    /// What the command table keeps out of lab blocks (files, lessons, `quit`)
    /// is refused (`LabBlock`).
    public mutating func run(_ line: String) throws -> String {
        guard let command = try labCommand(line) else { return "" }
        return render(try execute(command).outputs)
    }

    /// Like `run` without the text; commands that only look (and a benchmark) change nothing and are skipped.
    public mutating func replay(_ line: String) throws {
        switch try labCommand(line) {
        case .bench?, .show?, .heatmap?, .spark?, .diagram?, .info?, .help?, .compareDraft?, nil: return
        case let command?: _ = try execute(command)
        }
    }

    /// The compiled command of a lesson line; a line from elsewhere is read by the same rule.
    private func labCommand(_ line: String) throws -> Command? {
        if let command = lessons.commands[line] { return command }
        // A line that reads a variable the lesson made parses only now that the variable exists.
        return try LabBlock.command(line, variables: Set(session.variables.keys))
    }

    public var displayPrecision: Int { session.settings.precision }

    /// A refusal in the session's language (an expression's, a command's, a file's).
    public func describe(_ error: any Error) -> String { wording(error) }

    /// Default settings and no watches; the model, input, threads and limits stay.
    public mutating func prepareLesson() {
        var settings = session.settings
        let defaults = Session.Settings()
        settings.batchFirst = defaults.batchFirst
        settings.mode = defaults.mode
        settings.variant = defaults.variant
        settings.precision = defaults.precision
        session.settings = settings
        session.stepper.mode = settings.mode
        session.stepper.variant = settings.variant
        session.stepper.reset()
        session.watches = []
    }

    public func snapshot() -> LessonSnapshot { LessonSnapshot(session) }

    public mutating func restore(_ snapshot: LessonSnapshot) {
        if let saved = snapshot.state as? Session { session = saved }
    }

    public func value(of name: String, direction: String?, index: [Int]) throws -> Float {
        let tensor = try lessonTensor(name, direction)
        do {
            return try tensor.value(at: index)
        } catch {
            let problem: SessionErrorMessage.IndexProblem =
                switch error {
                case ShapeError.rankMismatch(let e, let a): .rank(expected: e, got: a)
                case ShapeError.indexOutOfRange(let axis, let i, let size): .axis(axis: axis, index: i, size: size)
                default: .other("\(error)")
                }
            throw LabError(
                said: SessionErrorMessage.lessonIndex(
                    name: name, index: formatShape(index).replacingOccurrences(of: " ", with: ""), problem: problem,
                    shape: formatShape(tensor.shape)))
        }
    }

    public func shape(of name: String, direction: String?) throws -> [Int] {
        try lessonTensor(name, direction).shape
    }

    /// The tensor `show NAME [fwd|bwd] [t=N]` displays now; for `gates`, the activated values.
    func lessonTensor(_ name: String, _ direction: String?, t: Int? = nil) throws -> Tensor {
        guard let view = ViewName(rawValue: name) else {
            throw LabError(
                .unknownView(word: Quote.word(name), names: ViewName.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        var dir: Direction? = nil
        if let direction {
            guard let d = Direction.allCases.first(where: { $0.short == direction }) else {
                throw LabError(said: SessionErrorMessage.directionFwdOrBwd(got: Quote.word(direction)))
            }
            dir = d
        }
        for output in try views(ViewRequest(name: view, direction: dir, t: t)) {
            switch output {
            case .tensor(let v): return v.tensor
            case .gates(let g): return g.post
            default: continue
            }
        }
        throw LabError(said: SessionErrorMessage.noValues(name: name))
    }
}
