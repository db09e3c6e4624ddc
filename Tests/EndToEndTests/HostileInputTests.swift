import Foundation
import Testing

/// Issue 13 through the real binary: paths, FIFOs, CRLF files, signals and exit statuses.
@Suite("Hostile input to the binary (issue 13)")
struct HostileInputTests {
    /// A scratch folder as the current directory of one run.
    private func withFolder(_ body: (URL, [String: String]) throws -> Void) throws {
        let folder = try LabBinary.temporaryFolder()
        defer { LabBinary.remove(folder) }
        try body(folder, LabBinary.environment(folder: folder))
    }

    private func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Row 1: one-UTF-16-unit folder names trapped in NSString.deletingLastPathComponent.
    @Test(arguments: ["a", "a/", "步", " ", "\u{200B}", "e\u{301}", "./x", "x//"])
    func exportToShortFolderNames(_ name: String) throws {
        try withFolder { folder, env in
            let work = folder.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let r = try ScriptRun.run(["-c", "run; export \"\(name)\""], environment: env, currentDirectory: work)
            #expect(r.status == 0, "\(r.stderr)")
            let shown = name.hasSuffix("/") ? name : name + "/"
            #expect(r.stdout.contains("exported to \(shown): y.npy [3, 5, 32]"))
            let made = work.appendingPathComponent(name).appendingPathComponent("y.npy")
            #expect(FileManager.default.fileExists(atPath: made.path))
        }
    }

    /// Row 14: `export D/` said `exported to D//:` (as `export /` said `//`).
    @Test func exportedFolderHasOneSlash() throws {
        try withFolder { folder, env in
            let r = try ScriptRun.run(["-c", "run; export D/"], environment: env, currentDirectory: folder)
            #expect(r.stdout.contains("exported to D/: y.npy"))
            #expect(!r.stdout.contains("D//"))
        }
    }

