import COpenBLAS
import LSTMCore

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
final class TraceStorage: TraceValues, @unchecked Sendable {
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

    func matrix(_ part: TracePart, slot: Int) -> Matrix {
        let (p, cols) =
            switch part {
            case .z: (z(slot), 4 * hiddenSize)
            case .gates: (gates(slot), 4 * hiddenSize)
            case .h: (h(slot), hiddenSize)
            case .c: (c(slot), hiddenSize)
            }
        return Matrix(rows: batch, cols: cols, data: Array(UnsafeBufferPointer(start: p, count: batch * cols)))
    }
}
