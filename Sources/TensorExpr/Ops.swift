import Foundation
import LSTMCore
import LSTMKernels
import LabText
import RealModule

/// The tensor operations, with PyTorch's semantics and PyTorch's error
/// messages. Each checks shapes, then charges the budget, then computes.
enum Ops {
    /// numpy/PyTorch broadcasting: shapes aligned at the right, sizes equal or 1.
    static func broadcast(_ a: [Int], _ b: [Int]) throws(ExprError) -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw ExprError(.evaluation, .broadcast(left: da, right: db, dimension: i))
            }
        }
        return out
    }

    /// Axis names of a broadcast result: each operand's names aligned at the right, the first known one kept.
    static func broadcastAxes(_ a: ExprTensor, _ b: ExprTensor, rank n: Int) -> [String] {
        (0..<n).map { i in
            let ia = i - (n - a.rank)
            let ib = i - (n - b.rank)
            let na = ia >= 0 && a.shape[ia] != 1 ? a.axes[ia] : ""
            let nb = ib >= 0 && b.shape[ib] != 1 ? b.axes[ib] : ""
            if !na.isEmpty { return na }
            if !nb.isEmpty { return nb }
            return ia >= 0 ? a.axes[ia] : (ib >= 0 ? b.axes[ib] : "")
        }
    }

    /// Strides of `t` read as `shape` (0 along broadcast axes).
    static func broadcastStrides(_ t: [Int], to shape: [Int]) -> [Int] {
        let s = ExprTensor.strides(t)
        let off = shape.count - t.count
        return (0..<shape.count).map { i in i < off || t[i - off] == 1 ? 0 : s[i - off] }
    }

    static func binary(_ op: BinaryOperator, _ a: ExprTensor, _ b: ExprTensor, budget: inout Budget) throws(ExprError)
        -> ExprTensor
    {
        let shape = try broadcast(a.shape, b.shape)
        try budget.charge(shape, work: Double(ExprTensor.count(shape) ?? 0), what: .result(op: op.rawValue))
        let f = function(op)
        let n = ExprTensor.count(shape) ?? 0
        var out = [Float](repeating: 0, count: n)
        if a.shape == b.shape {
            for i in 0..<n { out[i] = f(a.data[i], b.data[i]) }
        } else if b.data.count == 1 {
            let y = b.data[0]
            for i in 0..<n { out[i] = f(a.data[i], y) }
        } else if a.data.count == 1 {
            let x = a.data[0]
            for i in 0..<n { out[i] = f(x, b.data[i]) }
        } else {
            let sa = broadcastStrides(a.shape, to: shape)
            let sb = broadcastStrides(b.shape, to: shape)
            var index = [Int](repeating: 0, count: shape.count)
            var ia = 0
            var ib = 0
            for i in 0..<n {
                out[i] = f(a.data[ia], b.data[ib])
                var axis = shape.count - 1
                while axis >= 0 {
                    index[axis] += 1
                    ia += sa[axis]
                    ib += sb[axis]
                    if index[axis] < shape[axis] { break }
                    ia -= sa[axis] * shape[axis]
                    ib -= sb[axis] * shape[axis]
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
        let integerResult: Bool
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: integerResult = true
        case .divide: integerResult = false
        case .power: integerResult = a.isInteger && b.isInteger && !b.data.contains { $0 < 0 }
        default: integerResult = a.isInteger && b.isInteger
        }
        let isBool = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op)
        return ExprTensor(
            shape: shape, data: out, axes: broadcastAxes(a, b, rank: shape.count), isInteger: integerResult,
            isBool: isBool)
    }

    private static func function(_ op: BinaryOperator) -> (Float, Float) -> Float {
        switch op {
        case .add: return { $0 + $1 }
        case .subtract: return { $0 - $1 }
        case .multiply: return { $0 * $1 }
        case .divide: return { $0 / $1 }
        case .floorDivide: return { ($0 / $1).rounded(.down) }
        case .power: return { x, y in y == 2 ? x * x : (y == 1 ? x : Float(Foundation.pow(Double(x), Double(y)))) }
        case .equal: return { $0 == $1 ? 1 : 0 }
        case .notEqual: return { $0 != $1 ? 1 : 0 }
        case .less: return { $0 < $1 ? 1 : 0 }
        case .lessEqual: return { $0 <= $1 ? 1 : 0 }
        case .greater: return { $0 > $1 ? 1 : 0 }
        case .greaterEqual: return { $0 >= $1 ? 1 : 0 }
        case .matmul: return { $0 * $1 }
        }
    }

    /// Elementwise functions of one tensor.
    enum Unary: String, CaseIterable, Sendable {
        case sigmoid, tanh, exp, log, sqrt, abs, relu, neg, sin, cos, square, floor, ceil, round

        /// What a step of it costs, in FLOP per element (σ and tanh about ten).
        var cost: Double { [.sigmoid, .tanh, .exp, .log, .sin, .cos].contains(self) ? 10 : 1 }
    }

    static func unary(_ f: Unary, _ a: ExprTensor, budget: inout Budget) throws(ExprError) -> ExprTensor {
        try budget.charge(a.shape, work: f.cost * Double(a.data.count), what: .call(text: "\(f.rawValue)(…)"))
        let d: [Float]
        switch f {
        case .sigmoid: d = EngineActivation.sigmoid(a.data)
        case .tanh: d = EngineActivation.tanh(a.data)
        case .exp: d = a.data.map { Float.exp($0) }
        case .log: d = a.data.map { Float.log($0) }
        case .sqrt: d = a.data.map { $0.squareRoot() }
        case .abs: d = a.data.map { Swift.abs($0) }
        case .relu: d = a.data.map { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }
        case .neg: d = a.data.map { -$0 }
        case .sin: d = a.data.map { Float.sin($0) }
        case .cos: d = a.data.map { Float.cos($0) }
        case .square: d = a.data.map { $0 * $0 }
        case .floor: d = a.data.map { $0.rounded(.down) }
        case .ceil: d = a.data.map { $0.rounded(.up) }
        case .round: d = a.data.map { $0.rounded(.toNearestOrEven) }
        }
        let keepsInteger = [.abs, .relu, .neg, .square, .floor, .ceil, .round].contains(f) && a.isInteger
        return ExprTensor(shape: a.shape, data: d, axes: a.axes, isInteger: keepsInteger)
    }

    /// Normalises a dimension like PyTorch (`-1` is the last).
    static func dim(_ d: Int, rank: Int) throws(ExprError) -> Int {
        let r = max(rank, 1)
        guard d >= -r && d < r else {
            throw ExprError(
                .evaluation, .dimensionOutOfRange(low: -r, high: r - 1, got: d))
        }
        return d < 0 ? d + r : d
    }
}
