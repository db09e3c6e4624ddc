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
        lines += view.allColumns ? bands(view, options: options) : body(view, options: options)
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
            let partial = view.cellsKnown || view.columnGroups.contains { $0.known != nil }
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
                let index = cols.map { c in c.map { NumberFormat.pad("\(view.columnLabel($0))", cellWidth) } ?? " " }
                    .joined(
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
                                : view.isPending($0)
                                    ? options.paint(NumberFormat.pad("·", cellWidth), .dim)
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
