import Foundation
import Testing

/// `lstmlab --lesson N --auto`: the exit status and the FILE:LINE of a failure.
@Suite struct LauncherTests {
    static var binary: URL? {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
            .map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("lstmlab") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func run(_ args: [String], environment: [String: String]) throws -> (Int32, String, String) {
        let binary = try #require(LauncherTests.binary)
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func autoPlaysALessonAndExitsZero() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("launch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let (status, out, err) = try run(
            ["--lesson", "7", "--auto", "--color", "never"],
            environment: [
                "LSTMLAB_LESSONS": CourseTests.root.path, "LSTMLAB_STATE_DIR": state.path,
                "LANG": "zh_CN.UTF-8",
            ])
        #expect(status == 0)
        #expect(err == "")
        #expect(out.hasPrefix("━━ 第 7 课：手算一步 ━━"))
        #expect(out.contains("lstmlab> answer -0.73246"))
        #expect(out.hasSuffix("━━ 第 7 课完成：5 道题答对 5 道，用了 0 条提示。 ━━\n"))
        // --auto leaves the learner's progress alone
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("progress.json").path))
    }

    @Test func aFailingLessonExitsOneWithFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("launch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let en = dir.appendingPathComponent("lessons/en")
        try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
        try Data("---\nid: 2\ntitle: Broken\n---\n## S\n```lab\nstep fwd\nshow gates bwd\n```\n".utf8)
            .write(to: en.appendingPathComponent("02-broken.md"))
        let (status, _, err) = try run(
            ["--lesson", "2", "--auto", "--lang", "en"],
            environment: [
                "LSTMLAB_LESSONS": dir.appendingPathComponent("lessons").path,
                "LSTMLAB_STATE_DIR": dir.path,
            ])
        #expect(status == 1)
        #expect(
            err
                == "lessons/en/02-broken.md:8: error: 'show gates bwd': gates bwd: the backward direction has not taken a step yet (try 'step bwd')\n"
        )
        let (missing, _, missingErr) = try run(
            ["--lesson", "9", "--auto"],
            environment: ["LSTMLAB_LESSONS": dir.appendingPathComponent("lessons").path])
        // A lesson that does not exist is bad usage, like --lesson 0 (issue 13 row 13).
        #expect(missing == 2)
        #expect(missingErr == "lstmlab: --lesson 9: no such lesson; lessons are 2\n")
        let (_, _, chineseErr) = try run(
            ["--lesson", "9", "--lang", "zh"],
            environment: ["LSTMLAB_LESSONS": dir.appendingPathComponent("lessons").path])
        #expect(chineseErr == "lstmlab: --lesson 9：没有这一课；现有的课是 2\n")
        let (missingPlain, _, _) = try run(
            ["--lesson", "9"], environment: ["LSTMLAB_LESSONS": dir.appendingPathComponent("lessons").path])
        #expect(missingPlain == 2)
        let (usage, _, _) = try run(["--auto"], environment: [:])
        #expect(usage == 2)
    }
}
