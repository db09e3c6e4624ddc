import LSTMCore
import Testing

/// The golden tolerance: `|actual − expected| ≤ 1e-5 + 1e-5·|expected|`.
///
/// make_golden.py checks that its float32 numbers sit within half of this
/// from a float64 run, so any correct float32 summation order passes.
let absoluteTolerance: Float = 1e-5
let relativeTolerance: Float = 1e-5

func isClose(_ a: Float, _ e: Float) -> Bool {
    abs(a - e) <= absoluteTolerance + relativeTolerance * abs(e)
}

/// Expects equal shapes and every element within tolerance; on failure names
/// the worst element by its multi-index and the count of elements off.
func expectClose(
    _ actual: Tensor, _ expected: Tensor, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.shape == expected.shape else {
        Issue.record(
            "\(what()): shape \(formatShape(actual.shape)), expected \(formatShape(expected.shape))",
            sourceLocation: sourceLocation)
        return
    }
    var bad = 0
    var worst: (index: Int, excess: Float)? = nil
    for i in 0..<expected.count {
        let a = actual.data[i]
        let e = expected.data[i]
        let excess = abs(a - e) - (absoluteTolerance + relativeTolerance * abs(e))
        if !(excess <= 0) {  // also catches NaN
            bad += 1
            if worst == nil || !(excess <= worst?.excess ?? 0) { worst = (i, excess) }
        }
    }
    guard let worst else { return }
    let index = multiIndex(worst.index, shape: expected.shape)
    Issue.record(
        """
        \(what()): \(bad) of \(expected.count) elements off; worst at \(formatShape(index)): \
        got \(actual.data[worst.index]), expected \(expected.data[worst.index])
        """, sourceLocation: sourceLocation)
}

private func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
    Tensor.multiIndex(flat, shape: shape)
}
