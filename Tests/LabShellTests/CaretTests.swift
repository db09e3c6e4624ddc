import Testing

@testable import LabShell

/// The caret under the word an error is about, in both places errors are shown.
@Suite struct CaretTests {
    @Test func scriptErrorsQuoteTheLineWithACaret() {
        #expect(
            Caret.scriptError(
                source: "demo.lab", lineNumber: 3, line: "show gatez fwd",
                message: "unknown view 'gatez'", column: 6) == """
                    demo.lab:3: error: unknown view 'gatez'
                      show gatez fwd
                           ^
                    """)
        #expect(
            Caret.scriptError(source: "-c", lineNumber: 1, line: "step", message: "finished", column: nil)
                == "-c:1: error: finished")
    }

    @Test func interactiveErrorsPointUnderTheEchoedLine() {
        let prompt = "lstmlab fwd 0/5 bwd 0/5> "
        #expect(
            Caret.interactiveError(prompt: prompt, line: "step fwd x", message: "bad", column: 10) == """
                \(String(repeating: " ", count: prompt.count + 9))^
                error: bad
                """)
        #expect(Caret.interactiveError(prompt: prompt, line: "run", message: "no", column: nil) == "error: no")
    }

    @Test func wideCharactersTabsAndInvisiblesKeepTheCaretAligned() {
        #expect(Caret.excerpt("show 中文 x", column: 9, width: 80) == ("show 中文 x", "          ^"))
        #expect(Caret.excerpt("step\tfwd\tx", column: 10, width: 80) == ("step fwd x", "         ^"))
        #expect(Caret.excerpt("show \u{1B}[31m", column: 6, width: 80) == ("show \\u{1B}[31m", "     ^"))
        // A line holding an escape is quoted again rather than pointed at on the screen.
        #expect(
            Caret.interactiveError(prompt: "> ", line: "x\u{1B}", message: "m", column: 1)
                == "error: m\n  x\\u{1B}\n  ^")
    }

    @Test func longLinesShowAWindowAroundTheColumn() {
        let line = "show " + String(repeating: "x", count: 200) + " oops"
        let (shown, caret) = Caret.excerpt(line, column: 207, width: 40)
        #expect(shown.hasPrefix("…") && shown.hasSuffix("oops"))
        #expect(shown.count <= 40)
        let at = shown.index(shown.startIndex, offsetBy: caret.count - 1)
        #expect(shown[at...].hasPrefix("oops"))
        #expect(Caret.excerpt("", column: 1, width: 40) == ("", "^"))
        #expect(Caret.excerpt("ab", column: 99, width: 40) == ("ab", "  ^"))
    }

    @Test func labResultsKeepTheParsersColumn() {
        var lab = Lab()
        let r = lab.handle("step fwd nope")
        #expect(r.error == "the number of steps must be a whole number from 1 to 16777216, not 'nope'")
        #expect(r.column == 10)
        #expect(lab.handle("goto t=9").column == nil)
    }
}
