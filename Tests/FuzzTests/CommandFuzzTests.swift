import Foundation
import LSTMCore
import TensorFiles
import Testing

@testable import LabShell

#if canImport(Glibc)
    import Glibc
#endif

/// The seeded command fuzzer: thousands of hostile lines through the real
/// `Lab.handle`, the session checked after every one.
@Suite struct CommandFuzzTests {
    /// Seeds and line counts: 4 × 3,000 = 12,000 lines per `make test`.
    /// `LSTMLAB_FUZZ_EXTRA_SEEDS=N` adds seeds 1000…1000+N-1 for a longer run by hand.
    static let seeds: [UInt64] =
        [1, 2, 3, 20_261_128]
        + (1000..<(1000
            + UInt64(ProcessInfo.processInfo.environment["LSTMLAB_FUZZ_EXTRA_SEEDS"].flatMap { UInt64($0) } ?? 0)))
    static let linesPerSeed = 3_000

    @Test(arguments: seeds)
    func hostileLinesNeverBreakTheSession(seed: UInt64) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        // Half the seeds play the real lessons (progress kept in the scratch folder).
        var lab = FuzzLab.make(lessonsIn: seed % 2 == 0 ? nil : scratch.path, language: seed % 4 == 1 ? "en" : "zh")
        var generator = LineGenerator(
            seed: seed, readablePaths: try scratch.readablePaths(),
            writablePaths: scratch.writablePaths)
        var errors = 0
        // LSTMLAB_FUZZ_LOG=FILE logs each line before it runs: after a trap, the last line is the culprit.
        let log = ProcessInfo.processInfo.environment["LSTMLAB_FUZZ_LOG"].flatMap { FuzzLog(path: "\($0).\(seed)") }
        for index in 0..<Self.linesPerSeed {
            let line = generator.line()
            log?.write("> \(line.debugDescription)   [\(lab.prompt)]\n")
            let started = ContinuousClock.now
            let result = lab.handle(line)
            if let log {
                log.write(result.error.map { "error: \($0)\n" } ?? "\(result.output.prefix(300))\n")
                log.write("  (\(ContinuousClock.now - started))\n")
            }
            let context = "seed \(seed) line \(index): \(line.debugDescription.prefix(200))"
            if let error = result.error {
                errors += 1
                #expect(FuzzLab.isClearError(error), "\(context) → unclear error \(error.debugDescription.prefix(300))")
            }
            if result.error == nil && result.output.isEmpty {
                // Only a blank line, a comment, quit or clear may answer with nothing.
                let silent =
                    (try? Tokenizer.tokenize(line))?.first.map { ["quit", "exit", "lesson"].contains($0.text) } ?? false
                let blank = (try? Tokenizer.tokenize(line))?.isEmpty ?? false
                #expect(silent || blank || result.clearsScreen, "\(context) → no output and no error")
            }
            let broken = FuzzLab.invariantViolations(lab)
            #expect(broken.isEmpty, "\(context) → \(broken)")
            if !broken.isEmpty { return }
        }
        // Most hostile lines are refused, and some drive the session.
        #expect(errors > Self.linesPerSeed / 4)
        #expect(errors < Self.linesPerSeed)
        FuzzLab.expectUsable(&lab, context: "after seed \(seed)")
        // Nothing escaped the scratch folder's write targets.
        #expect(!FileManager.default.fileExists(atPath: "/proc/version/out"))
    }
}

/// A lab as the fuzzer uses it: a small memory limit, so sizes stay cheap and
/// the refusal path runs often.
enum FuzzLab {
    static let memoryLimit = 64 << 10

    static func make(lessonsIn progressFolder: String? = nil, language: String = "en") -> Lab {
        var settings = Session.Settings()
        settings.memoryLimit = memoryLimit
        settings.threads = 1
        var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
        if let progressFolder {
            lab.lessons = LessonDriver(
                config: LessonConfig(
                    root: repositoryRoot.appendingPathComponent("lessons"), language: language,
                    progressURL: URL(fileURLWithPath: progressFolder).appendingPathComponent("progress.json")))
        }
        return lab
    }

