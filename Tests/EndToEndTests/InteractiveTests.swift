import Foundation
import Testing

/// The real binary on a pseudo-terminal, as a learner uses it.
@Suite("Interactive lab through a pseudo-terminal")
struct InteractiveTests {
    static let startPrompt = "lstmlab fwd 0/5 bwd 0/5> "

    private func start(history: URL? = nil) throws -> (PtySession, URL) {
        let folder = try LabBinary.temporaryFolder()
        let session = try PtySession(environment: LabBinary.environment(folder: folder, history: history))
        try session.expect(Self.startPrompt)
        return (session, folder)
    }

    @Test func bannerPromptHelpAndCtrlDExitZero() throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        let session = try PtySession(environment: LabBinary.environment(folder: folder))
        let before = try session.expect(Self.startPrompt)
        #expect(before.contains("LSTMLab: a bidirectional LSTM you can step through"))
        #expect(before.contains("Type 'help' for commands"))
        #expect(
            before.contains(
                "Keys: Tab completes, ↑ and Ctrl-R recall earlier lines, Ctrl-C interrupts, Ctrl-D or 'quit' leaves.\n")
        )
        session.send("help\r")
        let help = try session.expect(Self.startPrompt)
        #expect(help.contains("Stepping\n"))
        #expect(help.contains("  step "))
        #expect(help.contains("  diagram "))
        session.send("\u{04}")
        #expect(try session.exitStatus() == 0)
    }

    @Test func quitAndExitLeaveWithZero() throws {
        for word in ["quit", "exit"] {
            let (session, folder) = try start()
            defer { LabBinary.remove(folder) }
            session.send("\(word)\r")
            #expect(try session.exitStatus() == 0)
        }
    }

    @Test func tabCompletesACommandWord() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        session.send("ste\t")
        try session.expect("step ")
        session.send("fwd\r")
        let out = try session.expect("lstmlab fwd 1/5 bwd 0/5> ")
        #expect(out.contains("fwd step 1/5: read x[:, 0, :] → h_f[0]"))
    }

    @Test func tabTwiceListsTheViewNames() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        session.send("show h_\t\t")
        let listing = try session.expect("h_b_rev")
        _ = listing
        let rest = try session.expect(Self.startPrompt + "show h_")
        #expect(rest.contains("h_f"))
        #expect(rest.contains("h_n"))
        session.send("f\r")
        try session.expect("h_f  [5, 3, 16]")
        try session.expect(Self.startPrompt)
    }

    @Test func tabFixesTheCaseOfAParameterName() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        // Readline rewrites the word with backspaces, which the session strips,
        // so the proof is that the command runs.
        session.send("show w_hh_f\t")
        try session.expect("W_hh_f ")
        session.send("\r")
        let out = try session.expect(Self.startPrompt)
        #expect(out.contains("W_hh_f  [64, 16]"))
        #expect(!out.contains("error"))
        session.send("sizes t\t")
        try session.expect("T=")
        session.send("7\r")
        try session.expect("lstmlab fwd 0/7 bwd 0/7> ")
    }

    @Test func tabCompletesKeywordsAfterTheCommand() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        session.send("step b\t")
        // `bwd` and `both`: two candidates, so Tab lists them.
        try session.expect("both")
        session.send("\u{15}set var\t")
        try session.expect("set variant ")
        session.send("draft\r")
        try session.expect("variant draft")
    }

    @Test func tabCompletesFilePathsAfterLoad() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        try Data().write(to: folder.appendingPathComponent("mine.safetensors"))
        session.send("load weights \(folder.path)/mi\t")
        try session.expect("\(folder.path)/mine.safetensors ")
        session.send("\u{15}exit\r")
        #expect(try session.exitStatus() == 0)
    }

    @Test func tabListsLessonNumbersInOrder() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        session.send("lesson play \t\t")
        try session.expect("lesson play ")
        let listing = try session.expect("lstmlab fwd 0/5 bwd 0/5> lesson play ")
        let numbers = listing.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        #expect(numbers.count >= 2)
        #expect(numbers == numbers.sorted())
        session.send("\u{15}exit\r")
        #expect(try session.exitStatus() == 0)
    }

    @Test func historyIsRecalledAfterARestart() throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        let history = folder.appendingPathComponent("state/hist")
        let first = try PtySession(environment: LabBinary.environment(folder: folder, history: history))
        try first.expect(Self.startPrompt)
        first.send("step bwd 2\r")
        try first.expect("lstmlab fwd 0/5 bwd 2/5> ")
        first.send("quit\r")
        #expect(try first.exitStatus() == 0)
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.split(separator: "\n").map(String.init) == ["step bwd 2", "quit"])

        let second = try PtySession(environment: LabBinary.environment(folder: folder, history: history))
        try second.expect(Self.startPrompt)
        second.send("\u{1b}[A\u{1b}[A")
        try second.expect("step bwd 2")
        second.send("\r")
        let out = try second.expect("lstmlab fwd 0/5 bwd 2/5> ")
        #expect(out.contains("bwd step 2/5"))
        second.send("\u{04}")
        #expect(try second.exitStatus() == 0)
    }

    @Test func twoLabsOpenAtOnceKeepBothHistories() throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        let history = folder.appendingPathComponent("hist")
        try Data("init tutorial\n".utf8).write(to: history)
        let env = LabBinary.environment(folder: folder, history: history)
        let a = try PtySession(environment: env)
        let b = try PtySession(environment: env)
        try a.expect(Self.startPrompt)
        try b.expect(Self.startPrompt)
        a.send("step fwd\r")
        try a.expect("lstmlab fwd 1/5 bwd 0/5> ")
        b.send("step bwd\r")
        try b.expect("lstmlab fwd 0/5 bwd 1/5> ")
        a.send("\u{04}")
        #expect(try a.exitStatus() == 0)
        b.send("\u{04}")
        #expect(try b.exitStatus() == 0)
        let lines = try String(contentsOf: history, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == ["init tutorial", "step fwd", "step bwd"])
    }

    @Test func ctrlCClearsAHalfTypedLine() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        session.send("step fw")
        try session.expect("step fw")
        session.send("\u{03}")
        try session.expect(Self.startPrompt)
        session.send("info\r")
        let info = try session.expect(Self.startPrompt)
        // The half-typed step never ran.
        #expect(info.contains("fwd      0/5 steps, next reads t=0"))
        session.send("\u{04}")
        #expect(try session.exitStatus() == 0)
    }

    @Test func ctrlCStopsTheDrawsOfSizesAndKeepsTheModel() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        // 30 M Gaussian draws for the new input: seconds in a debug build.
        session.send("sizes B=300 T=1000 D=100\r")
        try session.expect("sizes B=300 T=1000 D=100\n")
        usleep(300_000)
        session.send("\u{03}")
        let out = try session.expect(Self.startPrompt, within: 20)
        #expect(
            out.contains("interrupted: sizes not changed (the model, input and cursors are as they were)"), "\(out)")
        session.send("info\r")
        let info = try session.expect(Self.startPrompt)
        #expect(info.contains("batch    B=3 sequences of T=5 steps"), "\(info)")
        #expect(info.contains("D=8 inputs → H=16 hidden units"), "\(info)")
        session.send("\u{04}")
        #expect(try session.exitStatus() == 0)
    }

    @Test func ctrlCInterruptsALongRunAtAWholeStep() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        session.send("sizes T=20000 H=64\r")
        try session.expect("lstmlab fwd 0/20000 bwd 0/20000> ")
        session.send("run\r")
        try session.expect("run\n")
        // Let readline hand the terminal back before the key arrives.
        usleep(300_000)
        session.send("\u{03}")
        let out = try session.expect("> ", within: 20)
        #expect(out.contains("interrupted after"))
        // The prompt shows where each direction stopped; info must agree.
        let prompt = out.split(separator: "\n").last.map(String.init) ?? ""
        let counts = prompt.split(whereSeparator: { $0 == " " || $0 == ">" }).compactMap { word -> Int? in
            guard word.hasSuffix("/20000") else { return nil }
            return Int(word.dropLast(6))
        }
        #expect(counts.count == 2, "\(out)")
        #expect(counts.allSatisfy { $0 >= 0 && $0 < 20000 }, "\(out)")
        session.send("info\r")
        let info = try session.expect("lstmlab fwd")
        for (name, count) in zip(["fwd", "bwd"], counts) {
            #expect(info.contains("\(name)      \(count)/20000 steps"))
        }
        session.send("\u{04}")
        #expect(try session.exitStatus() == 0)
    }

    @Test func unknownCommandKeepsTheSessionAlive() throws {
        let (session, folder) = try start()
        defer { LabBinary.remove(folder) }
        session.send("stpe\r")
        let out = try session.expect(Self.startPrompt)
        #expect(out.contains("error: unknown command 'stpe' (did you mean 'step'?)"))
        // The caret sits under the word at fault, right below the echoed line.
        #expect(
            out.contains("stpe\n" + String(repeating: " ", count: Self.startPrompt.count) + "^\nerror: unknown command")
        )
        session.send("step\r")
        try session.expect("lstmlab fwd 1/5 bwd 1/5> ")
        session.send("exit\r")
        #expect(try session.exitStatus() == 0)
    }

    @Test func aLessonStartedFromTheCommandLineUsesTheLineEditor() throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        let session = try PtySession(
            arguments: ["--lesson", "1", "--lang", "en"], environment: LabBinary.environment(folder: folder))
        try session.expect("[lesson 1 · step 1/")
        try session.expect("> ")
        session.send("sk\t")
        try session.expect("skip ")
        session.send("\r")
        try session.expect("Question skipped.")
        try session.expect("[lesson 1 · step 1/")
        try session.expect("> ")
        // Enter on an empty line goes on.
        session.send("\r")
        try session.expect("[lesson 1 · step 2/")
        session.send("\u{04}")
        #expect(try session.exitStatus() == 0)
    }

    /// One warning, in the session's language, then the history stays in memory.
    @Test(arguments: ["en", "zh"])
    func anUnwritableHistoryGivesOneWarning(language: String) throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        // A history path under a regular file cannot be created.
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let session = try PtySession(
            arguments: ["--lang", language],
            environment: LabBinary.environment(folder: folder, history: blocker.appendingPathComponent("history")))
        try session.expect(Self.startPrompt)
        session.send("step\r")
        let first = try session.expect("lstmlab fwd 1/5 bwd 1/5> ")
        #expect(
            first.contains(
                language == "zh"
                    ? "lstmlab: 警告：命令历史不会被保存：无法创建文件夹 \(blocker.path)"
                    : "lstmlab: warning: history will not be saved: cannot create the folder \(blocker.path)"))
        session.send("step\r")
        let second = try session.expect("lstmlab fwd 2/5 bwd 2/5> ")
        #expect(!second.contains("warning") && !second.contains("警告"))
        session.send("quit\r")
        #expect(try session.exitStatus() == 0)
    }
}

/// `LANG=zh_CN.UTF-8` where that locale is not installed (CI, this machine): the lab
/// speaks Chinese, and readline reads `中` as one character (C.UTF-8 taken instead),
/// so moving the cursor back one character over `中文` lands between the two.
@Suite struct MissingChineseLocaleTests {
    @Test func chineseAndWholeCharactersWithoutTheLocale() throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        var environment = LabBinary.environment(folder: folder)
        environment["LANG"] = "zh_CN.UTF-8"
        let session = try PtySession(environment: environment)
        let banner = try session.expect("lstmlab fwd 0/5 bwd 0/5> ")
        #expect(banner.contains("LSTMLab：一个可以逐个时间步单步执行的双向 LSTM。"))
        // Ctrl-B moves back one character: with a byte-wise locale it would split 文 and the quote would be garbage.
        session.send("set lang 中文\u{02}x\r")
        let reply = try session.expect("lstmlab fwd 0/5 bwd 0/5> ")
        #expect(reply.contains("\n错误：lang 只能是 en 或 zh，不能是 '中x文'"), "\(reply)")
        session.send("quit\r")
        #expect(try session.exitStatus() == 0)
    }
}
