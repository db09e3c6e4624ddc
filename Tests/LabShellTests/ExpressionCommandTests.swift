import Foundation
import LSTMCore
import TensorExpr
import TensorFiles
import Testing

@testable import LabShell

/// `print`, `let`, `vars`, `unlet`, `save EXPR to PATH` and expressions in
/// An expression that was expected to give a tensor gave something else.
private struct NotATensor: Error { var text: String }

/// `show`, `heatmap`, `spark` and `watch`, through `Lab.handle` as typed.
@Suite struct ExpressionCommandTests {
    func lab() -> Lab { Lab(interpreter: Interpreter(session: .demo())) }

    /// The tensor an expression evaluates to in `lab`'s session.
    func tensor(_ lab: Lab, _ text: String) throws -> ExprTensor {
        guard case .tensor(let t) = try lab.interpreter.evaluate(ExpressionText(text)) else {
            throw NotATensor(text: text)
        }
        return t
    }

    /// Every over-time name at every computed step equals the stacked traces
    /// (`c_f[k]` is `show c fwd t=k`), and every uncomputed step is refused with
    /// the reason, after each move of a sequence mixing step, back and goto.
    @Test func overTimeNamesEqualTheTracesAtEveryStep() throws {
        var lab = lab()
        let moves = [
            "step", "step fwd 2", "step bwd", "back fwd", "goto t=3 fwd", "step bwd 2", "back both",
            "goto end", "back bwd 3", "goto t=1 bwd", "reset", "run", "back fwd 4",
        ]
        for move in moves {
            #expect(lab.handle(move).error == nil, "\(move)")
            let st = lab.session.stepper
            for d in Direction.allCases {
                let sfx = d == .forward ? "_f" : "_b"
                let taken = st.cursor(d)
                for base in ["gates_pre", "gates", "c", "h"] {
                    for (order, suffix) in [("time", sfx), ("processing", "_b_rev")]
                    where d == .backward || order == "time" {
                        let name = base + suffix
                        for i in 0..<st.length {
                            let k = order == "processing" ? i : (d == .forward ? i : st.length - 1 - i)
                            let t = d.timeIndex(step: k, length: st.length)
                            if k < taken {
                                let trace = try st.trace(d, at: t)
                                let m =
                                    base == "gates_pre"
                                    ? trace.gatesPre
                                    : base == "gates"
                                        ? trace.gates
                                        : base == "c" ? trace.c : trace.h
                                #expect(
                                    try tensor(lab, "\(name)[\(i)]").data == m.tensor.data, "\(move): \(name)[\(i)]")
                            } else {
                                let e = lab.handle("print \(name)[\(i)]").error
                                #expect(
                                    e
                                        == "\(name)[\(i)] is not computed yet: the \(d.name) direction has taken \(taken) of \(st.length) steps",
                                    "\(move): \(name)[\(i)]")
                            }
                        }
                    }
                }
                if let last = st.traces[d].last {
                    let h = st.hiddenSize
                    #expect(try tensor(lab, "z\(sfx)").data == last.gatesPre.tensor.data)
                    for (g, letter) in ["i", "f", "g", "o"].enumerated() {
                        let chunk = try tensor(
                            lab,
                            "gates\(d == .forward ? "_f" : "_b")[\(d == .forward ? last.t : last.t), :, \(g * h):\((g + 1) * h)]"
                        )
                        #expect(try tensor(lab, "\(letter)\(sfx)").data == chunk.data, "\(move): \(letter)\(sfx)")
                    }
                } else {
                    #expect(
                        lab.handle("print i\(sfx)").error?.hasSuffix("has not taken a step yet (try 'step \(d.short)')")
                            == true)
                }
            }
        }
    }

    @Test func printShowsTensorsLikeShowAndScalarsAsNumbers() throws {
        var lab = lab()
        _ = lab.handle("step")
        let gates = lab.handle("show gates fwd t=0 b=0").output
        // f of unit 0 is column 16: the same float as show gates.
        let printed = lab.handle("print sigmoid(gates_pre_f[0, 0, 16])").output
        #expect(printed == "0.8896")
        #expect(gates.contains("2.0864 → \(printed)"))
        #expect(lab.handle("p 2 ** 10").output == "1024")
        #expect(lab.handle("p x.shape").output == "torch.Size([3, 5, 8])")
        #expect(lab.handle("set precision 6").error == nil)
        #expect(lab.handle("p tanh(0.3)").output == "0.291313")
        let c = lab.handle("print c_f[:, 0]")
        #expect(c.error == "c_f[1] is not computed yet: the forward direction has taken 1 of 5 steps")
        let ok = lab.handle("print c_f[:1, 0]").output
        #expect(ok.hasPrefix("c_f[:1, 0]  [1, 16]  axes (t, unit)"))
        let identity = lab.handle("print W_hh_f.T @ W_hh_f").output
        #expect(identity.hasPrefix("W_hh_f.T @ W_hh_f  [16, 16]  axes (unit, unit)"))
        #expect(identity.contains("unit=0  │ 1.000000 "))
        let chunks = lab.handle("print W_ih_f.chunk(4, dim=0)").output
        #expect(chunks.hasPrefix("W_ih_f.chunk(4, dim=0): a tuple of 4; each below as W_ih_f.chunk(4, dim=0)[i]"))
        #expect(chunks.contains("W_ih_f.chunk(4, dim=0)[3]  [16, 8]  axes (gate·unit, feature)"))
        // Big tensors are summarised like torch's print: edges and ⋮ / ….
        _ = lab.handle("sizes H=64")
        let big = lab.handle("print W_hh_f").output
        #expect(big.contains("(250 more rows)"))
        #expect(big.contains("…"))
    }

    @Test func errorsAreWordedLikePyTorchWithACaretColumn() {
        var lab = lab()
        var r = lab.handle("print x[:, 0] @ W_ih_f")
        #expect(r.error == "mat1 and mat2 shapes cannot be multiplied (3x8 and 64x8)")
        #expect(r.column == 15)
        r = lab.handle("let W = zeros(64, 3)")
        #expect(r.output == "defined W [64, 3] = zeros(64, 3)")
        r = lab.handle("p F.linear(x[:, 0], W)")
        #expect(r.error == "mat1 and mat2 shapes cannot be multiplied (3x8 and 3x64)")
        #expect(r.column == 3)
        r = lab.handle("print h0[0] + x[:, 0]")
        #expect(r.error == "The size of tensor a (16) must match the size of tensor b (8) at non-singleton dimension 1")
        #expect(r.column == 13)
        r = lab.handle("print x[5]")
        #expect(r.error == "index 5 is out of bounds for dimension 0 with size 3")
        #expect(r.column == 9)
        r = lab.handle("print (1 + ")
        #expect(r.error == "the expression ends too early")
        #expect(r.column == 11)
        #expect(lab.handle("show gatez").error?.hasPrefix("unknown view 'gatez'") == true)
        #expect(
            lab.handle("print " + String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)).error
                == "expression nested too deeply (the limit is 64 levels)")
    }

    @Test func variablesAreListedShownAndDropped() throws {
        var lab = lab()
        #expect(lab.handle("let u5 = x[:, :, 5]").output == "defined u5 [3, 5] = x[:, :, 5]")
        #expect(lab.handle("let two=2*u5").output == "defined two [3, 5] = 2*u5")
        #expect(lab.handle("vars").output == "two  [3, 5]  = 2*u5\nu5   [3, 5]  = x[:, :, 5]")
        #expect(lab.handle("info").output.contains("vars     two [3, 5], u5 [3, 5]"))
        #expect(lab.handle("show u5").output.hasPrefix("u5  [3, 5]  axes (b, t)"))
        #expect(
            lab.handle("let c_f = 1").error
                == "c_f is a built-in name: a variable cannot shadow it (choose another name)")
        #expect(
            lab.handle("let sum = 1").error
                == "sum is a function's name: a variable cannot shadow it (choose another name)")
        #expect(
            lab.handle("let 3x = 1").error
                == "'3x' is not a variable name: use letters, digits and _, starting with a letter")
        #expect(
            lab.handle("let q = W_ih_f.chunk(2)").error
                == "let stores a tensor: W_ih_f.chunk(2) is not one (index a tuple first, as in chunk(…)[0])")
        #expect(lab.handle("unlet u5").output == "dropped u5")
        #expect(lab.handle("unlet u5").error == "'u5' is not a variable")
        #expect(lab.handle("print two.sum() == (2 * x[:, :, 5]).sum()").output == "1")
    }

    @Test func showHeatmapSparkAndWatchTakeExpressions() {
        var lab = lab()
        _ = lab.handle("run")
        #expect(lab.handle("show c_f[:, 0]").output.hasPrefix("c_f[:, 0]  [5, 16]  axes (t, unit)"))
        #expect(lab.handle("heatmap c_f[:, 0]").error == nil)
        let spark = lab.handle("spark c_f[:, 0, 5]").output
        #expect(spark.hasPrefix("spark c_f[:, 0, 5]  [5, 1]  axes (t, value)"))
        #expect(spark.contains("t 01234"))
        #expect(
            lab.handle("spark c_f").error
                == "spark draws a sequence: c_f is [5, 3, 16]; index it down to [T] or [T, N], as in c_f[:, 0, 5] or h_f[:, 0]"
        )
        _ = lab.handle("reset")
        #expect(lab.handle("watch h_f[:, 0, 0].sum()").output.hasPrefix("watching: h_f[:, 0, 0].sum()"))
        let moved = lab.handle("step").output
        #expect(
            moved.contains(
                "(watch h_f[:, 0, 0].sum(): h_f[1] is not computed yet: the forward direction has\n  taken 1 of 5 steps)"
            ))
        #expect(lab.handle("goto end").output.hasSuffix(lab.handle("p h_f[:, 0, 0].sum()").output))
    }

    @Test func saveWritesAnyValueAsNpy() throws {
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 300)
        _ = lab.handle("run")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("expr-\(UUID().uuidString).npy").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            lab.handle("save c_f[:, 0] to \(path)").output
                == "saved c_f[:, 0] [5, 16] to \(path) (float32 .npy: numpy.load or torch.from_numpy(numpy.load(…)))")
        let back = try NPY.read(path: path)
        #expect(back.shape == [5, 16])
        #expect(back.data == (try tensor(lab, "c_f[:, 0]")).data)
        #expect(lab.handle("save c_f[:, 0] to").error == "save EXPR to PATH needs a path after 'to'")
        #expect(lab.handle("save c_f[:, 0]").error == "save needs: save weights PATH or save EXPR to PATH")
        #expect(lab.handle("save (1 + to x.npy").error == "the expression ends too early")
    }

    @Test func limitsAndCtrlCKeepTheSession() {
        var settings = Session.Settings()
        settings.memoryLimit = 1 << 20
        var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
        #expect(
            lab.handle("print zeros(1000, 1000)").error
                == "zeros(1000, 1000) of shape [1000, 1000] would bring the expression to about 3.8 MiB, over the memory limit of 1.0 MiB (start with --memory-limit MiB to raise it)"
        )
        var stopped = Lab(interpreter: Interpreter(session: .demo(), context: ExecutionContext(shouldCancel: { true })))
        #expect(
            stopped.handle("print ones(100, 100) @ ones(100, 100)").output
                == "interrupted: the expression was stopped; the session is as it was")
        #expect(stopped.session.positionText == "fwd 0/5 bwd 0/5")
    }

    @Test func answersReadExpressionsOverTheSession() {
        var lab = lab()
        _ = lab.handle("step")
        #expect(lab.interpreter.expressionNumber("tanh(0.3)") == Double(Float(0.291312635)))
        let o = lab.interpreter.expressionNumber("o_f[0, 3]")
        #expect(o != nil)
        #expect(
            lab.interpreter.expressionNumber("o_f[0, 3] * tanh(c_f[0, 0, 3])")
                == (try? tensor(lab, "h_f[0, 0, 3]")).map { Double($0.data[0]) })
        #expect(lab.interpreter.expressionNumber("c_f[3, 0, 0]") == nil)
    }
}
