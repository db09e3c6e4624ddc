import LSTMCore
import LabText

extension TensorRenderer {
    /// Rank ≥ 2: blocks over the leading axes, one line per index of the next-to-last axis.
    static func matrixBody(_ view: TensorView, cellWidth: Int, options: RenderOptions) -> [String] {
        let matrix = MatrixLayout(view, cellWidth: cellWidth, options: options)
        var lines: [String] = []
        if matrix.sideBySide { lines += matrix.columnHeader(matrix.groups) }
        let (blocks, skippedBlocks) = matrix.shownBlocks()
        for (position, block) in blocks.enumerated() {
            if skippedBlocks > 0 && position == edgeItems {
                lines.append("⋮ " + options.say(.moreBlocks(skippedBlocks)))
            }
            lines += matrix.blockLines(block)
        }
        return lines
    }
}

/// The geometry of a rank ≥ 2 body, worked out once: which columns fit, how wide the row labels are,
/// whether the column groups stand side by side; its methods draw the lines.
///
/// ```
///              i 0..15                 ┃ f 16..31              ← label line
///              0       1 …      15     ┃      16 …      31     ← index line
/// [b=0]                                                         ← block header
///   t=0 │  0.0497 -0.1322 …  0.0768 ┃  0.0651 …  0.0768      ← row lines
/// ```
struct MatrixLayout {
    static let separator = " ┃ "

    let view: TensorView
    let options: RenderOptions
    let cellWidth: Int
    /// Large tensors show only the first and last blocks and rows.
    let summarize: Bool
    let rowsAxis: Int
    let nRows: Int
    let nCols: Int
    /// The shape of the axes before the rows: one block per index.
    let leading: [Int]
    let groups: [LabelledRange]
    let rowGroups: [LabelledRange]
    let rowName: String
    let rowLabelWidth: Int
    /// Columns for the numbers of one group alone, and of each group when they stand side by side.
    let available: Int
    let share: Int
    /// Groups side by side when each still shows at least two numbers per edge; otherwise stacked.
    let sideBySide: Bool
    /// Some cell is padding / some cell is padding or pending (see `TensorView.padding`).
    let hasPadding: Bool
    let hasCellMarks: Bool

