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
}
