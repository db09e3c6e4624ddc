import Foundation
import LSTMCore
import LSTMKernels
import LabText
import TermRender

/// The text of a benchmark result, shared by the shell's `bench` and `lstmlab bench`.
public enum BenchReport {
    /// The column widths of the table (the mode column is left-aligned, the others right-aligned).
    static let widths: [BenchMessage.Column: Int] = [.mode: 9, .median: 12, .min: 11, .gflops: 10, .step: 14]

    public static func text(_ r: Benchmark.Result, language: Language = .en) -> String {
        let s = r.configuration.sizes
        let say = { (m: BenchMessage) in m.text(language) }
        let sizes = "B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)"
        let mflop = String(format: "%.3g", r.flops / 1e6)
        var lines = [
            say(.title(sizes: sizes, threads: r.configuration.threads, repeats: r.configuration.repeats, mflop: mflop)),
            "  " + NumberFormat.padRight(say(.header(.mode)), widths[.mode] ?? 9)
                + [BenchMessage.Column.median, .min, .gflops, .step].map {
                    NumberFormat.pad(say(.header($0)), widths[$0] ?? 10)
                }.joined() + "   " + say(.header(.products)),
        ]
        for m in r.modes {
            let products: String
            switch m.mode {
            case .perGate: products = "8"
            case .fused: products = "2"
            case .hoisted: products = say(.hoistedProducts(chunk: r.projectionChunkSteps))
            }
            lines.append(
                "  " + NumberFormat.padRight(m.mode.rawValue, 9)
                    + NumberFormat.pad(String(format: "%.3f", m.medianMilliseconds), 12)
                    + NumberFormat.pad(String(format: "%.3f", m.minMilliseconds), 11)
                    + NumberFormat.pad(String(format: "%.2f", m.gflops), 10)
                    + NumberFormat.pad(String(format: "%.2f", m.stepMicroseconds), 14)
                    + "   " + products)
        }
        if let perGate = r.modes.first(where: { $0.mode == .perGate }),
            let fused = r.modes.first(where: { $0.mode == .fused }),
            fused.medianMilliseconds > 0
        {
            let ratio = String(format: "%.2f", perGate.medianMilliseconds / fused.medianMilliseconds)
            lines.append("  " + say(.fusedSpeedup(ratio: ratio)))
        }
        if let run = r.runMedianMilliseconds {
            lines.append("  " + say(.runMedian(ms: String(format: "%.3f", run))))
        }
        let short = r.modes.filter { $0.samples < r.configuration.repeats }
        let runShort = r.runMedianMilliseconds != nil && r.runSamples < r.configuration.repeats
        if let budget = r.configuration.budgetSeconds, !short.isEmpty || runShort {
            let parts =
                r.modes.map { "\($0.mode.rawValue) \($0.samples)" }
                + (r.runMedianMilliseconds == nil ? [] : ["run \(r.runSamples)"])
            lines.append(
                "  " + say(.timedSamples(parts: parts.joined(separator: ", "), seconds: String(format: "%g", budget))))
        }
        if !r.completed { lines.append("  " + say(.interrupted)) }
        return lines.joined(separator: "\n")
    }
}

extension Interpreter {
    /// `bench B,T,D,H,L [repeat R]`: the lab's `run` of an L-layer model drawn from seed 0.
    func stackedBench(_ shape: BenchShape, repeats: Int?) throws -> [Output] {
        let s = shape.sizes
        try session.checkMemory(s, layers: shape.layers)
        let count = repeats ?? 5
        var upper = s
        upper.inputSize = 2 * s.hiddenSize
        let work =
            Double(count + 1)
            * (2 * Work.run(s, steps: s.length)
                + Double(shape.layers - 1) * 2 * Work.run(upper, steps: s.length))
        try session.checkCompute(
            work,
            "bench B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize) "
                + "L=\(shape.layers) repeat \(count)")
        let result = try StackedBench.run(
            s, layers: shape.layers, randomLengths: false, threads: session.settings.threads,
            repeats: count, budgetSeconds: repeats == nil ? 1 : nil,
            shouldCancel: context.shouldCancel)
        let report = StackedBench.text(result, language: session.settings.language)
        guard result.completed else { throw Interrupted(partial: report) }
        return [.text(report)]
    }

    /// `bench [repeat R]` on a session with layers or lengths: the lab's `run` of the session's
    /// own stack (its weights, input, lengths and initial state), timed from the start.
    func sessionStackedBench(repeats: Int?) throws -> [Output] {
        guard let stack = session.stack else { return try bench(nil, repeats: repeats) }
        let s = session.sizes
        let count = repeats ?? 5
        var upper = s
        upper.inputSize = 2 * s.hiddenSize
        let steps = stack.stepCount
        let work =
            Double(count + 1)
            * (2 * Work.run(s, steps: steps) + Double(stack.layerCount - 1) * 2 * Work.run(upper, steps: steps))
        let lengths = stack.packed && !stack.lengths.isFull ? " lengths \(stack.lengths.text)" : ""
        try session.checkCompute(
            work,
            "bench B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize) L=\(stack.layerCount)\(lengths) "
                + "repeat \(count)")
        let result = try StackedBench.time(
            stack, sizes: s, threads: session.settings.threads, repeats: count,
            budgetSeconds: repeats == nil ? 1 : nil, shouldCancel: context.shouldCancel)
        let report =
            StackedBench.text(result, language: session.settings.language)
            + "\n  " + say(PaddingMessage.benchSession(steps: steps, length: s.length))
        guard result.completed else { throw Interrupted(partial: report) }
        return [.text(report)]
    }

    /// `bench [B,T,D,H] [repeat R]`: the session's sizes unless given.
    func bench(_ sizes: LSTMSizes?, repeats: Int?) throws -> [Output] {
        let s = sizes ?? session.sizes
        try session.checkMemory(s, what: "bench B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)")
        let count = repeats ?? 5
        try session.checkCompute(
            Work.bench(s, repeats: count),
            "bench B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize) repeat \(count)")
        // Without 'repeat R', each part of the benchmark stops after about a
        // second, so a large model's bench ends in seconds, not minutes.
        let config = Benchmark.Configuration(
            sizes: s, threads: session.settings.threads, repeats: repeats ?? 5,
            budgetSeconds: repeats == nil ? 1 : nil)
        do {
            // Without a shape, the session's own weights and input (in batch-first
            // layout, as the stepper holds them): nothing new to draw or hold.
            let result =
                sizes == nil
                ? try Benchmark.run(
                    config, parameters: session.stepper.parameters, input: session.stepper.input,
                    shouldCancel: context.shouldCancel)
                : try Benchmark.run(config, shouldCancel: context.shouldCancel)
            let note = sizes == nil ? "\n  " + say(BenchMessage.onSessionModel) : ""
            let report = BenchReport.text(result, language: session.settings.language) + note
            guard result.completed else { throw Interrupted(partial: report) }
            return [.text(report)]
        } catch let error as BenchmarkError {
            throw LabError(said: SessionErrorMessage.benchRefused(detail: "\(error)"))
        }
    }
}
