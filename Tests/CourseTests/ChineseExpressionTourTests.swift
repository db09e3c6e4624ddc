import Foundation
import TensorExpr
import Testing

@testable import LabShell

/// Every error of the expression language, met in a Chinese session: each
/// erroneous expression is refused in Chinese, with no English word outside
/// identifiers, function names, numbers and quoted input.
@Suite struct ChineseExpressionTourTests {
    /// One or more expressions per error key of the expression catalog, grouped as the catalog is.
    static let erroneous: [String] = [
        // Names, broadcasting, matrix products, indices and dimensions (ExpressionMessage).
        "print c_ff", "print c_f[3]", "print i_f", "print z_b", "print c_f_l3", "print h0 + W_hh_f",
        "print W_ih_f @ W_ih_f", "print x @ x", "print x[9]", "print x.sum(dim=5)",
        // Calls (ExpressionCallMessage).
        "print x.sum(0, dim=1)", "print reshape(x)", "print transpose(x, 0)", "print cat(tanh)",
        "print x.chunk(1.5)", "print x.mean(keepdim=None)", "print tanh(None)", "print x.max(dim=(0, 1))",
        "print full((2, 2), x.shape)", "print zeros(10000000000000000)", "print tanh(x, 3)", "print x.sum(axis=0)",
        "print x(0)", "print [1, 2](0)", "print None(1)", "print torch.lstm(x)", "print F.sigmod(x)",
        "print x.summ", "print x.shape.foo()", "print x.sum", "print tanh + 1", "print x + x.shape",
        "print arange(None)", "print x.norm(1)", "print mm(x, x)", "print x.flip()", "print x.permute()",
        "print arange()", "print eye()",
        // Indexing (ExpressionIndexMessage).
        "print None[0]", "print tanh[0]", "print x.shape[0, 1]", "print x.shape[9]", "print x.shape[None]",
        "print x[::0]", "print x[::-1]", "print x[0.5]", "print x[x > 0]", "print x[x[0, 0, 0:2]]",
        "print x[[[0, 1]]]", "print x[[10000000000000000]]", "print x[..., ...]", "print x[0, 0, 0, 0]",
        "print x[0, 0][x[0, 0, 0:3] > 0]", "print x[[0, 1], [0, 1, 2]]", "print x[0, [5]]",
        // Shapes (ExpressionShapeMessage).
        "print x.permute(0, 1)", "print x.permute(0, 0, 1)", "print x.reshape(-1, -1)", "print x.reshape(-2, 60)",
        "print x.reshape(7)", "print x.view(7, -1)", "print x.flip(0, 0)", "print x.sum(dim=(0, 0))",
        "print x.chunk(0)", "print x.sum().chunk(2)", "print cat([])", "print cat([x.sum(), x.sum()])",
        "print cat([x, W_ih_f])", "print cat([x, x[:, :, 0:2]], dim=1)", "print stack([])",
        "print stack([x, x[0]])", "print zeros(-1)", "print eye(-1)", "print eye(2, -3)", "print arange(0, 5, 0)",
        "print arange(5, 0, 1)", "print [[1, 2], [3]]", "print x[0:0].max()", "print x.sum() @ x",
        "print arange(3) @ arange(4)", "print W_ih_f @ arange(3)", "print x @ arange(3)",
        "print linear(x[0, 0], W_ih_f, zeros(2, 64))", "print linear(x, W_ih_f, zeros(3))", "print x.t()",
        "print linear(x, x)", "print x[0, 0].mT", "print x.flatten(2, 0)", "print x.item()",
        // Syntax (ExpressionSyntaxMessage and the first keys of ExpressionMessage).
        "print " + String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70),
        "print 1 < 2 < 3", "print x.(1)", "print x.sum(dim=0, 1)", "print x[]", "print 1e999", "print x $ 2",
        "print x.sum(dim=0, dim=1)", "print x x", "print )", "print x[0", "print (1, 2]", "print (1 +",
        // Limits (ExpressionLimitMessage).
        "print zeros(100000000, 100000000, 100000000)", "print zeros(100000, 100000)",
        "print zeros(10000, 10000) @ zeros(10000, 10000)", "print arange(1e20)",
        "print zeros(100000000, 1, 0, 1) @ zeros(1, 100000000, 1, 1)",
        // The commands around expressions.
        "let a = x.reshape(7)", "save x.shape to /tmp/exprzh-never-written.npy", "spark x + 1",
        "show x.reshape(7)", "heatmap x[9]", "watch x[", "let big = zeros(100000, 100000)",
    ]

    /// Lines that succeed around expressions: their replies are Chinese too.
    static let replies: [String] = [
        "print x.max(0)", "print tanh", "print torch", "vars", "print arange(6).reshape(2, 3)", "print x[0] > 0",
        "save x[0] to /tmp/exprzh-tour.npy", "print x.chunk(2, 2)", "print ()",
    ]

    /// Words a Chinese error may keep: the expression language's functions, methods and properties.
    static let code: Set<String> = Set(Functions.all + Functions.methods + Functions.properties)

    static func englishWords(_ line: String) -> [String] {
        ChineseTourTests.englishWords(line).filter { !code.contains($0) }
    }

    /// Each line run in a fresh Chinese session (so one error does not change the next), with its error.
    static func tour() -> [(line: String, error: String?, output: String)] {
        erroneous.map { line in
            var lab = Lab(width: 100)
            _ = lab.handle("set lang zh")
            let r = lab.handle(line)
            return (line, r.error, r.output)
        }
    }

    @Test func everyErrorIsChinese() {
        var english: [String] = []
        for (line, error, output) in Self.tour() {
            let shown = String(line.prefix(60))
            guard let error else {
                english.append("\(shown) → no error: \(output.prefix(200))")
                continue
            }
            for text in error.split(separator: "\n") + output.split(separator: "\n")
            where !Self.englishWords(String(text)).isEmpty {
                english.append("\(shown) → \(text)    ← \(Self.englishWords(String(text)).joined(separator: " "))")
            }
        }
        #expect(english.isEmpty, "English (or no error) in the zh expression tour:\n\(english.joined(separator: "\n"))")
    }

    /// The whole numbers of a message (not those inside a word, as in `W_ih_l0` or `1D`'s `D`).
    static func numbers(_ text: String) -> Set<String> {
        var out = Set<String>()
        var current = ""
        var previous: Character = " "
        for ch in text + " " {
            if ch.isASCII && ch.isNumber && (current.isEmpty ? !(previous.isASCII && previous.isLetter) : true) {
                current.append(ch)
            } else {
                if !current.isEmpty { out.insert(current) }
                current = ""
            }
            previous = ch
        }
        return out
    }

    /// Constants of PyTorch's English that the Chinese says in words (一维, 空张量) or leaves out (the mask's `index 0`).
    static let constants = ["1-D", "1-dimensional", "at least 1D", "numel() == 0", "at index 0"]

    /// The Chinese of each refusal states every number the English states.
    @Test func noNumberIsLostInTranslation() {
        var lost: [String] = []
        for line in Self.erroneous {
            var en = Lab(width: 100)
            var zh = Lab(width: 100)
            _ = zh.handle("set lang zh")
            let english = Self.constants.reduce(en.handle(line).error ?? "") {
                $0.replacingOccurrences(of: $1, with: "")
            }
            let chinese = zh.handle(line).error ?? ""
            let missing = Self.numbers(english).subtracting(Self.numbers(chinese))
            if !missing.isEmpty {
                lost.append("\(line.prefix(60)): \(missing.sorted()) of '\(english)' in '\(chinese)'")
            }
        }
        #expect(lost.isEmpty, "numbers lost in the Chinese:\n\(lost.joined(separator: "\n"))")
    }

    @Test func everyReplyIsChinese() {
        var english: [String] = []
        var lab = Lab(width: 100)
        _ = lab.handle("set lang zh")
        for line in Self.replies {
            let r = lab.handle(line)
            for text in r.output.split(separator: "\n") + (r.error ?? "").split(separator: "\n")
            where !Self.englishWords(String(text)).isEmpty {
                english.append("\(line) → \(text)    ← \(Self.englishWords(String(text)).joined(separator: " "))")
            }
        }
        try? FileManager.default.removeItem(atPath: "/tmp/exprzh-tour.npy")
        #expect(english.isEmpty, "English in the zh expression replies:\n\(english.joined(separator: "\n"))")
    }

    /// A lesson's names read with indices, and task checks, refused in Chinese.
    @Test func lessonNamesAndChecksAreChinese() {
        var lab = Lab(width: 100)
        _ = lab.handle("set lang zh")
        func refusal(_ body: () throws -> Any?) -> String? {
            do {
                _ = try body()
                return nil
            } catch { return lab.interpreter.wording(error) }
        }
        #expect(refusal { try lab.interpreter.number(named: "H", index: [1]) } == "H 是一个数，不能加下标")
        _ = lab.handle("step")
        #expect(refusal { try lab.interpreter.number(named: "i_f", index: [0]) } == "i_f 的形状是 [B, H]：请给出 [b, unit]")
        #expect(refusal { try lab.interpreter.number(named: "c_f", index: []) } == "c_f 的形状是 [T, …]：请先给出时间下标")
        #expect(
            refusal { try lab.interpreter.number(named: "x", index: [0, 0, 99]) }
                == "下标 99 超出 x 的范围（大小是 8）")
        #expect(
            refusal { try lab.interpreter.number(named: "x", index: [0]) } == "x 的形状是 [3, 5, 8]：要给 3 个下标，不是 1 个")
        #expect(refusal { try lab.interpreter.evaluate("x[0]") } == "检查条件必须算出一个数：'x[0]'")
        #expect(refusal { try lab.interpreter.evaluate("x.reshape(7) == 1") } == "形状 '[7]' 和张量的元素个数 120 对不上")
    }

    @Test(arguments: [
        ("save x.shape to /tmp/exprzh-never.npy", "save 只能写出张量：'x.shape' 是 torch.Size"),
        ("let = 3", "let 的 '=' 前面需要一个变量名"),
        ("print x.reshape(7)", "形状 '[7]' 和张量的元素个数 120 对不上"),
        ("print cat([x, W_ih_f])", "拼接的张量维数必须相同：这里是 3 维和 2 维"),
        ("print x[0, 0, 0, 0]", "下标太多：这个张量只有 3 维"),
        ("print None[0]", "None 不能加下标"),
        ("print x.summ", "张量没有属性 'summ'（你是不是想输入 'sum'？）"),
        ("print x.sum", "'sum' 是张量的方法，要加括号调用，例如 .sum()"),
        ("print tanh(x, 3)", "tanh() 最多接受 1 个位置参数，却给了 2 个"),
        ("print reshape(x)", "reshape() 缺少必需的参数 'shape'"),
        ("print x.max(dim=(0, 1))", "max() 的参数 'dim' 应是整数，不能是元组"),
        ("print x[::0]", "切片的步长不能是 0"),
        ("print x $ 2", "表达式里不能有字符 '$'"),
        ("print 1 < 2 < 3", "不支持连写的比较（如 a < b < c）：请加括号分开"),
        ("print i_f", "i_f 是前向当前这一步的量，但前向还没有走过一步（试试 'step fwd'）"),
        (
            "print zeros(100000, 100000)",
            "zeros(100000, 100000)（形状 [100000, 100000]）会让表达式占用约 37.3 GiB，超过内存上限 2.0 GiB（启动时加 --memory-limit MiB 可以调高）"
        ),
        ("print x.sum(axis=0)", "sum() 没有名为 'axis' 的参数"),
    ])
    func exactChinese(line: String, chinese: String) {
        var lab = Lab(width: 100)
        _ = lab.handle("set lang zh")
        #expect(lab.handle(line).error == chinese)
    }

    /// A lesson's lab line meant to be refused (`!`), an answer that cannot be read from the
    /// session, and a task solution refused: the learner reads the lab's Chinese refusal.
    @Test func aLessonShowsRefusalsInChinese() throws {
        let lesson = """
            ---
            id: 1
            title: 形状
            ---

            ## 改变形状

            ```lab
            !print x.reshape(7)
            ```

            ```question
            ask: x.reshape(7) 有几个元素？
            answer: value nosuchview[0]
            solution: 没有。
            ```
            """
        let f = try LessonShellTests.Fixture(en: lesson, zh: lesson)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var lab = f.lab(language: "zh")
        _ = lab.handle("set lang zh")
        let out = lab.handle("lesson play 1").output
        #expect(out.contains("\n错误：形状 '[7]' 和张量的元素个数 120 对不上\n"), "\(out)")
        let unchecked = lab.handle("answer 3").output
        #expect(unchecked.hasPrefix("这道题暂时无法核对（没有视图 'nosuchview'：可以用 x, "), "\(unchecked)")
        #expect(Self.englishWords(unchecked).isEmpty, "\(unchecked)")
    }

    /// Refusals the shell's line limit or Ctrl-C stand before: the language's own, worded in Chinese.
    @Test func refusalsBeyondTheShell() {
        func refused(_ text: String, budget: Budget = Budget()) -> ExprError? {
            do {
                _ = try Evaluator.evaluate(text, in: DictionaryEnvironment(), budget: budget)
                return nil
            } catch { return error }
        }
        let long = refused(String(repeating: "1+", count: 2050) + "1")
        #expect(long?.message == "expression too long: 4101 characters (the limit is 4096)")
        #expect(long?.said.chinese == "表达式太长：有 4101 个字符（上限是 4096）")
        let deep = refused(String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70))
        #expect(deep?.said.chinese == "表达式嵌套太深（最多 64 层）")
        let stopped = refused("zeros(3) + 1", budget: Budget(shouldCancel: { true }))
        #expect(stopped?.kind == .interrupted)
        #expect(stopped?.said.chinese == "已中断：表达式停止了计算")
    }

    /// The same lines in English keep PyTorch's words (the Chinese is only a wording of the same facts).
    @Test func englishIsUnchanged() {
        var lab = Lab(width: 100)
        #expect(lab.handle("print x.reshape(7)").error == "shape '[7]' is invalid for input of size 120")
        #expect(lab.handle("print None[0]").error == "'NoneType' object is not subscriptable")
        #expect(
            lab.handle("print x.max(dim=(0, 1))").error == "max(): argument 'dim' must be int, not tuple")
        #expect(lab.handle("print x.summ").error == "'Tensor' object has no attribute 'summ' (did you mean 'sum'?)")
    }
}
