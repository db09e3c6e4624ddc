import Foundation
import LSTMCore
import LabText
import TermRender

extension Interpreter {
    /// Refuses moving the directions forward by `steps` (indexed by direction)
    /// when the products would be over the compute limit.
    private func checkSteps(_ steps: [Int], _ command: String, run: Bool = false) throws {
        let s = session.sizes
        var work = 0.0
        for d in Direction.allCases where steps[d.rawValue] > 0 {
            if run {
                work += Work.run(s, steps: steps[d.rawValue])
                continue
            }
            work += Double(steps[d.rawValue]) * Work.step(s)
            if session.stepper.mode == .hoisted && session.stepper.cursor(d) == 0 { work += Work.projection(s) }
        }
        try session.checkCompute(
            work,
            say(
                SessionErrorMessage.workSteps(
                    command: command, forward: steps[0], backward: steps[1], batch: s.batch, inputs: s.inputSize,
                    hidden: s.hiddenSize)))
    }

    mutating func step(_ choice: DirectionChoice, count: Int) throws -> [Output] {
        let st = session.stepper
        try checkSteps(
            Direction.allCases.map { choice.directions.contains($0) ? min(count, st.length - st.cursor($0)) : 0 },
            "step \(choice.rawValue) \(count)")
        var lines: [String] = []
        for _ in 0..<count {
            var moved = false
            for d in choice.directions where !session.stepper.isComplete(d) {
                if context.shouldCancel() {
                    lines.append(say(StepMessage.interrupted(position: session.positionText)))
                    throw Interrupted(partial: lines.joined(separator: "\n"))
                }
                let trace = try session.stepper.step(d, threads: session.settings.threads)
                moved = true
                lines.append(stepLine(d, trace))
                lines += completionNotes(after: d, t: trace.t)
            }
            if !moved {
                if lines.isEmpty {
                    throw LabError(
                        said: StepMessage.allStepsTaken(
                            both: choice == .both, forward: choice.directions[0] == .forward,
                            length: session.stepper.length))
                }
                break
            }
        }
        return [.text(lines.joined(separator: "\n"))]
    }

    private func stepLine(_ d: Direction, _ trace: StepTrace) -> String {
        let st = session.stepper
        let k = st.cursor(d)
        let target =
            d == .forward
            ? "h_f[\(trace.t)], c_f[\(trace.t)]" : "h_b[\(trace.t)], c_b[\(trace.t)] (h_b_rev[\(k - 1)])"
        return say(
            StepMessage.stepTaken(
                direction: d.short, step: k, of: st.length, t: trace.t, target: target,
                mode: trace.mode.rawValue, products: trace.products, draft: trace.variant == .draft))
    }

    /// Notes when a step completes a position of y or a direction.
    private func completionNotes(after d: Direction, t: Int) -> [String] {
        let st = session.stepper
        var notes: [String] = []
        let other: Direction = d == .forward ? .backward : .forward
        if (try? st.trace(other, at: t)) != nil {
            let yIndex = session.settings.batchFirst ? "y[:, \(t), :]" : "y[\(t)]"
            notes.append(say(StepMessage.yComplete(index: yIndex, t: t)))
        }
        if st.isComplete(d) {
            let which = d == .forward ? "h_n[0] = h_f[\(st.length - 1)]" : "h_n[1] = h_b[0]"
            notes.append(say(StepMessage.directionFinished(forward: d == .forward, which: which)))
        }
        if st.isComplete {
            notes.append(say(StepMessage.bothFinished(shapes: finalShapes)))
        }
        return notes
    }

    var finalShapes: String {
        let s = session.sizes
        let y = layoutShape([s.batch, s.length, 2 * s.hiddenSize])
        let state = formatShape([2, s.batch, s.hiddenSize])
        return say(StepMessage.ready(y: formatShape(y), hn: state, cn: state))
    }

    /// `y [3, 5, 32], h_n [2, 3, 16], c_n [2, 3, 16]`, without "ready".
    var finalShapeList: String {
        let s = session.sizes
        let state = formatShape([2, s.batch, s.hiddenSize])
        return "y \(formatShape(layoutShape([s.batch, s.length, 2 * s.hiddenSize]))), h_n \(state), c_n \(state)"
    }

