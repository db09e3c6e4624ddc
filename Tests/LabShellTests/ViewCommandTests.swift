import Foundation
import Testing

@testable import LabShell

/// `watch` alone, `unwatch NAME|N|all`, `show … u=`, `clear` and `focus`: what they print and refuse.
@Suite struct ViewCommandTests {
    func lab(_ lines: [String] = [], lang: String = "en") -> Lab {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        if lang == "zh" { _ = lab.handle("set lang zh") }
        for line in lines { _ = lab.handle(line) }
        return lab
    }

    @Test func watchAloneListsTheWatchesNumbered() {
        var lab = lab()
        #expect(lab.handle("watch").output == "nothing is watched; watch NAME [fwd|bwd] … or watch EXPR adds one")
        _ = lab.handle("watch gates fwd h_f")
        _ = lab.handle("watch c_f[:, 0, 5]")
        #expect(
            lab.handle("watch").output == """
                watching 3 views (shown after every step, back, goto, run, reset; unwatch N
                  removes one):
                  1. gates fwd
                  2. h_f
                  3. c_f[:, 0, 5]
                """)
        #expect(lab.handle("watch").error == nil)
    }

    @Test func unwatchRemovesOneByTextNumberOrName() {
        var lab = lab(["watch gates fwd gates bwd h_f", "watch c_f[:, 0, 5]"])
        #expect(lab.handle("unwatch c_f[:,0,5]").output == "stopped watching c_f[:, 0, 5] (3 still watched)")
        #expect(lab.handle("unwatch 3").output == "stopped watching h_f (2 still watched)")
        #expect(
            lab.handle("unwatch gates").output == "stopped watching gates fwd, gates bwd; nothing is watched now")
        #expect(lab.handle("watch").output == "nothing is watched; watch NAME [fwd|bwd] … or watch EXPR adds one")
    }

    @Test func unwatchOfWhatIsNotWatchedNamesTheWatches() {
        var lab = lab(["watch gates fwd h_f"])
        let r = lab.handle("unwatch c")
        #expect(r.output == "")
        #expect(r.error == "'c' is not watched; watched: gates fwd, h_f (unwatch NAME, unwatch N or unwatch all)")
        #expect(lab.handle("unwatch 3").error?.hasPrefix("'3' is not watched; watched: gates fwd, h_f") == true)
        #expect(lab.handle("unwatch gates bwd").error?.hasPrefix("'gates bwd' is not watched") == true)
        #expect(lab.handle("unwatch all").output == "stopped watching 2 views")
        #expect(lab.handle("unwatch y").error == "'y' is not watched: nothing is watched")
        #expect(lab.handle("unwatch").output == "nothing was watched")
    }

    @Test func watchAndUnwatchInChinese() {
        var lab = lab(["watch gates fwd h_f"], lang: "zh")
        #expect(
            lab.handle("watch").output == """
                正在监视 2 个视图（每次 step、back、goto、run、reset 之后都会显示；unwatch N 去
                  掉一个）：
                  1. gates fwd
                  2. h_f
                """)
        #expect(lab.handle("unwatch y").error == "没有在监视 'y'；正在监视：gates fwd、h_f（unwatch NAME、unwatch N 或 unwatch all）")
        #expect(lab.handle("unwatch h_f").output == "已停止监视 h_f（还在监视 1 个）")
        #expect(
            lab.handle("unwatch c").error == "没有在监视 'c'；正在监视：gates fwd（unwatch NAME、unwatch N 或 unwatch all）")
        #expect(lab.handle("unwatch 1").output == "已停止监视 gates fwd；现在没有监视任何视图")
    }

    @Test func watchesStillReappearAfterUnwatchingOne() {
        var lab = lab(["watch h fwd c fwd", "unwatch c"])
        let r = lab.handle("step fwd")
        #expect(r.output.contains("h fwd t=0  [3, 16]  axes (b, unit)"))
        #expect(!r.output.contains("c fwd t=0"))
    }
}

/// `u=A..B`: the units a view shows, the ones the column summary hides included.
@Suite struct UnitRangeTests {
    func lab(_ lines: [String]) -> Lab {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in lines { _ = lab.handle(line) }
        return lab
    }

