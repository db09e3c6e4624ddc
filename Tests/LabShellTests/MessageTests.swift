import Testing

@testable import LabShell

/// Errors quote what was typed shortened and with invisible characters shown,
/// and suggest a word only when it is close.
@Suite struct MessageTests {
    func error(_ line: String) -> String? {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        return lab.handle(line).error
    }

    static let views =
        "x, gates_pre, gates, c, h, h_f, h_b_rev, h_b, y, h_n, c_n, h0, c0, logits, pred, W_ih_f, W_hh_f, b_ih_f, b_hh_f, W_ih_b, W_hh_b, b_ih_b, b_hh_b"

    @Test func unrelatedShortWordsGetNoSuggestion() {
        #expect(error("中文") == "unknown command '中文'")
        #expect(error("x") == "unknown command 'x'")
        #expect(error("ab") == "unknown command 'ab'")
        #expect(error("🙂") == "unknown command '🙂'")
        #expect(error("set mode 中文") == "unknown mode '中文': use fused, per-gate or hoisted")
        #expect(error("step 3 中") == "unexpected '中'")
    }

    @Test func closeWordsStillGetOne() {
        #expect(error("stpe") == "unknown command 'stpe' (did you mean 'step'?)")
        #expect(error("hlep") == "unknown command 'hlep' (did you mean 'help'?)")
        #expect(error("Step") == "unknown command 'Step' (did you mean 'step'?)")
        #expect(error("rn") == "unknown command 'rn' (did you mean 'run'?)")
        #expect(error("show hf") == "unknown view 'hf': one of \(Self.views) (did you mean 'h_f'?)")
        #expect(error("set mode fusd") == "unknown mode 'fusd': use fused, per-gate or hoisted (did you mean 'fused'?)")
        #expect(error("goto end bw") == "unknown direction 'bw': use fwd, bwd or both (did you mean 'bwd'?)")
    }

    @Test func longWordsAreShortened() {
        let long = String(repeating: "x", count: 4090)
        #expect(
            error("show " + long) == "unknown view 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…': one of \(Self.views)")
        #expect(
            error("step " + String(repeating: "9", count: 100))
                == "the number of steps must be a whole number from 1 to 16777216, not '9999999999999999999999999999999999999999…'"
        )
        // Exactly 40 characters are shown whole.
        let forty = String(repeating: "中", count: 40)
        #expect(error("goto " + forty) == "goto takes t=N, start or end, not '\(forty)'")
    }

    @Test func invisibleCharactersAreShownAsEscapes() {
        #expect(
            error("step \"\u{1b}[31m\"")
                == "the number of steps must be a whole number from 1 to 16777216, not '\\u{1B}[31m'")
        #expect(
            error("set mode \"fu\u{200b}sed\"")
                == "unknown mode 'fu\\u{200B}sed': use fused, per-gate or hoisted (did you mean 'fused'?)")
        #expect(error("show \"\u{202e}gnp\"") == "unknown view '\\u{202E}gnp': one of \(Self.views)")
        #expect(
            error("init \"a\tb\u{85}c\u{2028}\"")
                == "unknown initialiser 'a\\u{9}b\\u{85}c\\u{2028}': use tutorial, pytorch, zeros")
        #expect(error("input \"\u{feff}\"") == "unknown input '\\u{FEFF}': use random, zeros, ones, text or set")
        // Joiners inside an emoji and combining accents are part of what is drawn.
        #expect(error("show 👨‍👩‍👧") == "unknown view '👨‍👩‍👧': one of \(Self.views)")
        #expect(error("show e\u{301}") == "unknown view 'e\u{301}': one of \(Self.views)")
    }

    @Test func pathsInFileErrorsShowControlCharacters() {
        #expect(error("load input \"/nonexistent/a\u{7}b.npy\"") == "/nonexistent/a\\u{7}b.npy: no such file")
    }

    @Test func quoteRules() {
        #expect(Quote.word("") == "''")
        #expect(Quote.visible("a\nb", keepingNewlines: true) == "a\nb")
        #expect(Quote.visible("a\nb") == "a\\u{A}b")
        #expect(Quote.visible("\u{7f}\u{0}") == "\\u{7F}\\u{0}")
    }
}
