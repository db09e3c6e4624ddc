import LSTMCore
import LabText

/// Plain-text rendering of a `TensorView`: a header (name, shape, axes,
/// caption, origin) and the numbers in aligned columns, elided like numpy's
/// printing to fit the width.
///
/// ```
/// h_f  [5, 3, 16]  axes (t, b, unit)
///   forward hidden states in time order …
///   from: …
///   computed: t=0..1 of 0..4  (· = not computed yet)
///          0       1       2 …      15
/// [t=0]
///   b=0 │  0.0497 -0.1322  0.0651 …  0.0768
/// ```
public enum TensorRenderer {
    /// Tensors with more elements than this show only the first and last rows of a block.
    public static let summaryThreshold = 1000
    static let edgeItems = 3

    public static func render(_ view: TensorView, options: RenderOptions) -> String {
        var options = options
        if view.integerValues { options.precision = 0 }
        var lines = header(view, options: options)
        lines += PaddingMark.legend(view, mark: "pad", options: options)
        lines += body(view, options: options)
        return lines.joined(separator: "\n")
    }

    /// `NAME  [3, 5, 16]  axes (b, t, unit)`, the caption, details, `from: …` and what is computed.
    public static func header(_ view: TensorView, options: RenderOptions) -> [String] {
        var first = options.paint(view.name, .bold) + "  " + formatShape(view.tensor.shape)
        if !view.axes.isEmpty { first += "  " + options.say(.axes(view.axes.joined(separator: ", "))) }
        var lines = [first]
        let wrap = { (s: String) in TextWrap.wrap(s, width: options.width, indent: "  ", continuation: "    ") }
        if !view.caption.isEmpty { lines += wrap(view.caption) }
        lines += view.details.flatMap(wrap)
        if !view.origin.isEmpty {
            let label = options.say(.from)
            var from = TextWrap.wrap(
                label + (options.language == .zh ? "" : " ") + view.origin, width: options.width, indent: "  ",
                continuation: "        ")
            from[0] = "  " + options.paint(label, .dim) + String(from[0].dropFirst(2 + label.count))
            lines += from
        }
        if let known = view.known, let axis = view.knownAxis, !known.allSatisfy({ $0 }) {
            let name = axis < view.axes.count ? view.axes[axis] : "index"
            let done = runs(known.indices.filter { known[$0] }).map { "\(name)=\($0)" }
            let what =
                done.isEmpty
                ? options.say(.knownNothing)
                : options.say(.knownRuns(runs: done.joined(separator: ", "), last: known.count - 1))
            let partial = view.columnGroups.contains { $0.known != nil }
            let (open, close) = options.language == .zh ? ("（", "）") : ("(", ")")
            lines.append(
                "  " + options.say(.known(partial: partial, what: what)) + "  " + open + options.paint("·", .dim)
                    + " " + options.say(.notComputedYet) + close)
        }
        return lines
    }

    /// `[0, 1, 2, 4]` → `["0..2", "4"]`.
    static func runs(_ xs: [Int]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < xs.count {
            var j = i
            while j + 1 < xs.count && xs[j + 1] == xs[j] + 1 { j += 1 }
            out.append(j == i ? "\(xs[i])" : "\(xs[i])..\(xs[j])")
            i = j + 1
        }
        return out
    }

