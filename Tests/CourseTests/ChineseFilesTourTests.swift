import Foundation
import LessonKit
import Testing

@testable import LabShell

/// The file commands in Chinese: saving, loading and exporting into a temporary
/// folder, malformed files of every kind, a recording, and the session's refusals
/// (L, t=, b=, lengths, input text, the line itself), read line by line for English.
@Suite struct ChineseFilesTourTests {
    /// A fresh folder under the temporary directory, removed by the caller.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fileszh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        return url.path
    }

    /// Every line of output and error, in order.
    static func tour(in dir: String) throws -> [String] {
        let write = { (name: String, bytes: [UInt8]) in
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes))
        }
        // A preamble that stops after the version; a safetensors header that is not JSON; an empty file.
        _ = write("short.npy", [0x93] + Array("NUMPY".utf8) + [1, 0])
        let header = Array(#"{"a": nope}     "#.utf8)
        _ = write("bad.safetensors", [UInt8(header.count), 0, 0, 0, 0, 0, 0, 0] + header)
        _ = write("empty.npy", [])
        _ = write("notes.npy", Array("not numpy at all".utf8))
        _ = write("broken.md", Array("---\nid: x\n---\n".utf8))
        _ = write(
            "x-lesson.md",
            Array(
                ("---\nid: 99\ntitle: t\n---\n\n## s\n\n```lab\nstpe\n```\n\n"
                    + "```task\ngoal: g\ncheck: steps_f == (\nsolution: step fwd\n```\n").utf8))

        var lab = Lab(width: 100)
        // Progress that is not JSON: set aside with a warning the first time lessons are listed.
        _ = write("progress.json", Array("{ not json".utf8))
        lab.lessons.config = LessonConfig(
            root: CourseTests.root, language: "en", progressURL: URL(fileURLWithPath: dir + "/progress.json"))
        var lines: [String] = []
        func run(_ line: String) { lines += ChineseTourTests.shown(lab.handle(line)) }
        run("set lang zh")
        for line in [
            "save weights \(dir)/w.safetensors", "load weights \(dir)/w.safetensors", "export \(dir)/out", "step",
            "export \(dir)/out", "export pytorch \(dir)/py", "run", "export \(dir)/out", "export pytorch \(dir)/py",
            "load h0 \(dir)/out/h_n.npy", "load c0 \(dir)/out/c_n.npy", "load h0 \(dir)/out/y.npy",
            "load input \(dir)/out/y.npy", "load input \(dir)/out/fwd_h.npy", "load weights \(dir)/out/y.npy",
            "load head \(dir)/w.safetensors", "load input \(dir)/short.npy", "load weights \(dir)/bad.safetensors",
            "load input \(dir)/empty.npy", "load input \(dir)/notes.npy", "load weights \(dir)",
            "load input \(dir)/missing.npy", "save weights \(dir)/nowhere/w.safetensors", "save weights \(dir)",
            "export \(dir)/w.safetensors", "export \(dir)/a/b", "set variant draft", "export pytorch \(dir)/py",
            "set variant correct", "sizes L=2", "goto t=2", "save weights \(dir)/w2.safetensors", "sizes L=1",
            "load weights \(dir)/w2.safetensors", "sizes L=1",
            "record \(dir)/r.md", "step", "record \(dir)/r2.md", "record stop", "record stop",
            "record \(dir)/nowhere/r.md",
            "sizes L=99", "goto t=99", "trace u=0 fwd b=9", "lengths 1,2", "lengths 9,9,9", "lengths 0,0,0", "layer x",
            "input text \"ab\" alphabet \"aab\"", "input text \"ab\" pad \"xy\"", "show W_ih_f fwd", "show W_hh_b t=1",
            "step\u{7}", String(repeating: "x", count: 5000),
            "example brackets", "input set b=0 t=0 \"q\"", "input set b=0 t=0 \"ab\"", "input set b=9 t=0 \"a\"",
            "lesson list", "lesson reset 1", "lesson reset", "lesson check \(dir)/broken.md",
            "lesson check \(dir)/missing.md", "lesson check \(dir)/x-lesson.md",
        ] {
            run(line)
        }
        return lines
    }

    @Test func noEnglishAndTheseLines() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try Self.tour(in: dir)
        // Python's keyword arguments in a call (nn.LSTM(8, 16, bidirectional=True)) are code, as the learner types it.
        let english = lines.filter {
            !ChineseTourTests.englishWords($0).filter { !["bidirectional", "True"].contains($0) }.isEmpty
        }
        #expect(english.isEmpty, "English in the zh files tour:\n\(english.joined(separator: "\n"))")
        // Replies wrap at 100 columns: compared without the whitespace the wrapping moves.
        let squeezed = lines.joined().filter { !$0.isWhitespace }
        for expected in [
            "已从 \(dir)/w.safetensors 载入权重：D=8，H=16，每个方向 W_ih [64, 8]、W_hh [64, 16]；游标回到起点",
            "已导出到 \(dir)/out/：没有文件（还没有走过任何一步）",
            "未写入：y、h_n、c_n（需要两个方向都走完：fwd 0/5 bwd 0/5）；fwd_*（还没有走过任何一步）；bwd_*（还没有走过任何一步）",
            "每步文件的形状是 [steps, B, …]，按处理顺序排列（下标 k 即该方向的第 k 步）",
            "已从 \(dir)/out/h_n.npy 载入 h0：[2, 3, 16]（下标 0 为前向，1 为反向）；游标回到起点",
            "权重已保存到 \(dir)/w.safetensors：8 个张量（weight_ih_l0 [64, 8]、weight_hh_l0 [64, 16]、bias_ih_l0、"
                + "bias_hh_l0 [64]，以及对应的 _reverse 张量）；在 PyTorch 中用 nn.LSTM(8, 16, bidirectional=True, "
                + "batch_first=True).load_state_dict(safetensors.torch.load_file(…)) 载入",
            "已从 \(dir)/w2.safetensors 载入权重：D=8，H=16，L=2 层（每个方向：第 0 层 W_ih [64, 8]，第 1…1 层 W_ih [64, 32]，"
                + "W_hh [64, 16]）；游标回到起点",
            "已为 PyTorch 导出到 \(dir)/py/：weights.safetensors、input.npy、y.npy、h_n.npy、c_n.npy、check.py",
            "开始录制到 \(dir)/r.md，直到 'record stop'", "已写入 \(dir)/r.md：1 条命令",
        ] {
            #expect(squeezed.contains(expected.filter { !$0.isWhitespace }), "missing: \(expected)")
        }
        // Errors are one line each, exactly.
        for expected in [
            "export pytorch 要写出 y、h_n 和 c_n，需要两个方向都走完（fwd 1/5 bwd 1/5）；先试试 'run'",
            "\(dir)/out/y.npy：h0 应为 [2, B, H] = [2, 3, 16]，文件中的形状是 [3, 5, 32]",
            "\(dir)/out/y.npy：输入有 D=32 个特征，而权重接收 D=8（形状 [3, 5, 32]，布局 [B, T, D]）",
            "\(dir)/out/fwd_h.npy：输入有 D=16 个特征，而权重接收 D=8（形状 [5, 3, 16]，布局 [B, T, D]）",
            "\(dir)/short.npy：文件不完整：在 .npy 的前导部分中间就结束了（文件共 8 字节）",
            "\(dir)/bad.safetensors：文件头不是有效的 JSON",
            "\(dir)/empty.npy：文件是空的",
            "\(dir)/missing.npy：文件不存在",
            "\(dir)/nowhere/w.safetensors：无法写入：文件夹 \(dir)/nowhere 不存在",
            "\(dir)/w.safetensors：已存在，但不是文件夹",
            "\(dir)/a/b：无法创建文件夹：\(dir)/a 不存在（export 只创建最后一级文件夹）",
            "已经在录制到 \(Quote.word(dir + "/r.md"))：先 'record stop'",
            "当前没有在录制：用 'record FILE.md' 开始",
            "L 必须是 1 到 8 之间的整数，不能是 99",
            "b=9 超出范围：b 只能取 0 到 2",
            "lengths 要为每个序列给一个长度：给了 2 个，而 B=3", "长度必须是 1 到 16777216 之间的整数，不能是 '0'",
            "层号必须是 0 到 7 之间的整数，不能是 'x'", "现在 l0 fwd 3/5 bwd 3/5",
            "字母表 'aab' 中 'a' 出现了两次",
            "W_ih_f 不接受 fwd/bwd（方向已在名字里：_f 或 _b）",
            "W_hh_b 是参数：不接受 t= 或 b=",
            "这一行里有控制字符（代码 7）",
            "这一行太长：5000 个字符（上限是 4096）",
            "'q' 不在字母表 '()ab' 中",
            "input set 只接受一个字符，而不是 'ab'",
            "注意：\(dir)/progress.json 无法读取（不是有效的进度 JSON）；已在 \(dir)/progress.json.bak 保留一份副本，进度从头开始",
            "已清除第 1 课的进度", "已清除所有课程的进度", "\(dir)/broken.md:1：错误：前置信息中没有 'title:'",
            "\(dir)/broken.md:2：错误：'id' 必须是正整数，而不是 'x'", "\(dir)/missing.md:1：错误：无法读取文件：文件不存在",
            "\(dir)/x-lesson.md:1：错误：课程文件应命名为 NN-slug.md，而不是 'x-lesson.md'",
            "\(dir)/x-lesson.md:9：错误：'stpe'：没有这个命令：'stpe'（你是不是想输入 'step'？）",
        ] {
            #expect(lines.contains(expected), "missing line: \(expected)")
        }
        // The check.py a Chinese session writes prints in Chinese (the code stays Python).
        let script = try String(contentsOfFile: dir + "/py/check.py", encoding: .utf8)
        #expect(script.contains("最大 |torch - lab| = {diff.max().item():.3g}\")\n"))
        #expect(script.contains("PyTorch 与实验室的数值{'一致' if ok else '不一致'}（容差 {ATOL:g} + {RTOL:g}·|value|）\")\n"))
        #expect(!script.contains("largest |torch - lab|"))
        // A task's check the lesson calculator cannot read, in Chinese too.
        #expect(lines.contains { $0.hasSuffix("：错误：check 'steps_f == ('：表达式提前结束了") }, "\(lines)")
        // The lessons follow `set lang zh` although the lessons were set up in English.
        #expect(lines.contains { $0.hasPrefix("课程（") })
        #expect(lines.contains { $0.contains("为什么要从两个方向读序列") })
    }
}
