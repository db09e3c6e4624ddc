import Foundation
import LSTMCore
import LSTMKernels
import TensorFiles

/// One case written by `make_golden.py`: PyTorch's parameters, input and outputs.
struct Fixture {
    /// Per-step values of one direction in processing order (`k`-th step).
    struct Traces {
        var gatesPre: Tensor  // [T, B, 4H]
        var gates: Tensor  // [T, B, 4H]
        var c: Tensor  // [T, B, H]
        var h: Tensor  // [T, B, H]
    }

    let name: String
    let folder: String
    let parameters: BiLSTMParameters
    let x: Tensor
    let h0: Tensor?
    let c0: Tensor?
    let y: Tensor
    let hN: Tensor
    let cN: Tensor
    let forward: Traces
    let backward: Traces

    /// The cases `make_golden.py` writes; a missing folder fails its tests.
    static let names = ["demo", "single_step", "given_state", "odd_sizes", "saturating", "default_init"]

    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    static func path(_ name: String, _ file: String) -> String { root + "/" + name + "/" + file }

    init(_ name: String) throws {
        let dir = Fixture.root + "/" + name
        self.name = name
        folder = dir
        func npy(_ file: String) throws -> Tensor { try NPY.read(path: dir + "/" + file) }
        func optional(_ file: String) throws -> Tensor? {
            FileManager.default.fileExists(atPath: dir + "/" + file) ? try npy(file) : nil
        }
        let weights = dir + "/weights.safetensors"
        parameters = try StateDict.parameters(from: SafeTensors.read(path: weights), file: weights)
        x = try npy("x.npy")
        h0 = try optional("h0.npy")
        c0 = try optional("c0.npy")
        y = try npy("y.npy")
        hN = try npy("h_n.npy")
        cN = try npy("c_n.npy")
        func traces(_ d: String) throws -> Traces {
            Traces(
                gatesPre: try npy("\(d)_gates_pre.npy"), gates: try npy("\(d)_gates.npy"),
                c: try npy("\(d)_c.npy"), h: try npy("\(d)_h.npy"))
        }
        forward = try traces("fwd")
        backward = try traces("bwd")
    }

    func traces(_ direction: Direction) -> Traces { direction == .forward ? forward : backward }

    /// A stepper over the fixture's model and input on `engine` (both are held to PyTorch's numbers).
    func stepper(mode: StepMode, engine: EngineKind = .fast) throws -> BidirectionalStepper {
        try BidirectionalStepper(
            parameters: parameters, input: x, h0: h0, c0: c0, mode: mode,
            engine: FastEngine.named(engine))
    }
}