    /// Row 2: a combining mark after a space is refused, not dropped (it exported to `ab/`).
    @Test func combiningMarkAfterASpaceIsRefused() throws {
        try withFolder { folder, env in
            let r = try ScriptRun.run(["-c", "export \u{301}ab"], environment: env, currentDirectory: folder)
            #expect(r.status == 1)
            #expect(
                r.stderr == "-c:1: error: a combining mark (U+301) follows a space: it has no letter to go on; "
                    + "remove it, or put the word in quotes\n  export \u{301}ab\n        ^\n")
            #expect(names(in: folder) == [])
        }
    }

    /// Row 3: past the machine's memory an allocation is refused with a message, the session kept.
    @Test func allocationFailureIsRefused() throws {
        try withFolder { folder, env in
            let script =
                "ulimit -v 6000000; exec \"$0\" --memory-limit 1073741824 "
                + "-c 'sizes B=3 T=16777216 D=8 H=16; step; run'"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, LabBinary.path]
            process.environment = env
            let err = Pipe()
            process.standardError = err
            process.standardOutput = Pipe()
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 1)
            #expect(text.hasPrefix("-c:1: error: sizes B=3 T=16777216 D=8 H=16: could not allocate 102.0 GiB"))
            let keep = try ScriptRun.run(
                [
                    "--keep-going", "--memory-limit", "1073741824", "-c",
                    "sizes B=3 T=16777216 D=8 H=16; step; info",
                ], environment: env)
            #expect(keep.stdout.contains("fwd step 1/5"))
        }
    }

    /// Row 4 and 13: FIFOs and devices are refused by name at once (open blocked on a FIFO).
    @Test func fifosAndDevicesAreRefusedByName() throws {
        try withFolder { folder, env in
            let fifo = folder.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let load = try ScriptRun.run(
                ["--keep-going", "-c", "load input \(fifo); load weights \(fifo); load h0 /dev/zero"],
                environment: env)
            #expect(
                load.stderr == """
                    -c:1: error: \(fifo): is a FIFO (named pipe), not a regular file
                    -c:2: error: \(fifo): is a FIFO (named pipe), not a regular file
                    -c:3: error: /dev/zero: is a character device, not a regular file

                    """)
            let script = try ScriptRun.run([fifo], environment: env)
            #expect(script.status == 2)
            #expect(script.stderr == "lstmlab: \(fifo): is a FIFO (named pipe), not a regular file\n")
            let zero = try ScriptRun.run(["/dev/zero"], environment: env)
            #expect(zero.status == 2)
            #expect(zero.stderr == "lstmlab: /dev/zero: is a character device, not a regular file\n")
        }
    }

    /// Row 8: CRLF scripts and a last line without a newline run line by line.
    @Test func crlfScriptsRunEveryLine() throws {
        try withFolder { folder, env in
            let file = folder.appendingPathComponent("crlf.lab")
            try Data("step\r\n# comment\r\nstep fwd\r\nstep".utf8).write(to: file)
            let r = try ScriptRun.run([file.path], environment: env)
            #expect(r.stderr == "")
            #expect(r.status == 0)
            #expect(r.stdout.contains("fwd step 3/5"))
            let piped = try ScriptRun.run([], stdinBytes: Data("step\r\nstep\r\nstp\r\n".utf8), environment: env)
            #expect(piped.stderr == "<stdin>:3: error: unknown command 'stp' (did you mean 'step'?)\n  stp\n  ^\n")
        }
    }

    /// Row 13: one line that is not UTF-8 is reported by number in a FILE and on stdin alike.
    @Test func invalidUTF8LineIsReportedByNumber() throws {
        try withFolder { folder, env in
            var bytes = Data("step\nstep \u{00}".utf8)
            bytes.removeLast()
            bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
            bytes.append(Data("info\n".utf8))
            let file = folder.appendingPathComponent("bad.lab")
            try bytes.write(to: file)
            let fromFile = try ScriptRun.run([file.path], environment: env)
            #expect(fromFile.status == 1)
            #expect(fromFile.stderr == "\(file.path):2: error: the line is not valid UTF-8 text; it was not run\n")
            #expect(fromFile.stdout.contains("fwd step 1/5"))
            let piped = try ScriptRun.run([], stdinBytes: bytes, environment: env)
            #expect(piped.status == 1)
            #expect(piped.stderr == "<stdin>:2: error: the line is not valid UTF-8 text; it was not run\n")
            let chinese = try ScriptRun.run(["--lang", "zh", file.path], environment: env)
            #expect(chinese.stderr == "\(file.path):2: 错误：这一行不是有效的 UTF-8 文本，没有执行\n")
        }
    }

    /// Row 14: `bench` names itself when its sizes overflow the estimate.
    @Test func benchNamesItself() throws {
        try withFolder { _, env in
            let r = try ScriptRun.run(["-c", "bench 16777216,16777216,16777216,16777216"], environment: env)
            #expect(
                r.stderr == "-c:1: error: bench B=16777216 T=16777216 D=16777216 H=16777216: the sizes are too large "
                    + "to count (their memory estimate overflows)\n")
        }
    }

    /// Rows 5 and 6: an export replaces the folder's earlier export set, and removes
    /// temporaries of its own naming that a killed export left; nothing else is touched.
    @Test func exportReplacesTheEarlierSet() throws {
        try withFolder { folder, env in
            let first = try ScriptRun.run(["-c", "run; export D"], environment: env, currentDirectory: folder)
            #expect(first.status == 0)
            let d = folder.appendingPathComponent("D")
            for name in [".y.npy.tmp-1f2e3d", "notes.txt", ".notes.txt.tmp-12", ".y.npy.tmp-xyz"] {
                try Data("x".utf8).write(to: d.appendingPathComponent(name))
            }
            var wide = env
            wide["COLUMNS"] = "300"
            let second = try ScriptRun.run(["-c", "step fwd; export D"], environment: wide, currentDirectory: folder)
            #expect(second.status == 0)
            #expect(
                second.stdout.contains(
                    """
                        removed from an earlier export, so the folder holds one state: y.npy, h_n.npy, c_n.npy, \
                    bwd_gates_pre.npy, bwd_gates.npy, bwd_c.npy, bwd_h.npy
                        removed 1 temporary file left by an export that was killed
                    """))
            #expect(
                names(in: d) == [
                    ".notes.txt.tmp-12", ".y.npy.tmp-xyz", "fwd_c.npy", "fwd_gates.npy",
                    "fwd_gates_pre.npy", "fwd_h.npy", "notes.txt",
                ])
        }
    }

    /// Row 6: SIGTERM during a large export ends the program by SIGTERM with no
    /// temporary file left (155 MB of `.….npy.tmp-…` were seen). The signal is sent as
    /// soon as a temporary file appears, so it lands inside a write.
    @Test func sigtermDuringExportLeavesNoTemporaryFile() throws {
        try withFolder { folder, env in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LabBinary.path)
            process.arguments = ["-c", "sizes B=64 T=1000 D=8 H=64; run; export E"]
            process.environment = env
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let e = folder.appendingPathComponent("E")
            var sawTemporary = false
            while process.isRunning && !sawTemporary {
                sawTemporary = names(in: e).contains { $0.contains(".tmp-") }
                if !sawTemporary { usleep(20_000) }
            }
            process.terminate()  // SIGTERM
            process.waitUntilExit()
            #expect(sawTemporary)
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(process.terminationStatus == SIGTERM)
            #expect(!names(in: e).contains { $0.contains(".tmp-") })
        }
    }

    /// Rows 1, 4 and 14: a history path of one character that does not exist yet (it
    /// trapped at the first line), a FIFO (it hung at start) and a folder ("Invalid argument").
    @Test func historyPathsThatAreShortFifosOrFolders() throws {
        try withFolder { folder, env in
            var e = env
            e["LSTMLAB_HISTORY"] = "h"
            let short = try PtySession(environment: e, currentDirectory: folder)
            try short.expect("> ")
            short.send("step\r")
            try short.expect("fwd 1/5 bwd 1/5> ")
            short.send("\u{04}")
            #expect(try short.exitStatus() == 0)
            #expect(try String(contentsOf: folder.appendingPathComponent("h"), encoding: .utf8) == "step\n")

            let fifo = folder.appendingPathComponent("fifo").path
            #expect(mkfifo(fifo, 0o600) == 0)
            e["LSTMLAB_HISTORY"] = fifo
            let piped = try PtySession(environment: e)
            let start = try piped.expect("> ")
            #expect(
                start.contains(
                    "lstmlab: warning: history will not be saved: \(fifo) is a FIFO (named pipe), not a regular file"))
            piped.send("\u{04}")
            #expect(try piped.exitStatus() == 0)

            e["LSTMLAB_HISTORY"] = folder.path
            let dir = try PtySession(environment: e)
            let started = try dir.expect("> ")
            #expect(
                started.contains(
                    "lstmlab: warning: history will not be saved: \(folder.path) is a folder, not a history file"))
            dir.send("\u{04}")
            #expect(try dir.exitStatus() == 0)
        }
    }
}
