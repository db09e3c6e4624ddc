import Foundation
import LSTMCore
import Testing

@testable import LSTMKernels

/// `nn.LSTM`'s equations in plain Double loops: the slow, obvious reference
/// the fast paths are compared with.
enum NaiveLSTMReference {
    struct Step {
        var t: Int
        var z: [Double]  // [B, 4H]
        var gates: [Double]  // [B, 4H]
        var h: [Double]  // [B, H]
        var c: [Double]  // [B, H]
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }

    /// All steps of `direction`, in processing order, from zero state.
    static func run(_ p: DirectionParameters, input: Tensor, direction: Direction, variant: Variant = .correct)
        -> [Step]
    {
        let b = input.shape[0]
        let tl = input.shape[1]
        let d = input.shape[2]
        let hs = p.hiddenSize
        let n = 4 * hs
        var h = [Double](repeating: 0, count: b * hs)
        var c = h
        var out: [Step] = []
        for k in 0..<tl {
            let t = direction.timeIndex(step: k, length: tl)
            var z = [Double](repeating: 0, count: b * n)
            for r in 0..<b {
                for j in 0..<n {
                    var s = Double(p.bIH[j]) + Double(p.bHH[j])
                    for q in 0..<d { s += Double(input.data[(r * tl + t) * d + q]) * Double(p.wIH.data[j * d + q]) }
                    for q in 0..<hs { s += h[r * hs + q] * Double(p.wHH.data[j * hs + q]) }
                    z[r * n + j] = s
                }
            }
            var gates = z
            var hNew = h
            var cNew = c
            for r in 0..<b {
                for u in 0..<hs {
                    let zi = z[r * n + u]
                    let zf = z[r * n + hs + u]
                    let zg = z[r * n + 2 * hs + u]
                    let zo = z[r * n + 3 * hs + u]
                    var i = sigmoid(zi)
                    var f = sigmoid(zf)
                    var g = Foundation.tanh(zg)
                    var o = sigmoid(zo)
                    if variant == .draft {
                        // The tutorial's draft as written: `f, i, o, g = chunk(4, 1)` names the
                        // blocks f, i, o, g; `f, i, o, g = σ(f), σ(i), tanh(g), σ(o)`.
                        let (fChunk, iChunk, oChunk, gChunk) = (zi, zf, zg, zo)
                        (f, i, o, g) = (sigmoid(fChunk), sigmoid(iChunk), Foundation.tanh(gChunk), sigmoid(oChunk))
                    }
                    gates[r * n + u] = i
                    gates[r * n + hs + u] = f
                    gates[r * n + 2 * hs + u] = g
                    gates[r * n + 3 * hs + u] = o
                    cNew[r * hs + u] = f * c[r * hs + u] + i * g
                    hNew[r * hs + u] = o * Foundation.tanh(cNew[r * hs + u])
                }
            }
            h = hNew
            c = cNew
            out.append(Step(t: t, z: z, gates: gates, h: h, c: c))
        }
        return out
    }

    /// Parameters and input drawn from a seed (PyTorch's default init, x ~ U(−1, 1)).
    static func model(b: Int, t: Int, d: Int, h: Int, seed: UInt64 = 7) throws -> (BiLSTMParameters, Tensor) {
        var g = SeededGenerator(seed: seed)
        let p = BiLSTMParameters.initialized(.pytorch, inputSize: d, hiddenSize: h, using: &g)
        let x = try Tensor(shape: [b, t, d], data: (0..<(b * t * d)).map { _ in g.uniform(-1, 1) })
        return (p, x)
    }
}

/// `|a − ref| ≤ 1e-5 + 1e-5·|ref|` for every element.
func expectNearReference(
    _ actual: [Float], _ expected: [Double], _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what()): count", sourceLocation: sourceLocation)
    var worst = 0.0
    var at = -1
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        let excess = abs(Double(a) - e) - (1e-5 + 1e-5 * abs(e))
        if excess > worst || !Double(a).isFinite {
            worst = max(worst, excess)
            at = i
        }
    }
    #expect(at < 0, "\(what()): element \(at) off by \(worst) beyond tolerance", sourceLocation: sourceLocation)
}

func expectNearReference(
    _ actual: [Float], _ expected: [Float], _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectNearReference(actual, expected.map(Double.init), what(), sourceLocation: sourceLocation)
}
