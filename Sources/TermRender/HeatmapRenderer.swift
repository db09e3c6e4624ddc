import LSTMCore
import LabText

/// A heatmap of a view: one cell per number, coloured on the view's scale
/// (σ outputs 0…1, tanh outputs and states −1…1, unbounded values diverging
/// and scaled by max |v|), with a legend. Without colour, cells are drawn
/// with characters so the map still reads:
///
/// ```
/// 0…1 scale:   two ramp characters per cell, " .:-=+*#%@" from 0 to 1
/// −1…1 scale:  sign and size, "-@" ≈ −1 … "  " ≈ 0 … "+@" ≈ +1
/// ```
public enum HeatmapRenderer {
    /// Sequential ramp for 0…1 without colour.
    public static let ramp = Array(" .:-=+*#%@")
    /// Size ramp after a sign for −1…1 without colour (no `+`/`-`, which mark the sign).
    public static let sizeRamp = Array(" .:=*#%@")
    /// 256-colour backgrounds, 0…1: dark violet through teal and green to yellow.
    static let sequential: [UInt8] = [53, 61, 67, 31, 37, 36, 71, 113, 149, 226]
    /// 256-colour backgrounds, −1…1: bright blue, dark grey at 0, bright red. A dark
    /// centre, because on the usual dark terminal a white 0 reads as the strongest value.
    static let diverging: [UInt8] = [21, 20, 19, 18, 17, 236, 52, 88, 124, 160, 196]
    /// Blocks with more rows than this show the first and last `edgeRows`.
    static let maxRows = 64
    static let edgeRows = 16

    public static func render(_ view: TensorView, options: RenderOptions) -> String {
        var header = TensorRenderer.header(view, options: options)
        header[0] = options.paint("heatmap", .dim) + " " + header[0]
        let body = self.body(view, options: options)
        return (header + legend(view, options: options) + body).joined(separator: "\n")
    }

    /// The largest |v| among computed values, for the unbounded scale.
    /// One pass over raw memory: a heatmap of a [4096, 8, 4096] input took 3 s
    /// with `enumerated()` and a remainder per value.
    static func maxAbs(_ view: TensorView, _ range: Range<Int>? = nil) -> Float {
        let t = view.tensor
        let n = max(t.shape.last ?? 1, 1)
        return t.data.withUnsafeBufferPointer { d in
            var m: Float = 0
            guard let range else { return largestFinite(d) }
            let columns = range.clamped(to: 0..<n)
            var row = 0
            while row < d.count {
                for c in columns where row + c < d.count {
                    let v = d[row + c]
                    if v.isFinite { m = max(m, abs(v)) }
                }
                row += n
            }
            return m
        }
    }

    /// max |v| over the finite values (0 if none); `a < .infinity` is false
    /// for inf and nan alike, and a local accumulator stays in a register.
    @inline(never)
    private static func largestFinite(_ d: UnsafeBufferPointer<Float>) -> Float {
        func finite(_ v: Float) -> Float {
            let a = abs(v)
            return a < .infinity ? a : 0
        }
        // Four running maxima: one would wait on the last at every value.
        var (m0, m1, m2, m3): (Float, Float, Float, Float) = (0, 0, 0, 0)
        var i = 0
        while i + 4 <= d.count {
            m0 = max(m0, finite(d[i]))
            m1 = max(m1, finite(d[i + 1]))
            m2 = max(m2, finite(d[i + 2]))
            m3 = max(m3, finite(d[i + 3]))
            i += 4
        }
        while i < d.count {
            m0 = max(m0, finite(d[i]))
            i += 1
        }
        return max(max(m0, m1), max(m2, m3))
    }

    /// The scales a view uses: its own, or one per column group.
    static func scales(_ view: TensorView) -> [ValueScale] {
        let groups = view.columnGroups + view.rowGroups
        var list = groups.compactMap(\.scale)
        if groups.isEmpty || list.count < groups.count { list.insert(view.scale, at: 0) }
        var out: [ValueScale] = []
        for s in list where !out.contains(s) { out.append(s) }
        return out
    }

