/// A direction's recurrent state between steps: `h` and `c`, each `[B, H]`.
public struct LSTMState: Equatable, Sendable {
    public var h: Matrix
    public var c: Matrix

    public init(h: Matrix, c: Matrix) {
        precondition(h.rows == c.rows && h.cols == c.cols, "state shapes")
        self.h = h
        self.c = c
    }

    public static func zero(batch: Int, hiddenSize: Int) -> LSTMState {
        LSTMState(h: Matrix(rows: batch, cols: hiddenSize), c: Matrix(rows: batch, cols: hiddenSize))
    }
}
