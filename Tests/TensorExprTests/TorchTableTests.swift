import TensorExpr
import Testing

/// Every expression of the torch table evaluated in the lab: values within
/// 1e-6 relative (1e-6 absolute near zero), shapes equal, and each error
/// refused with the same stated numbers (shapes, sizes, dimensions) as PyTorch's.
@Suite struct TorchTableTests {
    static let table: TorchTable? = try? TorchTable.load()

    @Test func tableIsLargeAndHasErrors() throws {
        let table = try #require(TorchTableTests.table)
        #expect(table.cases.count >= 150)
        #expect(table.cases.filter { if case .error = $0.expected { return true } else { return false } }.count >= 40)
    }

    @Test(arguments: TorchTableTests.table?.cases ?? [])
    func matchesPyTorch(_ c: TorchTable.Case) throws {
        let env = try #require(TorchTableTests.table).environment
        let result: Result<Value, ExprError>
        do { result = .success(try Evaluator.evaluate(c.expr, in: env)) } catch { result = .failure(error) }
        switch (c.expected, result) {
        case (.error(_, let message), .failure(let e)):
            #expect(
                TorchTable.integers(e.message) == TorchTable.integers(message),
                "\(c.expr): lab '\(e.message)' vs torch '\(message)'")
        case (.error(_, let message), .success(let v)):
            Issue.record("\(c.expr): torch refused it ('\(message)') but the lab gave \(v)")
        case (_, .failure(let e)):
            Issue.record("\(c.expr): the lab refused it: \(e.message)")
        case (let expected, .success(let v)):
            compare(v, expected, c.expr)
        }
    }

    private func compare(_ v: Value, _ expected: TorchTable.Expected, _ expr: String) {
        switch (expected, v) {
        case (.size(let dims), .size(let got)):
            #expect(got == dims, "\(expr)")
        case (.tuple(let items), .tuple(let got)):
            #expect(items.count == got.count, "\(expr): \(got.count) items, torch \(items.count)")
            for (e, g) in zip(items, got) { compare(g, e, expr) }
        case (.tensor(let shape, let data), .tensor(let t)):
            #expect(t.shape == shape, "\(expr): shape \(t.shape), torch \(shape)")
            guard t.data.count == data.count else { return }
            for (i, (g, e)) in zip(t.data, data).enumerated() {
                let ok = (g.isNaN && e.isNaN) || Double(g) == e || abs(Double(g) - e) <= 1e-6 * max(abs(e), 1)
                #expect(ok, "\(expr): element \(i) is \(g), torch \(e)")
                if !ok { return }
            }
        default:
            Issue.record("\(expr): the lab gave \(v), torch \(expected)")
        }
    }
}