    @Test func parsesUnitsAndRanges() throws {
        let parser = CommandParser()
        #expect(
            try parser.parse("show h fwd u=6..9") == .show(ViewRequest(name: .h, direction: .forward, units: 6...9)))
        #expect(try parser.parse("show h_f u=3 b=1") == .show(ViewRequest(name: .h_f, b: 1, units: 3...3)))
        #expect(
            try parser.parse("watch h u=2..3 c")
                == .watch([ViewRequest(name: .h, units: 2...3), ViewRequest(name: .c)]))
        guard case .showExpression(let e, .show) = try parser.parse("show c_f[:, 0] u=3..5") else {
            Issue.record("not an expression")
            return
        }
        #expect(e.text == "c_f[:, 0]" && e.units == 3...5)
    }

    @Test(arguments: [
        ("show h u=9..6", "u=9..6 runs backwards: write u=6..9", 10),
        ("show h u=", "u= needs a unit or a range of units: u=3 or u=6..9", 8),
        ("show h u=x", "'u=x' is not a unit or a range of units: write u=3 or u=6..9 (whole numbers)", 10),
        ("show h u=1..2..3", "'u=1..2..3' is not a unit or a range of units: write u=3 or u=6..9 (whole numbers)", 10),
        ("show h u=-1", "'u=-1' is not a unit or a range of units: write u=3 or u=6..9 (whole numbers)", 10),
    ])
    func badRangesAreRefusedAtTheirColumn(line: String, message: String, column: Int) {
        do {
            _ = try CommandParser().parse(line)
            Issue.record("\(line) parsed")
        } catch {
            #expect(error.message == message)
            #expect(error.column == column)
        }
    }

    @Test func unitsHiddenByTheSummaryCanBeAskedFor() {
        var lab = lab(["step"])
        #expect(!lab.handle("show h_f").output.contains("     7 "))
        #expect(
            lab.handle("show h fwd u=6..9").output == """
                h fwd t=0  [3, 4]  axes (b, unit)
                  hidden state after the forward step 1/5, t=0 (= h_f[0])
                  units 6..9 of 16
                  from: h_t = o ⊙ tanh(c_t)
                              6       7       8       9
                  b=0 │  0.0007  0.0173  0.0792  0.0229
                  b=1 │  0.0901  0.1038  0.0128 -0.0948
                  b=2 │  0.0726  0.0252  0.0016  0.0481
                """)
        // The same numbers as PyTorch's slice of the whole view.
        let sliced = lab.handle("print h_f[0, :, 6:10]").output
        #expect(sliced.contains("b=0 │  0.0007  0.0173  0.0792  0.0229"))
    }

    @Test func aUnitIsTheSameUnitInEveryGateAndEachDirection() {
        var lab = lab(["run"])
        let pre = lab.handle("show gates_pre fwd t=0 b=0 u=6..7").output
        #expect(pre.contains("units 6..7 of each gate: columns 6..7, 22..23, 38..39, 54..55 of 4H"))
        #expect(pre.contains("  b=0 │  0.5956  0.0231 ┃  1.5317  1.4850 ┃  0.0029  0.0783 ┃ -0.3961 -0.2486"))
        let gates = lab.handle("show gates fwd t=0 b=2 u=6").output
        #expect(gates.contains("  u=6  │  0.7013 → 0.6685   2.2760 → 0.9069   0.2830 → 0.2757  -0.4133 → 0.3981"))
        #expect(!gates.contains("u=5 ") && !gates.contains("u=7 "))
        let y = lab.handle("show y u=15").output
        #expect(y.contains("unit 15 of each direction: y columns 15 (h_f) and 31 (h_b)"))
        #expect(y.contains("  t=0 │  0.0768 ┃  0.0866"))
        let w = lab.handle("show W_ih_f u=2").output
        #expect(w.contains("the rows of unit 2 in each gate block: rows 2, 18, 34, 50; every column"))
        #expect(w.contains("  18 │  0.0077  0.1778 -0.0918 -0.1809  0.2569 -0.2338 -0.2689  0.1676"))
        let b = lab.handle("show b_ih_f u=14..15").output
        #expect(b.contains("  f forget gate 30..31    │ 1.0000 1.0000"))
    }

    @Test func expressionsAndWatchesTakeUnitsToo() {
        var lab = lab(["run"])
        #expect(
            lab.handle("show c_f[:, 0] u=3..5").output == """
                c_f[:, 0]  [5, 3]  axes (t, unit)
                  columns 3..5 of the last axis (of 16)
                              3       4       5
                  t=0 │  0.1750 -0.0444  0.0284
                  t=1 │  0.0199 -0.4778 -0.1080
                  t=2 │ -0.1121 -0.0111  0.3093
                  t=3 │ -0.1131 -0.0907  0.2260
                  t=4 │ -0.0125 -0.0161  0.1089
                """)
        _ = lab.handle("watch h fwd u=2..3")
        _ = lab.handle("watch h_f[:, 1] u=7")
        #expect(lab.handle("watch").output.hasSuffix("  1. h fwd u=2..3\n  2. h_f[:, 1] u=7"))
        #expect(lab.handle("unwatch h fwd u=2..3").output == "stopped watching h fwd u=2..3 (1 still watched)")
    }

    @Test func unitsOutOfRangeOrOnOtherAxesAreRefused() {
        var lab = lab(["run"])
        #expect(lab.handle("show h u=3..16").error == "u=3..16 is out of range: units go from 0 to 15")
        #expect(lab.handle("show c_f[:, 0] u=30").error == "u=30 is out of range: units go from 0 to 15")
        #expect(lab.handle("show x u=1").error?.hasPrefix("x has no hidden units on its last axis") == true)
        #expect(lab.handle("watch h u=16").error == "u=16 is out of range: units go from 0 to 15")
        _ = lab.handle("set lang zh")
        #expect(lab.handle("show h u=20").error == "u=20 超出范围：隐藏单元从 0 到 15")
        #expect(
            lab.handle("show gates_pre fwd b=0 u=6..7").output.contains(
                "每个门的单元 6..7：4H 中的第 6..7、22..23、38..39、54..55 列"))
    }
}

