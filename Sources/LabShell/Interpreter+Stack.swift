import LSTMCore
import LSTMKernels
import LabText
import TermRender

/// Layers and lengths in the shell: `lengths`, `layer`, `set packed`, `sizes L=`,
/// and the moves (`step`, `back`, `goto`, `run`, `reset`) when the session has a stack.
extension Interpreter {
    // MARK: Model

    mutating func setLengths(_ values: [Int]?) throws -> [Output] {
        var next = session
        let (b, t) = (session.input.shape[0], session.input.shape[1])
        if let values {
            do {
                next.lengths = try SequenceLengths(values, batch: b, length: t)
            } catch {
                throw LabError(said: Lab.message(for: error))
            }
        } else {
            next.lengths = nil
        }
        try next.rebuildStepper()
        session = next
        guard let lengths = session.lengths else {
            return [.text(say(ReplyMessage.cursorsAtStart(what: say(ReplyMessage.lengthsNone(length: t)))))]
        }
        let padded = paddingText(lengths)
        let said = ReplyMessage.lengthsSet(
            lengths: lengths.text, packed: session.settings.packed, padding: padded.isEmpty ? nil : padded)
        return [.text(say(ReplyMessage.cursorsAtStart(what: say(said))))]
    }

    /// `b=0 t=4..5, b=2 t=1..5`: the padded positions.
    func paddingText(_ lengths: SequenceLengths) -> String {
        lengths.values.enumerated().compactMap { b, n -> String? in
            guard n < lengths.paddedLength else { return nil }
            let last = lengths.paddedLength - 1
            return "b=\(b) t=\(n)" + (n < last ? "..\(last)" : "")
        }.joined(separator: ", ")
    }

    mutating func selectLayer(_ n: Int) throws -> [Output] {
        guard n < session.layerCount else {
            throw LabError(said: ReplyMessage.noSuchLayer(layer: n, count: session.layerCount))
        }
        session.layer = n
        try session.syncLayerView()
        let said = ReplyMessage.layerSelected(layer: n, of: session.layerCount, position: session.positionText)
        return [.text(say(said))]
            + watchOutputs()
    }

    mutating func setPacked(_ on: Bool) throws -> [Output] {
        var next = session
        next.settings.packed = on
        try next.rebuildStepper()
        session = next
        return [.text(say(ReplyMessage.cursorsAtStart(what: say(ReplyMessage.packedSet(on: on)))))]
    }

    /// Redraws layers 1…L−1 for `layers` (or for a new H), with the session's initialiser and generator.
    mutating func resizeLayers(_ next: inout Session, layers: Int, redrawAll: Bool) throws -> String? {
        guard (1...StackedParameters.maxLayers).contains(layers) else {
            throw LabError(.wholeNumber(what: "L", low: 1, high: StackedParameters.maxLayers, typed: "\(layers)"))
        }
        let h = next.sizes.hiddenSize
        let keep = redrawAll ? 0 : min(next.upperLayers.count, layers - 1)
        var upper = Array(next.upperLayers.prefix(keep))
        for _ in keep..<(layers - 1) {
            guard
                let p = BiLSTMParameters.initialized(
                    next.initializer, inputSize: 2 * h, hiddenSize: h,
                    using: &next.generator, shouldCancel: context.shouldCancel,
                    factorizer: LAPACKHouseholder())
            else {
                throw Interrupted(unchanged: say(SessionErrorMessage.sizesNotChanged))
            }
            upper.append(p)
        }
        let drawn = layers - 1 - keep
        next.upperLayers = upper
        return drawn > 0
            ? say(
                ReplyMessage.layersDrawn(
                    last: layers - 1, initializer: next.initializer.rawValue, rows: 4 * h, inputs: 2 * h))
            : nil
    }

    // MARK: Moving

