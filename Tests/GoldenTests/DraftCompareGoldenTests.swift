import Foundation
import LSTMCore
import TermRender
import Testing

@testable import LabShell

/// `compare draft` against PyTorch: the correct columns are nn.LSTM's step
/// (Fixtures/demo) and the draft columns the tutorial's draft run for real
/// (Fixtures/draft, make_golden.py's `draft_loop`), on the same weights, as
/// the lab prints them (precision 4), with `*` exactly where they differ.
@Suite struct DraftCompareGoldenTests {
    /// One printed row of the gates table or the state table: the unit, then its cells.
    struct Row {
        var unit: Int
        var cells: [String]
    }

    static func lab(variant: String) throws -> Lab {
        let folder = Fixture.root + "/draft"
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in [
            "load weights \(quoted(folder + "/weights.safetensors"))", "load input \(quoted(folder + "/x.npy"))",
            "set variant \(variant)",
        ] {
            let r = lab.handle(line)
            try #require(r.error == nil, "\(line): \(r.error ?? "")")
        }
        return lab
    }

    /// The two tables' rows: 16 gate rows (8 cells), then 16 state rows (6 cells).
    static func rows(_ text: String) -> (gates: [Row], state: [Row]) {
        let rows = text.split(separator: "\n").compactMap { line -> Row? in
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first, let unit = Int(first) else { return nil }
            return Row(unit: unit, cells: Array(words.dropFirst()))
        }
        return (rows.filter { $0.cells.count == 8 }, rows.filter { $0.cells.count == 6 })
    }

    static func shown(_ v: Float) -> String { NumberFormat.fixed(v, precision: 4) }

    /// Checks the printed rows of the step k of `d` for sequence b against the fixtures' traces.
    func expectRows(
        _ text: String, _ d: Direction, k: Int, b: Int, correct: Fixture?, draft: Fixture?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (gates, state) = Self.rows(text)
        #expect(gates.count == 16 && state.count == 16, "\(text)", sourceLocation: sourceLocation)
        let h = 16
        for u in 0..<min(gates.count, h) {
            let g = gates[u].cells
            let cols = Gate.allCases.map { $0.rawValue * h + u }
            let right = g[0..<4].map { $0 }
            let drafted = g[4..<8].map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }
            for (i, col) in cols.enumerated() {
                if let f = correct {
                    let tr = f.traces(d)
                    #expect(
                        right[i] == Self.shown(tr.gates.data[(k * 3 + b) * 4 * h + col]), sourceLocation: sourceLocation
                    )
                }
                if let f = draft {
                    let tr = f.traces(d)
                    #expect(
                        drafted[i] == Self.shown(tr.gates.data[(k * 3 + b) * 4 * h + col]),
                        sourceLocation: sourceLocation)
                }
                #expect(g[4 + i].hasSuffix("*") == (drafted[i] != right[i]), sourceLocation: sourceLocation)
            }
        }
        for u in 0..<min(state.count, h) {
            let s = state[u].cells
            let at = (k * 3 + b) * h + u
            if let f = correct {
                #expect(s[1] == Self.shown(f.traces(d).c.data[at]), sourceLocation: sourceLocation)
                #expect(s[3] == Self.shown(f.traces(d).h.data[at]), sourceLocation: sourceLocation)
            }
            if let f = draft {
                #expect(
                    s[2].replacingOccurrences(of: "*", with: "") == Self.shown(f.traces(d).c.data[at]),
                    sourceLocation: sourceLocation)
                #expect(
                    s[4].replacingOccurrences(of: "*", with: "") == Self.shown(f.traces(d).h.data[at]),
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// The first step of each direction starts from zeros in both models: both goldens apply at once.
    @Test(arguments: [Direction.forward, .backward], [0, 2])
    func theFirstStepMatchesBothGoldens(direction: Direction, b: Int) throws {
        var lab = try Self.lab(variant: "correct")
        let t = direction == .forward ? 0 : 4
        let r = lab.handle("compare draft \(direction.short) t=\(t) b=\(b)")
        #expect(r.error == nil)
        expectRows(r.output, direction, k: 0, b: b, correct: try Fixture("demo"), draft: try Fixture("draft"))
    }

    /// Later steps start from the session's own state: the draft's under `set variant draft`
    /// (its columns are the draft's run), nn.LSTM's under `set variant correct`.
    @Test(arguments: ["draft", "correct"])
    func laterStepsStartFromTheSessionsState(variant: String) throws {
        var lab = try Self.lab(variant: variant)
        #expect(lab.handle("step fwd 3").error == nil)
        #expect(lab.handle("step bwd 2").error == nil)
        let fwd = lab.handle("compare draft")  // fwd, its latest step (k=2, t=2), b=0
        #expect(fwd.output.hasPrefix("compare draft fwd t=2 b=0: step 3 of 5;"))
        let bwd = lab.handle("compare draft bwd t=3 b=1")  // the backward step k=1
        let demo = try Fixture("demo")
        let draft = try Fixture("draft")
        expectRows(
            fwd.output, .forward, k: 2, b: 0, correct: variant == "correct" ? demo : nil,
            draft: variant == "draft" ? draft : nil)
        expectRows(
            bwd.output, .backward, k: 1, b: 1, correct: variant == "correct" ? demo : nil,
            draft: variant == "draft" ? draft : nil)
    }
}
