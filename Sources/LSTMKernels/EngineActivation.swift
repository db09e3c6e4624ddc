import LSTMCore

/// σ and tanh exactly as the lab's steps compute them, for any array: the
/// expression language's `sigmoid` and `tanh`, so that
/// `sigmoid(gates_pre_f[0, 0, 16])` is the very float `show gates` shows.
///
/// The values go through the step kernel's own `finish` (`.vector`, what
/// `step` and `run` use): each block is laid out as the i chunk (σ) or the g
/// chunk (tanh) of a one-row `z`. Every lane of the kernel follows the same
/// formula, so a value does not depend on where in the block it sits.
public enum EngineActivation {
    static let block = 256

    public static func sigmoid(_ xs: [Float]) -> [Float] { apply(xs, chunk: 0) }

    public static func tanh(_ xs: [Float]) -> [Float] { apply(xs, chunk: 2) }

    /// `chunk` 0 is the input gate (σ), 2 the cell candidate (tanh).
    private static func apply(_ xs: [Float], chunk: Int) -> [Float] {
        var out = [Float](repeating: 0, count: xs.count)
        var z = [Float](repeating: 0, count: 4 * block)
        var gates = [Float](repeating: 0, count: 4 * block)
        var c = [Float](repeating: 0, count: block)
        var h = [Float](repeating: 0, count: block)
        let cPrev = [Float](repeating: 0, count: block)
        var start = 0
        while start < xs.count {
            let n = min(block, xs.count - start)
            for j in 0..<(4 * n) { z[j] = 0 }
            for j in 0..<n { z[chunk * n + j] = xs[start + j] }
            z.withUnsafeBufferPointer { zp in
                cPrev.withUnsafeBufferPointer { cp in
                    gates.withUnsafeMutableBufferPointer { gp in
                        c.withUnsafeMutableBufferPointer { cOut in
                            h.withUnsafeMutableBufferPointer { hOut in
                                guard let zb = zp.baseAddress, let cb = cp.baseAddress, let gb = gp.baseAddress,
                                    let co = cOut.baseAddress, let ho = hOut.baseAddress
                                else { return }
                                StepKernel.finish(
                                    batch: 1, hiddenSize: n, z: zb, cPrev: cb, variant: .correct,
                                    activations: .vector, gates: gb, c: co, h: ho)
                            }
                        }
                    }
                }
            }
            for j in 0..<n { out[start + j] = gates[chunk * n + j] }
            start += n
        }
        return out
    }
}
