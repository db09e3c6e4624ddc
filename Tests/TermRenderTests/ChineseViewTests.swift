import LabShell
import TermRender
import Testing

/// The main views in Chinese at 80 and 120 columns: snapshots (`zh-*.txt`),
/// every line within the width with CJK counted as two columns, and every
/// table row of a block as wide as the others.
let chineseViewCases: [ViewCase] = [80, 120].flatMap { width -> [ViewCase] in
    let w = width == 80 ? "" : "-w\(width)"
    let zh = ["set lang zh"]
    return [
        ViewCase("zh-x-b1\(w)", zh, "show x b=1", width: width),
        ViewCase("zh-gates-fwd-t0-b0\(w)", zh + ["step 2"], "show gates fwd t=0 b=0", width: width),
        ViewCase("zh-gates-draft\(w)", zh + ["set variant draft", "step fwd"], "show gates fwd b=0", width: width),
        ViewCase("zh-gates-pre\(w)", zh + ["step"], "show gates_pre fwd", width: width),
        ViewCase("zh-c-fwd\(w)", zh + ["step 2"], "show c fwd", width: width),
        ViewCase("zh-h-bwd-before-step\(w)", zh, "show h bwd", width: width),
        ViewCase("zh-h_f\(w)", zh + ["step 2"], "show h_f", width: width),
        ViewCase("zh-h_b_rev\(w)", zh + ["step 2"], "show h_b_rev", width: width),
        ViewCase("zh-h_b\(w)", zh + ["step 2"], "show h_b", width: width),
        ViewCase("zh-y-partial\(w)", zh + ["step fwd 3", "step bwd 3"], "show y", width: width),
        ViewCase("zh-h_n\(w)", zh + ["run"], "show h_n", width: width),
        ViewCase("zh-c0\(w)", zh, "show c0", width: width),
        ViewCase("zh-W_ih_f\(w)", zh, "show W_ih_f", width: width),
        ViewCase("zh-b_hh_b\(w)", zh, "show b_hh_b", width: width),
        ViewCase("zh-heatmap-h_f\(w)", zh + ["step 2"], "heatmap h_f", width: width),
        ViewCase("zh-heatmap-gates\(w)", zh + ["step"], "heatmap gates fwd", width: width),
        ViewCase("zh-spark-h_b_rev-b1\(w)", zh + ["step 3"], "spark h_b_rev b=1", width: width),
        ViewCase("zh-diagram-mid\(w)", zh + ["step fwd 3", "step bwd 1"], "diagram", width: width),
        ViewCase("zh-info\(w)", zh + ["step 2", "watch h_f"], "info", width: width),
    ]
}

@Suite struct ChineseViewTests {
    @Test(arguments: chineseViewCases)
    func snapshot(_ c: ViewCase) {
        assertSnapshot(c.render(color: false), named: c.name)
    }

    @Test(arguments: chineseViewCases)
    func linesFitTheWidth(_ c: ViewCase) {
        for line in c.render(color: false).split(separator: "\n") {
            #expect(TextWidth.of(String(line)) <= c.width, "\(c.name): \(line)")
        }
    }

    /// Consecutive table rows (lines with `│`) put the bar in one column and, outside
    /// heatmaps (whose blank last cells are trimmed), are equally wide.
    @Test(arguments: chineseViewCases)
    func tableRowsAlign(_ c: ViewCase) {
        var block: [String] = []
        func check() {
            defer { block = [] }
            guard block.count > 1 else { return }
            let bars = Set(block.map { line in TextWidth.of(String(line.prefix { $0 != "│" })) })
            #expect(bars.count == 1, "\(c.name): │ at \(bars) in \(block)")
            if !c.command.hasPrefix("heatmap") && !c.command.hasPrefix("spark") {
                let widths = Set(block.map(TextWidth.of))
                #expect(widths.count == 1, "\(c.name): row widths \(widths) in \(block)")
            }
        }
        for line in c.render(color: false).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("│") { block.append(String(line)) } else { check() }
        }
        check()
    }

    /// The Chinese screens say what the English ones say: the same numbers, in the same order.
    @Test(arguments: chineseViewCases.filter { !$0.command.hasPrefix("info") })
    func sameNumbersAsEnglish(_ c: ViewCase) {
        let english = ViewCase(c.name, Array(c.setup.dropFirst()), c.command, width: c.width)
        func table(_ s: String) -> [String] {
            s.split(separator: "\n").filter { $0.contains("│") }.map { String($0.drop { $0 != "│" }) }
        }
        #expect(table(c.render(color: false)) == table(english.render(color: false)))
    }
}
