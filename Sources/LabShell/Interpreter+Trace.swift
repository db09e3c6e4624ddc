import LSTMCore
import LabText
import TermRender

extension Interpreter {
    /// `trace u=N [fwd|bwd] [b=N]`: unit N at every step taken, both directions unless one is named.
    func trace(unit: Int, direction: Direction?, b: Int?) throws -> [Output] {
        let st = session.stepper
        let h = st.hiddenSize
        guard unit >= 0, unit < h else { throw LabError(said: RefusalMessage.unitOutOfRange(unit: unit, last: h - 1)) }
        let bi = b ?? 0
        guard bi >= 0, bi < st.batch else {
            throw LabError(.outOfRange(key: "b", value: bi, last: st.batch - 1))
        }
        return (direction.map { [$0] } ?? Direction.allCases).map { d in
            if let padded = paddedTrace(unit: unit, d, b: bi) { return .trace(padded) }
            let rows = st.traces[d].enumerated().map { k, tr -> UnitTraceView.Row in
                let z = tr.gatesPre
                let g = tr.gates
                let gateColumns = Gate.allCases.map { $0.rows(hiddenSize: h).lowerBound + unit }
                return UnitTraceView.Row(
                    step: k + 1, t: tr.t, token: session.text?.token(b: bi, t: tr.t),
                    z: gateColumns.map { z[bi, $0] }, gates: gateColumns.map { g[bi, $0] },
                    c: tr.c[bi, unit], h: tr.h[bi, unit])
            }
            return .trace(
                UnitTraceView(
                    direction: d, unit: unit, b: bi, length: st.length,
                    variant: session.settings.variant, rows: rows))
        }
    }

    /// With lengths (packed): sequence b's own processing order, each row at the t that b read
    /// (its backward direction starts at its own end); the steps past its length are `pad`.
    private func paddedTrace(unit: Int, _ d: Direction, b bi: Int) -> UnitTraceView? {
        guard hasPadding, let stack = session.stack else { return nil }
        let h = stack.hiddenSize
        let gateColumns = Gate.allCases.map { $0.rows(hiddenSize: h).lowerBound + unit }
        let rows = stack.steps[session.layer][d.rawValue].enumerated().map { k, step -> UnitTraceView.Row in
            let tr = step.trace
            let t = step.times[bi]
            var row = UnitTraceView.Row(
                step: k + 1, t: t ?? -1, token: t.flatMap { session.text?.token(b: bi, t: $0) },
                z: gateColumns.map { tr.gatesPre[bi, $0] }, gates: gateColumns.map { tr.gates[bi, $0] },
                c: tr.c[bi, unit], h: tr.h[bi, unit])
            row.padded = t == nil
            return row
        }
        var view = UnitTraceView(
            direction: d, unit: unit, b: bi, length: stack.stepCount, variant: session.settings.variant, rows: rows)
        view.note = say(PaddingMessage.traceOwnSteps(b: bi, length: stack.lengths[bi], steps: stack.stepCount))
        view.sequenceLength = stack.lengths[bi]
        return view
    }
}
