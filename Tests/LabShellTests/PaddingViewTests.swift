import Foundation
import LSTMCore
import Testing

@testable import LabShell

/// Padding made visible (issue 18): the bracket model on strings of different lengths,
/// every view with padded positions marked per cell, as a learner sees it at width 80.
@Suite struct PaddingViewTests {
    static let setup = [
        "example brackets", "input text \"(()\" \"a(b)ab\"", "step fwd 4",
    ]

    /// Each view's whole text, after the setup and the lines before it in the list.
    static let screens: [(String, String)] = [
        (
            "show h fwd",
            """
            h fwd step 4/6  [2, 8]  axes (b, unit)
              forward h of each sequence's own step (the last one taken): the rows read
                different steps k when the lengths differ
              from: lengths 3,6 (packed)
              pad = padding: past that sequence's length, never read (0 in the numbers)
                                    0       1       2         5       6       7
              b=0 (pad)     │     pad     pad     pad …     pad     pad     pad
              b=1 (k=3 t=3) │  0.2386 -0.6270 -0.4565 … -0.2926 -0.8976  0.2624
            """
        ),
        (
            "show y t=4",
            """
            y t=4  [2, 16]  axes (b, feature)
              the output of the top layer (0): at each t, h_f[t] and h_b[t] side by side
                (2H = 16)
              padding (never read; 0 here): b=0 t=3..5
              from: y = cat([h_f, h_b], dim=2) of layer 0, 0 at padded positions
                    (pad_packed_sequence)
              pad = padding: past that sequence's length, never read (0 in the numbers)
                        fwd h_f[t] 0..7
                              0       1       2       3       4       5       6       7
              b=0 pad │     pad     pad     pad     pad     pad     pad     pad     pad
              b=1 'a' │  0.6043  0.6282  0.4262 -0.5951  0.4301  0.0007 -0.7528  0.7141
                        bwd h_b[t] 8..15
                              8       9      10      11      12      13      14      15
              b=0 pad │     pad     pad     pad     pad     pad     pad     pad     pad
              b=1 'a' │ -0.7138  0.6707  0.2642  0.7218  0.3408  0.2099  0.7469  0.6485
            """
        ),
        (
            "show h bwd t=4",
            """
            h bwd t=4  [2, 8]  axes (b, unit)
              backward h of each sequence's own step at t=4: the rows read different steps k
                when the lengths differ
              t=4 is padding for b=0: no step read it
              from: lengths 3,6 (packed)
              pad = padding: past that sequence's length, never read (0 in the numbers)
                                    0       1       2         5       6       7
              b=0 (pad)     │     pad     pad     pad …     pad     pad     pad
              b=1 (k=1 t=4) │ -0.7138  0.6707  0.2642 …  0.2099  0.7469  0.6485
            """
        ),
        (
            "spark h_b_rev b=0",
            """
            spark h_b_rev b=0  [6, 8]  axes (k, unit)
              backward hidden states in each sequence's processing order: h_b_rev[k] of
                sequence b read t = len_b − 1 − k
              each sequence takes len_b steps (0 after them): b=0 k=0..2, b=1 k=0..5
              from: lengths 3,6
              scale ▁ = -0.8458 … █ = 0.5666, shared by every line
                    (the least and greatest computed value)
                    ░ = padding: past that sequence's length, never read (0 in the numbers)
                  k 012345
              input )((___
              u=0 │ ▆▄▃░░░  -0.4999 …  0.1877
              u=1 │ ▄▂▁░░░  -0.8458 … -0.2353
              u=2 │ ▃▆▂░░░  -0.5541 …  0.1825
              u=3 │ ▂▅▇░░░  -0.5629 …  0.4238
              u=4 │ ▄▄█░░░  -0.2842 …  0.5666
              u=5 │ █▆▇░░░   0.2543 …  0.4834
              u=6 │ ▅▃█░░░  -0.4966 …  0.5032
              u=7 │ ▄▆█░░░  -0.2923 …  0.5092
            """
        ),
        (
            "trace u=4 bwd b=0",
            """
            trace u=4 bwd b=0  unit 4 of the backward direction, sequence b=0
              6/6 steps in processing order (t = 2, 1, 0)
              z = pre-activations, i f g o = gates after σ/tanh, c = f·c_prev + i·g, h =
                o·tanh(c)
              * = saturated: σ within 0.01 of 0 or 1, |tanh| > 0.99
              sequence b=0 has length 3: its own steps are the first 3 of 6; the rows after
                them are padding (rows of longer sequences' steps)
              t       │  z_i  z_f  z_g  z_o │      i       f       g       o  │     c     h
              t=2 ')' │  4.1  1.2 -1.5 -0.4 │  0.984   0.768  -0.899   0.401  │ -0.88 -0.28
              t=1 '(' │  5.3  4.9  0.7  3.3 │  0.995*  0.993*  0.611   0.965  │ -0.27 -0.25
              t=0 '(' │  5.1  4.2  1.6  4.9 │  0.994*  0.985   0.920   0.992* │  0.65  0.57
              pad     │  pad  pad  pad  pad │    pad     pad     pad     pad  │   pad   pad
              pad     │  pad  pad  pad  pad │    pad     pad     pad     pad  │   pad   pad
              pad     │  pad  pad  pad  pad │    pad     pad     pad     pad  │   pad   pad
            """
        ),
        (
            "print h_b_rev[:, 0, :2]",
            """
            h_b_rev[:, 0, :2]  [6, 2]  axes (k, unit)
              pad = padding: past that sequence's length, never read (0 in the numbers)
                          0       1
              k=0 │  0.1877 -0.2353
              k=1 │ -0.1438 -0.7407
              k=2 │ -0.4999 -0.8458
              k=3 │     pad     pad
              k=4 │     pad     pad
              k=5 │     pad     pad
            """
        ),
        (
            "heatmap h_f b=0",
            """
            heatmap h_f b=0  [6, 8]  axes (t, unit)
              forward hidden states in time order; sequence b stops at t = len_b − 1
              padding (never read; 0 here): b=0 t=3..5
              from: lengths 3,6
              scale -1…1 (tanh outputs and states)   -1 -@ -% -* -= -.    +. += +* +% +@ 1
              each cell is one value, two columns wide
              ░░ = padding: past that sequence's length, never read (0 in the numbers)
                        0       4
              t=0 '(' │ -#-*+:+=-#-#-:+:
              t=1 '(' │ -%-#+*+*-@-:-.+:
              t=2 ')' │ -#-*-:+*-#+:-%+:
              t=3 pad │ ░░░░░░░░░░░░░░░░
              t=4 pad │ ░░░░░░░░░░░░░░░░
              t=5 pad │ ░░░░░░░░░░░░░░░░
            """
        ),
        (
            "show pred",
            """
            pred  [2, 6]  axes (b, t): the most likely class at each position
              classes: M = matched, U = unmatched, O = other; probability = softmax(logits)
              ░ = padding: past that sequence's length, never read (0 in the numbers)
                   0 1 2 3 4 5
              b=0  ( ( ) _ _ _
                   U M M ░ ░ ░
              b=1  a ( b ) a b
                   O M O M O O
              (columns: t, last digit; first line: the input, _ = zero-row padding; second: the prediction)
            """
        ),
    ]

