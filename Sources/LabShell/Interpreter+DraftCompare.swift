import LSTMCore
import LabText
import TermRender

extension Interpreter {
    /// `compare draft [fwd|bwd] [t=N] [b=N]`: one step computed twice from the same
    /// weights, state and z, by `nn.LSTM`'s cell and by the tutorial's first draft
    /// (`Variant.draft`: chunk f, i, o, g and the swapped activations), side by side.
    ///
    /// The step is the direction's latest (its first if none), or the one at `t=`,
    /// which needs the state before it: the direction must have taken the steps up to it.
    func compareDraft(_ d: Direction, t: Int?, b: Int?) throws -> [Output] {
        if hasPadding { throw LabError(said: DraftCompareMessage.packed) }
        let st = session.stepper
        let bi = b ?? 0
        guard bi >= 0, bi < st.batch else {
            throw LabError(said: DraftCompareMessage.outOfRange(key: "b", value: bi, last: st.batch - 1))
        }
        let k: Int
        if let t {
            guard t >= 0, t < st.length else {
                throw LabError(said: DraftCompareMessage.outOfRange(key: "t", value: t, last: st.length - 1))
            }
            k = d.timeIndex(step: t, length: st.length)
            guard k <= st.cursor(d) else {
                throw LabError(
                    said: DraftCompareMessage.notReached(
                        direction: d.short, t: t, needed: k, taken: st.cursor(d), of: st.length))
            }
        } else {
            k = max(st.cursor(d) - 1, 0)
        }
        let time = d.timeIndex(step: k, length: st.length)
        let state = st.stateBefore(step: k, d)
        let parameters = d == .forward ? st.parameters.forward : st.parameters.backward
        let z = LSTMCell.preActivations(x: try st.x(at: time), h: state.h, parameters: parameters, mode: .fused)
        let correct = LSTMCell.finish(z: z, state: state, variant: .correct)
        let draft = LSTMCell.finish(z: z, state: state, variant: .draft)
        let table = DraftCompareTable(
            hiddenSize: st.hiddenSize, b: bi, precision: session.settings.precision, cPrev: state.c,
            correct: correct, draft: draft)
        let h = st.hiddenSize
        let layout = Gate.allCases.map { g in
            let r = g.rows(hiddenSize: h)
            return "z_\(g.symbol)=z[:,\(r.lowerBound):\(r.upperBound)]"  // no spaces: wraps whole
        }.joined(separator: ", ")
        // Prose wraps at word boundaries to the terminal; the tables keep their columns.
        let prose = { (m: DraftCompareMessage) in TextLayout.wrap(self.say(m), width: self.width, indent: "  ") }
        let lines =
            [
                prose(.header(direction: d.short, t: time, b: bi, step: k + 1, of: st.length)),
                prose(.blocks(layout: layout)), prose(.correctLines), prose(.draftLines), "",
            ]
            + table.gateLines(
                unit: say(DraftCompareMessage.unit), correct: say(DraftCompareMessage.correctTitle),
                draft: say(DraftCompareMessage.draftTitle))
            + ["", prose(.stateTitle)] + table.stateLines(unit: say(DraftCompareMessage.unit)) + [prose(.legend)]
        return [.text(lines.joined(separator: "\n"))]
    }
}

/// The two tables of `compare draft`, as text: the gates of both cells, then c and h.
struct DraftCompareTable {
    var hiddenSize: Int
    var b: Int
    var precision: Int
    var cPrev: Matrix
    var correct: (gates: Matrix, state: LSTMState)
    var draft: (gates: Matrix, state: LSTMState)

    private func number(_ v: Float) -> String { NumberFormat.fixed(v, precision: precision) }

    /// Each column: its header (gate name, then the block of z and the activation it really read).
    private func gateHeader(_ variant: Variant, _ gate: Gate) -> (String, String) {
        let w = variant.wiring(gate)
        return (gate.symbol, "\(w.activation.symbol)(z_\(w.block.symbol))")
    }

    /// Columns: the width of the widest number or header, plus the mark.
    private var width: Int {
        let all = correct.gates.data + draft.gates.data + correct.state.c.data + draft.state.c.data + cPrev.data
        return max(NumberFormat.maxWidth(all, precision: precision) + 1, 9)
    }

    private func cell(_ text: String, mark: Bool = false) -> String {
        NumberFormat.padRight(text + (mark ? "*" : ""), width + 1)
    }

    func gateLines(unit: String, correct correctTitle: String, draft draftTitle: String) -> [String] {
        let uw = max(TextLayout.displayWidth(unit), 3) + 2
        let half = 4 * (width + 1)
        var lines = [
            NumberFormat.padRight("", uw) + NumberFormat.padRight(correctTitle, half) + draftTitle,
            NumberFormat.padRight(unit, uw)
                + [Variant.correct, .draft].flatMap { v in Gate.allCases.map { cell(gateHeader(v, $0).0) } }.joined(),
            NumberFormat.padRight("", uw)
                + [Variant.correct, .draft].flatMap { v in Gate.allCases.map { cell(gateHeader(v, $0).1) } }.joined(),
        ]
        for u in 0..<hiddenSize {
            var row = NumberFormat.pad(String(u), uw - 2) + "  "
            let columns = Gate.allCases.map { $0.rows(hiddenSize: hiddenSize).lowerBound + u }
            let right = columns.map { number(correct.gates[b, $0]) }
            row += right.map { cell($0) }.joined()
            row += columns.enumerated().map { i, col in
                let v = number(draft.gates[b, col])
                return cell(v, mark: v != right[i])
            }.joined()
            lines.append(trimmedRight(row))
        }
        return lines.map(trimmedRight)
    }

    func stateLines(unit: String) -> [String] {
        let uw = max(TextLayout.displayWidth(unit), 3) + 2
        var lines = [
            NumberFormat.padRight(unit, uw)
                + ["c_prev", "c", "c draft", "h", "h draft", "h draft − h"].map { cell($0) }.joined()
        ]
        for u in 0..<hiddenSize {
            let c = number(correct.state.c[b, u])
            let cd = number(draft.state.c[b, u])
            let h = number(correct.state.h[b, u])
            let hd = number(draft.state.h[b, u])
            let diff = number(draft.state.h[b, u] - correct.state.h[b, u])
            let row =
                NumberFormat.pad(String(u), uw - 2) + "  " + cell(number(cPrev[b, u])) + cell(c)
                + cell(cd, mark: cd != c)
                + cell(h) + cell(hd, mark: hd != h) + cell(diff)
            lines.append(trimmedRight(row))
        }
        return lines.map(trimmedRight)
    }

    private func trimmedRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
