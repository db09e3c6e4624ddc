import LSTMCore
import LabText

/// The bidirectional network unrolled over T: inputs at the bottom, the
/// forward chain, the backward chain, the concatenated outputs on top (the
/// tutorial figure's order), each direction's cursor, and the figure's six
/// weights w1…w6 named by the parameter each one is.
///
/// ```
///                   t=0    t=1    t=2
///   output          y_0    y_1    y_2
///                    ·      ✓      ·
///   w3, w6           ↑      ↑      ↑
///   backward        [·]◀───[■]◀───[■]◀── h0[1]
/// ```
public enum DiagramRenderer {
    static let margin = 18
    static let columnWidth = 7

    public static func render(_ state: DiagramState, options: RenderOptions) -> String {
        let T = state.length
        let nf = state.forwardSteps
        let nb = state.backwardSteps
        let H = state.sizes.hiddenSize
        let D = state.sizes.inputSize
        let B = state.sizes.batch
        let cw = max(columnWidth, "y_\(max(0, T - 1))".count + 3)
        let fwdDone = { (t: Int) in t < nf }
        let bwdDone = { (t: Int) in t >= T - nb }
        let fwdLatest = nf > 0 ? nf - 1 : nil
        let bwdLatest = nb > 0 ? T - nb : nil
        let cols = columns(T, keep: [fwdLatest, bwdLatest].compactMap { $0 }, room: (options.width - margin - 8) / cw)

        func row(_ head: String, _ cell: (Int) -> String, gap: String, tail: String = "") -> String {
            var s = NumberFormat.padRight(head, margin)
            for c in cols {
                if let c { s += cell(c) } else { s += NumberFormat.padRight(gap.isEmpty ? "" : " " + gap, cw) }
            }
            return s + tail
        }
        func centered(_ s: String) -> String { NumberFormat.padRight(" " + s, cw) }
        func label(_ s: String) -> String { NumberFormat.padRight(s, cw) }

        let title =
            options.paint("diagram", .bold) + "  "
            + options.say(.diagramTitle(length: T, batch: B, inputs: D, hidden: H))
        let status =
            "  "
            + options.say(
                .diagramStatus(
                    forward: options.paint("fwd \(nf)/\(T)", .forward, .bold),
                    backward: options.paint("bwd \(nb)/\(T)", .backward, .bold)))
        var lines = [title, status, ""]
        lines.append(row("", { label("t=\($0)") }, gap: "…"))
        if let head = state.head {
            lines.append(
                row(
                    "  pred (b=0)",
                    { t in
                        if let n = state.ends?.first, t >= n { return options.paint(centered("pad"), .dim) }
                        guard t < head.predictions.count, let p = head.predictions[t] else {
                            return options.paint(centered("·"), .dim)
                        }
                        return options.paint(centered(p), .bold)
                    }, gap: "…"))
            lines.append(row("  w3 | w6 head", { _ in centered("↑") }, gap: ""))
        }
        lines.append(
            row(
                "  " + options.say(.diagramOutput),
                { t in
                    let ready = fwdDone(t) && bwdDone(t)
                    return options.paint(label("y_\(t)"), ready ? [.bold] : [.dim])
                }, gap: "…"))
        lines.append(
            row(
                "",
                { t in
                    fwdDone(t) && bwdDone(t) ? options.paint(centered("✓"), .bold) : options.paint(centered("·"), .dim)
                }, gap: ""))
        // With a head, w3 and w6 are drawn above y (they are its weights); y itself is a concatenation.
        lines.append(row(state.head == nil ? "  w3, w6" : "  cat(h_f, h_b)", { _ in centered("↑") }, gap: ""))

        // Backward chain: arrows point left (h_b[t+1] → h_b[t]); it starts from h0[1] at the right.
        let bwdArrow = "◀" + String(repeating: "─", count: cw - 4)
        lines.append(
            row(
                "  " + options.say(.diagramBackward),
                { t in
                    // The arrow into cell t carries h_b[t+1]: drawn in colour once t is computed.
                    cellText(bwdDone(t), latest: t == bwdLatest, .backward, options)
                        + options.paint(bwdArrow, bwdDone(t) ? .backward : .dim)
                }, gap: "…", tail: options.paint("── h0[1]", nb > 0 ? .backward : .dim)))
        lines.append(
            cursorLine(
                .backward, steps: nb, length: T, latest: bwdLatest, cols: cols, cw: cw,
                startColumn: margin + cols.count * cw + 3, options: options))
        lines.append(row("  w4", { _ in centered("↑") }, gap: ""))

        // Forward chain: h0[0] enters from the left, arrows point right.
        let fwdArrow = String(repeating: "─", count: cw - 4) + "▶"
        let fwdHead =
            NumberFormat.padRight("  " + options.say(.diagramForward), margin - 8)
            + options.paint("h0[0] ─▶", nf > 0 ? .forward : .dim)
        lines.append(
            row(
                fwdHead,
                { t in
                    cellText(fwdDone(t), latest: t == fwdLatest, .forward, options)
                        + (t == T - 1 ? "" : options.paint(fwdArrow, fwdDone(t + 1) ? .forward : .dim))
                }, gap: "…"))
        lines.append(
            cursorLine(
                .forward, steps: nf, length: T, latest: fwdLatest, cols: cols, cw: cw,
                startColumn: margin - 4, options: options))
        lines.append(row("  w1", { _ in centered("↑") }, gap: ""))
        lines.append(row("  " + options.say(.diagramInput), { label("x_\($0)") }, gap: "…"))
        if let tokens = state.tokens {
            lines.append(
                row(
                    "  text (b=0)",
                    { t in
                        guard t < tokens.count, let ch = tokens[t] else { return options.paint(centered("_"), .dim) }
                        return centered("'\(ch)'")
                    }, gap: "…"))
        }
        lines += endRows(state, row: row, cw: cw, options: options)

        let shapeWidth = max("[\(4 * H), \(D)]".count, "[\(4 * H), \(H)]".count)
        lines += [
            "",
            "  " + options.say(.diagramLegend),
            "  " + options.say(.diagramWeights),
            "    w1 = " + options.paint("W_ih_f", .forward) + " "
                + NumberFormat.padRight("[\(4 * H), \(D)]", shapeWidth) + "  "
                + options.say(.diagramW1),
            "    w2 = " + options.paint("W_hh_f", .forward) + " "
                + NumberFormat.padRight("[\(4 * H), \(H)]", shapeWidth) + "  "
                + options.say(.diagramW2),
            "    w4 = " + options.paint("W_ih_b", .backward) + " "
                + NumberFormat.padRight("[\(4 * H), \(D)]", shapeWidth) + "  "
                + options.say(.diagramW4),
            "    w5 = " + options.paint("W_hh_b", .backward) + " "
                + NumberFormat.padRight("[\(4 * H), \(H)]", shapeWidth) + "  "
                + options.say(.diagramW5),
        ]
        if let head = state.head {
            let k = head.classCount
            let w3 = HeadMessage.diagramHeadWeight(forward: true).text(options.language)
            let w6 = HeadMessage.diagramHeadWeight(forward: false).text(options.language)
            lines.append("    w3 = head weight[:, 0..\(H - 1)]  [\(k), \(H)]  \(w3)")
            lines.append("    w6 = head weight[:, \(H)..\(2 * H - 1)]  [\(k), \(H)]  \(w6)")
            lines += TextWrap.wrap(
                "logits_t = y_t·Wᵀ + bias = h_f[t]·w3ᵀ + h_b[t]·w6ᵀ + bias, [B, K] = [\(B), \(k)]; "
                    + "pred: \(head.legend)",
                width: options.width, indent: "    ", continuation: "         ")
        } else {
            lines += TextWrap.wrap(
                options.say(.diagramOutputLayer(batch: B, width: 2 * H)),
                width: options.width, indent: "    ", continuation: "         ")
        }
        return lines.map { trimRight($0) }.joined(separator: "\n")
    }