    mutating func back(_ choice: DirectionChoice, count: Int) throws -> [Output] {
        let st = session.stepper
        let available = choice.directions.map { st.cursor($0) }.max() ?? 0
        guard available > 0 else {
            throw LabError(said: StepMessage.atStart(both: choice == .both, forward: choice.directions[0] == .forward))
        }
        var undone = [0, 0]
        for _ in 0..<count {
            // Stop once every chosen direction is at the start: `back 16777216` must not spin.
            guard choice.directions.contains(where: { session.stepper.cursor($0) > 0 }) else { break }
            for d in choice.directions where session.stepper.cursor(d) > 0 {
                try session.stepper.back(d)
                undone[d.rawValue] += 1
            }
        }
        let parts = choice.directions.filter { undone[$0.rawValue] > 0 }.map { "\($0.short) −\(undone[$0.rawValue])" }
        return [.text(say(StepMessage.undid(parts: parts.joined(separator: ", "), position: session.positionText)))]
    }

    mutating func goto(_ target: GotoTarget, _ choice: DirectionChoice) throws -> [Output] {
        let length = session.stepper.length
        var targets = [session.stepper.cursor(.forward), session.stepper.cursor(.backward)]
        for d in choice.directions {
            switch target {
            case .start: targets[d.rawValue] = 0
            case .end: targets[d.rawValue] = length
            case .time(let t):
                guard t < length else { throw LabError(.outOfRange(key: "t", value: t, last: length - 1)) }
                // The step count after which this direction's latest step read t.
                targets[d.rawValue] = d == .forward ? t + 1 : length - t
            }
        }
        let targetText: String
        switch target {
        case .start: targetText = "start"
        case .end: targetText = "end"
        case .time(let t): targetText = "t=\(t)"
        }
        try checkSteps(
            Direction.allCases.map { max(0, targets[$0.rawValue] - session.stepper.cursor($0)) },
            "goto \(targetText) \(choice.rawValue)")
        for d in choice.directions {
            if try moveTo(targets[d.rawValue], d) == .interrupted {
                throw Interrupted(
                    partial: say(StepMessage.interruptedNow(position: session.positionText))
                        + latestText(choice))
            }
        }
        return [.text(say(StepMessage.now(position: session.positionText)) + latestText(choice))]
    }

    /// Moves one direction's cursor to `steps`; Ctrl-C stops it at a whole step.
    private mutating func moveTo(_ steps: Int, _ d: Direction) throws -> Outcome {
        while session.stepper.cursor(d) > steps { try session.stepper.back(d) }
        while session.stepper.cursor(d) < steps {
            if context.shouldCancel() { return .interrupted }
            try session.stepper.step(d, threads: session.settings.threads)
        }
        return .completed
    }

    private func latestText(_ choice: DirectionChoice) -> String {
        let parts = choice.directions.compactMap { d -> String? in
            guard let last = session.stepper.traces[d].last else { return nil }
            return say(StepMessage.latestStep(direction: d.short, t: last.t))
        }
        let comma = session.settings.language == .zh ? "，" : ", "
        return parts.isEmpty ? "" : say(StepMessage.latest(parts.joined(separator: comma)))
    }

    mutating func run() throws -> [Output] {
        let before = [session.stepper.cursor(.forward), session.stepper.cursor(.backward)]
        guard !session.stepper.isComplete else {
            return [.text(say(StepMessage.nothingToRun(shapes: finalShapeList)))]
        }
        try checkSteps(Direction.allCases.map { session.stepper.length - session.stepper.cursor($0) }, "run", run: true)
        // The fastest way (hoisted, the two directions on two threads); whole steps only if interrupted.
        let projection =
            session.stepper.runProjectionChunk.map {
                say($0 == 1 ? StepMessage.projectionStraight : .projectionChunked(steps: $0))
            }
            ?? say(StepMessage.projectionAll)
        let finished = session.stepper.runToEnd(threads: session.settings.threads, shouldCancel: context.shouldCancel)
        let ran = Direction.allCases.map { "\(session.stepper.cursor($0) - before[$0.rawValue]) \($0.short)" }.joined(
            separator: " + ")
        guard finished else {
            throw Interrupted(partial: say(StepMessage.interruptedAfter(ran: ran, position: session.positionText)))
        }
        return [
            .text(
                say(StepMessage.ran(ran: ran, projection: projection, position: session.positionText))
                    + "\n    \(finalShapes)")
        ]
    }

    /// The watched views, re-shown after a move. A view that cannot be shown yet says why.
    func watchOutputs() -> [Output] {
        var out: [Output] = []
        for w in session.watches {
            do {
                switch w {
                case .view(let r): out += try views(r)
                case .expression(let e): out += try expressionView(e, as: .show)
                }
            } catch {
                out.append(.text("(watch \(w.text): \(wording(error)))"))
            }
        }
        return out
    }
}