    static func body(_ view: TensorView, options: RenderOptions) -> [String] {
        let t = view.tensor
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        let maxIndexWidth = String(max(0, (t.shape.last ?? 1) - 1)).count
        let cellWidth = max(maxIndexWidth, NumberFormat.maxWidth(t.data, precision: options.precision))
        switch t.rank {
        case 0:
            return ["  " + (t.data.first.map(fmt) ?? "")]
        case 1:
            let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<t.shape[0])] : view.columnGroups
            let labels = groups.map { g -> String in
                if g.label.isEmpty || g.label.contains("..") { return g.label }
                return "\(g.label) \(g.range.lowerBound)..\(g.range.upperBound - 1)"
            }
            let labelWidth = labels.map(TextWidth.of).max() ?? 0
            var lines: [String] = []
            if groups.allSatisfy({ $0.label.isEmpty }) {
                let cols = plan(t.shape[0], cellWidth: cellWidth, available: options.width - 2)
                let index = cols.map { c in c.map { NumberFormat.pad("\($0)", cellWidth) } ?? " " }.joined(
                    separator: " ")
                lines.append("  " + options.paint(index, .dim))
            }
            return lines
                + zip(groups, labels).map { g, label in
                    let available = options.width - 2 - (labelWidth > 0 ? labelWidth + 3 : 0)
                    let cols = plan(g.range.count, cellWidth: cellWidth, available: available).map {
                        $0.map { g.range.lowerBound + $0 }
                    }
                    let cells = cols.map { c in
                        c.map {
                            view.isPadded($0)
                                ? options.paint(PaddingMark.cell(width: cellWidth), .dim)
                                : NumberFormat.pad(fmt(t.data[$0]), cellWidth)
                        } ?? "…"
                    }
                    let prefix =
                        labelWidth > 0 ? paintGroup(NumberFormat.padRight(label, labelWidth), g, options) + " │ " : ""
                    return "  " + prefix + cells.joined(separator: " ")
                }
        default:
            return matrixBody(view, cellWidth: cellWidth, options: options)
        }
    }

    /// Rank ≥ 2: blocks over the leading axes, one line per index of the next-to-last axis.
    private static func matrixBody(_ view: TensorView, cellWidth: Int, options: RenderOptions) -> [String] {
        let t = view.tensor
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        let summarize = t.count > summaryThreshold
        let rowsAxis = t.rank - 2
        let nRows = t.shape[rowsAxis]
        let nCols = t.shape[t.rank - 1]
        let leading = Array(t.shape.prefix(rowsAxis))
        let blockCount = Tensor.elementCount(leading) ?? 0
        let rowName = rowsAxis < view.axes.count ? view.axes[rowsAxis] : "row"
        let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<nCols)] : view.columnGroups
        let rowGroups = view.rowGroups.isEmpty ? [LabelledRange("", 0..<nRows)] : view.rowGroups

        func note(_ axis: Int, _ i: Int) -> String {
            view.note(axis: axis, i)
        }
        /// `block` nil: the label without its token (for the width, which adds the widest token).
        func rowLabel(_ r: Int, _ block: [Int]?) -> String {
            view.rowGroups.isEmpty
                ? "\(rowName)=\(view.printedIndex(r, axis: rowsAxis))" + note(rowsAxis, r)
                    + (block.map { view.tokenNote($0 + [r], axis: rowsAxis) } ?? "")
                : "\(r)"
        }
        let tokenWidth =
            view.timeTokens?.labelAxis == rowsAxis
            ? 1 + (view.timeTokens?.tokens.flatMap { $0 }.map(TextWidth.of).max() ?? 0) : 0
        let rowLabelWidth = (0..<nRows).map { TextWidth.of(rowLabel($0, nil)) }.max().map { $0 + tokenWidth } ?? 1
        let available = options.width - 2 - rowLabelWidth - 3

        // Groups side by side when each still shows at least two numbers per edge; otherwise stacked.
        let separator = " ┃ "
        let share =
            groups.count > 1 ? (available - TextWidth.of(separator) * (groups.count - 1)) / groups.count : available
        let sideBySide =
            groups.count == 1
            || groups.allSatisfy { g in
                let p = plan(g.range.count, cellWidth: cellWidth, available: share)
                return !p.contains(nil) || p.count >= 5
            }
        let layouts: [[LabelledRange]] = sideBySide ? [groups] : groups.map { [$0] }

        func known(_ g: LabelledRange, block: [Int], row: Int) -> Bool {
            guard let axis = view.knownAxis, let k = g.known ?? view.known else { return true }
            let i = axis < rowsAxis ? (axis < block.count ? block[axis] : 0) : (axis == rowsAxis ? row : -1)
            return i < 0 || i >= k.count || k[i]
        }
        func columns(_ layout: [LabelledRange]) -> [[Int?]] {
            let room = layout.count > 1 ? share : available
            return layout.map { g in
                plan(g.range.count, cellWidth: cellWidth, available: room).map { $0.map { g.range.lowerBound + $0 } }
            }
        }
        func indexLine(_ layout: [LabelledRange]) -> String {
            let parts = columns(layout).map { cols in
                cols.map { c in c.map { NumberFormat.pad("\($0)", cellWidth) } ?? " " }.joined(separator: " ")
            }
            return "  " + String(repeating: " ", count: rowLabelWidth) + "   "
                + options.paint(parts.joined(separator: separator), .dim)
        }
        func labelLine(_ layout: [LabelledRange]) -> String? {
            guard layout.contains(where: { !$0.label.isEmpty }) else { return nil }
            let cols = columns(layout)
            // Each shown cell is cellWidth wide, the "…" one column, with one space between.
            let widths = cols.map { c in c.reduce(0) { $0 + ($1 == nil ? 1 : cellWidth) } + max(0, c.count - 1) }
            // If a label is wider than its columns, every label keeps only its first word (gate letter, fwd/bwd).
            let short = layout.count > 1 && zip(layout, widths).contains { TextWidth.of($0.label) > $1 }
            let parts = zip(layout, widths).map { g, w -> String in
                let text = short ? String(g.label.split(separator: " ").first ?? "") : g.label
                return paintGroup(NumberFormat.padRight(text, w), g, options)
            }
            return "  " + String(repeating: " ", count: rowLabelWidth) + "   " + parts.joined(separator: separator)
        }

        var lines: [String] = []
        if sideBySide {
            if let l = labelLine(groups) { lines.append(l) }
            lines.append(indexLine(groups))
        }
        var blockIndices = Array(0..<blockCount)
        var skippedBlocks = 0
        if summarize && blockCount > 2 * edgeItems {
            skippedBlocks = blockCount - 2 * edgeItems
            blockIndices = Array(0..<edgeItems) + Array((blockCount - edgeItems)..<blockCount)
        }
        for (position, block) in blockIndices.enumerated() {
            if skippedBlocks > 0 && position == edgeItems {
                lines.append("⋮ " + options.say(.moreBlocks(skippedBlocks)))
            }
            let index = unflatten(block, leading)
            if !leading.isEmpty {
                let label = zip(view.axes.prefix(rowsAxis), index).enumerated()
                    .map { axis, pair in
                        "\(pair.0)=\(view.printedIndex(pair.1, axis: axis))" + note(axis, pair.1)
                            + view.tokenNote(Array(index.prefix(axis + 1)), axis: axis)
                    }.joined(separator: " ")
                // A block with padding in it is drawn cell by cell: `pad` where padded, `·` elsewhere.
                let blockPadded =
                    view.hasPadding && (0..<(nRows * nCols)).contains { view.isPadded(block * nRows * nCols + $0) }
                if !blockPadded
                    && !groups.contains(where: { g in (0..<nRows).contains { known(g, block: index, row: $0) } })
                {
                    lines.append(
                        options.paint("[\(label)]", .bold) + "  "
                            + options.paint("· " + options.say(.notComputedYet).dropFirst(2), .dim))
                    continue
                }
                lines.append(options.paint("[\(label)]", .bold))
            }
            let base = block * nRows * nCols
            for layout in layouts {
                if !sideBySide {
                    if let l = labelLine(layout) { lines.append(l) }
                    lines.append(indexLine(layout))
                }
                let cols = columns(layout)
                for rg in rowGroups {
                    if !rg.label.isEmpty { lines.append("  " + options.paint(rg.label, .bold)) }
                    var rows: [Int?] = Array(rg.range)
                    if summarize && rg.range.count > 2 * edgeItems {
                        rows = Array(rg.range.prefix(edgeItems)) + [nil] + Array(rg.range.suffix(edgeItems))
                    }
                    for r in rows {
                        guard let r else {
                            let skipped = rg.range.count - 2 * edgeItems
                            lines.append(
                                "  " + NumberFormat.padRight("⋮", rowLabelWidth) + "   "
                                    + options.say(.moreRows(skipped)))
                            continue
                        }
                        let parts = zip(layout, cols).map { g, cs -> String in
                            let ok = known(g, block: index, row: r)
                            return cs.map { c -> String in
                                guard let c else { return "…" }
                                if view.isPadded(base + r * nCols + c) {
                                    return options.paint(PaddingMark.cell(width: cellWidth), .dim)
                                }
                                guard ok else { return options.paint(NumberFormat.pad("·", cellWidth), .dim) }
                                return NumberFormat.pad(fmt(t.data[base + r * nCols + c]), cellWidth)
                            }.joined(separator: " ")
                        }
                        let label = NumberFormat.padRight(rowLabel(r, index), rowLabelWidth)
                        lines.append("  " + label + " │ " + parts.joined(separator: separator))
                    }
                }
            }
        }
        return lines
    }

    static func paintGroup(_ s: String, _ g: LabelledRange, _ options: RenderOptions) -> String {
        if let d = g.direction { return options.paint(s, Style.of(d), .bold) }
        return options.paint(s, .bold)
    }

    /// Which of `count` columns to show in `available` columns (`nil` = the `…`).
    static func plan(_ count: Int, cellWidth: Int, available: Int) -> [Int?] {
        let per = cellWidth + 1
        if count * per - 1 <= available || count <= 2 { return Array(0..<count) }
        let k = max(1, (available - 2) / (2 * per))
        if 2 * k >= count { return Array(0..<count) }
        return Array(0..<k) + [nil] + Array((count - k)..<count)
    }

    /// Cells separated by one space, elided in the middle with `…` to fit `available` columns.
    static func row(_ cells: [String], cellWidth: Int, available: Int) -> String {
        plan(cells.count, cellWidth: cellWidth, available: available)
            .map { $0.map { NumberFormat.pad(cells[$0], cellWidth) } ?? "…" }
            .joined(separator: " ")
    }

    static func unflatten(_ flat: Int, _ shape: [Int]) -> [Int] {
        Tensor.multiIndex(flat, shape: shape)
    }
}