    /// With lengths: one row per sequence (up to 8), real steps as a line ending in `┤` at its
    /// last real t, `pad` after it.
    static func endRows(
        _ state: DiagramState, row: ((String, (Int) -> String, String, String) -> String), cw: Int,
        options: RenderOptions
    ) -> [String] {
        guard let ends = state.ends, ends.contains(where: { $0 < state.length }) else { return [] }
        let shown = Array(ends.prefix(8).enumerated())
        var lines = shown.map { b, n in
            row(
                "  " + PaddingMessage.diagramEndRow(b: b, length: n).text(options.language),
                { t in
                    if t >= n { return options.paint(NumberFormat.padRight("  pad", cw), .dim) }
                    // Which directions have read t of this sequence: ▶ forward, ◀ backward, · not yet.
                    let bits =
                        b < (state.visited?.count ?? 0) && t < (state.visited?[b].count ?? 0)
                        ? state.visited?[b][t] ?? 0 : 0
                    let f = bits & 1 != 0 ? options.paint("▶", .forward) : options.paint("·", .dim)
                    let w = bits & 2 != 0 ? options.paint("◀", .backward) : options.paint("·", .dim)
                    let end = t == n - 1 ? "┤" : ""
                    return "  " + f + w + end + String(repeating: " ", count: max(0, cw - 4 - end.count))
                }, "…", "")
        }
        lines += TextWrap.wrap(
            PaddingMessage.diagramEndsNote(more: ends.count - shown.count).text(options.language),
            width: options.width, indent: "  ", continuation: "    ")
        return lines
    }

