import LSTMCore
import Testing

@testable import TensorFiles

/// `nn.LSTM(num_layers=L, bidirectional=True)` state_dicts: names, shapes and flaws named by layer.
@Suite struct StackedStateDictTests {
    /// Every layer's eight tensors; layer l > 0 has `W_ih [4H, 2H]`.
    static func stateDict(layers: Int, d: Int = 3, h: Int = 2) throws -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        var k = 0
        for l in 0..<layers {
            for name in StateDict.names(layer: l) {
                let shape =
                    name.hasPrefix("weight_ih")
                    ? [4 * h, l == 0 ? d : 2 * h]
                    : name.hasPrefix("weight_hh") ? [4 * h, h] : [4 * h]
                let n = Tensor.elementCount(shape) ?? 0
                out[name] = try tensor(
                    shape,
                    (0..<n).map { _ in
                        k += 1
                        return Float(k) * 0.01
                    })
            }
        }
        return out
    }

    private func stackedReason(_ tensors: [String: Tensor]) -> String? {
        reason { try StateDict.stackedParameters(from: tensors, file: "w.safetensors") }
    }

    @Test func namesPerLayer() {
        #expect(StateDict.names(layer: 0) == StateDict.names)
        #expect(
            StateDict.names(layer: 1) == [
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse",
                "bias_hh_l1_reverse",
            ])
    }

    @Test(arguments: [1, 2, 3, 8])
    func roundTrip(layers: Int) throws {
        let p = try StateDict.stackedParameters(from: Self.stateDict(layers: layers, d: 5, h: 3), file: "a")
        #expect(p.count == layers && p.inputSize == 5 && p.hiddenSize == 3)
        let named = StateDict.tensors(of: p)
        #expect(named.map(\.name) == (0..<layers).flatMap { StateDict.names(layer: $0) })
        let back = try SafeTensors.decode(SafeTensors.encode(named), file: "b")
        #expect(try StateDict.stackedParameters(from: back, file: "b") == p)
        if layers > 1 { #expect(p.layers[1].forward.wIH.cols == 6) }
    }

    @Test func flawsNameTheLayer() throws {
        var wrong = try Self.stateDict(layers: 2)
        wrong["weight_ih_l1_reverse"] = try tensor([8, 3], [Float](repeating: 0, count: 24))
        #expect(
            stackedReason(wrong) == "weight_ih_l1_reverse has shape [8, 3], expected "
                + "[4H, 2H] (layer 1 reads layer 0's y) = [8, 4] for H = 2")
        var missing = try Self.stateDict(layers: 3)
        missing["bias_hh_l2"] = nil
        #expect(
            stackedReason(missing) == "missing tensor bias_hh_l2 (a 3-layer bidirectional nn.LSTM "
                + "has weight_ih_l<l>, weight_hh_l<l>, bias_ih_l<l>, bias_hh_l<l> and the _reverse ones for l = 0…2)")
        var extra = try Self.stateDict(layers: 2)
        extra["weight_ih_l3"] = try tensor([1], [0])
        #expect(stackedReason(extra) == "unexpected tensor weight_ih_l3 in a 2-layer nn.LSTM (layers l = 0…1)")
        #expect(
            stackedReason(try Self.stateDict(layers: 9))
                == "the file has 9 or more layers (weight_hh_l0 … weight_hh_l8); the lab models 1…8")
        var nan = try Self.stateDict(layers: 2)
        nan["bias_ih_l1"] = try tensor([8], [0, 0, .nan, 0, 0, 0, 0, 0])
        #expect(stackedReason(nan) == "tensor bias_ih_l1: non-finite value nan at index [2]")
    }
}
