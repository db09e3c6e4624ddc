import Foundation
import LSTMCore
import TermRender
import Testing

@testable import LabShell

/// A golden check that could not read what it compares.
private struct GoldenFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Over-time names per layer, the head and `trace` on a stacked, packed model, against
/// PyTorch (Fixtures/stacked/, make_golden_stacked.py): `c_f` follows `layer N`,
/// `c_f_l1` names layer 1 whatever `layer N` chose; with lengths each sequence is on its
/// own clock and positions past its length are 0 (padding, never read).
@Suite struct LayerNamesGoldenTests {
    /// The fixture loaded and run in a lab, as a learner types it.
    static func ranLab(_ f: StackedFixture, head: Bool = false) throws -> Lab {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        var lines = f.meta.batch_first ? [] : ["set batch_first off"]
        lines += [
            "load weights \(quoted(f.folder + "/weights.safetensors"))", "load input \(quoted(f.folder + "/x.npy"))",
        ]
        if f.h0 != nil { lines.append("load h0 \(quoted(f.folder + "/h0.npy"))") }
        if f.c0 != nil { lines.append("load c0 \(quoted(f.folder + "/c0.npy"))") }
        if let lengths = f.lengths { lines.append("lengths \(lengths.text)") }
        if head { lines.append("load head \(quoted(f.folder + "/head.safetensors"))") }
        lines.append("run")
        for line in lines {
            let r = lab.handle(line)
            try #require(r.error == nil, "\(f.name): \(line): \(r.error ?? "")")
        }
        return lab
    }

    static func printed(_ lab: inout Lab, _ expression: String) throws -> TensorView {
        let out = try lab.interpreter.execute(.print(ExpressionText(expression))).outputs
        guard case .tensor(let view)? = out.first else { throw GoldenFailure("print \(expression) gave \(out)") }
        return view
    }

    /// `[T, B, W]` in time order from the fixture's processing order (each sequence's own).
    static func timeOrder(_ rec: Tensor, _ d: Direction, lengths: [Int]) -> Tensor {
        let (tl, b, w) = (rec.shape[0], rec.shape[1], rec.shape[2])
        var data = [Float](repeating: 0, count: rec.count)
        for s in 0..<b {
            for t in 0..<lengths[s] {
                let k = d == .forward ? t : lengths[s] - 1 - t
                data.replaceSubrange(
                    ((t * b + s) * w)..<((t * b + s + 1) * w), with: rec.data[((k * b + s) * w)..<((k * b + s + 1) * w)]
                )
            }
        }
        return Tensor(uncheckedShape: [tl, b, w], data: data)
    }