    static func cellText(_ done: Bool, latest: Bool, _ d: Direction, _ options: RenderOptions) -> String {
        let s = done ? "[■]" : "[·]"
        if latest { return options.paint(s, Style.of(d), .bold) }
        return done ? options.paint(s, Style.of(d)) : options.paint(s, .dim)
    }

    /// `▲ fwd 3/5, next reads t=3` under the latest cell (or under h0 before the first step).
    static func cursorLine(
        _ d: Direction, steps: Int, length T: Int, latest: Int?, cols: [Int?], cw: Int,
        startColumn: Int, options: RenderOptions
    ) -> String {
        let next: String
        if steps >= T {
            next = options.say(.cursorFinished)
        } else {
            next = options.say(.cursorNext(t: d == .forward ? steps : T - 1 - steps))
        }
        let text = "\(d.short) \(steps)/\(T)" + (options.language == .zh ? "，" : ", ") + next
        var at = startColumn
        if let latest, let j = cols.firstIndex(where: { $0 == latest }) { at = margin + j * cw + 1 }
        let right = String(repeating: " ", count: at) + "▲ " + text
        let line =
            TextWidth.of(right) <= options.width || at < TextWidth.of(text) + 2
            ? String(repeating: " ", count: at) + options.paint("▲ " + text, Style.of(d))
            : String(repeating: " ", count: at - TextWidth.of(text) - 1) + options.paint(text + " ▲", Style.of(d))
        return line
    }

    /// Which time steps get a column: all when they fit, else the ends and the
    /// cursors, with `nil` for each elided run.
    static func columns(_ T: Int, keep: [Int], room: Int) -> [Int?] {
        let room = max(room, 5)
        if T <= room { return Array(0..<T) }
        var wanted = Set([0, T - 1])
        for k in keep where k >= 0 && k < T { wanted.insert(k) }
        // Add neighbours of the cursors first, then of the ends, nearest first, while the columns fit.
        let bases = keep.filter { $0 >= 0 && $0 < T } + [0, T - 1]
        for distance in 1..<T {
            for base in bases {
                for t in [base + distance, base - distance] where t >= 0 && t < T && !wanted.contains(t) {
                    if layout((wanted.union([t])).sorted(), T).count <= room { wanted.insert(t) }
                }
            }
        }
        return layout(wanted.sorted(), T)
    }

    private static func layout(_ sorted: [Int], _ T: Int) -> [Int?] {
        var out: [Int?] = []
        var prev = -1
        for t in sorted {
            if t > prev + 1 { out.append(nil) }
            out.append(t)
            prev = t
        }
        return out
    }

    static func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
