import LSTMCore
import Testing

@testable import TermRender

@Suite struct RendererTests {
    @Test func chineseCountsTwoColumns() {
        #expect(TextWidth.of("隐藏状态 h") == 10)
        #expect(NumberFormat.padRight("门", 4) == "门  ")
        #expect(NumberFormat.pad("门", 4) == "  门")
        #expect(TextWidth.of(RenderOptions(color: true).paint("前向", .forward, .bold)) == 4)
    }

    @Test func wrapKeepsLinesWithinTheWidth() {
        let lines = TextWrap.wrap(
            "from: h_b = flip(h_b_rev, dims=[0]): h_b[t] = h_b_rev[T-1-t]", width: 30, indent: "  ",
            continuation: "    ")
        // A short bracketed group stays on one line.
        #expect(lines == ["  from: h_b =", "    flip(h_b_rev, dims=[0]):", "    h_b[t] = h_b_rev[T-1-t]"])
        #expect(
            TextWrap.wrap("each [B, H] = [3, 16]", width: 12, indent: "", continuation: "") == [
                "each [B, H]", "= [3, 16]",
            ])
        #expect(TextWrap.wrap("反向 隐藏 状态 序列", width: 10, indent: "", continuation: "") == ["反向 隐藏", "状态 序列"])
    }

    @Test func paintOnlyWithColour() {
        #expect(RenderOptions(color: false).paint("h_f", .bold) == "h_f")
        #expect(RenderOptions(color: true).paint("h_f", .bold, .forward) == "\u{1B}[1;36mh_f\u{1B}[0m")
        #expect(RenderOptions(color: true).paint("", .bold) == "")
    }

    @Test func heatmapCellsWithoutColour() {
        let o = RenderOptions(color: false)
        #expect(HeatmapRenderer.cell(0, .unit, maxAbs: 1, options: o) == "  ")
        #expect(HeatmapRenderer.cell(1, .unit, maxAbs: 1, options: o) == "@@")
        #expect(HeatmapRenderer.cell(0.5, .unit, maxAbs: 1, options: o) == "++")
        #expect(HeatmapRenderer.cell(-1, .signed, maxAbs: 1, options: o) == "-@")
        #expect(HeatmapRenderer.cell(3, .signed, maxAbs: 1, options: o) == "+@")
        #expect(HeatmapRenderer.cell(0.01, .signed, maxAbs: 1, options: o) == "  ")
        #expect(HeatmapRenderer.cell(-2, .free, maxAbs: 4, options: o) == "-*")
        #expect(HeatmapRenderer.cell(.nan, .free, maxAbs: 4, options: o) == "??")
    }

    @Test func heatmapCellsWithColour() {
        let o = RenderOptions(color: true)
        #expect(HeatmapRenderer.cell(1, .unit, maxAbs: 1, options: o) == "\u{1B}[48;5;226m  \u{1B}[0m")
        #expect(HeatmapRenderer.cell(-1, .signed, maxAbs: 1, options: o) == "\u{1B}[48;5;21m  \u{1B}[0m")
        #expect(HeatmapRenderer.cell(0, .free, maxAbs: 0, options: o) == "\u{1B}[48;5;236m  \u{1B}[0m")
    }

    @Test func sparklineOfAHandmadeSequence() throws {
        let t = try Tensor(shape: [4, 2], data: [0, 1, 1, 1, 2, -1, 3, 0])
        let view = TensorView(
            name: "s", tensor: t, axes: ["t", "unit"], caption: "", origin: "",
            knownAxis: 0, known: [true, true, true, false])
        let text = SparklineRenderer.render(view, unit: nil, options: RenderOptions())
        #expect(
            text == """
                spark s  [4, 2]  axes (t, unit)
                  computed: t=0..2 of 0..3  (· = not computed yet)
                  scale ▁ = -1.0000 … █ = 2.0000, shared by every line
                        (the least and greatest computed value); · = not computed yet
                      t 0123
                  u=0 │ ▃▆█·   0.0000 …  2.0000
                  u=1 │ ▆▆▁·  -1.0000 …  1.0000
                """)
    }

    @Test func diagramKeepsTheEndsAndTheCursors() {
        #expect(DiagramRenderer.columns(5, keep: [2], room: 7) == [0, 1, 2, 3, 4])
        let cols = DiagramRenderer.columns(40, keep: [16, 35], room: 8)
        #expect(cols == [0, nil, 16, 17, nil, 35, nil, 39])
        #expect(DiagramRenderer.columns(40, keep: [16, 35], room: 10) == [0, nil, 15, 16, 17, nil, 35, 36, nil, 39])
        #expect(cols.contains(nil))
    }

    @Test func widestNumberWithoutFormattingEach() {
        #expect(NumberFormat.maxWidth([0.5, -12.25, 3], precision: 2) == 6)
        #expect(NumberFormat.maxWidth([0.5, 99.5], precision: 4) == 7)
        #expect(NumberFormat.maxWidth([-0.00001, 0.1], precision: 4) == 6)
        #expect(NumberFormat.maxWidth([.nan, 1], precision: 0) == 3)
        #expect(NumberFormat.maxWidth([-.infinity], precision: 4) == 4)
        #expect(NumberFormat.maxWidth([], precision: 4) == 1)
    }

    @Test func runsOfIndices() {
        #expect(TensorRenderer.runs([0, 1, 2, 4, 6, 7]) == ["0..2", "4", "6..7"])
        #expect(TensorRenderer.runs([]) == [])
    }
}
