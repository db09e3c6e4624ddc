import Foundation
import LSTMCore
import LSTMKernels
import TensorFiles
import Testing

/// Larger models, at the sizes where the engine hands products to OpenBLAS
/// (sgemm, and sgemv for one batch row) and to the packed kernel in `run`.
/// Their weights are not committed: both sides draw them from SeededGenerator
/// by the rule in make_golden.py's `generated_model`.
@Suite struct GeneratedGoldenTests {
    /// case.json: `{"seed": 21, "B": 6, "T": 5, "D": 64, "H": 64}`.
    struct Case: Decodable {
        let seed: UInt64
        let batch: Int, length: Int, inputSize: Int, hiddenSize: Int
        enum CodingKeys: String, CodingKey {
            case seed
            case batch = "B"
            case length = "T"
            case inputSize = "D"
            case hiddenSize = "H"
        }
    }

    static let names = ["wide", "one_row"]

    struct Generated {
        let parameters: BiLSTMParameters
        let x: Tensor
        let y: Tensor, hN: Tensor, cN: Tensor
    }

    /// `((next() >> 56) − 128) / 256 · scale`: exact in float32, the same in Python.
    static func load(_ name: String) throws -> Generated {
        let folder = "\(Fixture.root)/generated/\(name)"
        let spec = try JSONDecoder().decode(
            Case.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/case.json")))
        var g = SeededGenerator(seed: spec.seed)
        func draw(_ shape: [Int], _ scale: Float) throws -> Tensor {
            let n = shape.reduce(1, *)
            return try Tensor(shape: shape, data: (0..<n).map { _ in Float(Int(g.next() >> 56) - 128) / 256 * scale })
        }
        let h = spec.hiddenSize
        let d = spec.inputSize
        var directions: [DirectionParameters] = []
        for name in ["forward", "backward"] {
            let wIH = try draw([4 * h, d], 0.25)
            let wHH = try draw([4 * h, h], 0.25)
            let bIH = try draw([4 * h], 0.25)
            let bHH = try draw([4 * h], 0.25)
            directions.append(try DirectionParameters(wIH: wIH, wHH: wHH, bIH: bIH, bHH: bHH, name: name))
        }
        let parameters = try BiLSTMParameters(forward: directions[0], backward: directions[1])
        let x = try draw([spec.batch, spec.length, d], 2)
        return Generated(
            parameters: parameters, x: x, y: try NPY.read(path: folder + "/y.npy"),
            hN: try NPY.read(path: folder + "/h_n.npy"), cN: try NPY.read(path: folder + "/c_n.npy"))
    }

    private func expectOutputs(
        _ s: BidirectionalStepper, _ c: Generated, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(s.output.isComplete, sourceLocation: sourceLocation)
        expectClose(s.output.tensor, c.y, "\(label) y", sourceLocation: sourceLocation)
        expectClose(try s.finalHidden(), c.hN, "\(label) h_n", sourceLocation: sourceLocation)
        expectClose(try s.finalCell(), c.cN, "\(label) c_n", sourceLocation: sourceLocation)
    }

    @Test(arguments: names, StepMode.allCases)
    func steppingMatchesPyTorch(name: String, mode: StepMode) throws {
        let c = try Self.load(name)
        for engine in EngineKind.allCases {
            var s = try BidirectionalStepper(
                parameters: c.parameters, input: c.x, mode: mode, engine: FastEngine.named(engine))
            // Backward first, then forward, one step at a time.
            while !s.isComplete(.backward) { try s.step(.backward) }
            while !s.isComplete(.forward) { try s.step(.forward) }
            try expectOutputs(s, c, "\(name) \(mode.rawValue) \(engine.rawValue)")
        }
    }

    @Test(arguments: names, [1, 2])
    func runToEndMatchesPyTorch(name: String, threads: Int) throws {
        let c = try Self.load(name)
        for engine in EngineKind.allCases {
            var s = try BidirectionalStepper(parameters: c.parameters, input: c.x, engine: FastEngine.named(engine))
            let finished = s.runToEnd(threads: threads, shouldCancel: { false })
            #expect(finished)
            try expectOutputs(s, c, "\(name) runToEnd threads=\(threads) \(engine.rawValue)")
        }
    }

    @Test(arguments: names)
    func labBinaryMatchesPyTorch(name: String) throws {
        let c = try Self.load(name)
        let dir = try makeTemporaryDirectory("generated-\(name)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SafeTensors.write(StateDict.tensors(of: c.parameters), path: dir + "/w.safetensors")
        try NPY.write(c.x, path: dir + "/x.npy")
        let result = try LabBinary.run(
            "load weights \(quoted(dir + "/w.safetensors")); load input \(quoted(dir + "/x.npy")); run; export \(quoted(dir + "/out"))"
        )
        try #require(result.status == 0, "lstmlab exited \(result.status): \(result.stderr)")
        expectClose(try NPY.read(path: dir + "/out/y.npy"), c.y, "\(name) lstmlab y")
        expectClose(try NPY.read(path: dir + "/out/h_n.npy"), c.hN, "\(name) lstmlab h_n")
        expectClose(try NPY.read(path: dir + "/out/c_n.npy"), c.cN, "\(name) lstmlab c_n")
    }
}
