import Foundation
import LSTMCore
import TermRender
import Testing

@testable import LabShell

/// `input text`, `input set`, `load head`, `set ablate`, `trace`, `example` and
/// `export pytorch`: how they parse, what they print and how they refuse.
@Suite struct TextCommandsTests {
    let parser = CommandParser()

    func lab(_ lines: [String]) -> (Lab, [LineResult]) {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        let results = lines.map { lab.handle($0) }
        return (lab, results)
    }

    func error(_ lines: String...) -> String? {
        lab(lines).1.last?.error
    }

    @Test func newCommandsParse() throws {
        #expect(
            try parser.parse("input text \"(a)b\" ((b alphabet \"()ab\" pad a")
                == .inputText(strings: ["(a)b", "((b"], alphabet: "()ab", pad: "a"))
        #expect(try parser.parse("input text alphabet") == .inputText(strings: ["alphabet"], alphabet: nil, pad: nil))
        #expect(
            try parser.parse("input text \"a b\" \"#\"") == .inputText(strings: ["a b", "#"], alphabet: nil, pad: nil))
        #expect(try parser.parse("input set b=2 t=5 \")\"") == .inputSet(b: 2, t: 5, character: ")"))
        #expect(try parser.parse("input set t=0 x") == .inputSet(b: 0, t: 0, character: "x"))
        #expect(try parser.parse("load head h.safetensors") == .load(.head, path: "h.safetensors"))
        #expect(try parser.parse("set ablate bwd") == .set(.ablate(.bwd)))
        #expect(try parser.parse("trace u=3") == .trace(unit: 3, direction: nil, b: nil))
        #expect(try parser.parse("trace u=3 bwd b=1") == .trace(unit: 3, direction: .backward, b: 1))
        #expect(try parser.parse("example brackets") == .example(.brackets))
        #expect(try parser.parse("export pytorch out") == .exportPyTorch(path: "out"))
        #expect(try parser.parse("export out") == .export(path: "out"))
        #expect(try parser.parse("show pred b=1 t=2") == .show(ViewRequest(name: .pred, t: 2, b: 1)))
    }

    @Test(arguments: [
        (
            "input text \"(a)\" \"b\"",
            "the alphabet '()ab' (the characters used, sorted) has 4 characters, the model takes D=8 "
                + "inputs: give one with alphabet \"…\" (8 characters, in the model's one-hot order)"
        ),
        ("input set t=0 \"a\"", "input set changes a character of a text input: make one first with input text \"…\""),
        ("trace u=16", "u=16 is out of range: units go from 0 to 15"),
        ("trace u=1 b=3", "b=3 is out of range: b goes from 0 to 2"),
        (
            "show logits",
            "logits need an output layer: load head PATH (nn.Linear(2H, K) as safetensors) or example brackets"
        ),
        (
            "show pred",
            "pred needs an output layer: load head PATH (nn.Linear(2H, K) as safetensors) or example brackets"
        ),
        (
            "export pytorch /tmp",
            "export pytorch writes the lab's y, h_n and c_n, which need both directions finished "
                + "(fwd 0/5 bwd 0/5); try 'run' first"
        ),
        ("set ablate up", "unknown ablation 'up': use none, fwd or bwd"),
        ("example nope", "unknown example 'nope': use brackets"),
    ])
    func refusals(line: String, message: String) {
        #expect(error(line)?.hasPrefix(message) == true, "\(error(line) ?? "no error")")
    }

    @Test(arguments: [
        ("input text \"\" \"a\"", "string b=0 is empty: every sequence needs at least one character"),
        (
            "input text \"(c)\"",
            "string b=0 has 'c' at t=1, which is not in the alphabet '()ab' (from the model's metadata)"
        ),
        ("input text \"((\" pad \"x\"", "pad 'x' is not in the alphabet '()ab'"),
        ("input text \"((\" pad \"ab\"", "pad must be one character, got 'ab' (leave pad out for zero rows)"),
        ("input text \"((\" alphabet \"(()b\"", "the alphabet '(()b' has '(' twice"),
        ("input set b=0 t=12 \"(\"", "t=12 is out of range: t goes from 0 to 11"),
        ("input set b=5 t=0 \"(\"", "b=5 is out of range: b goes from 0 to 4"),
        ("input set b=0 t=0 \"z\"", "'z' is not in the alphabet '()ab'"),
        ("input set b=0 t=0 \"((\"", "input set takes one character, got '(('"),
    ])
    func textRefusals(line: String, message: String) {
        #expect(error("example brackets", line) == message)
    }

    @Test func paddingIsStatedAndShown() {
        let (lab, results) = lab(["example brackets", "input text \"(a)\" \"((b\" \"a\"", "show x b=2"])
        #expect(results[1].error == nil)
        #expect(results[1].output.contains("    b=2  \"a\" + 2 zero rows"))
        #expect(
            results[1].output.contains("\n    shorter strings padded with zero rows to T=3; cursors at the start\n"))
        #expect(
            results[1].output.hasSuffix(
                "\n    lengths 3,3,1 set from the strings (packed: each sequence stops at its own\n"
                    + "      last character and its backward direction starts there); padding b=2\n"
                    + "      t=1..2 is never read; 'lengths none' runs the padded batch as nn.LSTM does\n"
                    + "      without packing"))
        #expect(results[2].output.contains("  t=0 'a' │"))
        #expect(results[2].output.contains("  t=1 pad │    pad    pad    pad    pad"))
        #expect(lab.session.text?.length == 3)
        let (_, padded) = self.lab(["example brackets", "input text \"(a)\" \"b\" pad a"])
        #expect(padded[1].output.contains("    b=1  \"b\" + 2 × 'a'"))
    }

    @Test func predTableNamesTokenClassAndProbability() {
        let (_, results) = lab(["example brackets", "run", "show pred b=0 t=8"])
        #expect(results[2].output.hasSuffix("\n  t=8 '('   │ unmatched  0.9965"))
    }

    @Test func traceRowsCarryTokensAndSaturationMarks() {
        let (_, results) = lab(["example brackets", "run", "trace u=4 fwd b=2"])
        let lines = results[2].output.split(separator: "\n").map(String.init)
        #expect(lines.first == "trace u=4 fwd b=2  unit 4 of the forward direction, sequence b=2")
        #expect(lines.dropFirst().first == "  12/12 steps in processing order (t = 0, 1, …, 11)")
        #expect(lines.contains { $0.hasPrefix("  t=6  '(' │") && $0.contains("0.074") })
        #expect(lines.contains { $0.contains("*") })
        let (_, short) = lab(["sizes T=2", "run", "trace u=0 bwd", "trace u=0 fwd b=1"])
        #expect(short[2].output.contains("\n  2/2 steps in processing order (t = 1, 0)\n"))
        #expect(short[3].output.contains("\n  2/2 steps in processing order (t = 0, 1)\n"))
    }

    /// The ablation label: a space after the English colon, none after the full-width one.
    @Test func predictionsSayWhatIsAblated() {
        let (_, english) = lab(["example brackets", "run", "set ablate bwd", "show pred"])
        #expect(english[3].output.contains("\n  ablated: the head sees y with h_b set to 0 (set ablate bwd)\n"))
        let (_, chinese) = lab(["set lang zh", "example brackets", "run", "set ablate bwd", "show pred"])
        #expect(chinese[4].output.contains("\n  已消融：输出层看到的 y 中 h_b 被置为 0（set ablate bwd）\n"))
    }

    @Test func headWithTheWrongWidthIsRefused() {
        let file = examplesFolder + "/second_head.safetensors"
        #expect(
            error("example brackets", "load head \(file)")
                == "\(file): the head takes 12 inputs (weight [3, 12]), the model's y has 2H = 16")
        #expect(
            error("load head " + examplesFolder + "/model.safetensors")
                == examplesFolder + "/model.safetensors: this holds nn.LSTM weights (weight_ih_l0, …), "
                + "not a head; use 'load weights' for it")
    }
}

/// `examples/brackets/` of this checkout.
let examplesFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url = url.deletingLastPathComponent() }
    return url.appendingPathComponent("examples/brackets").path
}()
