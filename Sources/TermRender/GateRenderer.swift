import LSTMCore
import LabText

/// One step's gates: the four chunks i, f, g, o side by side, one line per
/// unit, each as pre-activation → activated value; with the cell state the
/// step started from beside them when the width allows. Stacked (one block per chunk)
/// when side by side does not fit.
///
/// ```
///             i = σ(z_i)        f = σ(z_f)      …
///   u=0 │ -0.1370 →  0.4658   2.1168 →  0.8925  …
/// ```
public enum GateRenderer {
    public static func render(_ view: GateStepView, options: RenderOptions) -> String {
        var cellWidth = NumberFormat.maxWidth(view.pre.data + view.post.data, precision: options.precision)
        // Wide enough that a chunk's title ("g = tanh(z_g)") fits over its two columns.
        cellWidth = max(cellWidth, 6)
        var lines = header(view, options: options)
        if let side = sideBySide(view, cellWidth: cellWidth, options: options) {
            lines += side
        } else {
            lines += stacked(view, cellWidth: cellWidth, options: options)
        }
        return lines.joined(separator: "\n")
    }

    static func header(_ view: GateStepView, options: RenderOptions) -> [String] {
        let h = view.hiddenSize
        let rows = view.pre.shape.first ?? 0
        let d = view.direction == .forward ? "f" : "b"
        let name = options.paint("gates \(view.direction.short) t=\(view.t)", .bold, Style.of(view.direction))
        let step = options.say(
            .gatesHeader(
                step: view.stepNumber, of: view.length, forward: view.direction == .forward,
                t: view.t))
        var lines = TextWrap.wrap(
            "\(name)  \(formatShape(view.pre.shape))  " + options.say(.axes("b, gate·unit")) + "  " + step,
            width: options.width, indent: "", continuation: "    ")
        let formula = "z = x_t·W_ih_\(d)ᵀ + b_ih_\(d) + h_prev·W_hh_\(d)ᵀ + b_hh_\(d)"
        let label = options.say(.from)
        var from = TextWrap.wrap(
            label + (options.language == .zh ? "" : " ")
                + options.say(.gatesFrom(formula: formula, mode: view.mode.rawValue, rows: rows, hidden: h)),
            width: options.width, indent: "  ", continuation: "        ")
        from[0] = "  " + options.paint(label, .dim) + String(from[0].dropFirst(2 + label.count))
        lines += from
        lines += view.notes.flatMap { TextWrap.wrap($0, width: options.width, indent: "  ", continuation: "    ") }
        if view.variant == .draft {
            let lead = options.say(.draftWarningLead)
            var warn = TextWrap.wrap(
                lead + (options.language == .zh ? "" : " ") + options.say(.draftWarning), width: options.width,
                indent: "  ", continuation: "    ")
            warn[0] = "  " + options.paint(lead, .warning, .bold) + String(warn[0].dropFirst(2 + lead.count))
            lines += warn
        }
        return lines
    }

    /// The activation text of each gate, naming the block of z it reads: `σ(z_i)`.
    public static func activation(_ gate: Gate, _ variant: Variant) -> String {
        let w = variant.wiring(gate)
        return "\(w.activation.symbol)(z_\(w.block.symbol))"
    }

    /// Whether `gate` is computed otherwise than in `nn.LSTM` (drawn as a warning).
    static func differs(_ gate: Gate, _ variant: Variant) -> Bool {
        variant.wiring(gate) != Variant.correct.wiring(gate)
    }

    static func unitsShown(_ view: GateStepView) -> [Int?] {
        if let units = view.units { return units }
        let h = view.hiddenSize
        let rows = view.pre.shape.first ?? 0
        if rows * 4 * h > TensorRenderer.summaryThreshold && h > 2 * TensorRenderer.edgeItems {
            let e = TensorRenderer.edgeItems
            return Array(0..<e) + [nil] + Array((h - e)..<h)
        }
        return Array(0..<h)
    }

