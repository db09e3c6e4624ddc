import LSTMCore
import TensorExpr
import Testing

/// Seeded random token soups and byte strings through the parser and the
/// evaluator: every input ends in a value or an `ExprError` with a message and
/// a caret inside the text; none traps, none runs long (a small budget).
@Suite struct EvaluatorFuzzTests {
    static let tokens = [
        "a", "m", "v", "s", "c_f", "None", "True", "torch", "F", ".", "T", "shape", "sum", "max",
        "chunk", "reshape", "view", "transpose", "sigmoid", "cat", "stack", "arange", "zeros", "eye",
        "linear", "allclose", "flip", "permute", "argmax", "norm", "item", "size", "(", ")", "[", "]",
        ",", ":", "...", "=", "dim", "keepdim", "+", "-", "*", "/", "//", "**", "@", "==", "<", ">=",
        "0", "1", "2", "-1", "3", "0.5", "1e30", "1e309", "99999999999999999999", "4611686018427387904",
        " ", "中", "\u{0}", "\u{200b}", "'", "#", ";",
    ]

    static let env = DictionaryEnvironment([
        "a": ExprTensor(shape: [2, 3, 4], data: (0..<24).map { Float($0) / 7 - 1 }),
        "m": ExprTensor(shape: [3, 4], data: (0..<12).map { Float($0) - 5 }),
        "v": ExprTensor(shape: [4], data: [1, -2, 0.5, 3]),
        "s": ExprTensor(shape: [], data: [2]),
        "c_f": ExprTensor(
            shape: [5, 2, 3], data: (0..<30).map { Float($0) }, axes: ["t", "b", "unit"],
            pending: Pending(
                name: "c_f", known: [true, true, false, false, false], forward: true,
                taken: 2, total: 5)),
    ])

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomTokenSoupsNeverTrap(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let budget = Budget(memoryLimit: 1 << 20, computeLimit: 1e7)
        var values = 0
        for _ in 0..<4000 {
            let n = Int(g.next() % 14) + 1
            var text = ""
            for _ in 0..<n { text += Self.tokens[Int(g.next() % UInt64(Self.tokens.count))] }
            if g.next() % 10 == 0 { text = String(text.unicodeScalars.shuffled(using: &g).map(Character.init)) }
            do {
                _ = try Evaluator.evaluate(text, in: Self.env, budget: budget)
                values += 1
            } catch {
                #expect(!error.message.isEmpty, "\(text.debugDescription)")
                if let r = error.range {
                    #expect(r.lowerBound >= 0 && r.lowerBound <= text.count, "\(text.debugDescription): caret at \(r)")
                }
            }
        }
        #expect(values > 20)
    }

    @Test func randomBytesNeverTrap() {
        var g = SeededGenerator(seed: 99)
        for _ in 0..<3000 {
            let bytes = (0..<Int(g.next() % 40)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try Evaluator.evaluate(text, in: Self.env, budget: Budget(memoryLimit: 1 << 20, computeLimit: 1e7))
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }
}
