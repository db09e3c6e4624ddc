import Foundation
import LabText
import Testing

@testable import lstmlab

/// The binary without a terminal: `-c`, FILE, piped input, flags.
@Suite("Script mode of the binary")
struct ScriptModeTests {
    /// A bare environment; script mode keeps no history, so HOME can point nowhere.
    private func env() -> [String: String] {
        LabBinary.environment(folder: URL(fileURLWithPath: "/nonexistent-lstmlab-e2e"))
    }

    @Test func unknownCommandInDashCSuggestsAndExitsOne() throws {
        let r = try ScriptRun.run(["-c", "stpe"], environment: env())
        #expect(r.stderr == "-c:1: error: unknown command 'stpe' (did you mean 'step'?)\n  stpe\n  ^\n")
        #expect(r.stdout == "")
        #expect(r.status == 1)
    }

    @Test func firstErrorStopsUnlessKeepGoing() throws {
        let stopped = try ScriptRun.run(["-c", "stpe; step fwd"], environment: env())
        #expect(stopped.status == 1)
        #expect(!stopped.stdout.contains("fwd step 1/5"))

        let r = try ScriptRun.run(["--keep-going", "-c", "stpe; step fwd; xyzzy"], environment: env())
        #expect(r.stdout.contains("fwd step 1/5: read x[:, 0, :] → h_f[0]"))
        #expect(
            r.stderr == """
                -c:1: error: unknown command 'stpe' (did you mean 'step'?)
                  stpe
                  ^
                -c:3: error: unknown command 'xyzzy'
                   xyzzy
                   ^

                """)
        #expect(r.status == 1)
    }

    @Test func fileErrorsNameTheFileAndLine() throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        let file = folder.appendingPathComponent("script.lab")
        try Data("step\n# a comment\nxyzzy\nstep\n".utf8).write(to: file)
        let r = try ScriptRun.run([file.path], environment: LabBinary.environment(folder: folder))
        #expect(r.stderr == "\(file.path):3: error: unknown command 'xyzzy'\n  xyzzy\n  ^\n")
        #expect(r.stdout.contains("fwd step 1/5"))
        #expect(!r.stdout.contains("fwd step 2/5"))
        #expect(r.status == 1)
    }

    @Test func pipedInputBehavesLikeAFile() throws {
        let r = try ScriptRun.run([], stdin: "step\nstpe\n", environment: env())
        #expect(r.stderr == "<stdin>:2: error: unknown command 'stpe' (did you mean 'step'?)\n  stpe\n  ^\n")
        #expect(r.stdout.contains("fwd step 1/5"))
        #expect(!r.stdout.contains("lstmlab fwd"))
        #expect(r.status == 1)

        let ok = try ScriptRun.run([], stdin: "step both 2\ninfo\n", environment: env())
        #expect(ok.stderr == "")
        #expect(ok.stdout.contains("fwd      2/5 steps, next reads t=2"))
        #expect(ok.status == 0)
    }

    /// `lstmlab bench --json`: one JSON object with the fields the issue names.
    @Test func benchJSONIsOneObject() throws {
        let r = try ScriptRun.run(
            ["bench", "--shape", "1,2,3,4", "--threads", "1", "--repeat", "1", "--json"], environment: env())
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(
            object?["B"] as? Int == 1 && object?["T"] as? Int == 2 && object?["D"] as? Int == 3
                && object?["H"] as? Int == 4)
        #expect(object?["threads"] as? Int == 1)
        let modes = (object?["results"] as? [[String: Any]])?.compactMap { $0["mode"] as? String }
        #expect(modes == ["per-gate", "fused", "hoisted"])
        for result in object?["results"] as? [[String: Any]] ?? [] {
            #expect(result["median_ms"] is Double && result["min_ms"] is Double && result["gflops"] is Double)
        }
        #expect((object?["kernels"] as? String)?.hasPrefix("OpenBLAS") == true)
    }

    /// `lstmlab bench --paced`: one JSON line per requested part, in order;
    /// blank lines and comments skipped; a line naming no part stops the
    /// program with its line number and status 1.
    @Test func benchPacedAnswersEachLine() throws {
        let args = ["bench", "--shape", "2,3,4,5", "--threads", "1", "--paced"]
        let r = try ScriptRun.run(args, stdin: "hoisted\n\n# the lab's run\nrun\r\n  per-gate  \n", environment: env())
        #expect(r.stderr == "")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.compactMap { $0["mode"] as? String } == ["hoisted", "run", "per-gate"])
        #expect(objects.allSatisfy { ($0["ms"] as? Double ?? 0) > 0 })

        let bad = try ScriptRun.run(args, stdin: "fused\nfaster\nhoisted\n", environment: env())
        #expect(
            bad.stderr
                == "lstmlab bench: line 2: 'faster' is not a part to time (one of per-gate, fused, hoisted, run)\n")
        #expect(bad.stdout.split(separator: "\n").count == 1)
        #expect(bad.status == 1)
    }

    @Test func badFlagIsAUsageError() throws {
        let r = try ScriptRun.run(["--bogus"], environment: env())
        #expect(r.stderr.contains("Unknown option '--bogus'"))
        #expect(r.status == 2)
    }

    @Test func computeLimitIsAFlagNamedInTheRefusal() throws {
        let r = try ScriptRun.run(
            ["--compute-limit", "1", "-c", "init pytorch; sizes H=1000; init tutorial"], environment: env())
        #expect(
            r.stderr
                == "-c:3: error: init tutorial at D=8 H=1000 would need about 29.7 GFLOP of floating-point work, over the compute limit of 1.0 GFLOP (start with --compute-limit GFLOP to raise it)\n"
        )
        #expect(r.status == 1)
        let bad = try ScriptRun.run(["--compute-limit", "0", "-c", "info"], environment: env())
        #expect(bad.stderr.contains("--compute-limit must be from 1 to 1000000000 GFLOP"))
        #expect(bad.status == 2)
        let help = try ScriptRun.run(["--help"], environment: env())
        #expect(help.stdout.contains("--compute-limit <GFLOP>"))
    }
}