    /// One block per batch row, one line per unit; `nil` when it cannot fit the width.
    static func sideBySide(_ view: GateStepView, cellWidth cw: Int, options: RenderOptions) -> [String]? {
        let h = view.hiddenSize
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        let unitLabelWidth = TextWidth.of("u=\(max(0, h - 1))")
        let lead = 2 + unitLabelWidth + 3
        // Prefer " → " between pre and post and " │ " between chunks; fall back to tighter glue.
        let styles: [(arrow: String, gap: String)] = [(" → ", "   "), (" →", "  "), ("→", "  ")]
        // c_prev beside the gates: everything c_t = f ⊙ c_prev + i ⊙ g needs, on one line.
        // (Not c and h themselves: lessons ask the learner to compute those from this screen.)
        let sw = max(cw, 6)
        let stateTitle = "c_prev"
        let stateWidth = 3 + sw
        func gatesWidth(_ s: (arrow: String, gap: String)) -> Int {
            4 * (2 * cw + TextWidth.of(s.arrow)) + 3 * TextWidth.of(s.gap)
        }
        // The roomiest glue that leaves space for c_prev, else the roomiest that fits at all.
        let chosen = styles.first { view.cPrev != nil && lead + gatesWidth($0) + stateWidth <= options.width }
        guard let style = chosen ?? styles.first(where: { lead + gatesWidth($0) <= options.width }) else { return nil }
        let pairWidth = 2 * cw + TextWidth.of(style.arrow)
        let cPrev = chosen != nil ? view.cPrev : nil

        var titles = Gate.allCases.map { gate -> String in
            let t = "\(gate.symbol) = \(activation(gate, view.variant))"
            return options.paint(
                NumberFormat.padRight(t, pairWidth), differs(gate, view.variant) ? [.warning, .bold] : [.bold])
        }.joined(separator: style.gap)
        var sub = Gate.allCases.map { gate in
            NumberFormat.pad("z_\(view.variant.wiring(gate).block.symbol)", cw) + style.arrow
                + NumberFormat.pad(gate.symbol, cw)
        }.joined(separator: style.gap)
        if cPrev != nil {
            titles += " ┃ " + options.paint(NumberFormat.pad(stateTitle, sw), .bold)
            sub += " ┃ " + String(repeating: " ", count: sw)
        }
        let indent = String(repeating: " ", count: lead)
        var lines = TextWrap.wrap(
            options.say(.gateColumns(hidden: h, twice: 2 * h, thrice: 3 * h, withState: cPrev != nil)),
            width: options.width, indent: "  ", continuation: "    ")
        lines += [indent + titles, indent + options.paint(sub, .dim)]
        let row = view.pre.shape.count > 1 ? view.pre.shape[1] : 0
        for (r, b) in view.batchIndices.enumerated() {
            lines.append(options.paint("[b=\(b)]", .bold))
            for u in unitsShown(view) {
                guard let u else {
                    lines.append(
                        "  " + NumberFormat.padRight("⋮", unitLabelWidth) + "   "
                            + options.say(.moreUnits(h - 2 * TensorRenderer.edgeItems)))
                    continue
                }
                var text = Gate.allCases.map { gate -> String in
                    // The value in gate's column, beside the pre-activation it was computed from.
                    let col = gate.rows(hiddenSize: h).lowerBound + u
                    let source = view.variant.wiring(gate).block.rows(hiddenSize: h).lowerBound + u
                    let pre = NumberFormat.pad(fmt(view.pre.data[r * row + source]), cw)
                    let post = NumberFormat.pad(fmt(view.post.data[r * row + col]), cw)
                    return pre + options.paint(style.arrow, .dim) + post
                }.joined(separator: style.gap)
                if let cPrev {
                    text += " ┃ " + NumberFormat.pad(fmt(cPrev.data[r * h + u]), sw)
                }
                lines.append("  " + NumberFormat.padRight("u=\(u)", unitLabelWidth) + " │ " + text)
            }
        }
        return lines
    }

    /// One block per chunk, one line per batch row: pre-activations │ activated values.
    static func stacked(_ view: GateStepView, cellWidth: Int, options: RenderOptions) -> [String] {
        let h = view.hiddenSize
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        let row = view.pre.shape.count > 1 ? view.pre.shape[1] : 0
        let labelWidth = view.batchIndices.map { TextWidth.of("b=\($0)") }.max() ?? 3
        let half = max(8, (options.width - 2 - labelWidth - 3 - 3) / 2)
        var lines: [String] = []
        for gate in Gate.allCases {
            let cols = gate.rows(hiddenSize: h)
            let block = view.variant.wiring(gate).block
            let blockRows = block.rows(hiddenSize: h)
            let from =
                block == gate
                ? "" : " (z_\(block.symbol): columns \(blockRows.lowerBound)..\(blockRows.upperBound - 1) of z)"
            let title =
                options.say(
                    .gateBlockTitle(
                        label: options.say(.gateLabel(symbol: gate.symbol)), first: cols.lowerBound,
                        last: cols.upperBound - 1,
                        formula: "z_\(block.symbol)  →  \(gate.symbol) = \(activation(gate, view.variant))"))
                + from
            lines.append("  " + options.paint(title, differs(gate, view.variant) ? [.warning, .bold] : [.bold]))
            for (r, b) in view.batchIndices.enumerated() {
                let units = view.units ?? Array(0..<h)
                let pre = units.map { fmt(view.pre.data[r * row + blockRows.lowerBound + $0]) }
                let post = units.map { fmt(view.post.data[r * row + cols.lowerBound + $0]) }
                let left = NumberFormat.padRight(TensorRenderer.row(pre, cellWidth: cellWidth, available: half), half)
                let right = TensorRenderer.row(post, cellWidth: cellWidth, available: half)
                lines.append(
                    "    " + NumberFormat.padRight("b=\(b)", labelWidth) + " │ " + left + options.paint(" → ", .dim)
                        + right)
            }
        }
        return lines
    }
}
