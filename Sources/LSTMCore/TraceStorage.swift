import COpenBLAS

/// One block of memory holding the traces of consecutive steps of one
/// direction, written once by the step kernel and then only read.
///
/// ```
/// slot k:  z [B, 4H] | gates [B, 4H] | h [B, H] | c [B, H]     10·B·H floats
/// ```
/// A `run` allocates one block for all its steps, so keeping every step's
/// trace costs no allocation per step (measured at B=32, T=100, H=256: about
/// 20,000 page faults per `run` with four arrays per step). Large blocks come
/// from `BlockPool`, which reuses the memory of dropped traces.
final class TraceStorage: @unchecked Sendable {
    // @unchecked: the floats are written only by the one job that allocated
    // the block, before any StepTrace referring to it exists; afterwards
    // every access is a read.
    let batch: Int
    let hiddenSize: Int
    let capacity: Int
    let slotStride: Int
    private let base: UnsafeMutablePointer<Float>

    init(batch: Int, hiddenSize: Int, steps: Int) {
        precondition(batch > 0 && hiddenSize > 0 && steps > 0, "trace storage sizes")
        self.batch = batch
        self.hiddenSize = hiddenSize
        self.capacity = steps
        self.slotStride = 10 * batch * hiddenSize
        base = BlockPool.allocate(floats: steps * slotStride)
    }

    deinit { BlockPool.release(base, floats: capacity * slotStride) }

    /// Bytes of the whole block.
    var byteCount: Int { capacity * slotStride * MemoryLayout<Float>.stride }

    /// Whether every slot's z and gates start on a 64-byte boundary.
    var slotsAreAligned: Bool { Int(bitPattern: base) % 64 == 0 && (batch * hiddenSize) % 16 == 0 }

    /// Copies `count` floats to `dst` with non-temporal stores where the
    /// CPU has AVX-512 and `dst` is 64-byte aligned (else an ordinary copy).
    static func streamCopy(to dst: UnsafeMutablePointer<Float>, from src: UnsafePointer<Float>, count: Int) {
        if GEMM.packedAvailable {
            lstmlab_stream_copy(dst, src, count)
        } else {
            dst.update(from: src, count: count)
        }
    }

    func z(_ slot: Int) -> UnsafeMutablePointer<Float> { base + slot * slotStride }
    func gates(_ slot: Int) -> UnsafeMutablePointer<Float> { base + slot * slotStride + 4 * batch * hiddenSize }
    func h(_ slot: Int) -> UnsafeMutablePointer<Float> { base + slot * slotStride + 8 * batch * hiddenSize }
    func c(_ slot: Int) -> UnsafeMutablePointer<Float> { base + slot * slotStride + 9 * batch * hiddenSize }

    func matrix(_ p: UnsafeMutablePointer<Float>, cols: Int) -> Matrix {
        Matrix(rows: batch, cols: cols, data: Array(UnsafeBufferPointer(start: p, count: batch * cols)))
    }
}

/// Everything one step computed, kept so it can be shown, exported or undone.
///
/// The numbers live in a `TraceStorage` shared with the other steps of the
/// same `run`; the matrices below are copied out when asked for.
public struct StepTrace: Equatable, Sendable {
    /// The time index this step read, `x[:, t, :]`.
    public let t: Int
    /// Matrix products this step performed (2 fused, 8 per-gate, 1 hoisted).
    public let products: Int
    public let mode: StepMode
    public let variant: Variant
    let storage: TraceStorage
    let slot: Int

    init(t: Int, storage: TraceStorage, slot: Int, products: Int, mode: StepMode, variant: Variant) {
        self.t = t
        self.storage = storage
        self.slot = slot
        self.products = products
        self.mode = mode
        self.variant = variant
    }

    /// A trace from its four matrices (copied into storage of its own).
    public init(t: Int, gatesPre: Matrix, gates: Matrix, state: LSTMState, products: Int, mode: StepMode, variant: Variant) {
        let b = state.h.rows, hs = state.h.cols
        precondition(gatesPre.rows == b && gatesPre.cols == 4 * hs && gates.rows == b && gates.cols == 4 * hs, "trace shapes")
        let storage = TraceStorage(batch: b, hiddenSize: hs, steps: 1)
        gatesPre.data.withUnsafeBufferPointer { if let p = $0.baseAddress { storage.z(0).update(from: p, count: b * 4 * hs) } }
        gates.data.withUnsafeBufferPointer { if let p = $0.baseAddress { storage.gates(0).update(from: p, count: b * 4 * hs) } }
        state.h.data.withUnsafeBufferPointer { if let p = $0.baseAddress { storage.h(0).update(from: p, count: b * hs) } }
        state.c.data.withUnsafeBufferPointer { if let p = $0.baseAddress { storage.c(0).update(from: p, count: b * hs) } }
        self.init(t: t, storage: storage, slot: 0, products: products, mode: mode, variant: variant)
    }

    /// `z = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh`, `[B, 4H]`, gate order i, f, g, o.
    public var gatesPre: Matrix { storage.matrix(storage.z(slot), cols: 4 * storage.hiddenSize) }
    /// The activated gates, `[B, 4H]`: σ(i), σ(f), tanh(g), σ(o).
    public var gates: Matrix { storage.matrix(storage.gates(slot), cols: 4 * storage.hiddenSize) }
    /// The new hidden state `h_t = o⊙tanh(c_t)`, `[B, H]`.
    public var h: Matrix { storage.matrix(storage.h(slot), cols: storage.hiddenSize) }
    /// The new cell state `c_t = f⊙c + i⊙g`, `[B, H]`.
    public var c: Matrix { storage.matrix(storage.c(slot), cols: storage.hiddenSize) }
    /// `h` and `c` together.
    public var state: LSTMState { LSTMState(h: h, c: c) }

    /// The new `h` and `c` in place, for the next step's kernel.
    var hPointer: UnsafePointer<Float> { UnsafePointer(storage.h(slot)) }
    var cPointer: UnsafePointer<Float> { UnsafePointer(storage.c(slot)) }

    public static func == (a: StepTrace, b: StepTrace) -> Bool {
        guard a.t == b.t && a.products == b.products && a.mode == b.mode && a.variant == b.variant,
              a.storage.batch == b.storage.batch && a.storage.hiddenSize == b.storage.hiddenSize else { return false }
        if a.storage === b.storage && a.slot == b.slot { return true }
        let count = 10 * a.storage.batch * a.storage.hiddenSize
        // Compared as values (so +0 equals −0 and NaN never equals), like the matrices.
        let pa = a.storage.z(a.slot), pb = b.storage.z(b.slot)
        for i in 0..<count where pa[i] != pb[i] { return false }
        return true
    }
}