    @Test(arguments: StackedFixture.names)
    func overTimeNamesPerLayerMatchPyTorch(name: String) throws {
        let f = try StackedFixture(name)
        var lab = try Self.ranLab(f)
        let lengths = f.lengths?.values ?? [Int](repeating: f.meta.T, count: f.meta.B)
        for l in 0..<f.meta.L {
            for d in Direction.allCases {
                let sfx = d == .forward ? "f" : "b"
                for (part, file) in [("gates_pre", "gates_pre"), ("gates", "gates"), ("c", "c"), ("h", "h")] {
                    let rec = try f.trace(layer: l, d, file)
                    if d == .backward {
                        let rev = try Self.printed(&lab, "\(part)_b_rev_l\(l)")
                        expectClose(rev.tensor, rec, "\(name) \(part)_b_rev_l\(l)")
                    }
                    let named = try Self.printed(&lab, "\(part)_\(sfx)_l\(l)")
                    expectClose(named.tensor, Self.timeOrder(rec, d, lengths: lengths), "\(name) \(part)_\(sfx)_l\(l)")
                }
            }
            let y = try Self.printed(&lab, "y_l\(l)")
            let ly = try f.file("l\(l)_y.npy")
            expectClose(y.tensor, f.meta.batch_first ? ly : try ly.swappingFirstAxes(), "\(name) y_l\(l)")
            // The bare names follow `layer N`.
            #expect(lab.handle("layer \(l)").error == nil)
            #expect(try Self.printed(&lab, "c_b").tensor == (try Self.printed(&lab, "c_b_l\(l)")).tensor)
        }
        #expect(
            lab.handle("print c_f_l\(f.meta.L)").error
                == "c_f_l\(f.meta.L) names layer \(f.meta.L), but the model has \(f.meta.L) layer\(f.meta.L == 1 ? "" : "s") (l0…l\(f.meta.L - 1))"
        )
    }

    /// nn.LSTM(num_layers=2, bidirectional=True) + nn.Linear(2H, K) on a packed batch: the logits,
    /// and `trace` on layer 1 in each sequence's own processing order.
    @Test func headAndTraceOnTwoPackedLayersMatchPyTorch() throws {
        let f = try StackedFixture("packed_layers2_head")
        var lab = try Self.ranLab(f, head: true)
        let (logits, known) = try #require(try lab.interpreter.session.logits())
        #expect(known.allSatisfy { $0 })
        expectClose(logits, try f.file("logits.npy"), "logits")
        let lengths = f.lengths?.values ?? []
        let h = f.meta.H
        #expect(lab.handle("layer 1").error == nil)
        for d in Direction.allCases {
            let pre = try f.trace(layer: 1, d, "gates_pre")
            let post = try f.trace(layer: 1, d, "gates")
            let c = try f.trace(layer: 1, d, "c")
            let hs = try f.trace(layer: 1, d, "h")
            for b in 0..<f.meta.B {
                for u in 0..<h {
                    let out = try lab.interpreter.execute(.trace(unit: u, direction: d, b: b)).outputs
                    guard case .trace(let view)? = out.first else {
                        Issue.record("trace gave \(out)")
                        return
                    }
                    #expect(view.rows.count == f.meta.T)
                    for (k, row) in view.rows.enumerated() {
                        #expect(row.padded == (k >= lengths[b]), "b=\(b) k=\(k)")
                        guard !row.padded else { continue }
                        #expect(row.t == (d == .forward ? k : lengths[b] - 1 - k))
                        for g in 0..<4 {
                            let at = (k * f.meta.B + b) * 4 * h + g * h + u
                            #expect(isClose(row.z[g], pre.data[at]), "\(d) b=\(b) u=\(u) k=\(k) z\(g)")
                            #expect(isClose(row.gates[g], post.data[at]), "\(d) b=\(b) u=\(u) k=\(k) gate \(g)")
                        }
                        #expect(isClose(row.c, c.data[(k * f.meta.B + b) * h + u]))
                        #expect(isClose(row.h, hs.data[(k * f.meta.B + b) * h + u]))
                    }
                }
            }
        }
        // `show logits` marks the padded positions; the numbers there are the bias, as in PyTorch.
        let shown = lab.handle("show logits b=1").output
        #expect(shown.contains("\n  t=2 │     pad     pad     pad"), "\(shown)")
    }

    /// `show gates|h|c d t=N` with lengths: each row is its own sequence's step at t, as PyTorch's
    /// packed run computed it; rows where t is padding are left out (gates) or marked (h, c).
    @Test(arguments: ["packed_unsorted", "packed_given_state", "packed_layers2"])
    func stepViewsAtTAreEachSequencesOwnStep(name: String) throws {
        let f = try StackedFixture(name)
        var lab = try Self.ranLab(f)
        let lengths = try #require(f.lengths)
        let (b, h) = (f.meta.B, f.meta.H)
        for d in Direction.allCases {
            let gates = try f.trace(layer: 0, d, "gates")
            let hs = try f.trace(layer: 0, d, "h")
            for t in 0..<f.meta.T {
                let real = (0..<b).filter { t < lengths[$0] }
                let request = ViewRequest(name: .gates, direction: d, t: t)
                guard !real.isEmpty else {
                    #expect(throws: (any Error).self) { try lab.interpreter.execute(.show(request)) }
                    continue
                }
                let out = try lab.interpreter.execute(.show(request)).outputs
                guard case .gates(let view)? = out.first else {
                    Issue.record("show gates gave \(out)")
                    return
                }
                #expect(view.batchIndices == real, "\(name) \(d) t=\(t)")
                let shown = try lab.interpreter.execute(.show(ViewRequest(name: .h, direction: d, t: t))).outputs
                guard case .tensor(let hv)? = shown.first else {
                    Issue.record("show h gave \(shown)")
                    return
                }
                for (row, s) in real.enumerated() {
                    let k = d == .forward ? t : lengths[s] - 1 - t
                    for j in 0..<(4 * h) {
                        #expect(isClose(view.post.data[row * 4 * h + j], gates.data[(k * b + s) * 4 * h + j]))
                    }
                    for u in 0..<h { #expect(isClose(hv.tensor.data[s * h + u], hs.data[(k * b + s) * h + u])) }
                }
                for s in 0..<b where t >= lengths[s] { #expect(hv.isPadded(s * h)) }
            }
        }
    }
}