    /// The package folder (this file is Tests/FuzzTests/CommandFuzzTests.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An error a learner can read: words, not a Swift value dump.
    static func isClearError(_ error: String) -> Bool {
        let dumps = [
            "Optional(", "Swift.", "LSTMCore.", "LabShell.", "TensorFiles.", "LessonKit.", "Error(", "(file:",
            "reason:", "rawValue:",
            "NSCocoaErrorDomain", "could not be completed", "for axis",
        ]
        return !error.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !dumps.contains { error.contains($0) }
    }

    /// What is wrong with the session's shape bookkeeping, if anything.
    static func invariantViolations(_ lab: Lab) -> [String] {
        let s = lab.session
        let st = s.stepper
        let z = s.sizes
        var broken: [String] = []
        for d in Direction.allCases where !(0...st.length).contains(st.cursor(d)) {
            broken.append("\(d.short) cursor \(st.cursor(d)) outside 0…\(st.length)")
        }
        // With layers, the stepper shows the chosen layer, which reads the layer below's y (2H wide).
        let inputs = s.layer > 0 ? 2 * z.hiddenSize : z.inputSize
        if [st.batch, st.length, st.inputSize, st.hiddenSize] != [z.batch, z.length, inputs, z.hiddenSize] {
            broken.append(
                "stepper [\(st.batch), \(st.length), \(st.inputSize), \(st.hiddenSize)] disagrees with sizes \(z)")
        }
        if s.input.shape != [z.batch, z.length, z.inputSize] { broken.append("input shape \(s.input.shape)") }
        for d in Direction.allCases {
            let p = s.parameters[d]
            if p.wIH.rows != 4 * z.hiddenSize || p.wIH.cols != z.inputSize {
                broken.append("W_ih \(p.wIH.rows)×\(p.wIH.cols)")
            }
            if p.wHH.rows != 4 * z.hiddenSize || p.wHH.cols != z.hiddenSize {
                broken.append("W_hh \(p.wHH.rows)×\(p.wHH.cols)")
            }
            if p.bIH.count != 4 * z.hiddenSize || p.bHH.count != 4 * z.hiddenSize { broken.append("bias counts") }
            if st.traces[d].count != st.cursor(d) { broken.append("trace count") }
        }
        for (name, t) in [("h0", s.h0), ("c0", s.c0)] {
            if let t, t.shape != [2, z.batch, z.hiddenSize] { broken.append("\(name) shape \(t.shape)") }
        }
        if s.watches.count > Session.maxWatches { broken.append("\(s.watches.count) watches") }
        if !(0...10).contains(s.settings.precision) { broken.append("precision \(s.settings.precision)") }
        if s.settings.memoryLimit != memoryLimit { broken.append("memory limit changed") }
        return broken
    }

    /// The session still answers the everyday commands.
    static func expectUsable(_ lab: inout Lab, context: String) {
        for _ in 0..<3 where lab.inLesson { _ = lab.handle("quit") }
        #expect(!lab.inLesson, "\(context): 'quit' did not leave the lesson")
        // A layer above 0 cannot step before the layer below it has (by design): start from layer 0.
        if lab.session.layerCount > 1 { _ = lab.handle("layer 0") }
        for line in ["info", "reset", "step", "show h fwd", "show x", "back", "goto end", "show y", "diagram"] {
            let r = lab.handle(line)
            #expect(r.error == nil, "\(context): '\(line)' → \(r.error ?? "")")
            #expect(!r.output.isEmpty, "\(context): '\(line)' printed nothing")
        }
        #expect(invariantViolations(lab).isEmpty)
        #expect(lab.session.stepper.isComplete, "\(context): goto end did not finish both directions")
    }
}

