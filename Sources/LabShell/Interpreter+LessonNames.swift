import LSTMCore
import LabText
import LessonKit

/// The names a task check, a `wrong:` line or an answer typed as an
/// expression may read, with PyTorch-style indices (negative from the end).
///
/// ```
/// steps_f, steps_b        steps each direction of the chosen layer has taken
/// layer, L                the chosen layer (`layer N`) and the number of layers
/// B, T, D, H, precision   sizes and settings; batch_first, draft, per_gate, hoisted, watching are 1/0 or counts
/// x, y, h_f, h_b, h_b_rev, h_n, c_n, h0, c0, W_ih_f, …   the views of `show`
/// i_f f_f g_f o_f (and _b)   the latest step's activated gates [B, H]
/// z_f, z_b                the latest step's pre-activations [B, 4H]
/// c_f, c_b, c_b_rev       cell states over time [T, B, H] (_b_rev in processing order)
/// gates_f, gates_pre_f (and _b, _b_rev)   [T, B, 4H] over time
/// ```
extension Interpreter {
    /// The session's numbers a lesson's answers and task checks may name (`steps_b`, `H`, `draft`, …).
    var lessonScalars: [String: Double] {
        let s = session
        let st = s.stepper
        func flag(_ b: Bool) -> Double { b ? 1 : 0 }
        return [
            "steps_f": Double(st.cursor(.forward)), "steps_b": Double(st.cursor(.backward)),
            "B": Double(s.sizes.batch), "T": Double(s.sizes.length), "D": Double(s.sizes.inputSize),
            "H": Double(s.sizes.hiddenSize), "precision": Double(s.settings.precision),
            "batch_first": flag(s.settings.batchFirst), "draft": flag(s.settings.variant == .draft),
            "per_gate": flag(s.settings.mode == .perGate), "hoisted": flag(s.settings.mode == .hoisted),
            "fused": flag(s.settings.mode == .fused), "watching": Double(s.watches.count),
            "layer": Double(s.layer), "L": Double(s.layerCount),
        ]
    }

    public func number(named name: String, index: [Int]) throws -> Double? {
        let s = session
        let st = s.stepper
        let scalars = lessonScalars
        if let v = scalars[name] {
            guard index.isEmpty else { throw LabError(said: ExpressionReplyMessage.numberTakesNoIndex(name: name)) }
            return v
        }
        if ViewName(rawValue: name).map({ !$0.isPerStep }) == true {
            return Double(try element(lessonTensor(name, nil), index, name))
        }
        let gates = ["i": 0, "f": 1, "g": 2, "o": 3]
        for (suffix, dir) in [("_f", "fwd"), ("_b", "bwd")] where name.hasSuffix(suffix) {
            let stem = String(name.dropLast(2))
            if let g = gates[stem] {
                let tensor = try lessonTensor("gates", dir)
                guard index.count == 2 else { throw LabError(said: ExpressionReplyMessage.gateNeedsTwo(name: name)) }
                let h = s.sizes.hiddenSize
                let unit = try wrap(index[1], h, name)
                return Double(try element(tensor, [index[0], g * h + unit], name))
            }
            if stem == "z" { return Double(try element(lessonTensor("gates_pre", dir), index, name)) }
        }
        let overTime: [(String, String, String, Bool)] = [
            ("c_f", "c", "fwd", false), ("c_b", "c", "bwd", false), ("c_b_rev", "c", "bwd", true),
            ("gates_f", "gates", "fwd", false), ("gates_b", "gates", "bwd", false),
            ("gates_b_rev", "gates", "bwd", true),
            ("gates_pre_f", "gates_pre", "fwd", false), ("gates_pre_b", "gates_pre", "bwd", false),
            ("gates_pre_b_rev", "gates_pre", "bwd", true),
        ]
        if let (_, view, dir, reversed) = overTime.first(where: { $0.0 == name }) {
            guard let first = index.first else {
                throw LabError(said: ExpressionReplyMessage.timeIndexFirst(name: name))
            }
            let k = try wrap(first, st.length, name)
            let t = reversed ? st.length - 1 - k : k
            return Double(try element(lessonTensor(view, dir, t: t), Array(index.dropFirst()), name))
        }
        return nil
    }

    private func wrap(_ i: Int, _ size: Int, _ name: String) throws -> Int {
        let j = i < 0 ? i + size : i
        guard j >= 0 && j < size else {
            throw LabError(said: ExpressionReplyMessage.nameIndexOutOfBounds(index: i, name: name, size: size))
        }
        return j
    }

    private func element(_ tensor: Tensor, _ index: [Int], _ name: String) throws -> Float {
        if index.isEmpty && tensor.count == 1 { return tensor.data.first ?? 0 }
        guard index.count == tensor.shape.count else {
            throw LabError(
                said: ExpressionReplyMessage.indexCount(
                    name: name, shape: formatShape(tensor.shape), count: tensor.shape.count, given: index.count))
        }
        var wrapped: [Int] = []
        for (i, size) in zip(index, tensor.shape) { wrapped.append(try wrap(i, size, name)) }
        return try tensor.value(at: wrapped)
    }
}
