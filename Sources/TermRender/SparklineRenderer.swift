import LSTMCore
import LabText

/// Sparklines of a state over time: one line per unit (or one unit with its
/// numbers), one character per time step, on a scale shared by every line.
///
/// ```
///         t 01234
///   u=0   │ ▄▆···  −0.1322 … 0.0754
/// ```
public enum SparklineRenderer {
    public static let bars = Array("▁▂▃▄▅▆▇█")
    /// Groups with more units than this show the first and last `edgeUnits`.
    static let maxUnits = 16
    static let edgeUnits = 6

    /// `view` is `[T, N]`: time on axis 0, units on axis 1.
    public static func render(_ view: TensorView, unit: Int?, options: RenderOptions) -> String {
        var header = TensorRenderer.header(view, options: options)
        header[0] = options.paint("spark", .dim) + " " + header[0]
        guard view.tensor.rank == 2 else {
            return (header + ["  " + options.say(.sparkNeedsMatrix)]).joined(separator: "\n")
        }
        guard let plot = SparkPlot(view, unit: unit, options: options) else {
            return (header + ["  " + options.say(.sparkNothingYet)]).joined(separator: "\n")
        }
        var lines = header + plot.scaleLines() + plot.rulerLines()
        for g in plot.groups { lines += plot.groupLines(g) }
        if let unit { lines += plot.valueLines(unit) }
        return lines.joined(separator: "\n")
    }

    static func label(_ u: Int, _ unitName: String) -> String {
        unitName == "unit" ? "u=\(u)" : "\(unitName)=\(u)"
    }

    /// Column indices every 5 steps (`0    5    10`), one character per step.
    static func ruler(_ cols: [Int?]) -> String {
        var s = ""
        var pending = ""
        for c in cols {
            if let c, pending.isEmpty, c % 5 == 0 || cols.count <= 10 { pending = "\(c)" }
            if let first = pending.first {
                s.append(first)
                pending.removeFirst()
            } else {
                s += " "
            }
        }
        return s
    }
}

/// A `[T, N]` view's sparkline plot worked out once: the units drawn, the shared scale (least and greatest
/// computed value), the time columns that fit; its methods draw the scale, the ruler, each group's lines and
/// one unit's values.
struct SparkPlot {
    let view: TensorView
    let options: RenderOptions
    /// The one unit asked for, or nil for all of them.
    let unit: Int?
    let steps: Int
    let n: Int
    let timeName: String
    let unitName: String
    let groups: [LabelledRange]
    let units: [Int]
    /// The shared scale: every line's bars run from `lo` to `hi`.
    let lo: Float
    let hi: Float
    let labelWidth: Int
    /// Each line's least … greatest, aligned like a table's numbers.
    let numberWidth: Int
    /// The columns before the bars.
    let lead: Int
    /// One column per step, elided in the middle (`nil`) when T does not fit.
    let cols: [Int?]