/// `--help` speaks Chinese when the language is zh, by `--lang` or by the locale.
@Suite struct ChineseHelpFlagTests {
    @Test func languageOfHelp() {
        #expect(ChineseHelp.language(["--help", "--lang", "zh"], [:]) == .zh)
        #expect(ChineseHelp.language(["--lang=zh", "-h"], ["LANG": "en_US.UTF-8"]) == .zh)
        #expect(ChineseHelp.language(["--help"], ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(ChineseHelp.language(["--help", "--lang", "en"], ["LANG": "zh_CN.UTF-8"]) == .en)
        #expect(ChineseHelp.language(["--help"], ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(ChineseHelp.text.hasPrefix("概要：逐个时间步单步执行双向 LSTM"))
        // A --lang that names no language leaves the choice to the locale.
        #expect(ChineseHelp.language(["--lang", "fr"], ["LANG": "zh_CN.UTF-8"]) == .zh)
    }

    /// A bad command line in Chinese: the lab's own refusals and the argument parser's, then the usage.
    @Test func usageErrorsSpeakChinese() throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        var environment = LabBinary.environment(folder: folder)
        environment["LANG"] = "zh_CN.UTF-8"
        let usage = "\n用法：lstmlab [<选项>] [FILE]\n  详见 lstmlab --help。\n"
        for (arguments, said) in [
            (["-c", "step", "x.lab"], "-c 和 FILE 只能给一个"),
            (["--lesson", "0"], "--lesson 必须在 1 到 999 之间"),
            (["--auto"], "--auto、--pace 和 --present 要和 --lesson N 一起用"),
            (["--lang", "fr"], "--lang 只能是 en 或 zh，不能是 'fr'"),
            (["--bogus"], "没有这个选项：'--bogus'"),
            (["--threads", "x"], "'--threads <N>' 不能取 'x'"),
            (["a", "b"], "多余的参数：'b'"),
        ] {
            let r = try ScriptRun.run(arguments, environment: environment)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stderr == "错误：" + said + usage, "\(arguments)")
        }
        // `lstmlab bench` follows the locale too.
        let bench = try ScriptRun.run(["bench", "--shape", "2,3,4,5", "--repeat", "1"], environment: environment)
        #expect(bench.status == 0)
        #expect(bench.stdout.hasPrefix("bench B=2 T=3 D=4 H=5，threads "), "\(bench.stdout)")
        #expect(bench.stdout.contains("\n  计算内核：OpenBLAS（"), "\(bench.stdout)")
        environment["LANG"] = "C.UTF-8"
        let english = try ScriptRun.run(["--bogus"], environment: environment)
        #expect(english.stderr.hasPrefix("Error: Unknown option '--bogus'\nUsage: lstmlab"))
    }
}
