/// Which cell equations a step uses: `nn.LSTM`'s, or the tutorial's first
/// draft exactly as written. Stated here once; both engines, the views'
/// labels and the lessons read it from here.
///
/// ```
/// correct   i, f, g, o = z.chunk(4, 1)
///           i, f, g, o = σ(i), σ(f), tanh(g), σ(o)
/// draft     f, i, o, g = z.chunk(4, 1)
///           f, i, o, g = σ(f), σ(i), tanh(g), σ(o)
/// ```
/// The draft's chunk line names z's row blocks f, i, o, g (PyTorch's rows are
/// i, f, g, o), and its activation line hands `o` the tanh of the chunk it
/// named g and `g` the σ of the chunk it named o. On the same weights its
/// values therefore come from these rows of z:
/// ```
/// i = σ(z[:, H:2H])   f = σ(z[:, 0:H])   g = σ(z[:, 2H:3H])   o = tanh(z[:, 3H:4H])
/// ```
public enum Variant: String, CaseIterable, Sendable {
    /// `nn.LSTM`'s equations.
    case correct
    /// The tutorial's first draft: chunk order f, i, o, g and the swapped activations.
    case draft

    /// The names the chunk line gives z's four row blocks, in row order.
    public var chunkNames: [Gate] {
        switch self {
        case .correct: [.input, .forget, .cell, .output]
        case .draft: [.forget, .input, .output, .cell]
        }
    }

    /// The activation line: for each gate, the chunk (by the name the chunk
    /// line gave it) its value is computed from, and the function applied.
    public func activationLine(_ gate: Gate) -> (chunk: Gate, activation: Activation) {
        switch (self, gate) {
        case (.draft, .output): (.cell, .tanh)  // o = tanh(g)
        case (.draft, .cell): (.output, .sigmoid)  // g = σ(o)
        default: (gate, gate.activation)
        }
    }

    /// Where `gate`'s value comes from: the row block of z it reads and the
    /// activation, derived from `chunkNames` and `activationLine`.
    public func wiring(_ gate: Gate) -> GateWiring {
        let (name, activation) = activationLine(gate)
        let block = Gate.allCases.first { chunkNames[$0.rawValue] == name } ?? name
        return GateWiring(gate: gate, block: block, activation: activation)
    }

    /// `wiring` for i, f, g, o in order.
    public var wirings: [GateWiring] { Gate.allCases.map(wiring) }
}

/// One gate's value in a step: `gate = activation(z[:, block.rows])`.
public struct GateWiring: Equatable, Sendable {
    /// The gate whose value this is (its slot in the gates trace).
    public var gate: Gate
    /// The row block of z it reads, named by PyTorch's layout (`.input` is rows 0..<H).
    public var block: Gate
    public var activation: Activation
}
