import LSTMCore

extension TensorRenderer {
    /// `focus`: the body with every column. Each column group is cut into bands of as many columns
    /// as one line holds; the bands follow one another, a blank line between, each with its own
    /// column indices (the view's own, through `keepColumns`).
    static func bands(_ view: TensorView, options: RenderOptions) -> [String] {
        let t = view.tensor
        guard t.rank > 0, let n = t.shape.last, n > 0 else { return body(view, options: options) }
        let maxIndexWidth = String(max(0, n - 1)).count
        let cellWidth = max(maxIndexWidth, NumberFormat.maxWidth(t.data, precision: options.precision))
        let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<n)] : view.columnGroups
        let labelRoom: Int
        if t.rank == 1 {
            let span = 2 * String(n - 1).count + 3
            let widest = groups.map { (g: LabelledRange) -> Int in TextWidth.of(g.label) + span }.max() ?? 0
            labelRoom = groups.contains { !$0.label.isEmpty } ? widest + 3 : 0
        } else {
            labelRoom = MatrixLayout(view, cellWidth: cellWidth, options: options).rowLabelWidth + 3
        }
        let available = options.width - 2 - labelRoom
        let perBand = max(1, (available + 1) / (cellWidth + 1))
        var bands: [[Int]] = []
        for g in groups {
            // Bands of even size: 16 columns where 9 fit are 8 + 8, not 9 + 7.
            let count = (g.range.count + perBand - 1) / perBand
            let size = (g.range.count + count - 1) / max(1, count)
            var start = g.range.lowerBound
            while start < g.range.upperBound {
                let end = min(g.range.upperBound, start + size)
                bands.append(Array(start..<end))
                start = end
            }
        }
        guard bands.count > 1 else { return body(view, options: options) }
        var lines: [String] = []
        for (i, columns) in bands.enumerated() {
            var band = view
            band.allColumns = false
            guard (try? band.keepColumns(columns)) != nil else { return body(view, options: options) }
            if i > 0 && t.rank > 1 { lines.append("") }
            lines += body(band, options: options)
        }
        return lines
    }
}
