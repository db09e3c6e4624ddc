import LSTMCore
import LabText

extension HeatmapRenderer {
    /// The map itself: group labels, a column ruler, then per block its header and one line of cells per row.
    static func body(_ view: TensorView, options: RenderOptions) -> [String] {
        guard let grid = HeatmapGrid(view, options: options) else { return [] }
        var lines = grid.groupLabelLine().map { [$0] } ?? []
        lines.append(grid.rulerLine())
        for block in 0..<grid.blockCount { lines += grid.blockLines(block) }
        return lines
    }
}

/// The geometry of a heatmap, worked out once: the row labels' width, the columns each group shows (elided in
/// the middle when two characters per cell do not fit); its methods draw the lines.
///
/// ```
///            i 0..15          f 16..31           ← group label line
///            0       4  …     16      20  …      ← ruler
/// [b=0]                                          ← block header
///   t=0 │ +@-: .  …  +*   …                      ← row lines
/// ```
struct HeatmapGrid {
    let view: TensorView
    let options: RenderOptions
    /// The view's tensor, a vector drawn as one row.
    let tensor: Tensor
    let rowsAxis: Int
    let nRows: Int
    let nCols: Int
    let leading: [Int]
    let blockCount: Int
    let groups: [LabelledRange]
    /// The largest |v| among computed values, for the unbounded scale.
    let free: Float
    let rowLabelWidth: Int
    /// The columns before the cells.
    let lead: Int
    /// Per group, the columns shown (`nil` = the `…`).
    let shown: [[Int?]]

