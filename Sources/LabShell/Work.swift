import Foundation
import LSTMCore

/// The floating-point work of a command, estimated before it starts, so a
/// command over the compute limit is refused instead of running for minutes
/// (the QR of `init tutorial` cannot be interrupted).
///
/// ```
/// one step, one direction   2·B'·D·4H + 2·B'·H·4H        x·W_ihᵀ and h·W_hhᵀ
/// hoisted, before step 1    2·T·B·D·4H                    x·W_ihᵀ for all t
/// run (hoisted), per step   2·B'·H·4H                     after x·W_ihᵀ for all steps left
/// B' = max(B, 16)           a product at a small batch takes as long as
///                           reading its weights (measured: B=2, H=4096 ran at
///                           6 GFLOP/s where B ≥ 16 runs at 50 or more)
/// orthogonal [m, n], m ≥ n  2 · (2·m·n² − (2/3)·n³)       dgeqrf, then dorgqr
/// uniform draw              2                             a multiply and an add
/// Gaussian draw             40                            Box–Muller: log, cos, √
/// ```
/// Counted in FLOP; nothing here allocates or draws.
enum Work {
    static let uniformDraw = 2.0
    static let gaussianDraw = 40.0

    /// `init KIND` at these sizes: both directions' parameters.
    static func initialize(_ kind: Initializer, inputSize d: Int, hiddenSize h: Int) -> Double {
        let (rows, d, h) = (4 * Double(h), Double(d), Double(h))
        switch kind {
        case .zeros: return 0
        case .pytorch: return 2 * uniformDraw * rows * (d + h + 2)
        case .tutorial: return 2 * (uniformDraw * rows * d + gaussianDraw * rows * h + orthogonal(rows: rows, cols: h))
        }
    }

    /// QR of a Gaussian `[rows, cols]` and forming its Q.
    static func orthogonal(rows: Double, cols: Double) -> Double {
        let (m, n) = (max(rows, cols), min(rows, cols))
        return 2 * (2 * m * n * n - 2 / 3 * n * n * n)
    }

    /// `input FILL` at these sizes.
    static func input(_ fill: InputFill, _ s: LSTMSizes) -> Double {
        fill == .random ? gaussianDraw * Double(s.batch) * Double(s.length) * Double(s.inputSize) : 0
    }

    /// The batch a per-step product is counted at.
    static let smallestBatch = 16

    /// One step of one direction.
    static func step(_ s: LSTMSizes) -> Double {
        let (b, d, h) = (Double(max(s.batch, smallestBatch)), Double(s.inputSize), Double(s.hiddenSize))
        return 2 * b * d * 4 * h + 2 * b * h * 4 * h
    }

    /// `steps` steps of one direction by `run`: hoisted, the input projection
    /// of all of them in one product, then h·W_hhᵀ per step.
    static func run(_ s: LSTMSizes, steps: Int) -> Double {
        let (b, h) = (Double(max(s.batch, smallestBatch)), Double(s.hiddenSize))
        let projection = 2 * Double(steps) * Double(s.batch) * Double(s.inputSize) * 4 * h
        return projection + Double(steps) * 2 * b * h * 4 * h
    }

    /// Steps `from ..< longest` of one direction of a packed run with `lengths`: in segments over
    /// which the running sequences stay the same, each a hoisted run at their batch.
    static func packedRun(_ s: LSTMSizes, lengths: [Int], from k0: Int) -> Double {
        var work = 0.0
        var k = k0
        while let end = lengths.filter({ $0 > k }).min() {
            var segment = s
            segment.batch = lengths.filter { $0 > k }.count
            work += run(segment, steps: end - k)
            k = end
        }
        return work
    }

    /// The input projection a hoisted direction computes before its first step.
    static func projection(_ s: LSTMSizes) -> Double {
        2 * Double(s.length) * Double(s.batch) * Double(s.inputSize) * 4 * Double(s.hiddenSize)
    }

    /// `bench` at these sizes: per mode one warm-up and `repeats` forwards,
    /// up to 5 `run`s, and up to 3 × 100 single steps.
    static func bench(_ s: LSTMSizes, repeats: Int) -> Double {
        // per-gate and fused step by step, hoisted and run as `run` does.
        let stepped = 2 * Double(s.length) * step(s)
        let hoisted = 2 * run(s, steps: s.length)
        let forwards = Double(2 * (repeats + 1)) * stepped + Double(repeats + 1 + min(repeats, 5)) * hoisted
        let steps = Double(3 * min(repeats, 3) * min(s.length, 100))
        let setup =
            initialize(.pytorch, inputSize: s.inputSize, hiddenSize: s.hiddenSize)
            + uniformDraw * Double(s.batch) * Double(s.length) * Double(s.inputSize)
        return forwards + steps * step(s) + setup
    }

    /// `12.3 GFLOP`, `1.0 TFLOP`.
    static func format(_ flop: Double) -> String {
        let units = ["FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP", "ZFLOP", "YFLOP"]
        var v = flop
        var u = 0
        while v >= 1000 && u < units.count - 1 {
            v /= 1000
            u += 1
        }
        return String(format: u == 0 ? "%.0f" : "%.1f", v) + " " + units[u]
    }
}
