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
        let t = view.tensor
        guard t.rank == 2 else { return (header + ["  " + options.say(.sparkNeedsMatrix)]).joined(separator: "\n") }
        let steps = t.shape[0]
        let n = t.shape[1]
        let fmt = { (v: Float) in NumberFormat.fixed(v, precision: options.precision) }
        let timeName = view.axes.first ?? "t"
        let unitName = view.axes.count > 1 ? view.axes[1] : "unit"
        let groups = view.columnGroups.isEmpty ? [LabelledRange("", 0..<n)] : view.columnGroups

        func known(_ g: LabelledRange, _ s: Int) -> Bool {
            guard !view.cellsKnown, view.knownAxis == 0, let k = g.known ?? view.known, s < k.count else { return true }
            return k[s]
        }
        func group(of u: Int) -> LabelledRange { groups.first { $0.range.contains(u) } ?? groups[0] }
        let units: [Int] = unit.map { [$0] } ?? Array(0..<n)
        var lo = Float.infinity
        var hi = -Float.infinity
        for u in units {
            for s in 0..<steps where known(group(of: u), s) && !view.isPadded(s * n + u) && !view.isPending(s * n + u) {
                let v = t.data[s * n + u]
                if v.isFinite {
                    lo = min(lo, v)
                    hi = max(hi, v)
                }
            }
        }
        var lines = header
        if lo > hi {
            lines.append("  " + options.say(.sparkNothingYet))
            return lines.joined(separator: "\n")
        }
        lines.append(
            "  "
                + options.say(
                    .sparkScale(
                        low: String(bars[0]) + " = \(fmt(lo))",
                        high: String(bars[bars.count - 1]) + " = \(fmt(hi))")))
        let partial = ([view.known] + groups.map(\.known)).contains { $0?.contains(false) == true }
        let semicolon = options.language == .zh ? "；" : "; "
        lines.append(
            "        " + options.say(.sparkScaleNote)
                + (partial ? semicolon + options.paint("·", .dim) + " " + options.say(.notComputedYet) : ""))
        lines += PaddingMark.legend(view, mark: PaddingMark.sparkStep, options: options).map { "      " + $0 }

        let labelWidth = units.map { TextWidth.of(label($0, unitName)) }.max() ?? 1
        // Each line's least … greatest, aligned like a table's numbers.
        let numberWidth = max(fmt(lo).count, fmt(hi).count)
        let lead = 2 + labelWidth + 3
        // One column per step, elided in the middle when T does not fit.
        let room = max(8, options.width - lead - 2 - 2 * (fmt(lo).count + 3))
        let cols: [Int?] =
            steps <= room
            ? Array(0..<steps) : Array(0..<(room / 2 - 1)) + [nil] + Array((steps - (room / 2 - 1))..<steps)
        func bar(_ v: Float) -> Character {
            guard v.isFinite else { return "?" }
            if hi <= lo { return bars[bars.count / 2] }
            // In Double: hi − lo of two large finite floats (±3e38) overflows Float to inf, and Int(nan) traps.
            let position = (Double(v) - Double(lo)) / (Double(hi) - Double(lo)) * Double(bars.count - 1)
            guard position.isFinite else { return "?" }
            let i = Int(position.rounded())
            return bars[min(max(i, 0), bars.count - 1)]
        }
        lines.append(NumberFormat.pad(timeName, lead - 1) + " " + options.paint(ruler(cols), .dim))
        if let tokens = view.timeTokens, tokens.timeAxis == 0, tokens.batchAxis == nil, let row = tokens.tokens.first {
            // One character per step under the ruler: what each t read (`_` = zero-row padding).
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
        for g in groups {
            let members = units.filter { g.range.contains($0) }
            if members.isEmpty { continue }
            if !g.label.isEmpty { lines.append("  " + TensorRenderer.paintGroup(g.label, g, options)) }
            var shown: [Int?] = members
            if unit == nil && members.count > maxUnits {
                shown = Array(members.prefix(edgeUnits)) + [nil] + Array(members.suffix(edgeUnits))
            }
            for u in shown {
                guard let u else {
                    lines.append(
                        "  " + NumberFormat.padRight("⋮", labelWidth) + "   "
                            + options.say(.more(members.count - 2 * edgeUnits)))
                    continue
                }
                var line = ""
                var values: [Float] = []
                for c in cols {
                    guard let c else {
                        line += "…"
                        continue
                    }
                    if view.isPadded(c * n + u) {
                        line += PaddingMark.sparkStep
                    } else if known(g, c) && !view.isPending(c * n + u) {
                        let v = t.data[c * n + u]
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
                var text = "  " + NumberFormat.padRight(label(u, unitName), labelWidth) + " │ " + styled
                if let a = values.min(), let b = values.max() {
                    text +=
                        "  "
                        + options.paint(
                            "\(NumberFormat.pad(fmt(a), numberWidth)) … \(NumberFormat.pad(fmt(b), numberWidth))", .dim)
                }
                lines.append(text)
            }
        }
        if let u = unit {
            let g = group(of: u)
            var pairs = (0..<steps).filter { known(g, $0) && !view.isPadded($0 * n + u) && !view.isPending($0 * n + u) }
                .map { s in
                    "\(timeName)=\(s)\(view.note(axis: 0, s)) \(fmt(t.data[s * n + u]))"
                }
            if pairs.count > 16 { pairs = Array(pairs.prefix(8)) + ["…"] + Array(pairs.suffix(8)) }
            lines += TextWrap.wrap(
                options.say(.values) + " " + pairs.joined(separator: ", "), width: options.width, indent: "  ",
                continuation: "          ")
        }
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