    /// `l1 fwd step 2/5: read y_l0[:, 1, :] → h_f[1], c (fused, 2 products)`; with lengths each sequence's t.
    private func stackStepLine(_ d: Direction, _ step: StackedStepper.Step, _ stack: StackedStepper) -> String {
        let l = session.layer
        let k = stack.cursor(layer: l, d)
        let prefix = stack.layerCount > 1 ? "l\(l) " : ""
        let source = l == 0 ? "x" : "y_l\(l - 1)"
        let trace = step.trace
        let how = say(StackMessage.how(mode: trace.mode.rawValue, products: trace.products))
        let times = step.times
        let moved = times.indices.filter { times[$0] != nil }
        if let first = times.first ?? nil, times.allSatisfy({ $0 == first }) {
            let target =
                d == .forward ? "h_f[\(first)], c_f[\(first)]" : "h_b[\(first)], c_b[\(first)] (h_b_rev[\(k - 1)])"
            return say(
                StackMessage.step(
                    prefix: prefix, direction: d.short, step: k, of: stack.stepCount, source: source, t: first,
                    target: target, how: how))
        }
        let reads = moved.compactMap { b in times[b].map { "b=\(b) t=\($0)" } }.joined(separator: ", ")
        let still = times.indices.filter { times[$0] == nil }
        return say(
            StackMessage.stepMoved(
                prefix: prefix, direction: d.short, step: k, of: stack.stepCount, reads: reads,
                still: still.isEmpty ? nil : still.map { "b=\($0)" }.joined(separator: ", "), how: how))
    }

    private func stackSizes(_ stack: StackedStepper) -> LSTMSizes {
        var s = session.sizes
        if session.layer > 0 { s.inputSize = 2 * s.hiddenSize }
        s.length = stack.stepCount
        return s
    }

    mutating func stackStep(_ choice: DirectionChoice, count: Int) throws -> [Output] {
        guard var stack = session.stack else { return [] }
        let l = session.layer
        let remaining = Direction.allCases.map {
            choice.directions.contains($0) ? min(count, stack.stepCount - stack.cursor(layer: l, $0)) : 0
        }
        try session.checkCompute(
            Double(remaining.reduce(0, +)) * Work.step(stackSizes(stack)),
            say(SessionErrorMessage.workStepLayer(choice: choice.rawValue, count: count, layer: l)))
        var lines: [String] = []
        defer {
            session.stack = stack
            try? session.syncLayerView()
        }
        for _ in 0..<count {
            var moved = false
            for d in choice.directions where stack.cursor(layer: l, d) < stack.stepCount {
                if context.shouldCancel() {
                    session.stack = stack
                    try? session.syncLayerView()
                    lines.append(say(StepMessage.interrupted(position: session.positionText)))
                    throw Interrupted(partial: lines.joined(separator: "\n"))
                }
                do {
                    let step = try stack.step(layer: l, d, threads: session.settings.threads)
                    moved = true
                    lines.append(stackStepLine(d, step, stack))
                } catch let refusal as StackOrderRefusal {
                    if lines.isEmpty { throw refusal }
                    lines.append("    " + say(StackMessage.stopped(reason: wording(refusal))))
                    return [.text(lines.joined(separator: "\n"))]
                }
            }
            if !moved {
                if lines.isEmpty {
                    let all = StepMessage.allStepsTaken(
                        both: choice == .both, forward: choice.directions[0] == .forward, length: stack.stepCount)
                    throw LabError(
                        said: StackMessage.onLayer(layer: stack.layerCount > 1 ? l : nil, text: say(all)))
                }
                break
            }
        }
        if stack.isComplete(layer: l) {
            lines.append(
                "    " + say(StackMessage.layerFinished(layer: l, next: l + 1 < stack.layerCount ? l + 1 : nil)))
        }
        return [.text(lines.joined(separator: "\n"))]
    }

