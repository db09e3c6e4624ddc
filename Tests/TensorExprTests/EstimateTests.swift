import TensorExpr
import Testing

/// Issue 14, bounds: what can be known of a whole expression's size is
/// charged before anything is computed, with the message the operation that
/// passes the limit gives, so nothing is allocated or computed first.
@Suite struct EstimateTests {
    /// Counts `lookup`s: a name is read (and its operations computed) only once evaluation starts.
    final class CountingEnvironment: ExprEnvironment {
        var values: [String: ExprTensor]
        var lookups = 0
        init(_ values: [String: ExprTensor]) { self.values = values }
        func lookup(_ name: String) throws(ExprError) -> ExprTensor? {
            lookups += 1
            return values[name]
        }
        var names: [String] { values.keys.sorted() }
        func shape(of name: String) -> [Int]? { values[name]?.shape }
    }

    func refusal(_ text: String, _ env: CountingEnvironment, _ budget: Budget) -> ExprError? {
        do {
            _ = try Evaluator.evaluate(text, in: env, budget: budget)
            return nil
        } catch {
            return error
        }
    }

    @Test func memoryPassedLaterIsRefusedBeforeTheFirstResult() {
        let env = CountingEnvironment(["v": ExprTensor(shape: [500], data: Array(repeating: 1, count: 500))])
        let small = Budget(memoryLimit: 1 << 20)
        let e = refusal("v * 2 + zeros(500, 500)", env, small)
        #expect(
            e?.message
                == "the result of '+' of shape [500, 500] would bring the expression to about 1.9 MiB, over the memory limit of 1.0 MiB (start with --memory-limit MiB to raise it)"
        )
        #expect(env.lookups == 0)
        // The caret is under the operator whose result passes the limit, as evaluation puts it.
        #expect(e?.range == 6..<7)
    }

    @Test func broadcastOfAVariableIsRefusedBeforeIndexing() {
        let env = CountingEnvironment(["a": ExprTensor(shape: [100_000], data: Array(repeating: 0, count: 100_000))])
        let e = refusal("a[:, None] * a[None]", env, Budget())
        #expect(
            e?.message
                == "the result of '*' of shape [100000, 100000] would bring the expression to about 37.3 GiB, over the memory limit of 2.0 GiB (start with --memory-limit MiB to raise it)"
        )
        #expect(e?.range == 11..<12)
        #expect(env.lookups == 0)
    }

    @Test func computePassedByALaterProductIsRefusedBeforeTheFirst() {
        let env = CountingEnvironment([:])
        let slow = Budget(computeLimit: 1e6)
        let e = refusal("(ones(50, 50) @ ones(50, 50)).sum() + (ones(80, 80) @ ones(80, 80)).sum()", env, slow)
        #expect(
            e?.message
                == "the product '@' would bring the expression to about 1.3 MFLOP of floating-point work, over the compute limit of 1.0 MFLOP (start with --compute-limit GFLOP to raise it)"
        )
        #expect(e?.range == 52..<53)
    }

    /// Where the estimate cannot know a shape it charges nothing: such expressions evaluate as before.
    @Test func unknownPartsAreLeftToEvaluation() throws {
        let env = CountingEnvironment(["m": ExprTensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])])
        #expect(
            try Evaluator.evaluate("m.T @ m", in: env)
                == .tensor(ExprTensor(shape: [3, 3], data: [17, 22, 27, 22, 29, 36, 27, 36, 45])))
        #expect(try Evaluator.evaluate("m[:, [0, 2]].sum()", in: env) == .tensor(.scalar(14)))
        #expect(try Evaluator.evaluate("sigmoid(m).shape", in: env) == .size([2, 3]))
        #expect(
            try Evaluator.evaluate("-m[None, ..., 1:]", in: env)
                == .tensor(ExprTensor(shape: [1, 2, 2], data: [-2, -3, -5, -6])))
        let tight = Budget(memoryLimit: 100)
        // 24 + 24 bytes fit; a shape mismatch is evaluation's error, not the estimate's.
        #expect(refusal("m + m", env, tight) == nil)
        #expect(
            refusal("m + zeros(4)", env, tight)?.message
                == "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1")
    }
}
