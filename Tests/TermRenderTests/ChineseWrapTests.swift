import Testing

@testable import TermRender

/// Chinese prose wrapped by the one layout engine: at character boundaries (CJK has
/// no spaces), never inside a number or a name, punctuation kept with what it closes
/// or opens, and no line wider than the terminal.
@Suite struct ChineseWrapTests {
    static let reply =
        "init tutorial seed 0：W_ih ~ Xavier 均匀分布 U(±0.3536)，W_hh 为正交矩阵 [64, 16]，偏置全为 0，"
        + "只有遗忘门的行 16..31 在 b_ih 和 b_hh 里为 1；游标回到起点（参数和输入保留，h_b_rev[4] 不变）"

    static let expected: [Int: [String]] = [
        40: [
            "init tutorial seed 0：W_ih ~ Xavier 均匀",
            "  分布 U(±0.3536)，W_hh 为正交矩阵",
            "  [64, 16]，偏置全为 0，只有遗忘门的行",
            "  16..31 在 b_ih 和 b_hh 里为 1；游标回",
            "  到起点（参数和输入保留，h_b_rev[4] 不",
            "  变）",
        ],
        80: [
            "init tutorial seed 0：W_ih ~ Xavier 均匀分布 U(±0.3536)，W_hh 为正交矩阵",
            "  [64, 16]，偏置全为 0，只有遗忘门的行 16..31 在 b_ih 和 b_hh 里为 1；游标回到起",
            "  点（参数和输入保留，h_b_rev[4] 不变）",
        ],
        100: [
            "init tutorial seed 0：W_ih ~ Xavier 均匀分布 U(±0.3536)，W_hh 为正交矩阵 [64, 16]，偏置全为 0，只有",
            "  遗忘门的行 16..31 在 b_ih 和 b_hh 里为 1；游标回到起点（参数和输入保留，h_b_rev[4] 不变）",
        ],
    ]

    @Test(arguments: [40, 80, 100])
    func aReplyWrapsAtCharacters(width: Int) {
        let lines = TextLayout.wrapStatus(Self.reply, width: width).split(separator: "\n").map(String.init)
        #expect(lines == Self.expected[width])
        for line in lines {
            #expect(TextLayout.displayWidth(line) <= width, "too wide: \(line)")
            #expect(!"，。：；）".contains(line.trimmingPrefix(" ").first ?? "x"), "starts with closing: \(line)")
            #expect(line.last != "（", "ends with opening: \(line)")
        }
        // Every number and name of the reply is on one line, whole.
        let names = Self.reply.split { !($0.isASCII && ($0.isLetter || $0.isNumber || "_.[]±".contains($0))) }
        for name in names where name.count > 1 {
            #expect(lines.contains { $0.contains(name) }, "split: \(name)")
        }
    }

    /// A help row keeps its hanging indent under the text; a shape's space is not a break.
    @Test func aHelpRowHangsUnderItsText() {
        let row = "  sizes     改变 B、T、D、H 或层数 L（sizes B=3 T=5 D=8 H=16 L=2），输入 x[:, 0, :] 按需要重新生成"
        #expect(
            TextLayout.wrapStatus(row, width: 50).split(separator: "\n") == [
                "  sizes     改变 B、T、D、H 或层数 L（sizes B=3",
                "            T=5 D=8 H=16 L=2），输入 x[:, 0, :] 按",
                "            需要重新生成",
            ])
    }

    /// English replies wrap at spaces too, under the line's own text, like Chinese ones at characters.
    @Test func englishRepliesWrapAtSpaces() {
        let long = Array(repeating: "word", count: 30).joined(separator: " ")
        let wrapped = Renderer.render(.text(long), options: RenderOptions(width: 40, language: .en))
        #expect(wrapped.split(separator: "\n").map { TextLayout.displayWidth($0) } == [39, 36, 36, 36, 6])
        #expect(wrapped.split(whereSeparator: \.isWhitespace).joined(separator: " ") == long)
        let zh = String(repeating: "隐藏状态", count: 15)
        let zhWrapped = Renderer.render(.text(zh), options: RenderOptions(width: 40, language: .zh))
        #expect(zhWrapped.split(separator: "\n").map { TextLayout.displayWidth($0) } == [40, 40, 40, 6])
    }

    /// What the learner would copy stays on one line: a call with its arguments, a quoted command,
    /// a shape; a help row hangs under its description; a table row is never broken.
    @Test func codeQuotesAndTablesStayWhole() {
        let reply =
            "saved weights to w.safetensors: 8 tensors; load in PyTorch with "
            + "nn.LSTM(8, 16, bidirectional=True).load_state_dict(…) or type 'record stop' to end"
        #expect(
            TextLayout.wrapStatus(reply, width: 60).split(separator: "\n") == [
                "saved weights to w.safetensors: 8 tensors; load in PyTorch",
                "  with nn.LSTM(8, 16, bidirectional=True).load_state_dict(…)",
                "  or type 'record stop' to end",
            ])
        let help = "  record    write what is typed and shown to a Markdown file, until 'record stop'"
        #expect(
            TextLayout.wrapStatus(help, width: 70).split(separator: "\n") == [
                "  record    write what is typed and shown to a Markdown file, until",
                "            'record stop'",
            ])
        let row = "  hoisted         0.126      0.126      0.73         17.81   1 (+ x·W_ihᵀ for all t up front)"
        #expect(TextLayout.wrapStatus(row, width: 60) == row)
        // A call left open (`f(` and no `)`) does not keep the rest of the line from breaking.
        #expect(
            TextLayout.wrapStatus("an unmatched f( then a long run of words to wrap", width: 24)
                == "an unmatched f( then a\n  long run of words to\n  wrap")
        // An apostrophe opens no quote: the line still breaks after it.
        #expect(
            TextLayout.wrapStatus("the session's weights and input are drawn from a fixed seed", width: 30)
                == "the session's weights and\n  input are drawn from a fixed\n  seed")
    }
}
