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
        let grid = DiagramGrid(state, options: options)
        var lines = grid.titleLines()
        lines += grid.outputRows()
        lines += grid.backwardRows()
        lines += grid.forwardRows()
        lines += grid.inputRows()
        lines += endRows(state, row: grid.row, cw: grid.cw, options: options)
        lines += legend(state, options: options)
        return lines.map { trimRight($0) }.joined(separator: "\n")
    }

    /// The six weights named by their parameters and shapes, then the head's or the output layer's formula.
    static func legend(_ state: DiagramState, options: RenderOptions) -> [String] {
        let H = state.sizes.hiddenSize
        let D = state.sizes.inputSize
        let B = state.sizes.batch
        let shapeWidth = max("[\(4 * H), \(D)]".count, "[\(4 * H), \(H)]".count)
        var lines = [
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
        return lines
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

/// The diagram's time columns and what is computed, worked out once; its methods draw the rows by name,
/// top to bottom: title, outputs (and the head's predictions), the backward chain, the forward chain, the inputs.
struct DiagramGrid {
    let state: DiagramState
    let options: RenderOptions
    /// T, and the steps each direction has taken.
    let length: Int
    let forwardSteps: Int
    let backwardSteps: Int
    /// The width of one time column.
    let cw: Int
    /// The latest cell of each direction, if it has stepped.
    let forwardLatest: Int?
    let backwardLatest: Int?
    /// The time steps shown, `nil` for each elided run.
    let cols: [Int?]

    init(_ state: DiagramState, options: RenderOptions) {
        let T = state.length
        let nf = state.forwardSteps
        let nb = state.backwardSteps
        let cw = max(DiagramRenderer.columnWidth, "y_\(max(0, T - 1))".count + 3)
        let fwdLatest = nf > 0 ? nf - 1 : nil
        let bwdLatest = nb > 0 ? T - nb : nil
        self.state = state
        self.options = options
        length = T
        forwardSteps = nf
        backwardSteps = nb
        self.cw = cw
        forwardLatest = fwdLatest
        backwardLatest = bwdLatest
        cols = DiagramRenderer.columns(
            T, keep: [fwdLatest, bwdLatest].compactMap { $0 }, room: (options.width - DiagramRenderer.margin - 8) / cw)
    }

    func forwardDone(_ t: Int) -> Bool { t < forwardSteps }
    func backwardDone(_ t: Int) -> Bool { t >= length - backwardSteps }

    /// `head` in the margin, then one cell per shown column (`gap` for an elided run), then `tail`.
    func row(_ head: String, _ cell: (Int) -> String, gap: String, tail: String = "") -> String {
        var s = NumberFormat.padRight(head, DiagramRenderer.margin)
        for c in cols {
            if let c { s += cell(c) } else { s += NumberFormat.padRight(gap.isEmpty ? "" : " " + gap, cw) }
        }
        return s + tail
    }
    func centered(_ s: String) -> String { NumberFormat.padRight(" " + s, cw) }
    func label(_ s: String) -> String { NumberFormat.padRight(s, cw) }
    /// `  w1` and an `↑` in every column.
    func arrowsUp(_ head: String) -> String { row(head, { _ in centered("↑") }, gap: "") }

    /// The title with the sizes, each direction's progress, a blank line and the `t=` row.
    func titleLines() -> [String] {
        let s = state.sizes
        let T = length
        let title =
            options.paint("diagram", .bold) + "  "
            + options.say(.diagramTitle(length: T, batch: s.batch, inputs: s.inputSize, hidden: s.hiddenSize))
        let status =
            "  "
            + options.say(
                .diagramStatus(
                    forward: options.paint("fwd \(forwardSteps)/\(T)", .forward, .bold),
                    backward: options.paint("bwd \(backwardSteps)/\(T)", .backward, .bold)))
        return [title, status, "", row("", { label("t=\($0)") }, gap: "…")]
    }

    /// The head's predictions for b=0 (with a head), the outputs y_t, which are ready, and what feeds them.
    func outputRows() -> [String] {
        var lines: [String] = []
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
            lines.append(arrowsUp("  w3 | w6 head"))
        }
        lines.append(
            row(
                "  " + options.say(.diagramOutput),
                { t in
                    let ready = forwardDone(t) && backwardDone(t)
                    return options.paint(label("y_\(t)"), ready ? [.bold] : [.dim])
                }, gap: "…"))
        lines.append(
            row(
                "",
                { t in
                    forwardDone(t) && backwardDone(t)
                        ? options.paint(centered("✓"), .bold) : options.paint(centered("·"), .dim)
                }, gap: ""))
        // With a head, w3 and w6 are drawn above y (they are its weights); y itself is a concatenation.
        lines.append(arrowsUp(state.head == nil ? "  w3, w6" : "  cat(h_f, h_b)"))
        return lines
    }

    /// Backward chain: arrows point left (h_b[t+1] → h_b[t]); it starts from h0[1] at the right.
    func backwardRows() -> [String] {
        let arrow = "◀" + String(repeating: "─", count: cw - 4)
        let chain = row(
            "  " + options.say(.diagramBackward),
            { t in
                // The arrow into cell t carries h_b[t+1]: drawn in colour once t is computed.
                DiagramRenderer.cellText(backwardDone(t), latest: t == backwardLatest, .backward, options)
                    + options.paint(arrow, backwardDone(t) ? .backward : .dim)
            }, gap: "…", tail: options.paint("── h0[1]", backwardSteps > 0 ? .backward : .dim))
        let cursor = DiagramRenderer.cursorLine(
            .backward, steps: backwardSteps, length: length, latest: backwardLatest, cols: cols, cw: cw,
            startColumn: DiagramRenderer.margin + cols.count * cw + 3, options: options)
        return [chain, cursor, arrowsUp("  w4")]
    }

    /// Forward chain: h0[0] enters from the left, arrows point right.
    func forwardRows() -> [String] {
        let arrow = String(repeating: "─", count: cw - 4) + "▶"
        let head =
            NumberFormat.padRight("  " + options.say(.diagramForward), DiagramRenderer.margin - 8)
            + options.paint("h0[0] ─▶", forwardSteps > 0 ? .forward : .dim)
        let chain = row(
            head,
            { t in
                DiagramRenderer.cellText(forwardDone(t), latest: t == forwardLatest, .forward, options)
                    + (t == length - 1 ? "" : options.paint(arrow, forwardDone(t + 1) ? .forward : .dim))
            }, gap: "…")
        let cursor = DiagramRenderer.cursorLine(
            .forward, steps: forwardSteps, length: length, latest: forwardLatest, cols: cols, cw: cw,
            startColumn: DiagramRenderer.margin - 4, options: options)
        return [chain, cursor, arrowsUp("  w1")]
    }

    /// The inputs x_t, and the text's characters for b=0 when the input is text.
    func inputRows() -> [String] {
        var lines = [row("  " + options.say(.diagramInput), { label("x_\($0)") }, gap: "…")]
        if let tokens = state.tokens {
            lines.append(
                row(
                    "  text (b=0)",
                    { t in
                        guard t < tokens.count, let ch = tokens[t] else { return options.paint(centered("_"), .dim) }
                        return centered("'\(ch)'")
                    }, gap: "…"))
        }
        return lines
    }
}