/// `focus` and `clear`: every column in bands; a clear the front does.
@Suite struct FocusAndClearTests {
    @Test func focusShowsEveryColumnInBandsThatFit() {
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 80)
        _ = lab.handle("step")
        #expect(lab.handle("show h fwd b=0").output.contains("…"))
        #expect(
            lab.handle("focus h fwd b=0").output == """
                h fwd t=0 b=0  [1, 16]  axes (b, unit)
                  hidden state after the forward step 1/5, t=0 (= h_f[0])
                  from: h_t = o ⊙ tanh(c_t)
                              0       1       2       3       4       5       6       7
                  b=0 │  0.0497 -0.1322  0.0651  0.0754 -0.0226  0.0141  0.0007  0.0173

                              8       9      10      11      12      13      14      15
                  b=0 │  0.0792  0.0229  0.0171  0.0021 -0.0390  0.0678  0.0104  0.0768
                """)
        // Every line fits the width it was given, at 40 columns too.
        lab.width = 40
        let narrow = lab.handle("focus gates_pre fwd b=1").output
        for line in narrow.split(separator: "\n") where line.contains("│") { #expect(line.count <= 40, "\(line)") }
        #expect(!narrow.contains("…"))
        #expect(narrow.contains("o output gate 60..63"))
    }

    @Test func focusOfGatesShowsEveryUnitAndTakesExpressions() {
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 100)
        _ = lab.handle("sizes B=8 T=3 D=4 H=40")
        _ = lab.handle("step")
        #expect(lab.handle("show gates fwd").output.contains("⋮"))
        let all = lab.handle("focus gates fwd").output
        #expect(!all.contains("⋮") && all.contains("  u=20 "))
        let e = lab.handle("focus W_hh_f.T @ W_hh_f").output
        #expect(e.hasPrefix("W_hh_f.T @ W_hh_f  [40, 40]") && !e.contains("…"))
        #expect(lab.handle("focus x b=9").error == "b=9 is out of range: b goes from 0 to 7")
    }

    @Test func clearPrintsNothingAndTellsTheFront() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        let r = lab.handle("clear")
        #expect(r.output == "" && r.error == nil && r.clearsScreen)
        #expect(!lab.handle("info").clearsScreen)
        #expect(lab.handle("clear now").error == "unexpected 'now'")
    }

    @Test func clearInATranscriptIsASeparatorLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("views15-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 100, color: true)
        _ = lab.handle("record \"\(path)\"")
        _ = lab.handle("reset")
        _ = lab.handle("clear")
        _ = lab.handle("reset")
        _ = lab.handle("record stop")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let reset =
            "```\nlstmlab> reset\n```\n\n```text\ncursors at the start: fwd 0/5 bwd 0/5 (parameters and input kept)\n```"
        #expect(text == "# LSTMLab session\n\n" + reset + "\n\n---\n\n" + reset + "\n")
        #expect(!text.contains("\u{1B}"))
    }
}
