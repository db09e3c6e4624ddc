import LSTMCore
import Testing

@testable import TensorFiles

@Suite struct StateDictTests {
    /// The eight tensors of a bidirectional LSTM with D inputs and H hidden units, values 0.01·k.
    static func stateDict(d: Int = 3, h: Int = 2) throws -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        var k = 0
        for name in StateDict.names {
            let shape = name.hasPrefix("weight_ih") ? [4 * h, d] : name.hasPrefix("weight_hh") ? [4 * h, h] : [4 * h]
            let n = Tensor.elementCount(shape) ?? 0
            out[name] = try tensor(
                shape,
                (0..<n).map { _ in
                    k += 1
                    return Float(k) * 0.01
                })
        }
        return out
    }

    func parametersReason(_ tensors: [String: Tensor]) -> String? {
        reason { try StateDict.parameters(from: tensors, file: "w.safetensors") }
    }

    @Test func namesInPyTorchOrder() {
        #expect(
            StateDict.names == [
                "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
            ])
    }

    /// A real `nn.LSTM(3, 2, bidirectional=True)` state_dict (torch.manual_seed(0)); values printed by make_fixtures.py.
    @Test func realPyTorchStateDict() throws {
        let path = Fixture.path("bilstm_d3_h2.safetensors")
        let p = try StateDict.parameters(from: SafeTensors.read(path: path), file: path)
        #expect(p.inputSize == 3 && p.hiddenSize == 2)
        #expect(p.forward.wIH.rows == 8 && p.forward.wIH.cols == 3)
        #expect(p.forward.wIH.data.first == Float(-0.005293981172144413))
        #expect(p.forward.wIH.data.last == Float(0.5291363000869751))
        #expect(p.forward.wHH.data.first == Float(-0.11397384107112885))
        #expect(p.forward.wHH.data.last == Float(0.34271523356437683))
        #expect(p.forward.bIH.first == Float(0.0371878482401371))
        #expect(p.forward.bIH.last == Float(0.4145916998386383))
        #expect(p.forward.bHH.first == Float(-0.3135983347892761))
        #expect(p.forward.bHH.last == Float(-0.41634613275527954))
        #expect(p.backward.wIH.data.first == Float(0.13176512718200684))
        #expect(p.backward.wIH.data.last == Float(-0.4423697888851166))
        #expect(p.backward.bHH.first == Float(-0.6735885739326477))
        #expect(p.backward.bHH.last == Float(0.4195813238620758))
    }

    @Test func roundTripThroughSafeTensors() throws {
        let p = try StateDict.parameters(from: Self.stateDict(d: 5, h: 3), file: "a")
        let named = StateDict.tensors(of: p)
        #expect(named.map(\.name) == StateDict.names)
        #expect(named.map(\.tensor.shape) == [[12, 5], [12, 3], [12], [12], [12, 5], [12, 3], [12], [12]])
        let back = try SafeTensors.decode(SafeTensors.encode(named), file: "b")
        #expect(try StateDict.parameters(from: back, file: "b") == p)
        #expect(p.forward.wIH[0, 1] == 0.02)
        #expect(p.backward.bHH.last == Float(2 * (60 + 36 + 24)) * 0.01)
    }

    @Test func nameFlaws() throws {
        var missing = try Self.stateDict()
        missing["weight_hh_l0_reverse"] = nil
        #expect(parametersReason(missing) == "missing tensor weight_hh_l0_reverse")

        var missingForward = try Self.stateDict()
        missingForward["bias_ih_l0"] = nil
        #expect(parametersReason(missingForward) == "missing tensor bias_ih_l0")

        let unidirectional = try Self.stateDict().filter { !$0.key.hasSuffix("_reverse") }
        #expect(
            parametersReason(unidirectional)
                == "missing tensor weight_ih_l0_reverse (this looks like a unidirectional LSTM; create it with bidirectional=True)"
        )

        let all =
            "a single-layer bidirectional nn.LSTM has exactly: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l0_reverse, weight_hh_l0_reverse, bias_ih_l0_reverse, bias_hh_l0_reverse"
        var extra = try Self.stateDict()
        extra["foo"] = try tensor([1], [1])
        #expect(parametersReason(extra) == "unexpected tensor foo (\(all))")

        var twoLayers = try Self.stateDict()
        twoLayers["weight_ih_l1"] = try tensor([8, 4], [Float](repeating: 0, count: 32))
        twoLayers["bias_hh_l1_reverse"] = try tensor([8], [Float](repeating: 0, count: 8))
        #expect(
            parametersReason(twoLayers)
                == "unexpected tensor bias_hh_l1_reverse (\(all)); names ending in _l1, _l2, … come from a multi-layer LSTM (num_layers > 1), which this lab does not model"
        )

        var projected = try Self.stateDict()
        projected["weight_hr_l0"] = try tensor([1, 2], [0, 0])
        #expect(
            parametersReason(projected)
                == "unexpected tensor weight_hr_l0 (\(all)); weight_hr comes from an LSTM with proj_size > 0, which this lab does not model"
        )

        let prefixed = Dictionary(uniqueKeysWithValues: try Self.stateDict().map { ("lstm." + $0.key, $0.value) })
        #expect(
            parametersReason(prefixed)
                == "tensor names start with 'lstm.' (a whole model's state_dict?); \(all); save the LSTM's own state_dict, e.g. model.lstm.state_dict()"
        )

        #expect(parametersReason([:]) == "missing tensor weight_ih_l0")
    }

    @Test(arguments: [
        ("weight_hh_l0", [8], "weight_hh_l0 has shape [8], expected [4H, H] (2 dimensions)"),
        (
            "weight_hh_l0", [7, 2],
            "weight_hh_l0 has shape [7, 2]: its 7 rows are not divisible by 4 (the 4 gates i, f, g, o are stacked: [4H, H])"
        ),
        ("weight_hh_l0", [8, 3], "weight_hh_l0 has shape [8, 3], expected [4H, H] = [12, 3]"),
        ("weight_hh_l0", [0, 0], "weight_hh_l0 has shape [0, 0], expected [4H, H] with H ≥ 1"),
        ("weight_ih_l0", [12, 3], "weight_ih_l0 has shape [12, 3], expected [4H, D] = [8, D] for H = 2"),
        ("weight_ih_l0", [8, 0], "weight_ih_l0 has shape [8, 0], expected [4H, D] = [8, D] for H = 2"),
        ("weight_ih_l0", [8], "weight_ih_l0 has shape [8], expected [4H, D] = [8, D] for H = 2"),
        ("bias_ih_l0", [7], "bias_ih_l0 has shape [7], expected [4H] = [8] for H = 2"),
        ("bias_hh_l0", [2, 4], "bias_hh_l0 has shape [2, 4], expected [4H] = [8] for H = 2"),
        ("weight_ih_l0_reverse", [8, 4], "weight_ih_l0_reverse has shape [8, 4], expected [8, 3] like weight_ih_l0"),
        ("weight_hh_l0_reverse", [4, 1], "weight_hh_l0_reverse has shape [4, 1], expected [8, 2] like weight_hh_l0"),
        ("bias_hh_l0_reverse", [9], "bias_hh_l0_reverse has shape [9], expected [8] like bias_hh_l0"),
    ])
    func shapeFlaws(name: String, shape: [Int], expected: String) throws {
        var sd = try Self.stateDict()
        sd[name] = try tensor(shape, [Float](repeating: 0.5, count: Tensor.elementCount(shape) ?? 0))
        #expect(parametersReason(sd) == expected)
    }

    @Test func nonFiniteValuesNamed() throws {
        var sd = try Self.stateDict()
        sd["weight_hh_l0_reverse"] = try tensor([8, 2], [0, 0, 0, 0, 0, .infinity] + [Float](repeating: 0, count: 10))
        #expect(parametersReason(sd) == "tensor weight_hh_l0_reverse: non-finite value inf at index [2, 1]")
    }
}
