import LSTMCore
import LabText

/// `trace u=N`: a table with one row per step of one direction, for one unit.
///
/// ```
/// trace u=4 fwd b=0  forward direction, unit 4, sequence b=0: 12/12 steps in processing order
/// t        │  z_i  z_f  z_g  z_o │      i      f      g      o │     c     h
/// t=0  '(' │  4.0 -0.1 -1.5  4.4 │  0.982  0.475 -0.904  0.988 │ -0.89 -0.70
/// ```
public enum TraceRenderer {
    public static func render(_ view: UnitTraceView, options: RenderOptions) -> String {
        let d = view.direction
        var lines = [
            options.paint("trace u=\(view.unit) \(d.short) b=\(view.b)", .bold, Style.of(d))
                + "  " + TraceMessage.title(unit: view.unit, forward: d == .forward, b: view.b).text(options.language)
        ]
        let wrap = { (s: String) in TextWrap.wrap(s, width: options.width, indent: "  ", continuation: "    ") }
        let say = { (m: TraceMessage) in m.text(options.language) }
        let last = (view.sequenceLength ?? view.length) - 1
        lines += wrap(say(.processingOrder(rows: view.rows.count, of: view.length, forward: d == .forward, last: last)))
        lines += wrap(say(.legend(draft: view.variant == .draft)))
        lines.append("  " + say(.saturated))
        if let note = view.note { lines += wrap(note) }
        guard !view.rows.isEmpty else {
            lines.append("  " + say(.nothingYet(forward: d == .forward, short: d.short)))
            return lines.joined(separator: "\n")
        }
        // Gates need 3 digits to tell 0.993 from 1; z and the state give digits up first to fit the width.
        let p = min(options.precision, 4)
        let candidates = [(p, max(p, 3), p), (min(p, 2), max(p, 3), min(p, 3)), (1, 3, 2), (1, 2, 2), (1, 2, 1)]
        var table: [String] = []
        for (zp, gp, sp) in candidates {
            table = rows(view, precision: (zp, gp, sp), options: options)
            if !table.contains(where: { TextWidth.of($0) > options.width }) { break }
        }
        return (lines + table).joined(separator: "\n")
    }

    /// The table with `precision` digits for z, for the gates and for c and h.
    static func rows(_ view: UnitTraceView, precision: (z: Int, gate: Int, state: Int), options: RenderOptions)
        -> [String]
    {
        let fz = { (v: Float) in NumberFormat.fixed(v, precision: precision.z) }
        let fg = { (v: Float) in NumberFormat.fixed(v, precision: precision.gate) }
        let fs = { (v: Float) in NumberFormat.fixed(v, precision: precision.state) }
        let own = view.rows.filter { !$0.padded }
        let wz = max(NumberFormat.maxWidth(own.flatMap(\.z), precision: precision.z), 3)
        let wg = max(NumberFormat.maxWidth(own.flatMap(\.gates), precision: precision.gate), 3)
        let ws = max(NumberFormat.maxWidth(own.flatMap { [$0.c, $0.h] }, precision: precision.state), 3)
        let tokenWidth = view.rows.map { TextWidth.of($0.token ?? "") }.max() ?? 0
        // The step number is t + 1 forward and T - t backward: the rows' order says it, t names the input.
        let tWidth = max(2, "t=\(view.length - 1)".count)
        let lead =
            NumberFormat.padRight("t", tWidth)
            + (tokenWidth > 0 ? " " + String(repeating: " ", count: tokenWidth) : "")
        let names =
            ["z_i", "z_f", "z_g", "z_o"].map { NumberFormat.pad($0, wz) }.joined(separator: " ") + " │ "
            + ["i", "f", "g", "o"].map { NumberFormat.pad($0, wg) + " " }.joined(separator: " ") + " │ "
            + ["c", "h"].map { NumberFormat.pad($0, ws) }.joined(separator: " ")
        var out = ["  " + options.paint(lead + " │ " + names, .dim)]
        for r in view.rows {
            if r.padded {
                out.append("  " + options.paint(paddedRow(r, widths: (wz, wg, ws), tWidth: tWidth, tokenWidth), .dim))
                continue
            }
            var s = NumberFormat.padRight("t=\(r.t)", tWidth)
            if tokenWidth > 0 { s += " " + NumberFormat.padRight(r.token ?? "", tokenWidth) }
            s += " │ " + r.z.map { NumberFormat.pad(fz($0), wz) }.joined(separator: " ") + " │ "
            s += r.gates.enumerated().map { k, v in
                let text = NumberFormat.pad(fg(v), wg)
                return view.isSaturated(k, v) ? options.paint(text, .warning, .bold) + "*" : text + " "
            }.joined(separator: " ")
            // A saturation mark takes the column after its number; a space keeps it off the bar.
            s += " │ " + NumberFormat.pad(fs(r.c), ws) + " " + NumberFormat.pad(fs(r.h), ws)
            out.append("  " + s)
        }
        return out
    }

    /// A step that is not this sequence's own: every number `pad`, in the table's columns.
    static func paddedRow(
        _ r: UnitTraceView.Row, widths: (z: Int, gate: Int, state: Int), tWidth: Int, _ tokenWidth: Int
    ) -> String {
        let mark = { (w: Int) in NumberFormat.pad(w >= 3 ? "pad" : "-", w) }
        var s = NumberFormat.padRight("pad", tWidth)
        if tokenWidth > 0 { s += " " + String(repeating: " ", count: tokenWidth) }
        s += " │ " + (0..<4).map { _ in mark(widths.z) }.joined(separator: " ") + " │ "
        s += (0..<4).map { _ in mark(widths.gate) + " " }.joined(separator: " ")
        s += " │ " + mark(widths.state) + " " + mark(widths.state)
        return s
    }
}
