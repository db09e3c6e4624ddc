// libFuzzer target: the tensor expression language alone (lexer, parser, evaluator)
// over a small fixed environment with a 1 MiB memory and 10 MFLOP compute budget:
// every input ends in a value or an ExprError with a message and a caret inside the text.
import LSTMCore
import TensorExpr

private let environment = DictionaryEnvironment([
    "a": ExprTensor(shape: [2, 3, 4], data: (0..<24).map { Float($0) / 7 - 1 }, axes: ["b", "t", "unit"]),
    "m": ExprTensor(shape: [3, 4], data: (0..<12).map { Float($0) - 5 }),
    "v": ExprTensor(shape: [4], data: [1, -2, 0.5, 3]),
    "c_f": ExprTensor(
        shape: [5, 2, 3], data: (0..<30).map { Float($0) }, axes: ["t", "b", "unit"],
        pending: Pending(
            name: "c_f", known: [true, true, false, false, false], forward: true,
            taken: 2, total: 5)),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let source = text(data, size)
    let budget = Budget(memoryLimit: 1 << 20, computeLimit: 1e7)
    do {
        let value = try Evaluator.evaluate(source, in: environment, budget: budget)
        if case .tensor(let t) = value {
            require(ExprTensor.count(t.shape) == t.data.count, "shape/count disagree for \(source.debugDescription)")
            require(t.axes.count == t.shape.count, "axes/shape disagree for \(source.debugDescription)")
        }
    } catch {
        require(!error.message.isEmpty, "empty error for \(source.debugDescription)")
        require(!error.said.chinese.isEmpty, "empty Chinese error for \(source.debugDescription)")
        if let r = error.range { require(r.lowerBound >= 0 && r.lowerBound <= source.count, "caret outside the text") }
    }
    return 0
}