    /// Nil for a scalar, which has no map.
    init?(_ view: TensorView, options: RenderOptions) {
        var t = view.tensor
        if t.rank == 1, let m = try? Tensor(shape: [1, t.shape[0]], data: t.data) { t = m }
        guard t.rank >= 2 else { return nil }
        let rowsAxis = t.rank - 2
        let nRows = t.shape[rowsAxis]
        let nCols = t.shape[t.rank - 1]
        let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<nCols)] : view.columnGroups
        self.view = view
        self.options = options
        tensor = t
        self.rowsAxis = rowsAxis
        self.nRows = nRows
        self.nCols = nCols
        leading = Array(t.shape.prefix(rowsAxis))
        blockCount = Tensor.elementCount(leading) ?? 0
        self.groups = groups
        free = HeatmapRenderer.maxAbs(view)

        let axisOffset = view.tensor.rank == 1 ? -1 : 0
        let tokenWidth =
            view.timeTokens?.labelAxis == rowsAxis + axisOffset
            ? 1 + (view.timeTokens?.tokens.flatMap { $0 }.map(TextWidth.of).max() ?? 0) : 0
        let labelWidths = (0..<nRows).map {
            TextWidth.of(Self.rowLabel($0, nil, view: view, rowsAxis: rowsAxis))
        }
        let rowLabelWidth = labelWidths.max().map { $0 + tokenWidth } ?? 0
        self.rowLabelWidth = rowLabelWidth
        let lead = 2 + rowLabelWidth + 3
        self.lead = lead
        let gapWidth = groups.count > 1 ? 1 : 0
        let room = options.width - lead - gapWidth * (groups.count - 1)
        // Columns shown: all if two columns per cell fit, else elided in the middle of each group.
        let perGroup = max(4, room / max(groups.count, 1))
        shown = groups.map { g in
            let n = g.range.count
            if 2 * n <= perGroup || n <= 2 { return Array(g.range) }
            let k = max(1, (perGroup - 1) / 4)
            return Array(g.range.prefix(k)) + [nil] + Array(g.range.suffix(k))
        }
    }

    /// `t=2`, a row group's label (`i 3` in a group of rows), or nothing for a vector; `block` nil: the label
    /// without its token (for the width, which adds the widest token).
    static func rowLabel(_ r: Int, _ block: [Int]?, view: TensorView, rowsAxis: Int) -> String {
        if view.tensor.rank == 1 { return "" }
        if let rg = view.rowGroups.first(where: { $0.range.contains(r) }) {
            if rg.range.count == 1 { return rg.label }
            return "\(rg.label.split(separator: " ").first.map(String.init) ?? "") \(r)"
        }
        let rowName = rowsAxis < view.axes.count ? view.axes[rowsAxis] : "row"
        return "\(rowName)=\(view.printedIndex(r, axis: rowsAxis))" + view.note(axis: rowsAxis, r)
            + (block.map { view.tokenNote($0 + [r], axis: rowsAxis) } ?? "")
    }

    /// Whether group `g`'s values at this block and row are computed yet.
    func isKnown(_ g: LabelledRange, block: [Int], row: Int) -> Bool {
        guard !view.cellsKnown, let axis = view.knownAxis, let k = g.known ?? view.known else { return true }
        let i = axis < rowsAxis ? (axis < block.count ? block[axis] : 0) : (axis == rowsAxis ? row : -1)
        return i < 0 || i >= k.count || k[i]
    }

    /// The column groups' labels over their cells (not with row groups); nil when no group has one.
    func groupLabelLine() -> String? {
        guard groups.contains(where: { !$0.label.isEmpty }) && view.rowGroups.isEmpty else { return nil }
        let parts = zip(groups, shown).map { g, cols -> String in
            let w = cols.reduce(0) { $0 + ($1 == nil ? 1 : 2) }
            // A label that does not fit keeps its first word (the gate letter, fwd/bwd).
            let text = TextWidth.of(g.label) <= w ? g.label : String(g.label.split(separator: " ").first ?? "")
            return TensorRenderer.paintGroup(NumberFormat.padRight(text, w), g, options)
        }
        return String(repeating: " ", count: lead) + parts.joined(separator: " ")
    }

    /// A ruler with every fourth column index of each group, dim.
    func rulerLine() -> String {
        let ruler = zip(groups, shown).map { g, cols -> String in
            var s = ""
            var pending = ""
            for c in cols {
                let w = c == nil ? 1 : 2
                if let c, pending.isEmpty, (c - g.range.lowerBound) % 4 == 0 || c == g.range.lowerBound {
                    pending = "\(view.columnLabel(c))"
                }
                if !pending.isEmpty {
                    let take = String(pending.prefix(w))
                    s += NumberFormat.padRight(take, w)
                    pending = String(pending.dropFirst(take.count))
                } else {
                    s += String(repeating: " ", count: w)
                }
            }
            return s
        }
        return String(repeating: " ", count: lead) + options.paint(ruler.joined(separator: " "), .dim)
    }

    /// One block: its header (`[b=0]`, over the leading axes) and its rows, the middle ones elided past
    /// `maxRows`, each row group's label before its first row.
    func blockLines(_ block: Int) -> [String] {
        let index = TensorRenderer.unflatten(block, leading)
        var lines: [String] = []
        if !leading.isEmpty { lines.append(options.paint("[\(view.blockLabel(index, leadingAxes: rowsAxis))]", .bold)) }
        let edge = HeatmapRenderer.edgeRows
        var rows: [Int?] = Array(0..<nRows)
        if nRows > HeatmapRenderer.maxRows { rows = Array(0..<edge) + [nil] + Array((nRows - edge)..<nRows) }
        var lastGroup: String?
        for r in rows {
            guard let r else {
                lines.append(
                    "  " + NumberFormat.padRight("⋮", rowLabelWidth) + "   " + options.say(.moreRows(nRows - 2 * edge)))
                continue
            }
            let rowGroup = view.rowGroups.first { $0.range.contains(r) }
            if let rg = rowGroup, rg.range.count > 1, rg.label != lastGroup {
                lines.append("  " + options.paint(rg.label, .bold))
                lastGroup = rg.label
            }
            lines.append(rowLine(r, rowGroup: rowGroup, block: block, index: index))
        }
        return lines
    }

    /// `  t=0 │ +@-: .  …`: one row's cells on its scale, `pad` where padded, `·` where not computed (or pending).
    func rowLine(_ r: Int, rowGroup: LabelledRange?, block: Int, index: [Int]) -> String {
        let base = (block * nRows + r) * nCols
        let data = tensor.data
        let parts = zip(groups, shown).map { g, cols -> String in
            let ok = isKnown(g, block: index, row: r)
            let scale = rowGroup?.scale ?? g.scale ?? view.scale
            return cols.map { c -> String in
                guard let c else { return "…" }
                if view.isPadded(base + c) { return options.paint(PaddingMark.heatmapCell, .dim) }
                guard ok, !view.isPending(base + c) else { return options.paint("· ", .dim) }
                return HeatmapRenderer.cell(data[base + c], scale, maxAbs: free, options: options)
            }.joined()
        }
        let label = NumberFormat.padRight(
            Self.rowLabel(r, index, view: view, rowsAxis: rowsAxis), rowLabelWidth)
        return "  " + label + " │ " + parts.joined(separator: " ")
    }
}