/// A fresh folder of files the fuzzer may read, and the only places it may write.
struct ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lstmlab-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes the fixtures and returns them with missing and odd paths.
    func readablePaths() throws -> [String] {
        let x = try Tensor(shape: [3, 5, 8], data: (0..<120).map { Float($0) / 100 })
        let h0 = try Tensor(shape: [2, 3, 16], data: [Float](repeating: 0.5, count: 96))
        let tiny = try Tensor(shape: [1, 1, 1], data: [2])
        let big = Float.greatestFiniteMagnitude
        let huge = try Tensor(shape: [3, 5, 8], data: (0..<120).map { $0 % 3 == 0 ? big : -big })
        let hugeState = try Tensor(shape: [2, 3, 16], data: [Float](repeating: -big, count: 96))
        let valid = NPY.encode(x)
        var nan = NPY.encode(tiny)
        nan.replaceSubrange((nan.count - 4)..., with: [0, 0, 0xC0, 0x7F])
        let absurd =
            Array("\u{93}NUMPY".unicodeScalars.map { UInt8($0.value) }) + [1, 0, 70, 0]
            + Array("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000, 100000000, 8), }".utf8) + [0x0A]
        let files: [(String, [UInt8])] = [
            ("x.npy", valid),
            ("h0.npy", NPY.encode(h0)),
            ("tiny.npy", NPY.encode(tiny)),
            ("huge.npy", NPY.encode(huge)),
            ("huge-state.npy", NPY.encode(hugeState)),
            ("nan.npy", nan),
            ("empty.npy", []),
            ("truncated.npy", Array(valid.prefix(40))),
            ("short-data.npy", Array(valid.dropLast(7))),
            ("absurd.npy", absurd),
            ("text.npy", Array("hello, not numpy\n".utf8)),
            ("weights.safetensors", Array(valid.prefix(200))),
            ("lesson.txt", Array("# Lesson\n\n???\n".utf8)),
            ("中文 file.npy", valid),
        ]
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: path).appendingPathComponent(name))
        }
        // Special files (issue 13 rows 4, 13): a FIFO must be refused at once, never opened.
        _ = mkfifo(path + "/fifo", 0o600)
        try Data("---\r\nid: 1\r\ntitle: CRLF\r\n---\r\n## S\r\n```lab\r\nstep\r\n```".utf8)
            .write(to: URL(fileURLWithPath: path + "/01-crlf.md"))
        return files.map { "\(path)/\($0.0)" } + [
            "\(path)/fifo", "/dev/zero", "\(path)/01-crlf.md", "\(path)//x.npy",
            "\(path)/./x.npy", "\"\(path)/e\u{301}\"",
        ] + [
            "\(path)/missing.npy", "\(path)", "\(path)/", "/nonexistent/x.npy", "/nonexistent", "/dev/null",
            "/etc/hostname", "\"\(path)/中文 file.npy\"", "'\(path)/x.npy'", "", "\"\"", "\(path)/x.npy/child",
        ]
    }

    /// Write targets: inside the scratch folder, or somewhere that cannot be written.
    var writablePaths: [String] {
        [
            "\(path)/a", "\(path)/a/", "\(path)/步", "\"\(path)/ \"", "\"\(path)/\u{200B}\"", "\"\(path)/e\u{301}\"",
            "\(path)//o",
            "\(path)/out", "\(path)/w.safetensors", "\(path)/sub/w.safetensors", "\(path)/x.npy/child",
            "\"\(path)/a b\"",
            "\(path)/x.npy", "\(path)/missing/deeper/out", "/proc/version/out", "/proc/version/w.safetensors",
            "\(path)/", "\"\"", "''",
        ]
    }
}

/// An unbuffered log, so nothing is lost when the process traps.
final class FuzzLog: Sendable {
    let fd: Int32
    init?(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { return nil }
    }
    deinit { close(fd) }
    func write(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
