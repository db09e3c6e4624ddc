import LSTMCore
import Testing

@testable import LabShell

@Suite struct ParserTests {
    let parser = CommandParser()

    @Test func engineCommandsParse() throws {
        #expect(
            try parser.parse("sizes B=3 T=5 D=8 H=16")
                == .sizes(SizeChange(batch: 3, length: 5, inputSize: 8, hiddenSize: 16)))
        #expect(try parser.parse("sizes H=4") == .sizes(SizeChange(hiddenSize: 4)))
        #expect(try parser.parse("init tutorial seed 0") == .initialize(.tutorial, seed: 0))
        #expect(try parser.parse("init pytorch") == .initialize(.pytorch, seed: nil))
        #expect(try parser.parse("input ones") == .input(.ones, seed: nil))
        #expect(
            try parser.parse("load weights \"my model.safetensors\"") == .load(.weights, path: "my model.safetensors"))
        #expect(try parser.parse("save weights out.safetensors") == .saveWeights(path: "out.safetensors"))
        #expect(try parser.parse("step") == .step(.both, count: 1))
        #expect(try parser.parse("step fwd 3") == .step(.fwd, count: 3))
        #expect(try parser.parse("step 2") == .step(.both, count: 2))
        #expect(try parser.parse("back bwd") == .back(.bwd, count: 1))
        #expect(try parser.parse("goto t=2 fwd") == .goto(.time(2), .fwd))
        #expect(try parser.parse("goto end") == .goto(.end, .both))
        #expect(try parser.parse("run") == .run)
        #expect(try parser.parse("show gates fwd t=0") == .show(ViewRequest(name: .gates, direction: .forward, t: 0)))
        #expect(try parser.parse("show y b=1") == .show(ViewRequest(name: .y, b: 1)))
        #expect(
            try parser.parse("watch gates fwd h_f")
                == .watch([ViewRequest(name: .gates, direction: .forward), ViewRequest(name: .h_f)]))
        #expect(try parser.parse("set mode per-gate") == .set(.mode(.perGate)))
        #expect(try parser.parse("set batch_first off") == .set(.batchFirst(false)))
        #expect(
            try parser.parse("bench 3,5,8,16 repeat 5")
                == .bench(BenchShape(sizes: LSTMSizes(batch: 3, length: 5, inputSize: 8, hiddenSize: 16)), repeats: 5))
        #expect(try parser.parse("? step") == .help(topic: "step"))
        #expect(try parser.parse("exit") == .quit)
        #expect(try parser.parse("   # a comment") == nil)
        #expect(try parser.parse("") == nil)
    }

    @Test func lessonContextChangesBackAndQuit() throws {
        let inLesson = CommandParser(inLesson: true)
        #expect(try inLesson.parse("back") == .lesson(.back))
        #expect(try inLesson.parse("back fwd") == .back(.fwd, count: 1))
        #expect(try inLesson.parse("quit") == .lesson(.quit))
        #expect(try inLesson.parse("") == .lesson(.next))
        #expect(try inLesson.parse("answer 64") == .lesson(.answer("64")))
    }

    @Test(arguments: [
        ("stpe", "unknown command 'stpe' (did you mean 'step'?)"),
        ("step fwd -1", "the number of steps must be a whole number from 1 to 16777216, not '-1'"),
        (
            "step 99999999999999999999999",
            "the number of steps must be a whole number from 1 to 16777216, not '99999999999999999999999'"
        ),
        ("step nan", "the number of steps must be a whole number from 1 to 16777216, not 'nan'"),
        ("sizes B=0", "B must be a whole number from 1 to 16777216, not '0'"),
        ("sizes X=3", "sizes takes B=N, T=N, D=N, H=N, L=N, not 'X=3'"),
        ("init xavier", "unknown initialiser 'xavier': use tutorial, pytorch, zeros"),
        (
            "show gatez",
            "unknown view 'gatez': one of x, gates_pre, gates, c, h, h_f, h_b_rev, h_b, y, h_n, c_n, h0, c0, logits, pred, W_ih_f, W_hh_f, b_ih_f, b_hh_f, W_ih_b, W_hh_b, b_ih_b, b_hh_b (did you mean 'gates'?)"
        ),
        ("load weights \"unterminated", "unterminated quote"),
        ("set mode fast", "unknown mode 'fast': use fused, per-gate or hoisted"),
        ("set precision 11", "precision must be a whole number from 0 to 10, not '11'"),
        ("hint", "'hint' works inside a lesson: start one with 'lesson play N' (see 'lesson list')"),
        ("run now", "unexpected 'now'"),
        ("init tutorial seed -3", "seed must be a whole number from 0 to 18446744073709551615, not '-3'"),
    ])
    func badLinesGetClearErrors(line: String, message: String) {
        #expect(throws: CommandError.self) { try parser.parse(line) }
        do { _ = try parser.parse(line) } catch { #expect("\(error)" == message) }
    }

    @Test func statementsSplitOutsideQuotes() {
        #expect(Tokenizer.splitStatements("step; show \"a;b\"; run # c;d") == ["step", " show \"a;b\"", " run "])
    }

    @Test func everyCommandWordHasHelp() throws {
        for spec in CommandTable.all {
            let text = try Help.text(topic: spec.name)
            #expect(text.contains(spec.usage))
            #expect(text.contains("example: "))
        }
    }
}
