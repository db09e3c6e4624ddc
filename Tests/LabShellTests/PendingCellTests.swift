import LSTMCore
import Testing

@testable import LabShell

/// With lengths each sequence runs on its own clock, so at one t some sequences have a value and
/// others not yet: the views show every computed value and `·` only where that sequence's
/// direction has not reached t (before, a t was shown only once every sequence had it).
@Suite struct PendingCellTests {
    /// "(()", "a(b)ab", "()" after two steps of each direction: the backward direction of b=0
    /// read t=2, 1; of b=1 t=5, 4; of b=2 t=1, 0. The forward one read t=0, 1 everywhere.
    static func lab() -> Lab {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in ["example brackets", "input text \"(()\" \"a(b)ab\" \"()\"", "step 2"] {
            #expect(lab.handle(line).error == nil, "\(line)")
        }
        return lab
    }

    static func lines(_ lab: inout Lab, _ line: String) -> [String] {
        let result = lab.handle(line)
        #expect(result.error == nil, "\(line): \(result.error ?? "")")
        return result.output.split(separator: "\n").map(String.init)
    }

    /// The numbers of a table row, `·`, `pad` or values, after its `│`.
    static func cells(_ row: String) -> [String] {
        guard let bar = row.firstIndex(of: "│") else { return [] }
        return row[row.index(after: bar)...].split(separator: " ").map(String.init)
    }

    @Test func outputShowsEachSequencesComputedHalves() throws {
        var lab = Self.lab()
        let y = Self.lines(&lab, "show y b=0")
        #expect(y.contains("  complete: nothing yet  (· = not computed yet)"), "\(y)")
        let rows = y.filter { $0.hasPrefix("  t=") }
        try #require(rows.count == 12, "\(y)")
        // Forward half: t=0, 1 computed; t=2 not yet; t=3..5 padding.
        #expect(Self.cells(rows[0]).allSatisfy { $0 != "·" && $0 != "pad" })
        #expect(Self.cells(rows[1]).allSatisfy { $0 != "·" && $0 != "pad" })
        #expect(Self.cells(rows[2]).allSatisfy { $0 == "·" })
        #expect(Self.cells(rows[3]).allSatisfy { $0 == "pad" })
        // Backward half: t=0 not yet; t=1, 2 computed (b=0's own last step is t=2).
        #expect(Self.cells(rows[6]).allSatisfy { $0 == "·" })
        #expect(Self.cells(rows[7]).allSatisfy { $0 != "·" && $0 != "pad" })
        #expect(Self.cells(rows[8]).allSatisfy { $0 != "·" && $0 != "pad" })

        // The values are the stepper's: b=0 read ")" then "(" backward from the zero state, as b=2 did.
        let stack = try #require(lab.interpreter.session.stack)
        let h = stack.hiddenSize
        let yb0 = stack.output(layer: 0, t: 1, sequence: 0)
        let yb2 = stack.output(layer: 0, t: 0, sequence: 2)
        #expect(Array(yb0[h...]) == Array(yb2[h...]))
        let shown = Self.cells(rows[7]).compactMap(Float.init)
        #expect(shown.count == 8)
        for (u, v) in shown.enumerated() { #expect(abs(v - yb0[h + u]) <= 0.00005, "unit \(u)") }
    }

    @Test func aTimeSomeSequencesReachedIsShown() {
        var lab = Self.lab()
        #expect(lab.handle("set batch_first off").error == nil)
        let y = Self.lines(&lab, "show y t=1")
        let rows = y.filter { $0.hasPrefix("  b=") }
        #expect(rows.count == 6, "\(y)")
        // Backward half at t=1: b=0 and b=2 have it, b=1 (length 6) has not reached t=1 yet.
        if rows.count == 6 {
            #expect(Self.cells(rows[3]).allSatisfy { $0 != "·" })
            #expect(Self.cells(rows[4]).allSatisfy { $0 == "·" })
            #expect(Self.cells(rows[5]).allSatisfy { $0 != "·" })
        }
        // Nothing at all computed at a t is still refused.
        #expect(lab.handle("show h_f t=3").error == "h_f at t=3 is not computed yet (fwd 2/6 bwd 2/6)")
    }

    @Test func heatmapAndSparklineDrawTheComputedCells() {
        var lab = Self.lab()
        let map = Self.lines(&lab, "heatmap h_b b=0")
        #expect(map.contains("  t=0 '(' │ · · · · · · · ·"), "\(map)")
        #expect(map.contains { $0.hasPrefix("  t=1 '(' │ ") && !$0.contains("·") })
        #expect(map.contains { $0.hasPrefix("  t=2 ')' │ ") && !$0.contains("·") })
        #expect(map.contains("  t=3 pad │ ░░░░░░░░░░░░░░░░"))
        let spark = Self.lines(&lab, "spark h_b b=0 u=0")
        #expect(spark.contains { $0.hasPrefix("  u=0 │ ·") && $0.contains("░░░") }, "\(spark)")
        #expect(spark.contains { $0.hasPrefix("  values: t=1 ") && $0.contains(", t=2 ") })
    }
}
