import LSTMCore
import LabText

/// `show pred`: with several sequences, one compact pair of lines each (the
/// tokens, then one letter per predicted class); for one sequence or one
/// position, a table with the class name and its probability.
///
/// ```
/// b=0  ( a ( b ) a ) b ( ( ) a
///      M O M O M O M O U M M O
/// ```
public enum PredictionRenderer {
    public static func render(_ view: PredictionView, options: RenderOptions) -> String {
        let b = view.probabilities.shape.first ?? 0
        let tl = view.probabilities.shape.count > 1 ? view.probabilities.shape[1] : 0
        let say = { (m: HeadMessage) in m.text(options.language) }
        let zh = options.language == .zh
        var lines = [options.paint("pred", .bold) + "  " + say(.predTitle(batch: b, length: tl))]
        let list = zip(view.abbreviations, view.classes).map { "\($0) = \($1)" }
        lines.append("  " + say(.classes(list: list.joined(separator: zh ? "，" : ", "))))
        if let a = view.ablation {
            // A full-width colon carries its own space.
            let gap = options.language == .zh ? "" : " "
            lines.append("  " + options.paint(say(.ablatedLabel), .warning) + gap + a)
        }
        if !view.known.allSatisfy({ $0 }) {
            let done = view.known.indices.filter { view.known[$0] }
            let runs = TensorRenderer.runs(done).map { "t=\($0)" }.joined(separator: zh ? "，" : ", ")
            lines.append(
                "  " + say(done.isEmpty ? .computedNothing : .computed(runs: runs, last: tl - 1)) + (zh ? "  （" : "  (")
                    + options.paint("·", .dim) + " " + say(.notComputedMark) + (zh ? "）" : ")"))
        }
        if let lengths = view.lengths,
            view.batchIndices.contains(where: { lengths.indices.contains($0) && lengths[$0] < tl })
        {
            lines.append(
                "  "
                    + options.paint(view.batchIndices.count == 1 || view.t != nil ? "pad" : PaddingMark.sparkStep, .dim)
                    + " " + PaddingMessage.legend.text(options.language))
        }
        if view.batchIndices.count == 1 || view.t != nil {
            lines += table(view, options: options)
        } else {
            lines += compact(view, options: options)
        }
        return lines.joined(separator: "\n")
    }

    /// One row per position: `t=3 '('  matched  0.9987`.
    static func table(_ view: PredictionView, options: RenderOptions) -> [String] {
        let tl = view.probabilities.shape[1]
        let times = view.t.map { [$0] } ?? Array(0..<tl)
        let nameWidth = view.classes.map(TextWidth.of).max() ?? 5
        var lines: [String] = []
        for b in view.batchIndices {
            if view.batchIndices.count > 1 || view.t == nil { lines.append(options.paint("[b=\(b)]", .bold)) }
            for t in times {
                let token = view.tokens.flatMap { b < $0.count && t < $0[b].count ? " " + $0[b][t] : nil } ?? ""
                let label = NumberFormat.padRight("t=\(t)" + token, "t=\(tl - 1) 'x'".count + 1)
                if view.isPadded(b: b, t: t) {
                    lines.append("  " + label + " │ " + options.paint("pad", .dim))
                    continue
                }
                guard let top = view.top(b: b, t: t) else {
                    lines.append("  " + label + " │ " + options.paint("·", .dim))
                    continue
                }
                let name = NumberFormat.padRight(view.classes[top.index], nameWidth)
                let p = NumberFormat.fixed(top.probability, precision: options.precision)
                lines.append("  " + label + " │ " + options.paint(name, .bold) + "  " + p)
            }
        }
        return lines
    }

    /// Two lines per sequence: its tokens, then the predicted classes' letters, one column per t.
    static func compact(_ view: PredictionView, options: RenderOptions) -> [String] {
        let tl = view.probabilities.shape[1]
        let labelWidth = "b=\(view.batchIndices.max() ?? 0)".count
        let room = max(4, (options.width - 2 - labelWidth - 2) / 2)
        let cols: [Int?] =
            tl <= room ? Array(0..<tl) : Array(0..<(room / 2 - 1)) + [nil] + Array((tl - room / 2 + 1)..<tl)
        var lines = [
            "  " + String(repeating: " ", count: labelWidth) + "  "
                + options.paint(cols.map { c in c.map { String($0 % 10) } ?? "…" }.joined(separator: " "), .dim)
        ]
        for b in view.batchIndices {
            let chars = cols.map { c -> String in
                guard let c else { return "…" }
                guard let row = view.characters, b < row.count, c < row[b].count else { return "?" }
                guard let ch = row[b][c] else { return options.paint("_", .dim) }
                let s = String(ch)
                return TextWidth.of(s) == 1 ? s : "?"
            }
            let preds = cols.map { c -> String in
                guard let c else { return "…" }
                if view.isPadded(b: b, t: c) { return options.paint(PaddingMark.sparkStep, .dim) }
                guard let top = view.top(b: b, t: c) else { return options.paint("·", .dim) }
                return options.paint(view.abbreviations[top.index], .bold)
            }
            let label = NumberFormat.padRight("b=\(b)", labelWidth)
            if view.characters != nil { lines.append("  " + label + "  " + chars.joined(separator: " ")) }
            lines.append(
                "  " + (view.characters != nil ? String(repeating: " ", count: labelWidth) : label) + "  "
                    + preds.joined(separator: " "))
        }
        lines.append("  " + HeadMessage.columns(text: view.characters != nil).text(options.language))
        return lines
    }
}
