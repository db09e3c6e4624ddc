import Testing

@testable import TermRender

/// The one text layout engine (issue 12 item 5, issue 13 row 12): widths and wrapping
/// for the views and the lessons.
@Suite struct TextLayoutTests {
    @Test func widths() {
        #expect(TextLayout.displayWidth("ab中文") == 6)
        #expect(TextLayout.displayWidth("e\u{301}") == 1)  // a combining mark takes no column
        #expect(TextLayout.displayWidth("😀") == 2)
        #expect(TextLayout.displayWidth("\u{1B}[31mab\u{1B}[0m") == 2)
        #expect(TextLayout.displayWidth("ｘ１") == 4)  // full-width forms
    }

    @Test func wrapsCJKAndLatin() {
        #expect(
            TextLayout.wrap("one two three four five six seven eight nine ten", width: 20)
                == "one two three four\nfive six seven eight\nnine ten")
        #expect(TextLayout.wrap(String(repeating: "中文，", count: 8), width: 20) == "中文，中文，中文，中\n文，中文，中文，中\n文，中文，")
        #expect(TextLayout.reflow("a b\nc d\n\n```text\nx  y\n```", width: 80) == "a b c d\n\n```text\nx  y\n```")
        #expect(TextLayout.reflow("中文\n中文 a\nb", width: 80) == "中文中文 a b")
        #expect(
            TextLayout.wrap("x e\u{301}\u{301} " + String(repeating: "y", count: 30), width: 20, indent: "  ")
                == "x e\u{301}\u{301}\n  " + String(repeating: "y", count: 30))
    }

    /// A 1 MiB word stays whole and comes back unchanged; the old wrapper took 16 s
    /// for it (quadratic). The output is checked, not the time: the work is one pass.
    @Test func aLongWordStaysWhole() {
        let word = String(repeating: "ab", count: 1 << 19)
        let text = "start " + word + " end"
        #expect(TextLayout.wrap(text, width: 40) == "start\n" + word + "\nend")
        let cjk = String(repeating: "中", count: 20 * 3000)
        let lines = TextLayout.wrap(cjk, width: 40).split(separator: "\n")
        #expect(lines.count == 3000)
        #expect(lines.allSatisfy { TextLayout.displayWidth($0) == 40 })
    }

    /// The views' header wrapper measures each word once and keeps brackets whole.
    @Test func viewHeadersWrapAtWords() {
        #expect(
            TextWrap.wrap("aaa bbb [B, H] ccc", width: 12, indent: "  ", continuation: "    ")
                == ["  aaa bbb", "    [B, H]", "    ccc"])
        #expect(TextWrap.wrap("中文 中文 中文", width: 10, indent: "", continuation: "  ") == ["中文 中文", "  中文"])
    }
}
