import LSTMCore
import LabText
import TermRender

/// `show … u=A..B`: the units of the hidden axis a view shows, so a learner can ask for the
/// units the column summary hides. A unit u is the same u in every block of the axis: in each
/// gate's chunk of `[4H]` (gates, gates_pre, biases), in each direction's half of y's `[2H]`, in
/// each gate's row block of a weight matrix (`W_hh`'s columns are kept whole).
extension Interpreter {
    /// The outputs of `views` for `r` without its units, cut to them.
    func unitViews(_ r: ViewRequest, _ units: ClosedRange<Int>, validateOnly: Bool) throws -> [Output] {
        let h = session.stepper.hiddenSize
        let typed = UnitRangeText.text(units)
        if [.x, .logits, .pred].contains(r.name) {
            throw LabError(said: ViewCommandMessage.unitsNotForView(name: r.name.rawValue))
        }
        guard units.upperBound < h else {
            throw LabError(said: ViewCommandMessage.unitsOutOfRange(typed: typed, last: h - 1))
        }
        var whole = r
        whole.units = nil
        let outputs = try views(whole, validateOnly: validateOnly)
        return try outputs.map { output in
            switch output {
            case .tensor(var v):
                try cut(&v, r.name, units, hidden: h)
                return .tensor(v)
            case .gates(var g):
                g.units = Array(units)
                g.notes.append(say(ViewCommandMessage.unitsPerGate(units: span(units), columns: blocks(units, h, 4))))
                return .gates(g)
            default:
                return output
            }
        }
    }

    /// `v` cut to `units` as its view lays the hidden axis out.
    private func cut(_ v: inout TensorView, _ name: ViewName, _ units: ClosedRange<Int>, hidden h: Int) throws {
        let said: ViewCommandMessage
        if name.parameter != nil && v.tensor.rank == 2 {
            let rows = (0..<4).flatMap { g in units.map { g * h + $0 } }
            try v.keepRows(rows) { g, first, last in
                let symbol = String(g.label.prefix { $0 != " " && $0 != ":" })
                return say(ViewMessage.gateLabel(symbol: symbol)) + " " + span(first...last)
            }
            said = .unitsWeightRows(units: span(units), rows: blocks(units, h, 4))
        } else {
            let width = v.tensor.shape.last ?? 0
            let copies = width / max(1, h)
            try v.keepColumns((0..<copies).flatMap { c in units.map { c * h + $0 } })
            switch copies {
            case 4: said = .unitsPerGate(units: span(units), columns: blocks(units, h, 4))
            case 2:
                said = .unitsPerDirection(
                    units: span(units), forward: span(units),
                    backward: span(units.lowerBound + h...units.upperBound + h))
            default: said = .unitsShown(units: span(units), total: h)
            }
        }
        v.details.append(say(said))
    }

    /// `show EXPR u=A..B`: columns A..B of the expression's last axis.
    func cutColumns(_ v: inout TensorView, _ units: ClosedRange<Int>) throws {
        let n = v.tensor.shape.last ?? 0
        guard units.upperBound < n else {
            throw LabError(said: ViewCommandMessage.unitsOutOfRange(typed: UnitRangeText.text(units), last: n - 1))
        }
        try v.keepColumns(Array(units))
        v.details.append(say(ViewCommandMessage.unitsLastAxis(units: span(units), total: n)))
    }

    /// `6..9` (or `6`).
    func span(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)..\(r.upperBound)"
    }

    /// `6..9, 22..25, 38..41, 54..57`: the units in each of `count` blocks of `h`.
    func blocks(_ r: ClosedRange<Int>, _ h: Int, _ count: Int) -> String {
        (0..<count).map { span((r.lowerBound + $0 * h)...(r.upperBound + $0 * h)) }.joined(
            separator: session.settings.language == .zh ? "、" : ", ")
    }
}

extension Interpreter {
    /// `focus NAME …`: the views of `show`, each with every column (a step's gates: every unit).
    func focusViews(_ r: ViewRequest) throws -> [Output] {
        try views(r).map { output in
            switch output {
            case .tensor(var v):
                v.allColumns = true
                return .tensor(v)
            case .gates(var g):
                if g.units == nil { g.units = Array(0..<g.hiddenSize) }
                return .gates(g)
            default:
                return output
            }
        }
    }
}
