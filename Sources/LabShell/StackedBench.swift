import Foundation
import LSTMCore
import LSTMKernels
import LabText
import TermRender

/// `bench B,T,D,H,L [lengths random]` and `lstmlab bench --shape B,T,D,H,L [--lengths random]`:
/// times the lab's `run` of a stacked, variable-length model (layer by layer, hoisted,
/// keeping every step's trace), on weights (`init pytorch`) and input drawn from seed 0.
///
/// ```
/// FLOP = Σ_layers 2·R·(2·D_l·4H + 2·H·4H)    D_0 = D, D_l = 2H above; R = B·T, or Σ len_b with lengths
/// ```
public enum StackedBench {
    public struct Result: Equatable, Sendable {
        public var sizes: LSTMSizes
        public var layers: Int
        /// nil for full lengths.
        public var lengths: [Int]?
        public var threads: Int
        public var samples: [Double]
        public var flops: Double
        public var completed: Bool

        public var medianMilliseconds: Double {
            let s = samples.sorted()
            guard !s.isEmpty else { return .nan }
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        public var minMilliseconds: Double { samples.min() ?? .nan }
        public var gflops: Double { flops / (medianMilliseconds * 1e6) }
    }

    /// Random lengths from seed 1, each 1…T, the first one T (so every shape takes T steps).
    public static func randomLengths(batch: Int, length: Int) -> [Int] {
        var g = SeededGenerator(seed: 1)
        return (0..<batch).map { $0 == 0 ? length : 1 + Int(g.next() % UInt64(length)) }
    }

    /// `rowSteps`: the sequences' steps summed (B·steps at full length, Σ len_b with lengths,
    /// since a packed run computes only the sequences still running).
    public static func flops(_ s: LSTMSizes, layers: Int, rowSteps: Int) -> Double {
        let h = Double(s.hiddenSize)
        return (0..<layers).reduce(0) { sum, l in
            let d = l == 0 ? Double(s.inputSize) : 2 * h
            return sum + 2 * Double(rowSteps) * (2 * d * 4 * h + 2 * h * 4 * h)
        }
    }

    /// One untimed run, then `repeats` timed ones, each on a new stepper (as `run` after `reset`).
    public static func run(
        _ s: LSTMSizes, layers: Int, randomLengths random: Bool, threads: Int, repeats: Int,
        budgetSeconds: Double? = nil, shouldCancel: () -> Bool = { false }
    ) throws -> Result {
        var g = SeededGenerator(seed: 0)
        let parameters = try StackedParameters.initialized(
            .pytorch, layers: layers, inputSize: s.inputSize,
            hiddenSize: s.hiddenSize, using: &g)
        let input = try Tensor(
            shape: [s.batch, s.length, s.inputSize],
            data: g.floatNormals(s.batch * s.length * s.inputSize, shouldCancel: { false }) ?? [])
        let values = random ? randomLengths(batch: s.batch, length: s.length) : nil
        let lengths = try values.map { try SequenceLengths($0, batch: s.batch, length: s.length) }
        // The fast engine, as the lab's `run` uses by default (and as `bench` times one layer).
        let template = try StackedStepper(
            parameters: parameters, input: input, lengths: lengths, mode: .hoisted,
            engine: FastEngine())
        return try time(
            template, sizes: s, threads: threads, repeats: repeats, budgetSeconds: budgetSeconds,
            shouldCancel: shouldCancel)
    }

    /// Times `run` of `template` from its start (each time on a copy with the cursors at 0).
    public static func time(
        _ start: StackedStepper, sizes s: LSTMSizes, threads: Int, repeats: Int, budgetSeconds: Double? = nil,
        shouldCancel: () -> Bool = { false }
    ) throws -> Result {
        var template = start
        template.reset()
        let values = template.packed && !template.lengths.isFull ? template.lengths.values : nil
        let layers = template.layerCount
        var result = Result(
            sizes: s, layers: layers, lengths: values, threads: threads, samples: [],
            flops: flops(s, layers: layers, rowSteps: values?.reduce(0, +) ?? s.batch * template.stepCount),
            completed: true)
        var warm = template
        guard try warm.run(threads: threads, shouldCancel: shouldCancel) else {
            result.completed = false
            return result
        }
        let started = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats {
            var s = template
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard try s.run(threads: threads, shouldCancel: shouldCancel) else {
                result.completed = false
                break
            }
            result.samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            if let budgetSeconds, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 > budgetSeconds { break }
        }
        return result
    }

    public static func text(_ r: Result, language: Language = .en) -> String {
        let s = r.sizes
        let lengthText = r.lengths.map {
            $0.count > 8
                ? $0.prefix(8).map(String.init).joined(separator: ",") + ",…"
                : $0.map(String.init).joined(separator: ",")
        }
        let say = { (m: BenchMessage) in m.text(language) }
        var lines = [
            say(
                .stackedTitle(
                    sizes: "B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize) L=\(r.layers)",
                    lengths: lengthText, threads: r.threads, timed: r.samples.count,
                    mflop: String(format: "%.3g", r.flops / 1e6))),
            "  "
                + say(
                    .stackedRun(
                        median: String(format: "%.3f", r.medianMilliseconds),
                        min: String(format: "%.3f", r.minMilliseconds), gflops: String(format: "%.2f", r.gflops))),
        ]
        if !r.completed { lines.append("  " + say(.interrupted)) }
        return lines.joined(separator: "\n")
    }

    public static func json(_ r: Result) -> String {
        func number(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "null" }
        let s = r.sizes
        let lengths = r.lengths.map { "[" + $0.map(String.init).joined(separator: ",") + "]" } ?? "null"
        return "{\"B\":\(s.batch),\"T\":\(s.length),\"D\":\(s.inputSize),\"H\":\(s.hiddenSize),\"L\":\(r.layers),"
            + "\"lengths\":\(lengths),\"threads\":\(r.threads),\"repeat\":\(r.samples.count),"
            + "\"run_ms\":\(number(r.medianMilliseconds)),\"min_ms\":\(number(r.minMilliseconds)),"
            + "\"gflops\":\(number(r.gflops))}"
    }
}
