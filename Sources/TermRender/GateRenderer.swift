import LSTMCore

/// One step's gates: for each chunk i, f, g, o, its pre-activation and its
/// activated value, side by side per batch row.
public enum GateRenderer {
    public static func render(_ view: GateStepView, options: RenderOptions) -> String {
        let h = view.hiddenSize
        let b = view.pre.shape.first ?? 0
        var lines = [
            "gates  \(view.direction.short) t=\(view.t)  (step \(view.stepNumber)/\(view.length) of the \(view.direction.name) direction)  [B, 4H] = \(formatShape(view.pre.shape))",
            "  from: z = x_t·W_ihᵀ + b_ih + h_prev·W_hhᵀ + b_hh, split by chunk(4, dim=1) into i, f, g, o (each [B, H] = [\(b), \(h)])",
        ]
        if view.variant == .draft {
            lines.append("  variant draft: the o slot holds tanh(z_g) and the g slot holds σ(z_o) (the tutorial draft's swap)")
        }
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        let all = (view.pre.data + view.post.data).map(fmt)
        let cellWidth = all.map(\.count).max() ?? 1
        let labelWidth = TextWidth.of("b=\(max(0, b - 1))")
        // Two columns (pre │ post) share the width.
        let half = max(8, (options.width - 2 - labelWidth - 3 - 3) / 2)
        for gate in Gate.allCases {
            let cols = gate.rows(hiddenSize: h)
            var act = gate.activation.symbol
            if view.variant == .draft && gate == .cell { act = "σ(z_o)" }
            else if view.variant == .draft && gate == .output { act = "tanh(z_g)" }
            else { act += "(z_\(gate.symbol))" }
            lines.append("  \(gate.symbol)  \(gate.longName), columns \(cols.lowerBound)..\(cols.upperBound - 1):  z_\(gate.symbol)  →  \(gate.symbol) = \(act)")
            for r in 0..<b {
                let pre = cols.map { fmt(view.pre.data[r * 4 * h + $0]) }
                let post = cols.map { fmt(view.post.data[r * 4 * h + $0]) }
                let left = NumberFormat.padRight(TensorRenderer.row(pre, cellWidth: cellWidth, available: half), half)
                let right = TensorRenderer.row(post, cellWidth: cellWidth, available: half)
                lines.append("    " + NumberFormat.padRight("b=\(r)", labelWidth) + " │ " + left + " → " + right)
            }
        }
        return lines.joined(separator: "\n")
    }
}
