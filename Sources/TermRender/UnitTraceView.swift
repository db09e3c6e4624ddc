import LSTMCore

/// One unit of one direction through time (`trace u=N`): a row per computed
/// step, in the direction's processing order.
public struct UnitTraceView: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        /// 1-based step number of the direction.
        public var step: Int
        public var t: Int
        /// `'('`, or nil when the input is not text.
        public var token: String?
        /// z_i, z_f, z_g, z_o.
        public var z: [Float]
        /// i, f, g, o after activation.
        public var gates: [Float]
        public var c: Float
        public var h: Float
        /// A step the direction took for longer sequences, past this one's length: not its own
        /// (drawn as `pad`; `t` is -1).
        public var padded: Bool = false

        public init(step: Int, t: Int, token: String?, z: [Float], gates: [Float], c: Float, h: Float) {
            self.step = step
            self.t = t
            self.token = token
            self.z = z
            self.gates = gates
            self.c = c
            self.h = h
        }
    }

    public var direction: Direction
    public var unit: Int
    public var b: Int
    public var length: Int
    public var variant: Variant
    public var rows: [Row]
    /// A line under the header (the sequence's own length when the batch is packed).
    public var note: String?
    /// The sequence's own length when the batch is packed (nil: every sequence is `length` long).
    public var sequenceLength: Int?

    public init(direction: Direction, unit: Int, b: Int, length: Int, variant: Variant, rows: [Row]) {
        self.direction = direction
        self.unit = unit
        self.b = b
        self.length = length
        self.variant = variant
        self.rows = rows
    }

    /// Whether gate column `k` (i, f, g, o) holds a tanh output under this variant
    /// (g in nn.LSTM; o in the draft, which swaps them).
    public func isTanh(_ k: Int) -> Bool { variant == .draft ? k == 3 : k == 2 }

    /// Saturated: σ within 0.01 of 0 or 1, |tanh| above 0.99 (the gradient through it is almost 0).
    public func isSaturated(_ k: Int, _ v: Float) -> Bool {
        isTanh(k) ? abs(v) > 0.99 : (v < 0.01 || v > 0.99)
    }
}