    init(_ view: TensorView, cellWidth: Int, options: RenderOptions) {
        let t = view.tensor
        hasPadding = view.hasPadding
        hasCellMarks = view.hasCellMarks
        let rowsAxis = t.rank - 2
        let nRows = t.shape[rowsAxis]
        let rowName = rowsAxis < view.axes.count ? view.axes[rowsAxis] : "row"
        let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<t.shape[t.rank - 1])] : view.columnGroups
        let tokenWidth =
            view.timeTokens?.labelAxis == rowsAxis
            ? 1 + (view.timeTokens?.tokens.flatMap { $0 }.map(TextWidth.of).max() ?? 0) : 0
        let labelWidths = (0..<nRows).map {
            TextWidth.of(Self.rowLabel($0, nil, view: view, rowName: rowName, rowsAxis: rowsAxis))
        }
        let rowLabelWidth = labelWidths.max().map { $0 + tokenWidth } ?? 1
        let available = options.width - 2 - rowLabelWidth - 3
        let share =
            groups.count > 1
            ? (available - TextWidth.of(Self.separator) * (groups.count - 1)) / groups.count : available

        self.view = view
        self.options = options
        self.cellWidth = cellWidth
        summarize = t.count > TensorRenderer.summaryThreshold
        self.rowsAxis = rowsAxis
        self.nRows = nRows
        nCols = t.shape[t.rank - 1]
        leading = Array(t.shape.prefix(rowsAxis))
        self.rowName = rowName
        self.groups = groups
        rowGroups = view.rowGroups.isEmpty ? [LabelledRange("", 0..<nRows)] : view.rowGroups
        self.rowLabelWidth = rowLabelWidth
        self.available = available
        self.share = share
        sideBySide =
            groups.count == 1
            || groups.allSatisfy { g in
                let p = TensorRenderer.plan(g.range.count, cellWidth: cellWidth, available: share)
                return !p.contains(nil) || p.count >= 5
            }
    }

    /// The column groups drawn together: all of them when side by side, else one at a time.
    var layouts: [[LabelledRange]] { sideBySide ? [groups] : groups.map { [$0] } }

    /// `t=2 (pad)` or a row group's index; `block` nil: the label without its token (for the width,
    /// which adds the widest token).
    func rowLabel(_ r: Int, _ block: [Int]?) -> String {
        Self.rowLabel(r, block, view: view, rowName: rowName, rowsAxis: rowsAxis)
    }

    static func rowLabel(_ r: Int, _ block: [Int]?, view: TensorView, rowName: String, rowsAxis: Int) -> String {
        view.rowGroups.isEmpty
            ? "\(rowName)=\(view.printedIndex(r, axis: rowsAxis))" + view.note(axis: rowsAxis, r)
                + (block.map { view.tokenNote($0 + [r], axis: rowsAxis) } ?? "")
            : "\(view.rowLabel(r))"
    }

    /// Whether group `g`'s values at this block and row are computed yet.
    func isKnown(_ g: LabelledRange, block: [Int], row: Int) -> Bool {
        guard !view.cellsKnown, let axis = view.knownAxis, let k = g.known ?? view.known else { return true }
        let i = axis < rowsAxis ? (axis < block.count ? block[axis] : 0) : (axis == rowsAxis ? row : -1)
        return i < 0 || i >= k.count || k[i]
    }

    /// The column plan: for each group of `layout`, the columns shown (`nil` = the `…`).
    func columns(_ layout: [LabelledRange]) -> [[Int?]] {
        let room = layout.count > 1 ? share : available
        return layout.map { g in
            TensorRenderer.plan(g.range.count, cellWidth: cellWidth, available: room).map {
                $0.map { g.range.lowerBound + $0 }
            }
        }
    }

    /// The label line (when a group has a label) and the index line above a group's numbers.
    func columnHeader(_ layout: [LabelledRange]) -> [String] {
        (labelLine(layout).map { [$0] } ?? []) + [indexLine(layout)]
    }

    /// The column indices, dim, over the numbers.
    func indexLine(_ layout: [LabelledRange]) -> String {
        let parts = columns(layout).map { cols in
            cols.map { c in c.map { NumberFormat.pad("\(view.columnLabel($0))", cellWidth) } ?? " " }.joined(
                separator: " ")
        }
        return "  " + String(repeating: " ", count: rowLabelWidth) + "   "
            + options.paint(parts.joined(separator: Self.separator), .dim)
    }

    /// The groups' labels (`i 0..15`, `fwd`), each over its columns; nil when no group has one.
    func labelLine(_ layout: [LabelledRange]) -> String? {
        guard layout.contains(where: { !$0.label.isEmpty }) else { return nil }
        let cols = columns(layout)
        // Each shown cell is cellWidth wide, the "…" one column, with one space between.
        let widths = cols.map { c in c.reduce(0) { $0 + ($1 == nil ? 1 : cellWidth) } + max(0, c.count - 1) }
        // If a label is wider than its columns, every label keeps only its first word (gate letter, fwd/bwd).
        let short = layout.count > 1 && zip(layout, widths).contains { TextWidth.of($0.label) > $1 }
        let parts = zip(layout, widths).map { g, w -> String in
            let text = short ? String(g.label.split(separator: " ").first ?? "") : g.label
            return TensorRenderer.paintGroup(NumberFormat.padRight(text, w), g, options)
        }
        return "  " + String(repeating: " ", count: rowLabelWidth) + "   " + parts.joined(separator: Self.separator)
    }

    /// The blocks drawn (all, or the first and last few of a large tensor) and how many are left out.
    func shownBlocks() -> (blocks: [Int], skipped: Int) {
        let blockCount = Tensor.elementCount(leading) ?? 0
        let edge = TensorRenderer.edgeItems
        guard summarize && blockCount > 2 * edge else { return (Array(0..<blockCount), 0) }
        return (Array(0..<edge) + Array((blockCount - edge)..<blockCount), blockCount - 2 * edge)
    }

    /// One block: its header (`[b=0]`), then per layout its column header when stacked and its row groups;
    /// a block with nothing computed is its header with `· not computed yet`.
    func blockLines(_ block: Int) -> [String] {
        let index = TensorRenderer.unflatten(block, leading)
        var lines: [String] = []
        if !leading.isEmpty {
            let header = options.paint("[\(view.blockLabel(index, leadingAxes: rowsAxis))]", .bold)
            guard hasShownCells(block, index: index) else {
                return [header + "  " + options.paint("· " + options.say(.notComputedYet).dropFirst(2), .dim)]
            }
            lines.append(header)
        }
        for layout in layouts {
            if !sideBySide { lines += columnHeader(layout) }
            let cols = columns(layout)
            for rg in rowGroups {
                lines += rowGroupLines(rg, layout: layout, columns: cols, block: block, index: index)
            }
        }
        return lines
    }

    /// Whether the block has a cell to draw: padding (drawn cell by cell: `pad` where padded, `·` elsewhere)
    /// or a computed value (a known row in some group, not pending there).
    func hasShownCells(_ block: Int, index: [Int]) -> Bool {
        let base = block * nRows * nCols
        if hasPadding && (0..<(nRows * nCols)).contains(where: { view.isPadded(base + $0) }) { return true }
        return groups.contains { g in
            (0..<nRows).contains { r in
                isKnown(g, block: index, row: r)
                    && (!hasCellMarks || g.range.contains { !view.isPending(base + r * nCols + $0) })
            }
        }
    }

    /// A row group's bold label (when it has one) and its rows, the middle ones elided in a large tensor.
    func rowGroupLines(
        _ rg: LabelledRange, layout: [LabelledRange], columns cols: [[Int?]], block: Int, index: [Int]
    ) -> [String] {
        var lines: [String] = []
        if !rg.label.isEmpty { lines.append("  " + options.paint(rg.label, .bold)) }
        let edge = TensorRenderer.edgeItems
        var rows: [Int?] = Array(rg.range)
        if summarize && rg.range.count > 2 * edge {
            rows = Array(rg.range.prefix(edge)) + [nil] + Array(rg.range.suffix(edge))
        }
        for r in rows {
            guard let r else {
                let skipped = rg.range.count - 2 * edge
                lines.append(
                    "  " + NumberFormat.padRight("⋮", rowLabelWidth) + "   " + options.say(.moreRows(skipped)))
                continue
            }
            lines.append(rowLine(r, layout: layout, columns: cols, block: block, index: index))
        }
        return lines
    }

    /// `  t=0 │  0.0497 -0.1322 …  0.0768 ┃ …`: one row's numbers, `pad` where padded, `·` where not computed.
    func rowLine(_ r: Int, layout: [LabelledRange], columns cols: [[Int?]], block: Int, index: [Int]) -> String {
        let base = block * nRows * nCols
        let data = view.tensor.data
        let parts = zip(layout, cols).map { g, cs -> String in
            let ok = isKnown(g, block: index, row: r)
            return cs.map { c -> String in
                guard let c else { return "…" }
                if view.isPadded(base + r * nCols + c) {
                    return options.paint(PaddingMark.cell(width: cellWidth), .dim)
                }
                guard ok, !view.isPending(base + r * nCols + c) else {
                    return options.paint(NumberFormat.pad("·", cellWidth), .dim)
                }
                return NumberFormat.pad(
                    NumberFormat.fixed(data[base + r * nCols + c], precision: options.precision), cellWidth)
            }.joined(separator: " ")
        }
        let label = NumberFormat.padRight(rowLabel(r, index), rowLabelWidth)
        return "  " + label + " │ " + parts.joined(separator: Self.separator)
    }
}
