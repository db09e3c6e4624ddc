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
/// Each column is as wide as its header or its widest value (with the mark) and one
/// space, so at precision 4 the gates table fits 80 columns.
struct DraftCompareTable {
    var hiddenSize: Int
    var b: Int
    var precision: Int
    var cPrev: Matrix
    var correct: (gates: Matrix, state: LSTMState)
    var draft: (gates: Matrix, state: LSTMState)

    /// One column: two header lines and a cell per unit (with its `*` when marked).
    private struct Column {
        var header: (String, String)
        var cells: [String]
        var width: Int {
            ([header.0, header.1] + cells).map { TextLayout.displayWidth($0) }.max().map { max($0, 8) + 1 } ?? 9
        }
    }

    private func number(_ v: Float) -> String { NumberFormat.fixed(v, precision: precision) }

    /// The unit column: as wide as its heading, two spaces after.
    private func unitWidth(_ unit: String) -> Int { max(TextLayout.displayWidth(unit), 3) + 2 }

    private func lines(_ columns: [Column], unit: String, headers: Int) -> [String] {
        let uw = unitWidth(unit)
        func line(_ first: String, _ texts: [String]) -> String {
            var row = first
            for (c, text) in zip(columns, texts) { row += NumberFormat.padRight(text, c.width) }
            while row.last == " " { row.removeLast() }
            return row
        }
        var out = [line(NumberFormat.padRight(unit, uw), columns.map(\.header.0))]
        if headers == 2 { out.append(line(NumberFormat.padRight("", uw), columns.map(\.header.1))) }
        for u in 0..<hiddenSize {
            out.append(line(NumberFormat.pad(String(u), uw - 2) + "  ", columns.map { $0.cells[u] }))
        }
        return out
    }

    /// Gate columns of i, f, g, o for both cells; under each name, the block of z and the
    /// activation its value really came from; a draft value that differs as shown is marked.
    func gateLines(unit: String, correct correctTitle: String, draft draftTitle: String) -> [String] {
        func column(_ variant: Variant, _ gate: Gate) -> Column {
            let w = variant.wiring(gate)
            let col = gate.rows(hiddenSize: hiddenSize).lowerBound
            let cells = (0..<hiddenSize).map { u -> String in
                let right = number(correct.gates[b, col + u])
                guard variant == .draft else { return right }
                let value = number(draft.gates[b, col + u])
                return value + (value != right ? "*" : "")
            }
            return Column(header: (gate.symbol, "\(w.activation.symbol)(z_\(w.block.symbol))"), cells: cells)
        }
        let left = Gate.allCases.map { column(.correct, $0) }
        let right = Gate.allCases.map { column(.draft, $0) }
        let title =
            NumberFormat.padRight("", unitWidth(unit))
            + NumberFormat.padRight(correctTitle, left.reduce(0) { $0 + $1.width }) + draftTitle
        return [title] + lines(left + right, unit: unit, headers: 2)
    }

    /// c_prev, then c and h of both cells (the draft's marked where they differ), and h draft − h.
    func stateLines(unit: String) -> [String] {
        let range = 0..<hiddenSize
        func values(_ m: Matrix) -> [String] { range.map { number(m[b, $0]) } }
        func marked(_ mine: [String], against right: [String]) -> [String] {
            zip(mine, right).map { $0 + ($0 != $1 ? "*" : "") }
        }
        let (c, h) = (values(correct.state.c), values(correct.state.h))
        let columns = [
            Column(header: ("c_prev", ""), cells: values(cPrev)),
            Column(header: ("c", ""), cells: c),
            Column(header: ("c draft", ""), cells: marked(values(draft.state.c), against: c)),
            Column(header: ("h", ""), cells: h),
            Column(header: ("h draft", ""), cells: marked(values(draft.state.h), against: h)),
            Column(
                header: ("h draft − h", ""), cells: range.map { number(draft.state.h[b, $0] - correct.state.h[b, $0]) }),
        ]
        return lines(columns, unit: unit, headers: 1)
    }
}
