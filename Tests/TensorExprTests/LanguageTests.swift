import LSTMCore
import LSTMKernels
import TensorExpr
import Testing

/// The parts of the language the torch table cannot show: limits, carets,
/// over-time names that are partly computed, axis names, cancellation.
@Suite struct LanguageTests {
    let env = DictionaryEnvironment([
        "m": ExprTensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6], axes: ["b", "unit"]),
        "c_f": ExprTensor(
            shape: [5, 2, 3], data: (0..<30).map { Float($0) }, axes: ["t", "b", "unit"],
            pending: Pending(
                name: "c_f", known: [true, true, false, false, false], forward: true,
                taken: 2, total: 5)),
        "c_b": ExprTensor(
            shape: [5, 2, 3], data: (0..<30).map { Float($0) }, axes: ["t", "b", "unit"],
            pending: Pending(
                name: "c_b", known: [false, false, false, true, true], forward: false,
                taken: 2, total: 5)),
    ])

    func eval(_ s: String, budget: Budget = Budget()) throws -> Value {
        try Evaluator.evaluate(s, in: env, budget: budget)
    }

    func error(_ s: String, budget: Budget = Budget()) -> ExprError? {
        do {
            _ = try eval(s, budget: budget)
            return nil
        } catch let e as ExprError { return e } catch { return nil }
    }

    @Test func computedStepsIndexAndUncomputedOnesAreRefusedWithTheReason() throws {
        #expect(try eval("c_f[:2].shape") == .size([2, 2, 3]))
        #expect(try eval("c_f[1, 0, 2]") == .tensor(.scalar(8)))
        #expect(error("c_f[3]")?.message == "c_f[3] is not computed yet: the forward direction has taken 2 of 5 steps")
        #expect(
            error("c_f[:, 0, 1]")?.message == "c_f[2] is not computed yet: the forward direction has taken 2 of 5 steps"
        )
        #expect(error("c_f + 1")?.message == "c_f[2] is not computed yet: the forward direction has taken 2 of 5 steps")
        #expect(error("c_f[-1]")?.message == "c_f[4] is not computed yet: the forward direction has taken 2 of 5 steps")
        #expect(try eval("c_b[3:].sum()") == .tensor(.scalar(Float((18..<30).reduce(0, +)))))
        #expect(error("c_b[0]")?.message == "c_b[0] is not computed yet: the backward direction has taken 2 of 5 steps")
        #expect(try eval("c_f.shape") == .size([5, 2, 3]))
    }

    @Test func axisNamesFollowIndexing() throws {
        guard case .tensor(let t) = try eval("c_f[:2, 0]") else {
            Issue.record("not a tensor")
            return
        }
        #expect(t.axes == ["t", "unit"])
        guard case .tensor(let u) = try eval("m[:, None].T") else {
            Issue.record("not a tensor")
            return
        }
        #expect(u.axes == ["unit", "", "b"])
    }

    @Test func caretsPointAtTheOffendingToken() throws {
        let e = try #require(error("m @ m"))
        #expect(e.message == "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")
        #expect(e.range == 2..<3)
        #expect(e.caret(indent: 0) == "  ^")
        let n = try #require(error("sigmoid(q) + 1"))
        #expect(n.message == "name 'q' is not defined")
        #expect(n.range == 8..<9)
        let s = try #require(error("m[0, 7]"))
        #expect(s.message == "index 7 is out of bounds for dimension 1 with size 3")
        #expect(s.range == 5..<6)
        #expect(error("sigmod(m)")?.message == "name 'sigmod' is not defined (did you mean 'sigmoid'?)")
        #expect(error("m.sume()")?.message == "'Tensor' object has no attribute 'sume' (did you mean 'sum'?)")
    }

    @Test func syntaxErrorsSayWhere() throws {
        #expect(error("(1 + 2")?.message == "'(' was never closed")
        #expect(error("1 +")?.message == "the expression ends too early")
        #expect(error("m[")?.message == "'[' was never closed")
        #expect(error("1 2")?.message == "unexpected '2' after the expression")
        #expect(error("")?.message == "expected an expression")
        #expect(error("m $ 2")?.message == "unexpected character '$' in the expression")
        #expect(error("m\u{200B}")?.message == "unexpected character U+200B in the expression")
        #expect(error("1 < 2 < 3")?.message == "chained comparisons are not supported: use parentheses")
        #expect(error("sum(m, dim=1, dim=0)")?.message == "keyword argument repeated: dim")
    }

    @Test func deepNestingAndLongLinesAreRefusedWithoutOverflow() throws {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(error(deep)?.message == "expression too long: 20001 characters (the limit is 4096)")
        let nested = String(repeating: "(", count: 2000) + "1" + String(repeating: ")", count: 2000)
        #expect(error(nested)?.message == "expression nested too deeply (the limit is 64 levels)")
        #expect(
            error(String(repeating: "-", count: 3000) + "1")?.message
                == "expression nested too deeply (the limit is 64 levels)")
        #expect(
            error(String(repeating: "[", count: 3000))?.message
                == "expression nested too deeply (the limit is 64 levels)")
        #expect(
            error("2" + String(repeating: " ** 2", count: 800))?.message
                == "expression nested too deeply (the limit is 64 levels)")
        #expect(
            try eval(String(repeating: "(", count: 30) + "1" + String(repeating: ")", count: 30))
                == .tensor(.scalar(1, isInteger: true)))
    }

    @Test func limitsAreCheckedBeforeComputing() throws {
        let small = Budget(memoryLimit: 1 << 20, computeLimit: 1e12)
        #expect(
            error("zeros(1000, 1000)", budget: small)?.message
                == "zeros(1000, 1000) of shape [1000, 1000] would bring the expression to about 3.8 MiB, over the memory limit of 1.0 MiB (start with --memory-limit MiB to raise it)"
        )
        #expect(error("zeros(100000, 100000, 100000)")?.kind == .limit)
        #expect(error("zeros(4611686018427387904, 4)")?.kind == .limit)
        let slow = Budget(memoryLimit: 2 << 30, computeLimit: 1e6)
        #expect(
            error("ones(200, 200) @ ones(200, 200)", budget: slow)?.message
                == "the product '@' would bring the expression to about 16.0 MFLOP of floating-point work, over the compute limit of 1.0 MFLOP (start with --compute-limit GFLOP to raise it)"
        )
        #expect(error("arange(0, 1e30, 1e-3)")?.kind == .limit)
    }

    @Test func ctrlCStopsAnExpression() throws {
        let stopped = Budget(shouldCancel: { true })
        #expect(error("ones(50, 50) @ ones(50, 50)", budget: stopped)?.kind == .interrupted)
    }

    @Test func sigmoidAndTanhAreTheEnginesFloats() throws {
        let xs: [Float] = [-0.20771235, 0.3, -7.5, 12, 0, -0.0001, 1e-8, 88, -104]
        let t = ExprTensor(shape: [xs.count], data: xs)
        let env = DictionaryEnvironment(["z": t])
        #expect(
            try Evaluator.evaluate("sigmoid(z)", in: env)
                == .tensor(ExprTensor(shape: [xs.count], data: EngineActivation.sigmoid(xs))))
        #expect(
            try Evaluator.evaluate("tanh(z)", in: env)
                == .tensor(ExprTensor(shape: [xs.count], data: EngineActivation.tanh(xs))))
        guard case .tensor(let s) = try Evaluator.evaluate("sigmoid(-0.20771235)", in: env) else {
            Issue.record("not a tensor")
            return
        }
        #expect(s.data == [0.4482578])
    }

    @Test func integersStayIntegers() throws {
        guard case .tensor(let a) = try eval("2 ** 3 + arange(3).sum()"), case .tensor(let b) = try eval("7 / 2") else {
            Issue.record("not tensors")
            return
        }
        #expect(a.isInteger && a.data == [11])
        #expect(!b.isInteger && b.data == [3.5])
        #expect(error("m.reshape(3.0, 2)")?.message == "reshape(): argument 'shape' must be int, not float")
    }

    @Test func tuplesFromChunkAndMaxIndex() throws {
        #expect(
            try eval("m.chunk(3, dim=1)[2]") == .tensor(ExprTensor(shape: [2, 1], data: [3, 6], axes: ["b", "unit"])))
        #expect(error("m.chunk(3, dim=1)[3]")?.message == "tuple index out of range")
        #expect(try eval("m.shape[1:]") == .size([3]))
    }
}
