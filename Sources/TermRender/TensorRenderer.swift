import LSTMCore

/// Plain-text rendering of a `TensorView`: a header (name, shape, axes,
/// caption, origin) and the numbers in aligned columns, elided like numpy's
/// printing to fit the width.
public enum TensorRenderer {
    /// Tensors with more elements than this show only the first and last rows of a block.
    public static let summaryThreshold = 1000
    static let edgeItems = 3

    public static func render(_ view: TensorView, options: RenderOptions) -> String {
        var lines = header(view)
        lines += body(view, options: options)
        return lines.joined(separator: "\n")
    }

    /// `NAME  [3, 5, 16]  (b, t, unit)`, the caption, and `from: …`.
    public static func header(_ view: TensorView) -> [String] {
        var first = "\(view.name)  \(formatShape(view.tensor.shape))"
        if !view.axes.isEmpty { first += "  (" + view.axes.joined(separator: ", ") + ")" }
        var lines = [first]
        if !view.caption.isEmpty { lines.append("  " + view.caption) }
        if !view.origin.isEmpty { lines.append("  from: " + view.origin) }
        if let known = view.known, let axis = view.knownAxis, !known.allSatisfy({ $0 }) {
            let name = axis < view.axes.count ? view.axes[axis] : "index"
            let done = known.indices.filter { known[$0] }
            let what = done.isEmpty ? "nothing yet" : done.map { "\(name)=\($0)" }.joined(separator: " ")
            lines.append("  computed: \(what)  (· = not computed yet)")
        }
        return lines
    }

    static func body(_ view: TensorView, options: RenderOptions) -> [String] {
        let t = view.tensor
        let summarize = t.count > summaryThreshold
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        let cellWidth = max(1, t.data.lazy.map { fmt($0).count }.max() ?? 1)
        switch t.rank {
        case 0:
            return [t.data.first.map(fmt) ?? ""]
        case 1:
            let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<t.shape[0])] : view.columnGroups
            return groups.map { g in
                let label = g.label.isEmpty ? "" : "\(g.label) "
                let cells = g.range.map { fmt(t.data[$0]) }
                return "  " + label + row(cells, cellWidth: cellWidth, available: options.width - 2 - TextWidth.of(label))
            }
        default:
            // Blocks over all leading axes but the last two; rows over the next-to-last axis.
            let rowsAxis = t.rank - 2
            let nRows = t.shape[rowsAxis], nCols = t.shape[t.rank - 1]
            let leading = Array(t.shape.prefix(rowsAxis))
            let blockCount = Tensor.elementCount(leading) ?? 0
            var lines: [String] = []
            var blockIndices = Array(0..<blockCount)
            var skippedBlocks = 0
            if summarize && blockCount > 2 * edgeItems {
                skippedBlocks = blockCount - 2 * edgeItems
                blockIndices = Array(0..<edgeItems) + Array((blockCount - edgeItems)..<blockCount)
            }
            for (position, block) in blockIndices.enumerated() {
                if skippedBlocks > 0 && position == edgeItems { lines.append("⋮ (\(skippedBlocks) more blocks)") }
                let index = unflatten(block, leading)
                var rowLabelPrefix = ""
                if !leading.isEmpty {
                    let label = zip(view.axes.prefix(rowsAxis), index).map { "\($0)=\($1)" }.joined(separator: " ")
                    if let known = view.known, let axis = view.knownAxis, axis < rowsAxis, !known[index[axis]] {
                        lines.append("[\(label)]  · not computed yet")
                        continue
                    }
                    lines.append("[\(label)]")
                    rowLabelPrefix = ""
                }
                let rowName = rowsAxis < view.axes.count ? view.axes[rowsAxis] : "row"
                let rowLabelWidth = TextWidth.of("\(rowName)=\(max(0, nRows - 1))")
                let base = block * nRows * nCols
                func rowText(_ r: Int, _ cols: Range<Int>, _ available: Int) -> String {
                    if let known = view.known, let axis = view.knownAxis, axis == rowsAxis, !known[r] {
                        return "·"
                    }
                    return row(cols.map { fmt(t.data[base + r * nCols + $0]) }, cellWidth: cellWidth, available: available)
                }
                let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<nCols)] : view.columnGroups
                let rowGroups = view.rowGroups.isEmpty ? [LabelledRange("", 0..<nRows)] : view.rowGroups
                for cg in groups {
                    if !cg.label.isEmpty {
                        lines.append(cg.label.contains("(") ? "  \(cg.label)" : "  \(cg.label)  (\(view.axes.last ?? "col") \(cg.range.lowerBound)..\(cg.range.upperBound - 1))")
                    }
                    for rg in rowGroups {
                        if !rg.label.isEmpty { lines.append("  \(rg.label)  (rows \(rg.range.lowerBound)..\(rg.range.upperBound - 1))") }
                        var rows = Array(rg.range)
                        var skipped = 0
                        if summarize && rows.count > 2 * edgeItems {
                            skipped = rows.count - 2 * edgeItems
                            rows = Array(rows.prefix(edgeItems)) + Array(rows.suffix(edgeItems))
                        }
                        for (k, r) in rows.enumerated() {
                            if skipped > 0 && k == edgeItems {
                                lines.append("  " + rowLabelPrefix + NumberFormat.padRight("⋮", rowLabelWidth) + "   (\(skipped) more rows)")
                            }
                            let label = NumberFormat.padRight("\(rowName)=\(r)", rowLabelWidth)
                            let available = options.width - 2 - rowLabelWidth - 3
                            lines.append("  " + label + " │ " + rowText(r, cg.range, available))
                        }
                    }
                }
            }
            return lines
        }
    }

    /// Cells separated by one space, elided in the middle with `…` to fit `available` columns.
    static func row(_ cells: [String], cellWidth: Int, available: Int) -> String {
        let per = cellWidth + 1
        let padded = cells.map { NumberFormat.pad($0, cellWidth) }
        if cells.count * per - 1 <= available || cells.count <= 2 {
            return padded.joined(separator: " ")
        }
        let k = max(1, (available - 2) / (2 * per))
        if 2 * k >= cells.count { return padded.joined(separator: " ") }
        return (padded.prefix(k) + ["…"] + padded.suffix(k)).joined(separator: " ")
    }

    static func unflatten(_ flat: Int, _ shape: [Int]) -> [Int] {
        var rest = flat
        var index = [Int](repeating: 0, count: shape.count)
        for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }
}