    /// Nil when no value the plot would draw is computed and finite yet.
    init?(_ view: TensorView, unit: Int?, options: RenderOptions) {
        let t = view.tensor
        let steps = t.shape[0]
        let n = t.shape[1]
        let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<n)] : view.columnGroups
        let units: [Int] = unit.map { [$0] } ?? Array(0..<n)
        var lo = Float.infinity
        var hi = -Float.infinity
        for u in units {
            let g = Self.group(of: u, in: groups)
            for s in 0..<steps
            where Self.isKnown(g, s, view: view) && !view.isPadded(s * n + u) && !view.isPending(s * n + u) {
                let v = t.data[s * n + u]
                if v.isFinite {
                    lo = min(lo, v)
                    hi = max(hi, v)
                }
            }
        }
        if lo > hi { return nil }
        self.view = view
        self.options = options
        self.unit = unit
        self.steps = steps
        self.n = n
        timeName = view.axes.first ?? "t"
        let unitName = view.axes.count > 1 ? view.axes[1] : "unit"
        self.unitName = unitName
        self.groups = groups
        self.units = units
        self.lo = lo
        self.hi = hi
        let labelWidth = units.map { TextWidth.of(SparklineRenderer.label($0, unitName)) }.max() ?? 1
        self.labelWidth = labelWidth
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        numberWidth = max(fmt(lo).count, fmt(hi).count)
        let lead = 2 + labelWidth + 3
        self.lead = lead
        let room = max(8, options.width - lead - 2 - 2 * (fmt(lo).count + 3))
        cols =
            steps <= room
            ? Array(0..<steps) : Array(0..<(room / 2 - 1)) + [nil] + Array((steps - (room / 2 - 1))..<steps)
    }

    static func isKnown(_ g: LabelledRange, _ s: Int, view: TensorView) -> Bool {
        guard !view.cellsKnown, view.knownAxis == 0, let k = g.known ?? view.known, s < k.count else { return true }
        return k[s]
    }
    static func group(of u: Int, in groups: [LabelledRange]) -> LabelledRange {
        groups.first { $0.range.contains(u) } ?? groups[0]
    }
    func isKnown(_ g: LabelledRange, _ s: Int) -> Bool { Self.isKnown(g, s, view: view) }
    func group(of u: Int) -> LabelledRange { Self.group(of: u, in: groups) }
    func format(_ v: Float) -> String { NumberFormat.fixed(v, precision: options.precision) }

    /// The bar for `v` on the shared scale; `?` for a value off it.
    func bar(_ v: Float) -> Character {
        let bars = SparklineRenderer.bars
        guard v.isFinite else { return "?" }
        if hi <= lo { return bars[bars.count / 2] }
        // In Double: hi − lo of two large finite floats (±3e38) overflows Float to inf, and Int(nan) traps.
        let position = (Double(v) - Double(lo)) / (Double(hi) - Double(lo)) * Double(bars.count - 1)
        guard position.isFinite else { return "?" }
        let i = Int(position.rounded())
        return bars[min(max(i, 0), bars.count - 1)]
    }

    /// `▁ = -0.13 … █ = 0.08`, the note on the shared scale (and `·` when part is not computed), the padding legend.
    func scaleLines() -> [String] {
        let bars = SparklineRenderer.bars
        var lines = [
            "  "
                + options.say(
                    .sparkScale(
                        low: String(bars[0]) + " = \(format(lo))",
                        high: String(bars[bars.count - 1]) + " = \(format(hi))"))
        ]
        let partial = ([view.known] + groups.map(\.known)).contains { $0?.contains(false) == true }
        let semicolon = options.language == .zh ? "；" : "; "
        lines.append(
            "        " + options.say(.sparkScaleNote)
                + (partial ? semicolon + options.paint("·", .dim) + " " + options.say(.notComputedYet) : ""))
        lines += PaddingMark.legend(view, mark: PaddingMark.sparkStep, options: options).map { "      " + $0 }
        return lines
    }

    /// The time ruler, and under it for text input the character each t read (`_` = zero-row padding).
    func rulerLines() -> [String] {
        var lines = [
            NumberFormat.pad(timeName, lead - 1) + " " + options.paint(SparklineRenderer.ruler(cols), .dim)
        ]
        if let tokens = view.timeTokens, tokens.timeAxis == 0, tokens.batchAxis == nil, let row = tokens.tokens.first {
            let chars = cols.map { c -> String in
                guard let c else { return "…" }
                guard c < row.count else { return " " }
                let token = row[c]
                let inner =
                    token.count == 3 && token.hasPrefix("'") && token.hasSuffix("'")
                    ? String(token.dropFirst().dropLast()) : "_"
                return TextWidth.of(inner) == 1 ? inner : "?"
            }
            lines.append(NumberFormat.pad("input", lead - 1) + " " + chars.joined())
        }
        return lines
    }

    /// A group's label and one line per unit in it, the middle ones elided when there are many.
    func groupLines(_ g: LabelledRange) -> [String] {
        let members = units.filter { g.range.contains($0) }
        if members.isEmpty { return [] }
        var lines: [String] = []
        if !g.label.isEmpty { lines.append("  " + TensorRenderer.paintGroup(g.label, g, options)) }
        let edge = SparklineRenderer.edgeUnits
        var shown: [Int?] = members
        if unit == nil && members.count > SparklineRenderer.maxUnits {
            shown = Array(members.prefix(edge)) + [nil] + Array(members.suffix(edge))
        }
        for u in shown {
            guard let u else {
                lines.append(
                    "  " + NumberFormat.padRight("⋮", labelWidth) + "   " + options.say(.more(members.count - 2 * edge))
                )
                continue
            }
            lines.append(unitLine(u, in: g))
        }
        return lines
    }

    /// `  u=0   │ ▄▆···  −0.1322 … 0.0754`: one bar per step (`·` not computed, padding marked) and the
    /// line's least and greatest value.
    func unitLine(_ u: Int, in g: LabelledRange) -> String {
        let data = view.tensor.data
        var line = ""
        var values: [Float] = []
        for c in cols {
            guard let c else {
                line += "…"
                continue
            }
            if view.isPadded(c * n + u) {
                line += PaddingMark.sparkStep
            } else if isKnown(g, c) && !view.isPending(c * n + u) {
                let v = data[c * n + u]
                values.append(v)
                line += String(bar(v))
            } else {
                line += "·"
            }
        }
        let painted = line.map { ch -> String in
            ch == "·" || ch == "…" || String(ch) == PaddingMark.sparkStep
                ? options.paint(String(ch), .dim) : String(ch)
        }.joined()
        let styled = g.direction.map { options.paint(painted, Style.of($0)) } ?? painted
        var text =
            "  " + NumberFormat.padRight(SparklineRenderer.label(u, unitName), labelWidth) + " │ " + styled
        if let a = values.min(), let b = values.max() {
            text +=
                "  "
                + options.paint(
                    "\(NumberFormat.pad(format(a), numberWidth)) … \(NumberFormat.pad(format(b), numberWidth))", .dim)
        }
        return text
    }

    /// `values t=0 0.0497, t=1 -0.1322, …`: one unit's computed numbers, the middle elided past 16.
    func valueLines(_ u: Int) -> [String] {
        let g = group(of: u)
        let data = view.tensor.data
        var pairs = (0..<steps).filter { isKnown(g, $0) && !view.isPadded($0 * n + u) && !view.isPending($0 * n + u) }
            .map { s in
                "\(timeName)=\(s)\(view.note(axis: 0, s)) \(format(data[s * n + u]))"
            }
        if pairs.count > 16 { pairs = Array(pairs.prefix(8)) + ["…"] + Array(pairs.suffix(8)) }
        return TextWrap.wrap(
            options.say(.values) + " " + pairs.joined(separator: ", "), width: options.width, indent: "  ",
            continuation: "          ")
    }
}
