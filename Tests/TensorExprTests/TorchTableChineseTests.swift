import TensorExpr
import Testing

/// Every error of the torch table, worded in Chinese: the same numbers as
/// PyTorch's English (no size, dimension or index lost in translation), in
/// Chinese prose, with no English sentence left.
@Suite struct TorchTableChineseTests {
    static let refused: [(expr: String, error: ExprError)] = {
        guard let table = TorchTableTests.table else { return [] }
        return table.cases.compactMap { c -> (expr: String, error: ExprError)? in
            do throws(ExprError) {
                _ = try Evaluator.evaluate(c.expr, in: table.environment)
                return nil
            } catch { return (c.expr, error) }
        }
    }()

    @Test func theTableHasRefusals() { #expect(Self.refused.count >= 40) }

    @Test func chineseStatesEveryNumberOfTheEnglish() {
        for (expr, e) in Self.refused {
            let zh = e.said.chinese
            let missing = Set(TorchTable.integers(e.message)).subtracting(TorchTable.integers(zh))
            #expect(missing.isEmpty, "\(expr): '\(zh)' lacks \(missing.sorted()) of '\(e.message)'")
            #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(expr): '\(zh)'")
            #expect(zh != e.message, "\(expr)")
        }
    }
}