    mutating func stackBack(_ choice: DirectionChoice, count: Int) throws -> [Output] {
        guard var stack = session.stack else { return [] }
        let l = session.layer
        var undone = [0, 0]
        defer {
            session.stack = stack
            try? session.syncLayerView()
        }
        for _ in 0..<count {
            guard choice.directions.contains(where: { stack.cursor(layer: l, $0) > 0 }) else { break }
            for d in choice.directions where stack.cursor(layer: l, d) > 0 {
                do {
                    try stack.back(layer: l, d)
                    undone[d.rawValue] += 1
                } catch let refusal as StackOrderRefusal {
                    if undone == [0, 0] { throw refusal }
                    return [
                        .text(
                            say(
                                StackMessage.undidThenStopped(
                                    parts: undoneText(undone, choice), reason: wording(refusal))))
                    ]
                }
            }
        }
        guard undone != [0, 0] else {
            throw LabError(
                said: StepMessage.atStart(both: choice == .both, forward: choice.directions[0] == .forward))
        }
        session.stack = stack
        try session.syncLayerView()
        return [
            .text(say(StepMessage.undid(parts: undoneText(undone, choice), position: session.positionText)))
        ]
    }

    private func undoneText(_ undone: [Int], _ choice: DirectionChoice) -> String {
        choice.directions.filter { undone[$0.rawValue] > 0 }.map { "\($0.short) −\(undone[$0.rawValue])" }
            .joined(separator: ", ")
    }

    mutating func stackGoto(_ target: GotoTarget, _ choice: DirectionChoice) throws -> [Output] {
        guard let stack = session.stack else { return [] }
        let n = stack.stepCount
        let l = session.layer
        for d in choice.directions {
            let goal: Int
            switch target {
            case .start: goal = 0
            case .end: goal = n
            case .time(let t):
                guard t < stack.length else {
                    throw LabError(.outOfRange(key: "t", value: t, last: stack.length - 1))
                }
                goal = min(n, d == .forward ? t + 1 : stack.length - t)
            }
            let now = stack.cursor(layer: l, d)
            let only = DirectionChoice(rawValue: d.short) ?? .both
            if goal > now { _ = try stackStep(only, count: goal - now) }
            if goal < now { _ = try stackBack(only, count: now - goal) }
        }
        return [.text(say(StepMessage.now(position: session.positionText)))]
    }

    mutating func stackRun() throws -> [Output] {
        guard var stack = session.stack else { return [] }
        guard !stack.isComplete else { return [.text(say(StackMessage.nothingToRun))] }
        var work = 0.0
        for layer in 0..<stack.layerCount {
            var s = session.sizes
            if layer > 0 { s.inputSize = 2 * s.hiddenSize }
            for d in Direction.allCases {
                // A packed run computes only the sequences still running (StackedStepper+Packed).
                let from = stack.cursor(layer: layer, d)
                let fullBoth = stack.effectiveLengths.isFull
                work +=
                    fullBoth
                    ? Work.run(s, steps: stack.stepCount - from)
                    : Work.packedRun(s, lengths: stack.effectiveLengths.values, from: from)
            }
        }
        try session.checkCompute(
            work,
            say(
                SessionErrorMessage.workRun(
                    layers: stack.layerCount, batch: session.sizes.batch, length: stack.stepCount,
                    hidden: session.sizes.hiddenSize)))
        let before = stack.cursors.flatMap { $0 }.reduce(0, +)
        let finished = try stack.run(threads: session.settings.threads, shouldCancel: context.shouldCancel)
        let ran = stack.cursors.flatMap { $0 }.reduce(0, +) - before
        session.stack = stack
        try session.syncLayerView()
        if !finished {
            throw Interrupted(partial: say(StackMessage.interruptedAfter(steps: ran, position: session.positionText)))
        }
        let lTimes2 = 2 * stack.layerCount
        let state = formatShape([lTimes2, stack.batch, stack.hiddenSize])
        return [
            .text(
                say(
                    StackMessage.ran(
                        steps: ran, layered: stack.layerCount > 1, position: session.positionText,
                        y: formatShape(layoutShape([stack.batch, stack.length, 2 * stack.hiddenSize])),
                        layer: stack.layerCount - 1, state: "h_n \(state)\(say(ListMessage.enumeration))c_n \(state)")))
        ]
    }

    mutating func stackReset() throws {
        session.stack?.reset()
        try session.syncLayerView()
    }
}