    static func legend(_ view: TensorView, options: RenderOptions) -> [String] {
        scales(view).map { scale in
            let label: String
            switch scale {
            case .unit: label = options.say(.scaleUnit)
            case .signed: label = options.say(.scaleSigned)
            case .free:
                label = options.say(.scaleFree(max: NumberFormat.fixed(maxAbs(view), precision: options.precision)))
            }
            let groups = (view.columnGroups + view.rowGroups).filter { $0.scale == scale }.map {
                String($0.label.prefix(1))
            }
            let which = groups.joined(separator: options.language == .zh ? "、" : ", ")
            let text = "  " + options.say(.scaleFor(label: label, groups: which))
            let swatches = bar(scale, view: view, options: options)
            var lines =
                TextWidth.of(text) + 3 + TextWidth.of(swatches) <= options.width
                ? [text + "   " + swatches] : [text, "        " + swatches]
            // On a fixed scale, small values all look alike: say so rather than rescale silently.
            let m = maxAbs(view)
            if scale == .signed && groups.isEmpty && m > 0 && m < 0.5 {
                lines.append(
                    "        " + options.say(.scaleSmall(max: NumberFormat.fixed(m, precision: options.precision))))
            }
            return lines
        }.flatMap { $0 } + [notes(view, options: options)]
            + PaddingMark.legend(view, mark: PaddingMark.heatmapCell, options: options)
    }

    static func notes(_ view: TensorView, options: RenderOptions) -> String {
        let partial = ([view.known] + view.columnGroups.map(\.known)).contains { $0?.contains(false) == true }
        var parts = [options.say(.cellWidthNote)]
        if partial { parts.append(options.paint("·", .dim) + " " + options.say(.notComputedYet)) }
        return "  " + parts.joined(separator: options.language == .zh ? "；" : "; ")
    }

    /// A legend bar: the cells from the low end of the scale to the high end, with end values.
    static func bar(_ scale: ValueScale, view: TensorView, options: RenderOptions) -> String {
        let steps: [Float] = scale == .unit ? (0...9).map { Float($0) / 9 } : (0...10).map { Float($0) / 5 - 1 }
        let m = scale == .free ? maxAbs(view) : 1
        let low = scale == .unit ? "0" : "-" + NumberFormat.fixed(m, precision: scale == .free ? options.precision : 0)
        let high = NumberFormat.fixed(m, precision: scale == .free ? options.precision : 0)
        let cells = steps.map { cell(scale == .unit ? $0 : $0 * m, scale, maxAbs: m, options: options) }
        // Spaced out so each swatch reads on its own (and the line is as wide with colour as without).
        return low + " " + cells.joined(separator: " ") + " " + high
    }

    /// One cell: two columns, coloured or drawn with characters.
    static func cell(_ v: Float, _ scale: ValueScale, maxAbs m: Float, options: RenderOptions) -> String {
        if !v.isFinite { return "??" }
        switch scale {
        case .unit:
            let x = min(max(v, 0), 1)
            if options.color {
                let i = min(sequential.count - 1, Int((x * Float(sequential.count - 1)).rounded()))
                return options.paint("  ", .background(sequential[i]))
            }
            let i = min(ramp.count - 1, Int((x * Float(ramp.count - 1)).rounded()))
            return String(repeating: ramp[i], count: 2)
        case .signed, .free:
            let denom = scale == .signed ? 1 : (m > 0 ? m : 1)
            // A non-finite maxAbs (inf or nan among the values) would make x nan, and Int(nan) traps.
            guard (v / denom).isFinite else { return "??" }
            let x = min(max(v / denom, -1), 1)
            if options.color {
                let i = Int(((x + 1) / 2 * Float(diverging.count - 1)).rounded())
                return options.paint("  ", .background(diverging[min(max(i, 0), diverging.count - 1)]))
            }
            let size = min(sizeRamp.count - 1, Int((abs(x) * Float(sizeRamp.count - 1)).rounded()))
            if size == 0 { return "  " }
            return (x < 0 ? "-" : "+") + String(sizeRamp[size])
        }
    }

