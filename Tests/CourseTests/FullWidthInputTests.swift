import Foundation
import LabText
import LessonKit
import Testing

@testable import LabShell

/// Commands and answers typed on a Chinese keyboard (full-width digits,
/// letters, brackets, commas, `、`) do what their ASCII forms do, and errors
/// quote what was typed.
@Suite struct FullWidthInputTests {
    /// Each pair: the line typed full-width and its ASCII twin; both must print the same.
    @Test(arguments: [
        ("step ３", "step 3"),
        ("ｓｔｅｐ　ｆｗｄ　２", "step fwd 2"),
        ("show h_f t＝１", "show h_f t=1"),
        ("show ｇａｔｅｓ ｆｗｄ", "show gates fwd"),
        ("sizes Ｂ＝２ Ｔ＝４", "sizes B=2 T=4"),
        ("set precision ６", "set precision 6"),
        ("bench ２，３，４，５ repeat １", "bench 2,3,4,5 repeat 1"),
        ("bench ２、３、４、５ repeat １", "bench 2,3,4,5 repeat 1"),
        ("goto t＝３", "goto t=3"),
        ("set lang ｚｈ", "set lang zh"),
    ])
    func commandsTypedFullWidth(typed: String, ascii: String) {
        var a = Lab()
        var b = Lab()
        if typed.hasPrefix("show") || typed.hasPrefix("goto") {
            _ = a.handle("step 2")
            _ = b.handle("step 2")
        }
        let full = a.handle(typed)
        let plain = b.handle(ascii)
        #expect(full.error == nil, "\(typed): \(full.error ?? "")")
        if !ascii.hasPrefix("bench") { #expect(full.output == plain.output) }
    }

    @Test func errorsQuoteWhatWasTyped() {
        var lab = Lab()
        #expect(lab.handle("ｓｔｅｐｐ").error == "unknown command 'ｓｔｅｐｐ' (did you mean 'step'?)")
        #expect(
            lab.handle("set mode ｆｕｓｄ").error
                == "unknown mode 'ｆｕｓｄ': use fused, per-gate or hoisted (did you mean 'fused'?)")
    }

    /// Answers in a lesson: numbers, expressions and shapes typed full-width count as typed in ASCII.
    @Test(arguments: [
        ("answer ８", "✓"),
        ("answer ４＊２", "✓"),
        ("ａｎｓｗｅｒ （２＋２）＊２", "✓"),
        ("answer ７", "✗"),
    ])
    func answersTypedFullWidth(typed: String, verdict: String) throws {
        let f = try LessonShellTests.Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        _ = lab.handle("lesson play 1")
        #expect(lab.handle(typed).output.hasPrefix(verdict))
    }

    @Test func languageIsChosenInTheLabAndShownByInfo() throws {
        let f = try LessonShellTests.Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab()
        #expect(lab.handle("info").output.hasSuffix("language en (English; set lang en|zh)"))
        #expect(lab.handle("set lang zh").output == "lang zh：实验室现在使用中文（课程也一样）")
        #expect(lab.language == .zh)
        #expect(lab.banner.hasPrefix("LSTMLab：一个可以逐个时间步单步执行的双向 LSTM。"))
        let info = lab.handle("info").output
        #expect(info.hasSuffix("语言     zh（中文；set lang en|zh 切换）"))
        #expect(info.contains("fwd      前向走了 0/5 步，下一步读 t=0"))
        // the lesson played next follows the lab's language
        #expect(lab.handle("lesson play 1").output.contains("第 1 课 · 第 1/3 步"))
        #expect(lab.handle("set lang fr").error == "lang 只能是 en 或 zh，不能是 'fr'")
    }
}

/// Errors in Chinese: the facts (numbers, what was typed) are the English ones, worded by the catalog.
@Suite struct ChineseErrorTests {
    @Test func errorsAreWordedInChinese() {
        var lab = Lab()
        _ = lab.handle("set lang zh")
        #expect(lab.handle("ｓｔｐｅ").error == "没有这个命令：'ｓｔｐｅ'（你是不是想输入 'step'？）")
        #expect(lab.handle("step ０").error == "步数必须是 1 到 16777216 之间的整数，不能是 '０'")
        #expect(lab.handle("show h_f t=9").error == "t=9 超出范围：t 只能取 0 到 4")
        #expect(lab.handle("show gates fwd t=3").error == "gates fwd t=3 还没有算出：前向走了 0/5 步（走到第 4 步才到 t=3）")
        #expect(lab.handle("show h_n").error == "h_n 还没有算出：需要两个方向都走完（fwd 0/5，bwd 0/5）；试试 run")
        #expect(lab.handle("hint").error == "hint 只能在课程中使用：先用 lesson play N 开始一课（lesson list 列出课程）")
        #expect(lab.handle("back").error == "两个方向都在起点：没有可以撤销的步")
        _ = lab.handle("run")
        #expect(lab.handle("step fwd").error == "前向都已走完全部 5 步（可以用 back、goto 或 reset）")
        _ = lab.handle("set lang en")
        #expect(lab.handle("show h_f t=9").error == "t=9 is out of range: t goes from 0 to 4")
    }
}
