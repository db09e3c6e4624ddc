import LabShell
import TermRender
import Testing

/// One screen a learner can ask for: the commands that lead to it, the command
/// that shows it, and the terminal width.
struct ViewCase: CustomTestStringConvertible, Sendable {
    var name: String
    var setup: [String]
    var command: String
    var width: Int
    var testDescription: String { name }

    init(_ name: String, _ setup: [String], _ command: String, width: Int = 80) {
        self.name = name
        self.setup = setup
        self.command = command
        self.width = width
    }

    /// Runs the setup on the demo session and renders the command's outputs.
    func render(color: Bool) -> String {
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: width, color: color)
        for line in setup {
            let r = lab.handle(line)
            precondition(r.error == nil, "setup '\(line)' failed: \(r.error ?? "")")
        }
        let r = lab.handle(command)
        return r.error.map { "error: " + $0 } ?? r.output
    }
}

let viewCases: [ViewCase] = [
    ViewCase("x-b1", [], "show x b=1"),
    ViewCase("x-t3", [], "show x t=3"),
    ViewCase("gates-fwd-t0-b0", ["step 2"], "show gates fwd t=0 b=0"),
    ViewCase("gates-fwd-t0-b0-w120", ["step 2"], "show gates fwd t=0 b=0", width: 120),
    ViewCase("gates-bwd-all-batches", ["step 2"], "show gates bwd"),
    ViewCase("gates-draft", ["set variant draft", "step fwd"], "show gates fwd b=0"),
    ViewCase("gates-stacked-w60", ["step"], "show gates fwd b=0", width: 60),
    ViewCase("gates-pre", ["step"], "show gates_pre fwd"),
    ViewCase("gates-pre-H2", ["sizes B=1 T=2 D=3 H=2", "step"], "show gates_pre fwd"),
    ViewCase("gates-H2", ["sizes B=1 T=2 D=3 H=2", "step"], "show gates fwd"),
    ViewCase("c-fwd", ["step 2"], "show c fwd"),
    ViewCase("h-bwd-before-step", [], "show h bwd"),
    ViewCase("h-fwd-b1", ["step"], "show h fwd b=1"),
    ViewCase("h_f", ["step 2"], "show h_f"),
    ViewCase("h_b_rev", ["step 2"], "show h_b_rev"),
    ViewCase("h_b", ["step 2"], "show h_b"),
    ViewCase("h_b_rev-b0", ["step 3"], "show h_b_rev b=0"),
    ViewCase("h_b-b0", ["step 3"], "show h_b b=0"),
    ViewCase("h_b-t3", ["step 2"], "show h_b t=3"),
    ViewCase("h_b_rev-k1-b2", ["run"], "show h_b_rev t=1 b=2"),
    ViewCase("h_n-b1", ["run"], "show h_n b=1"),
    ViewCase("y-partial", ["step fwd 3", "step bwd 3"], "show y"),
    ViewCase("y-b0-w120", ["step fwd 3", "step bwd 3"], "show y b=0", width: 120),
    ViewCase("y-time-first", ["set batch_first off", "step 3"], "show y"),
    ViewCase("y-t1", ["run"], "show y t=1"),
    ViewCase("W_ih_f", [], "show W_ih_f"),
    ViewCase("W_hh_b-w120", [], "show W_hh_b", width: 120),
    ViewCase("b_ih_f", [], "show b_ih_f"),
    ViewCase("h_n", ["run"], "show h_n"),
    ViewCase("c0-fwd", [], "show c0 fwd"),
    ViewCase("precision-2", ["set precision 2", "step"], "show h_f b=0"),
    ViewCase("gates-precision-0", ["set precision 0", "step"], "show gates fwd b=1"),
    ViewCase("gates-precision-8", ["set precision 8", "step"], "show gates fwd b=0"),
    ViewCase("big-h_f", ["sizes B=2 T=12 H=64", "step 5"], "show h_f"),
    ViewCase("heatmap-h_f", ["step 2"], "heatmap h_f"),
    ViewCase("heatmap-y-b0", ["run"], "heatmap y b=0"),
    ViewCase("heatmap-h_b_rev-b0", ["step 3"], "heatmap h_b_rev b=0"),
    ViewCase("heatmap-gates", ["step"], "heatmap gates fwd"),
    ViewCase("heatmap-gates_pre", ["step"], "heatmap gates_pre fwd b=1"),
    ViewCase("heatmap-W_ih_b", [], "heatmap W_ih_b"),
    ViewCase("heatmap-b_ih_f", [], "heatmap b_ih_f"),
    ViewCase("heatmap-x-time-first", ["set batch_first off", "sizes B=2 T=4"], "heatmap x"),
    ViewCase("heatmap-wide-H", ["sizes B=1 T=4 H=48", "run"], "heatmap y b=0"),
    ViewCase("spark-h_f-b0", ["step 3"], "spark h_f b=0"),
    ViewCase("spark-h_b_rev-b1", ["step 3"], "spark h_b_rev b=1"),
    ViewCase("spark-y-u3", ["run"], "spark y b=0 u=3"),
    ViewCase("spark-long-T", ["sizes T=120 H=4", "run"], "spark h_b b=0"),
    ViewCase("spark-y-all", ["run"], "spark y b=2"),
    ViewCase("diagram-start", [], "diagram"),
    ViewCase("diagram-mid", ["step fwd 3", "step bwd 1"], "diagram"),
    ViewCase("diagram-done", ["run"], "diagram"),
    ViewCase("diagram-long-T", ["sizes T=40", "step fwd 17", "step bwd 5"], "diagram"),
    ViewCase("diagram-long-T-w120", ["sizes T=40", "step fwd 17", "step bwd 5"], "diagram", width: 120),
]

