import Foundation
import LSTMCore
import LessonKit
import TensorExpr
import TensorFiles
import Testing

@testable import LabShell

/// Replays every committed libFuzzer seed and crash (fuzz/corpus/TARGET,
/// fuzz/crashes/TARGET) through the same entry points as the fuzz targets in
/// fuzz/targets/, without the fuzzer: no input traps, and each either loads or is
/// refused with the file named and a reason.
@Suite struct CorpusRegressionTests {
    static let fuzzFolder = FuzzLab.repositoryRoot.appendingPathComponent("fuzz")

    /// Every committed input of a target: seeds first, then crashes.
    static func inputs(_ target: String) -> [String] {
        ["corpus", "crashes"].flatMap { kind -> [String] in
            let dir = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(kind)/\(target)/\($0)" }
        }
    }

    static func bytes(_ input: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fuzzFolder.appendingPathComponent(input)))
    }

    @Test func everyTargetHasSeeds() {
        for target in ["CommandLine", "Expression", "NPY", "SafeTensors", "Lesson", "Progress"] {
            #expect(Self.inputs(target).count >= 2, "fuzz/corpus/\(target) has no seeds")
        }
    }

    @Test(arguments: inputs("NPY"))
    func npy(_ input: String) throws {
        do {
            let t = try NPY.decode(try Self.bytes(input), file: "fuzz.npy", maxBytes: 1 << 20)
            #expect(Tensor.elementCount(t.shape) == t.count)
            let again = try NPY.decode(NPY.encode(t), file: "again.npy", maxBytes: 1 << 22)
            #expect(again.shape == t.shape)
        } catch let error as FileFormatError {
            #expect(error.file == "fuzz.npy")
            #expect(!error.reason.isEmpty)
        }
    }

    @Test(arguments: inputs("SafeTensors"))
    func safetensors(_ input: String) throws {
        let tensors: [String: Tensor]
        do {
            tensors = try SafeTensors.decode(try Self.bytes(input), file: "fuzz.safetensors", maxBytes: 1 << 20)
        } catch let error as FileFormatError {
            #expect(error.file == "fuzz.safetensors" && !error.reason.isEmpty)
            return
        }
        for t in tensors.values { #expect(Tensor.elementCount(t.shape) == t.count) }
        do {
            let p = try StateDict.parameters(from: tensors, file: "fuzz.safetensors")
            #expect(p.forward.wIH.rows == 4 * p.hiddenSize)
        } catch {
            #expect(error.file == "fuzz.safetensors" && !error.reason.isEmpty)
        }
    }

    @Test(arguments: inputs("Lesson"))
    func lesson(_ input: String) throws {
        let source = String(decoding: try Self.bytes(input), as: UTF8.self)
        switch Self.parseLesson(source) {
        case .failure(let errors):
            #expect(!errors.errors.isEmpty)
            for e in errors.errors { #expect(e.file == "fuzz.md" && e.line >= 1 && !e.message.isEmpty) }
        case .success(let lesson):
            var lab = FuzzLab.make()
            Self.play(
                lesson,
                words: [.next, .hint, .answer(String(source.prefix(20))), .skip, .solution, .back, .next, .next],
                on: &lab)
            #expect(FuzzLab.invariantViolations(lab).isEmpty)
        }
    }

    static func parseLesson(_ source: String) -> Result<Lesson, LessonErrors> {
        do { return .success(try LessonParser.parse(source, file: "fuzz.md", language: "en")) } catch {
            return .failure(error)
        }
    }

    static func play(_ lesson: Lesson, words: [PlayerCommand], on lab: inout Lab) {
        var player = LessonPlayer(lesson: lesson)
        player.start(host: &lab.interpreter) { _ in }
        for w in words {
            guard player.isActive else { break }
            player.handle(w, host: &lab.interpreter) { _ in }
        }
    }

    @Test(arguments: inputs("CommandLine"))
    func commandLine(_ input: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var lab = FuzzLab.make()
        let text = String(decoding: try Self.bytes(input), as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(32) {
            // As the fuzz target does: writes go to the scratch folder, bench is not run.
            let command: Command
            do {
                guard let c = try lab.parser.parse(String(line)) else { continue }
                command = c
            } catch {
                #expect(FuzzLab.isClearError("\(error)"))
                continue
            }
            let safe: Command
            switch command {
            case .saveWeights: safe = .saveWeights(path: scratch.path + "/w.safetensors")
            case .saveValue(let e, _): safe = .saveValue(e, path: scratch.path + "/v.npy")
            case .export: safe = .export(path: scratch.path + "/out")
            case .bench: continue
            default: safe = command
            }
            do { _ = try lab.execute(safe) } catch { #expect(FuzzLab.isClearError("\(error)"), "\(line) → \(error)") }
            #expect(FuzzLab.invariantViolations(lab).isEmpty, "after \(line)")
        }
    }

    /// As fuzz/targets/Expression.swift: a value, or an error with a message and a caret inside the text.
    @Test(arguments: inputs("Expression"))
    func expression(_ input: String) throws {
        let source = String(decoding: try Self.bytes(input), as: UTF8.self)
        let env = DictionaryEnvironment([
            "a": ExprTensor(shape: [2, 3, 4], data: (0..<24).map { Float($0) / 7 - 1 }, axes: ["b", "t", "unit"]),
            "m": ExprTensor(shape: [3, 4], data: (0..<12).map { Float($0) - 5 }),
            "v": ExprTensor(shape: [4], data: [1, -2, 0.5, 3]),
            "c_f": ExprTensor(
                shape: [5, 2, 3], data: (0..<30).map { Float($0) }, axes: ["t", "b", "unit"],
                pending: Pending(
                    name: "c_f", known: [true, true, false, false, false],
                    forward: true, taken: 2, total: 5)),
        ])
        do {
            if case .tensor(let t) = try Evaluator.evaluate(
                source, in: env, budget: Budget(memoryLimit: 1 << 20, computeLimit: 1e7))
            {
                #expect(ExprTensor.count(t.shape) == t.data.count)
            }
        } catch {
            #expect(!error.message.isEmpty)
            if let r = error.range { #expect(r.lowerBound >= 0 && r.lowerBound <= source.count) }
        }
    }

    @Test(arguments: inputs("Progress"))
    func progress(_ input: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let url = URL(fileURLWithPath: scratch.path).appendingPathComponent("progress.json")
        try Data(try Self.bytes(input)).write(to: url)
        var lab = FuzzLab.make(lessonsIn: scratch.path)
        lab.lessons.config?.progressURL = url
        for line in [
            "lesson list", "lesson resume", "hint", "hint", "answer 3", "skip", "next", "quit", "lesson list",
            "lesson reset 1",
        ] {
            let r = lab.handle(line)
            if let e = r.error { #expect(FuzzLab.isClearError(e), "\(line) → \(e)") }
        }
        #expect(!lab.inLesson)
    }
}
