import ArgumentParser
import Foundation
import LSTMCore
import LSTMKernels
import LabShell
import LabText
import TensorFiles

/// `lstmlab bench --shape B,T,D,H [--threads N] [--repeat R] [--json]`: times a
/// full bidirectional forward in each step mode (the `Benchmark` API) and
/// prints the table the shell's `bench` prints, or one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lstmlab bench",
        abstract: "Time a full bidirectional forward in each step mode (per-gate, fused, hoisted).",
        discussion: "Weights and input are drawn from a fixed seed. GFLOP/s counts the matrix products, "
            + "2·T·(2·B·D·4H + 2·B·H·4H). 'one step' is the median latency of a single step as the lab's "
            + "'step' takes it; 'run' times the lab's 'run', which keeps every step's trace (on a new stepper each "
            + "time, whose weights are packed when it is made, as the lab packs a model's weights when it is made "
            + "or loaded: the timed run projects the input itself; after one untimed run)."
    )

    @Option(help: ArgumentHelp("Batch, sequence length, input size, hidden size[, layers].", valueName: "B,T,D,H[,L]"))
    var shape: String

    @Option(
        help: ArgumentHelp(
            "'random': each sequence its own length (seed 1, 1…T, the first T), packed as "
                + "pack_padded_sequence does; times the lab's run.", valueName: "random"))
    var lengths: String?

    @Option(
        help: ArgumentHelp(
            "Threads (default: the machine's cores); 2 or more run the directions at once.", valueName: "N"))
    var threads: Int?

    @Option(
        name: .customLong("repeat"), help: ArgumentHelp("Timed forwards per mode, after one warm-up.", valueName: "R"))
    var repeats: Int = 5

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Flag(
        help: ArgumentHelp(
            "Time on request: for each line read from standard input, naming per-gate, fused, hoisted or run, "
                + "time one of it and print one JSON line {\"mode\":…,\"ms\":…}; a part's first request is "
                + "warmed up by one untimed forward first. For timing side by side with another program in the "
                + "same seconds (tools/bench_vs_torch.py --paired). --repeat and --json do not apply."))
    var paced = false

    func validate() throws {
        _ = try sizes()
        if let lengths, lengths != "random" { throw ValidationError("--lengths takes 'random', not '\(lengths)'") }
        if layers > 1 || lengths != nil, paced { throw ValidationError("--paced times one layer, full lengths") }
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be from 1 to 64") }
        guard (1...1000).contains(repeats) else { throw ValidationError("--repeat must be from 1 to 1000") }
    }

    /// `B,T,D,H`, each a whole number of at least 1.
    func sizes() throws -> LSTMSizes {
        let parts = Array(shapeParts.prefix(4))
        guard shapeParts.count == 4 || shapeParts.count == 5 else {
            throw ValidationError(
                "--shape needs four sizes B,T,D,H and optionally L (for example 32,100,256,256 "
                    + "or 32,100,256,256,2), got '\(shape)'")
        }
        if shapeParts.count == 5, Int(shapeParts[4]).map({ !(1...StackedParameters.maxLayers).contains($0) }) ?? true {
            throw ValidationError(
                "--shape: L must be a whole number from 1 to \(StackedParameters.maxLayers), "
                    + "got '\(shapeParts[4])'")
        }
        var values: [Int] = []
        for (name, part) in zip(["B", "T", "D", "H"], parts) {
            guard let v = Int(part), v >= 1 else {
                throw ValidationError("--shape: \(name) must be a whole number of at least 1, got '\(part)'")
            }
            values.append(v)
        }
        return LSTMSizes(batch: values[0], length: values[1], inputSize: values[2], hiddenSize: values[3])
    }

    private var shapeParts: [String] {
        shape.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// L from a fifth number of `--shape`, else 1.
    var layers: Int { shapeParts.count == 5 ? Int(shapeParts[4]) ?? 1 : 1 }

    func run() throws {
        if layers > 1 || lengths != nil {
            let result = try StackedBench.run(
                try sizes(), layers: layers, randomLengths: lengths != nil,
                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                repeats: repeats)
            let language = Language.fromLocale(ProcessInfo.processInfo.environment)
            print(json ? StackedBench.json(result) : StackedBench.text(result, language: language))
            return
        }
        if paced {
            throw ExitCode(
                try servePaced(
                    lines: { readLine(strippingNewline: true) },
                    write: { line in
                        FileHandle.standardOutput.write(Data((line + "\n").utf8))
                    }))
        }
        let config = Benchmark.Configuration(
            sizes: try sizes(), threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
            repeats: repeats)
        let result: Benchmark.Result
        do {
            result = try Benchmark.run(config)
        } catch let error as BenchmarkError {
            throw ValidationError("\(error)")
        }
        // The report in the locale's language, like the lab's own `bench`.
        let language = Language.fromLocale(ProcessInfo.processInfo.environment)
        let (core, packed) = Benchmark.kernelFacts
        print(
            json
                ? Self.json(result)
                : BenchReport.text(result, language: language) + "\n  "
                    + BenchMessage.kernels(core: core, packed: packed).text(language))
    }

    /// `--paced`: one timed part per input line, one JSON line out per part,
    /// each written at once (the reader is waiting for it). A line that names
    /// no part stops with its line number on stderr and status 1; the end of
    /// the input ends with 0. Blank lines and `#` comments are skipped.
    func servePaced(lines next: () -> String?, write: (String) -> Void) throws -> Int32 {
        let config = Benchmark.Configuration(
            sizes: try sizes(), threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let paced: Benchmark.Paced
        do {
            paced = try Benchmark.Paced(config)
        } catch let error as BenchmarkError {
            throw ValidationError("\(error)")
        }
        var number = 0
        while let line = next() {
            number += 1
            let word = line.trimmingCharacters(in: .whitespacesAndNewlines)  // a CRLF line too
            if word.isEmpty || word.hasPrefix("#") { continue }
            guard let part = Benchmark.Paced.Part(rawValue: word) else {
                FileHandle.standardError.write(
                    Data(
                        ("lstmlab bench: line \(number): \(Quote.word(word)) is not a part to time "
                            + "(one of \(Benchmark.Paced.Part.allCases.map(\.rawValue).joined(separator: ", ")))\n")
                            .utf8))
                return 1
            }
            let ms = try paced.time(part)
            write("{\"mode\":\(SafeTensors.jsonString(part.rawValue)),\"ms\":\(String(format: "%.6g", ms))}")
        }
        return 0
    }

    /// One JSON object, keys in a fixed order.
    static func json(_ r: Benchmark.Result) -> String {
        let s = r.configuration.sizes
        func number(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "null" }
        func string(_ x: String) -> String { SafeTensors.jsonString(x) }
        let results = r.modes.map { m in
            "{\"mode\":\(string(m.mode.rawValue)),\"median_ms\":\(number(m.medianMilliseconds)),\"min_ms\":\(number(m.minMilliseconds)),"
                + "\"gflops\":\(number(m.gflops)),\"step_us\":\(number(m.stepMicroseconds))}"
        }
        var fields = [
            "\"B\":\(s.batch)", "\"T\":\(s.length)", "\"D\":\(s.inputSize)", "\"H\":\(s.hiddenSize)",
            "\"threads\":\(r.configuration.threads)", "\"repeat\":\(r.configuration.repeats)",
            "\"results\":[\(results.joined(separator: ","))]",
        ]
        if let run = r.runMedianMilliseconds { fields.append("\"run_ms\":\(number(run))") }
        fields.append("\"kernels\":\(string(Benchmark.kernels))")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