@Suite struct ViewSnapshotTests {
    @Test(arguments: viewCases)
    func snapshot(_ c: ViewCase) {
        assertSnapshot(c.render(color: false), named: c.name)
    }

    @Test(arguments: viewCases)
    func linesFitTheWidth(_ c: ViewCase) {
        for line in c.render(color: false).split(separator: "\n") {
            #expect(TextWidth.of(String(line)) <= c.width, "\(c.name): \(line)")
        }
    }

    /// Side-by-side groups are separated by ┃: it must sit in the same column on
    /// the label, index and number lines (each case shows one view).
    @Test(arguments: viewCases)
    func separatorsLineUp(_ c: ViewCase) {
        let columns = c.render(color: false).split(separator: "\n").map { line -> [Int] in
            var out: [Int] = []
            var col = 0
            for ch in line {
                if ch == "┃" { out.append(col) }
                col += TextWidth.of(String(ch))
            }
            return out
        }.filter { !$0.isEmpty }
        #expect(Set(columns).count <= 1, "\(c.name): ┃ at \(Set(columns))")
    }

    /// Colour only wraps text that was laid out without it: every line keeps its
    /// width, and outside heatmaps (whose cells become coloured blanks) the text is the same.
    @Test(arguments: viewCases)
    func colourKeepsTheLayout(_ c: ViewCase) {
        let plain = c.render(color: false)
        let colored = c.render(color: true)
        #expect(colored.contains("\u{1B}["))
        #expect(!plain.contains("\u{1B}"))
        let a = plain.split(separator: "\n", omittingEmptySubsequences: false)
        let b = colored.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(a.count == b.count)
        for (p, q) in zip(a, b) {
            let plainWidth = TextWidth.of(String(p))
            let colourWidth = TextWidth.of(stripEscapes(String(q)))
            if c.command.hasPrefix("heatmap") {
                // A blank (≈ 0) cell at the end of a line is trimmed without colour, kept as a coloured cell with it.
                #expect(plainWidth <= colourWidth && colourWidth <= c.width, "\(c.name): \(p)")
            } else {
                #expect(plainWidth == colourWidth, "\(c.name): \(p)")
            }
        }
        if !c.command.hasPrefix("heatmap") {
            #expect(stripEscapes(colored) == plain)
        }
    }
}
