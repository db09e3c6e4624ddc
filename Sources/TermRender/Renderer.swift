/// Turns interpreter outputs into text.
public enum Renderer {
    public static func render(_ output: Output, options: RenderOptions) -> String {
        let text = body(output, options: options)
        // Padding at the end of a line is never content: drop it so copies and snapshots stay clean.
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { trimTrailingSpaces(String($0)) }
            .joined(separator: "\n")
    }

    /// Drops spaces at the end of a line, also those just inside closing escape codes,
    /// so a line is as wide with colour as without.
    static func trimTrailingSpaces(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        var tail: [Unicode.Scalar] = []
        while let last = scalars.last {
            if last == " " {
                // Blanks inside a background colour are content (heatmap cells): keep them.
                if let esc = scalars.lastIndex(of: "\u{1B}"),
                    let end = scalars[esc...].firstIndex(of: "m"),
                    String(String.UnicodeScalarView(scalars[esc...end])).contains("48;")
                {
                    break
                }
                scalars.removeLast()
            } else if last == "m", let esc = scalars.lastIndex(of: "\u{1B}"),
                scalars[(esc + 1)...].dropLast().allSatisfy({ $0 == "[" || $0 == ";" || ("0"..."9").contains($0) })
            {
                tail = Array(scalars[esc...]) + tail
                scalars.removeSubrange(esc...)
            } else {
                break
            }
        }
        var out = String(String.UnicodeScalarView(scalars))
        // Keep only the final reset, if any styling remains open.
        if tail.contains("\u{1B}") && out.contains("\u{1B}") && !out.hasSuffix("\u{1B}[0m") { out += "\u{1B}[0m" }
        return out
    }

    static func body(_ output: Output, options: RenderOptions) -> String {
        switch output {
        case .text(let s):
            // Long replies and help rows are wrapped here to the terminal: English at spaces, Chinese at
            // character boundaries, never inside a number, a name or a shape.
            return TextLayout.wrapStatus(s, width: options.width)
        case .tensor(let view):
            return TensorRenderer.render(view, options: options)
        case .gates(let view):
            return GateRenderer.render(view, options: options)
        case .heatmap(let view):
            return HeatmapRenderer.render(view, options: options)
        case .sparklines(let view, let unit):
            return SparklineRenderer.render(view, unit: unit, options: options)
        case .diagram(let state):
            return DiagramRenderer.render(state, options: options)
        case .predictions(let view):
            return PredictionRenderer.render(view, options: options)
        case .trace(let view):
            return TraceRenderer.render(view, options: options)
        }
    }
}