    static func body(_ view: TensorView, options: RenderOptions) -> [String] {
        var t = view.tensor
        if t.rank == 1, let m = try? Tensor(shape: [1, t.shape[0]], data: t.data) { t = m }
        guard t.rank >= 2 else { return [] }
        let rowsAxis = t.rank - 2
        let nRows = t.shape[rowsAxis]
        let nCols = t.shape[t.rank - 1]
        let leading = Array(t.shape.prefix(rowsAxis))
        let blockCount = Tensor.elementCount(leading) ?? 0
        let axisOffset = view.tensor.rank == 1 ? -1 : 0
        let rowName = view.tensor.rank == 1 ? "" : (rowsAxis < view.axes.count ? view.axes[rowsAxis] : "row")
        let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<nCols)] : view.columnGroups
        let free = maxAbs(view)

        func note(_ axis: Int, _ i: Int) -> String {
            view.note(axis: axis, i)
        }
        /// `block` nil: the label without its token (for the width, which adds the widest token).
        func rowLabel(_ r: Int, _ block: [Int]?) -> String {
            if view.tensor.rank == 1 { return "" }
            if let rg = view.rowGroups.first(where: { $0.range.contains(r) }) {
                if rg.range.count == 1 { return rg.label }
                return "\(rg.label.split(separator: " ").first.map(String.init) ?? "") \(r)"
            }
            return "\(rowName)=\(view.printedIndex(r, axis: rowsAxis + axisOffset))" + note(rowsAxis + axisOffset, r)
                + (block.map { view.tokenNote($0 + [r], axis: rowsAxis + axisOffset) } ?? "")
        }
        let tokenWidth =
            view.timeTokens?.labelAxis == rowsAxis + axisOffset
            ? 1 + (view.timeTokens?.tokens.flatMap { $0 }.map(TextWidth.of).max() ?? 0) : 0
        let rowLabelWidth = (0..<nRows).map { TextWidth.of(rowLabel($0, nil)) }.max().map { $0 + tokenWidth } ?? 0
        let lead = 2 + rowLabelWidth + 3
        let gapWidth = groups.count > 1 ? 1 : 0
        let room = options.width - lead - gapWidth * (groups.count - 1)
        // Columns shown: all if two columns per cell fit, else elided in the middle of each group.
        let perGroup = max(4, room / max(groups.count, 1))
        let shown: [[Int?]] = groups.map { g in
            let n = g.range.count
            if 2 * n <= perGroup || n <= 2 { return Array(g.range) }
            let k = max(1, (perGroup - 1) / 4)
            return Array(g.range.prefix(k)) + [nil] + Array(g.range.suffix(k))
        }
        func known(_ g: LabelledRange, block: [Int], row: Int) -> Bool {
            guard !view.cellsKnown, let axis = view.knownAxis, let k = g.known ?? view.known else { return true }
            let i = axis < rowsAxis ? (axis < block.count ? block[axis] : 0) : (axis == rowsAxis ? row : -1)
            return i < 0 || i >= k.count || k[i]
        }

        var lines: [String] = []
        // Group labels and a ruler with every fourth column index.
        let pad = String(repeating: " ", count: lead)
        if groups.contains(where: { !$0.label.isEmpty }) && view.rowGroups.isEmpty {
            let parts = zip(groups, shown).map { g, cols -> String in
                let w = cols.reduce(0) { $0 + ($1 == nil ? 1 : 2) }
                // A label that does not fit keeps its first word (the gate letter, fwd/bwd).
                let text = TextWidth.of(g.label) <= w ? g.label : String(g.label.split(separator: " ").first ?? "")
                return TensorRenderer.paintGroup(NumberFormat.padRight(text, w), g, options)
            }
            lines.append(pad + parts.joined(separator: " "))
        }
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
        lines.append(pad + options.paint(ruler.joined(separator: " "), .dim))

        for block in 0..<blockCount {
            let index = TensorRenderer.unflatten(block, leading)
            if !leading.isEmpty {
                let label = zip(view.axes.prefix(rowsAxis), index).enumerated()
                    .map { axis, pair in
                        "\(pair.0)=\(view.printedIndex(pair.1, axis: axis))" + note(axis, pair.1)
                            + view.tokenNote(Array(index.prefix(axis + 1)), axis: axis)
                    }.joined(separator: " ")
                lines.append(options.paint("[\(label)]", .bold))
            }
            var rows: [Int?] = Array(0..<nRows)
            if nRows > maxRows { rows = Array(0..<edgeRows) + [nil] + Array((nRows - edgeRows)..<nRows) }
            var lastGroup: String?
            for r in rows {
                guard let r else {
                    lines.append(
                        "  " + NumberFormat.padRight("⋮", rowLabelWidth) + "   "
                            + options.say(.moreRows(nRows - 2 * edgeRows)))
                    continue
                }
                let rowGroup = view.rowGroups.first { $0.range.contains(r) }
                if let rg = rowGroup, rg.range.count > 1, rg.label != lastGroup {
                    lines.append("  " + options.paint(rg.label, .bold))
                    lastGroup = rg.label
                }
                let base = (block * nRows + r) * nCols
                let parts = zip(groups, shown).map { g, cols -> String in
                    let ok = known(g, block: index, row: r)
                    let scale = rowGroup?.scale ?? g.scale ?? view.scale
                    return cols.map { c -> String in
                        guard let c else { return "…" }
                        if view.isPadded(base + c) { return options.paint(PaddingMark.heatmapCell, .dim) }
                        guard ok, !view.isPending(base + c) else { return options.paint("· ", .dim) }
                        return cell(t.data[base + c], scale, maxAbs: free, options: options)
                    }.joined()
                }
                let label = NumberFormat.padRight(rowLabel(r, index), rowLabelWidth)
                lines.append("  " + label + " │ " + parts.joined(separator: " "))
            }
        }
        return lines
    }
}
