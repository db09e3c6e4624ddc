import Foundation
import LSTMCore
import TensorFiles

/// One case of Fixtures/stacked/ (make_golden_stacked.py): a packed and/or
/// stacked nn.LSTM, its input in the layout of its `batch_first`, torch's
/// outputs and every layer's per-direction traces.
struct StackedFixture {
    struct Case: Decodable {
        var B: Int, T: Int, D: Int, H: Int, L: Int
        var batch_first: Bool
        var lengths: [Int]?
        var given_state: Bool
    }

    /// The cases make_golden_stacked.py writes.
    static let names = [
        "packed_unsorted", "packed_all_full", "packed_given_state", "layers2", "layers2_given_state",
        "layers3", "layers3_given_state", "packed_layers2", "packed_layers3_given_state", "packed_layers2_head",
    ]
    static let packedNames = names.filter { $0.hasPrefix("packed") }

    let name: String
    let folder: String
    let meta: Case
    let parameters: StackedParameters
    /// `[B, T, D]` whatever the case's layout (x.npy is `[T, B, D]` when batch_first is off).
    let x: Tensor
    let h0: Tensor?
    let c0: Tensor?
    /// `[B, T, 2H]` batch-first, and torch's own layout as y.npy holds it.
    let y: Tensor
    let yAsSaved: Tensor
    let hN: Tensor
    let cN: Tensor
    let lengths: SequenceLengths?

    init(_ name: String) throws {
        let dir = Fixture.root + "/stacked/" + name
        self.name = name
        folder = dir
        func npy(_ file: String) throws -> Tensor { try NPY.read(path: dir + "/" + file) }
        meta = try JSONDecoder().decode(Case.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/case.json")))
        let weights = dir + "/weights.safetensors"
        parameters = try StateDict.stackedParameters(from: SafeTensors.read(path: weights), file: weights)
        let rawX = try npy("x.npy")
        x = meta.batch_first ? rawX : try rawX.swappingFirstAxes()
        h0 = meta.given_state ? try npy("h0.npy") : nil
        c0 = meta.given_state ? try npy("c0.npy") : nil
        yAsSaved = try npy("y.npy")
        y = meta.batch_first ? yAsSaved : try yAsSaved.swappingFirstAxes()
        hN = try npy("h_n.npy")
        cN = try npy("c_n.npy")
        let m = meta
        lengths = try m.lengths.map { try SequenceLengths($0, batch: m.B, length: m.T) }
    }

    func file(_ name: String) throws -> Tensor { try NPY.read(path: folder + "/" + name) }

    /// `[T, B, width]` layer `l`'s `part` (gates_pre, gates, c, h) of `direction`, each sequence's processing order.
    func trace(layer l: Int, _ direction: Direction, _ part: String) throws -> Tensor {
        try file("l\(l)_\(direction.short)_\(part).npy")
    }

    func reference(packed: Bool = true) throws -> StackedReference {
        try StackedReference(parameters: parameters, input: x, lengths: lengths, h0: h0, c0: c0, packed: packed)
    }
}