    @Test func everyViewMarksPaddingPerCell() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in Self.setup { #expect(lab.handle(line).error == nil, "\(line)") }
        for (line, screen) in Self.screens {
            if line == "show y t=4" { #expect(lab.handle("run").error == nil) }
            let r = lab.handle(line)
            #expect(r.error == nil, "\(line)")
            #expect(r.output == screen, "\(line)")
        }
        // The diagram draws each sequence's end; 'lengths none' goes back to the padded batch.
        let diagram = lab.handle("diagram").output.split(separator: "\n").map(String.init)
        #expect(diagram.contains("  pred (b=0)       U      M      M      pad    pad    pad"))
        #expect(diagram.contains("  b=0 len 3         ▶◀     ▶◀     ▶◀┤    pad    pad    pad"), "\(diagram)")
        #expect(diagram.contains("  b=1 len 6         ▶◀     ▶◀     ▶◀     ▶◀     ▶◀     ▶◀┤"))
        let changed = lab.handle("input set b=0 t=1 \")\"").output.split(separator: "\n").map(String.init)
        #expect(changed.contains("    |Δh_f[t]|    0.701 0.931 0.907   pad   pad   pad"), "\(changed)")
        #expect(lab.interpreter.session.lengths?.values == [3, 6])
        #expect(lab.handle("lengths none").output == "lengths none: every sequence is full (T=6); cursors at the start")
        #expect(lab.interpreter.session.lengths == nil)
        #expect(!lab.handle("show y").output.contains("pad"))
    }

    /// A block partly computed and partly padding is drawn cell by cell; with packing off the
    /// lengths are labels only: the naive numbers, no marks, the single-layer captions.
    @Test func partlyComputedBlocksAndPackingOff() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in ["lengths 5,3,2", "step bwd 2"] { #expect(lab.handle(line).error == nil) }
        let rev = lab.handle("show h_b_rev").output.split(separator: "\n").map(String.init)
        let k2 = rev.firstIndex(of: "[k=2]") ?? 0
        #expect(k2 > 0, "\(rev)")
        #expect(rev[k2 + 1].hasPrefix("  b=0 │       ·       ·"))
        #expect(rev[k2 + 3].hasPrefix("  b=2 │     pad     pad"))
        #expect(lab.handle("set packed off").error == nil)
        #expect(lab.handle("run").error == nil)
        let hb = lab.handle("show h_b b=2").output
        #expect(!hb.contains("pad"))
        #expect(hb.hasPrefix("h_b b=2  [5, 16]  axes (t, unit)\n  backward hidden states flipped into time order"))
    }

    /// The diagram's sequence rows show each backward direction starting at its own end.
    @Test func diagramShowsEachSequencesBackwardStart() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in ["example brackets", "input text \"(()\" \"a(b)ab\"", "step bwd"] {
            #expect(lab.handle(line).error == nil)
        }
        let diagram = lab.handle("diagram").output.split(separator: "\n").map(String.init)
        #expect(diagram.contains("  b=0 len 3         ··     ··     ·◀┤    pad    pad    pad"), "\(diagram)")
        #expect(diagram.contains("  b=1 len 6         ··     ··     ··     ··     ··     ·◀┤"))
    }

    /// A gates heatmap keeps each row's sequence: `b=2` is labelled b=2, and a sequence that is
    /// padding at t comes back as a row of ░.
    @Test func gateHeatmapRowsKeepTheirSequence() {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        #expect(lab.handle("step 2").error == nil)
        let one = lab.handle("heatmap gates fwd t=1 b=2").output.split(separator: "\n").map(String.init)
        #expect(one.contains("[b=2]") && !one.contains("[b=0]"), "\(one)")
        for line in ["example brackets", "input text \"(()\" \"a\" \"a(b)ab\"", "run"] {
            #expect(lab.handle(line).error == nil)
        }
        let map = lab.handle("heatmap gates bwd t=2").output.split(separator: "\n").map(String.init)
        let b1 = map.firstIndex(of: "[b=1]") ?? 0
        #expect(b1 > 0 && map[b1 + 1] == "  i = σ(z_i)    │ ░░░░░░░░░░░░░░░░", "\(map)")
        #expect(map.contains("[b=2]"))
    }
}
