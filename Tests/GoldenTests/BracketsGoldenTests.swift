import Foundation
import LSTMCore
import LabShell
import TensorFiles
import TermRender
import Testing

/// The shipped bracket model against PyTorch: `examples/brackets/make_golden.py`
/// ran nn.LSTM + nn.Linear on the same strings and wrote Fixtures/brackets/.
@Suite struct BracketsGoldenTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/brackets").path

    static func fixture(_ name: String, _ file: String) throws -> Tensor {
        try NPY.read(path: Fixture.root + "/brackets/\(name)/\(file)")
    }

    static func strings(_ name: String) throws -> [String] {
        try String(contentsOfFile: Fixture.root + "/brackets/\(name)/strings.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    /// `[B, T, K]` logits of the session's head (fully computed).
    static func logits(_ i: Interpreter) throws -> Tensor {
        let out = try #require(try i.session.logits())
        #expect(out.known.allSatisfy { $0 })
        return out.tensor
    }

    static func ran(_ commands: [Command], start: Interpreter = Interpreter()) throws -> Interpreter {
        var i = start
        for c in commands { _ = try i.execute(c) }
        return i
    }

    @Test func embeddedFilesAreTheShippedFiles() throws {
        for (name, base64) in [("model", BracketsExample.modelBase64), ("head", BracketsExample.headBase64)] {
            let file = try Data(contentsOf: URL(fileURLWithPath: Self.examples + "/\(name).safetensors"))
            #expect(try BracketsExample.bytes(base64, name) == [UInt8](file), "\(name).safetensors")
        }
        let strings = try String(contentsOfFile: Self.examples + "/strings.txt", encoding: .utf8).split(separator: "\n")
        #expect(BracketsExample.strings == strings.map(String.init))
        #expect(try Self.strings("example") == BracketsExample.strings)
    }

    @Test func exampleMatchesPyTorch() throws {
        let i = try Self.ran([.example(.brackets), .run])
        #expect(i.session.text?.alphabet == Array("()ab"))
        #expect(i.session.head?.classes == ["matched", "unmatched", "other"])
        expectClose(i.session.input, try Self.fixture("example", "x.npy"), "x")
        expectClose(i.session.stepper.output.tensor, try Self.fixture("example", "y.npy"), "y")
        expectClose(try i.session.stepper.finalHidden(), try Self.fixture("example", "h_n.npy"), "h_n")
        expectClose(try i.session.stepper.finalCell(), try Self.fixture("example", "c_n.npy"), "c_n")
        expectClose(try Self.logits(i), try Self.fixture("example", "logits.npy"), "logits")
    }

    @Test(arguments: [LinearHead.Ablation.fwd, .bwd])
    func ablationMatchesPyTorch(_ a: LinearHead.Ablation) throws {
        let i = try Self.ran([.example(.brackets), .run, .set(.ablate(a))])
        expectClose(
            try Self.logits(i), try Self.fixture("example", "logits_ablate_\(a.rawValue).npy"), "logits ablate \(a)")
        // The model is unchanged: only what the head sees.
        expectClose(i.session.stepper.output.tensor, try Self.fixture("example", "y.npy"), "y")
    }

    /// Without h_b the head cannot tell a ( with a partner from one without; the ) stay right.
    @Test func ablatingTheBackwardHalfBreaksOpeningBrackets() throws {
        let i = try Self.ran([.example(.brackets), .run, .set(.ablate(.bwd))])
        let logits = try Self.logits(i)
        var open = (right: 0, all: 0)
        var close = (right: 0, all: 0)
        for (b, s) in BracketsExample.strings.enumerated() {
            let labels = Self.labels(s)
            for (t, ch) in s.enumerated() where ch == "(" || ch == ")" {
                let row = Array(logits.data[((b * s.count + t) * 3)..<((b * s.count + t) * 3 + 3)])
                let right = row.firstIndex(of: row.max() ?? 0) == labels[t]
                if ch == "(" {
                    open.all += 1
                    open.right += right ? 1 : 0
                } else {
                    close.all += 1
                    close.right += right ? 1 : 0
                }
            }
        }
        #expect(close.right == close.all)
        #expect(open.right < open.all)
    }

    @Test(arguments: [Direction.forward, .backward])
    func traceMatchesPyTorch(_ d: Direction) throws {
        var i = try Self.ran([.example(.brackets), .run])
        let pre = try Self.fixture("example", "\(d.short)_gates_pre.npy")
        let post = try Self.fixture("example", "\(d.short)_gates.npy")
        let c = try Self.fixture("example", "\(d.short)_c.npy")
        let h = try Self.fixture("example", "\(d.short)_h.npy")
        let (hs, bs, ts) = (8, 5, 12)
        for (u, b) in [(4, 0), (0, 3), (7, 4)] {
            let out = try i.execute(.trace(unit: u, direction: d, b: b)).outputs
            guard case .trace(let view)? = out.first, out.count == 1 else {
                Issue.record("trace gave \(out)")
                return
            }
            #expect(view.rows.count == ts)
            for (k, row) in view.rows.enumerated() {
                #expect(row.step == k + 1)
                #expect(row.t == (d == .forward ? k : ts - 1 - k))
                let s = BracketsExample.strings[b]
                #expect(row.token == "'\(s[s.index(s.startIndex, offsetBy: row.t)])'")
                for g in 0..<4 {
                    let at = (k * bs + b) * 4 * hs + g * hs + u
                    #expect(isClose(row.z[g], pre.data[at]), "z gate \(g) step \(k)")
                    #expect(isClose(row.gates[g], post.data[at]), "gate \(g) step \(k)")
                }
                #expect(isClose(row.c, c.data[(k * bs + b) * hs + u]))
                #expect(isClose(row.h, h.data[(k * bs + b) * hs + u]))
            }
        }
    }

    /// Stepping fills the logits in where y is complete, with PyTorch's values.
    @Test func logitsFillInWhileStepping() throws {
        var i = try Self.ran([.example(.brackets), .step(.fwd, count: 7), .step(.bwd, count: 8)])
        let out = try #require(try i.session.logits())
        #expect(out.known == (0..<12).map { $0 >= 4 && $0 < 7 })
        let expected = try Self.fixture("example", "logits.npy")
        for b in 0..<5 {
            for t in 4..<7 {
                for k in 0..<3 {
                    let at = (b * 12 + t) * 3 + k
                    #expect(isClose(out.tensor.data[at], expected.data[at]))
                }
            }
        }
        // With h_b ablated the head needs only h_f: t = 0..6 are there.
        _ = try i.execute(.set(.ablate(.bwd)))
        #expect(try i.session.logits()?.known == (0..<12).map { $0 < 7 })
    }

    @Test func inputSetMatchesPyTorch() throws {
        let i = try Self.ran([.example(.brackets), .run, .inputSet(b: 0, t: 5, character: ")")])
        #expect(i.session.text.map { String($0.strings[0]) } == (try Self.strings("changed"))[0])
        #expect(i.session.stepper.isComplete)
        expectClose(i.session.input, try Self.fixture("changed", "x.npy"), "x")
        expectClose(i.session.stepper.output.tensor, try Self.fixture("changed", "y.npy"), "y")
        expectClose(try Self.logits(i), try Self.fixture("changed", "logits.npy"), "logits")
    }

    /// Strings of different lengths set the lengths: the lab runs them as pack_padded_sequence does
    /// (y 0 at padding, h_n/c_n each sequence's own), and after `lengths none` as nn.LSTM runs the
    /// padded tensor.
    @Test func paddedTextMatchesPyTorch() throws {
        var i = try Self.ran([
            .example(.brackets), .inputText(strings: try Self.strings("mixed"), alphabet: nil, pad: nil), .run,
        ])
        let strings = try Self.strings("mixed")
        #expect(i.session.lengths?.values == strings.map(\.count))
        let stack = try #require(i.session.stack)
        expectClose(i.session.input, try Self.fixture("mixed", "x.npy"), "x")
        let y = stack.y()
        expectClose(y, try Self.fixture("mixed", "y_packed.npy"), "y packed")
        expectClose(stack.finalStates(), try Self.fixture("mixed", "h_n_packed.npy"), "h_n packed")
        expectClose(stack.finalStates(cell: true), try Self.fixture("mixed", "c_n_packed.npy"), "c_n packed")
        expectClose(try Self.logits(i), try Self.fixture("mixed", "logits_packed.npy"), "logits packed")
        let tl = y.shape[1]
        for (b, s) in strings.enumerated() {
            for t in s.count..<tl {
                #expect(y.data[((b * tl + t) * 16)..<((b * tl + t + 1) * 16)].allSatisfy { $0 == 0 }, "y b=\(b) t=\(t)")
            }
        }
        // Through the expression language too: y and h_n as print reads them.
        guard case .tensor(let printed)? = try i.execute(.print(ExpressionText("y"))).outputs.first else {
            Issue.record("print y gave no tensor")
            return
        }
        expectClose(printed.tensor, try Self.fixture("mixed", "y_packed.npy"), "print y")
        _ = try i.execute(.lengths(nil))
        #expect(i.session.lengths == nil)
        _ = try i.execute(.run)
        expectClose(i.session.stepper.output.tensor, try Self.fixture("mixed", "y.npy"), "y after lengths none")
        expectClose(try i.session.stepper.finalHidden(), try Self.fixture("mixed", "h_n.npy"), "h_n unpacked")
        expectClose(try Self.logits(i), try Self.fixture("mixed", "logits.npy"), "logits unpacked")
    }

    /// A model saved with plain save_file (no metadata): the alphabet is given, classes are numbered,
    /// and the predictions are PyTorch's.
    @Test func secondModelPredictsAsPyTorch() throws {
        let strings = try Self.strings("second")
        let i = try Self.ran([
            .load(.weights, path: Self.examples + "/second_model.safetensors"),
            .load(.head, path: Self.examples + "/second_head.safetensors"),
            .inputText(strings: strings, alphabet: "()ab", pad: nil), .run,
        ])
        #expect(i.session.head?.classes == ["class 0", "class 1", "class 2"])
        let expected = try Self.fixture("second", "logits.npy")
        let actual = try Self.logits(i)
        expectClose(actual, expected, "logits")
        expectClose(i.session.stepper.output.tensor, try Self.fixture("second", "y.npy"), "y")
        var shown = i
        guard case .predictions(let view)? = try shown.execute(.show(ViewRequest(name: .pred))).outputs.first else {
            Issue.record("show pred gave no predictions")
            return
        }
        for b in 0..<strings.count {
            for t in 0..<strings[b].count {
                let row = Array(expected.data[((b * 10 + t) * 3)..<((b * 10 + t) * 3 + 3)])
                #expect(view.top(b: b, t: t)?.index == row.firstIndex(of: row.max() ?? 0), "b=\(b) t=\(t)")
                #expect(view.top(b: b, t: t)?.index == Self.labels(strings[b])[t], "the task's label at b=\(b) t=\(t)")
            }
        }
    }

    /// The labels of brackets.py: 0 matched, 1 unmatched, 2 other.
    static func labels(_ s: String) -> [Int] {
        var out = [Int](repeating: 2, count: s.count)
        var open: [Int] = []
        for (t, ch) in s.enumerated() {
            if ch == "(" {
                open.append(t)
                out[t] = 1
            } else if ch == ")" {
                if let o = open.popLast() {
                    out[o] = 0
                    out[t] = 0
                } else {
                    out[t] = 1
                }
            }
        }
        return out
    }
}
