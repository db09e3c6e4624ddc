import LSTMCore
import Synchronization

/// One direction's weights laid out once for `GEMM.packedMultiply` (AVX-512
/// CPUs): the weights do not change while a learner steps, so a stepper
/// packs them when it is made (per-gate's layout at its first use) and every
/// step and `run` reuses them; a new stepper for the same model takes them over.
///
/// Fused and hoisted pack each whole weight; per-gate packs each gate's
/// `[H, ·]` row block on its own, one after the other.
final class PackedDirection: Sendable {
    /// Packed `W_ih` and `W_hh` (whole, or the four gate blocks one after the
    /// other), 64-byte aligned: with the panels a float off a cache line, every
    /// 64-byte load straddles two lines and a one-row product from L2 took
    /// 1.6× as long (measured: 15.3 against 9.1 ms per 1,000 products of
    /// [1, 256]·[256, 1024]).
    let wIH: PooledFloats
    let wHH: PooledFloats
    /// `b_ih + b_hh`, `[4H]`.
    let biasSum: [Float]
    let gateStrideIH: Int
    let gateStrideHH: Int
    let perGate: Bool

    /// nil where the CPU cannot run the packed kernel.
    init?(_ parameters: DirectionParameters, perGate: Bool) {
        guard GEMM.packedAvailable else { return nil }
        let hs = parameters.hiddenSize
        let d = parameters.inputSize
        let n = 4 * hs
        gateStrideIH = GEMM.packedSize(n: hs, k: d)
        gateStrideHH = GEMM.packedSize(n: hs, k: hs)
        wIH = PooledFloats(count: perGate ? 4 * gateStrideIH : GEMM.packedSize(n: n, k: d))
        wHH = PooledFloats(count: perGate ? 4 * gateStrideHH : GEMM.packedSize(n: n, k: hs))
        let (pih, phh, sih, shh) = (wIH.base, wHH.base, gateStrideIH, gateStrideHH)
        parameters.withPointers { w in
            if perGate {
                for g in 0..<4 {
                    GEMM.pack(w.wIH + g * hs * d, n: hs, k: d, ldw: d, into: pih + g * sih)
                    GEMM.pack(w.wHH + g * hs * hs, n: hs, k: hs, ldw: hs, into: phh + g * shh)
                }
            } else {
                GEMM.pack(w.wIH, n: n, k: d, ldw: d, into: pih)
                GEMM.pack(w.wHH, n: n, k: hs, ldw: hs, into: phh)
            }
        }
        biasSum = zip(parameters.bIH, parameters.bHH).map { $0 + $1 }
        self.perGate = perGate
    }

    func withPointers<R>(_ body: (PackedPointers?) -> R) -> R {
        withExtendedLifetime(self) {
            biasSum.withUnsafeBufferPointer { bs in
                guard let sum = bs.baseAddress else { return body(nil) }
                return body(
                    PackedPointers(
                        wIH: UnsafePointer(wIH.base), wHH: UnsafePointer(wHH.base), biasSum: sum,
                        gateStrideIH: gateStrideIH, gateStrideHH: gateStrideHH))
            }
        }
    }
}

/// What a stepper computes once from its constant parameters and input and
/// shares between its copies: packed weights per direction and step kind,
/// and the hoisted input projection per direction.
final class StepperCache: Sendable {
    private struct Entries {
        var packed: [Int: PackedDirection] = [:]
        var projections: [Int: HoistedProjection] = [:]
    }
    private let entries = Mutex(Entries())

    /// The packed weights of `direction` (nil where the CPU lacks AVX-512).
    func packed(_ direction: Direction, perGate: Bool, parameters: () -> DirectionParameters) -> PackedDirection? {
        guard GEMM.packedAvailable else { return nil }
        let key = direction.rawValue * 2 + (perGate ? 1 : 0)
        return entries.withLock { e in
            if let hit = e.packed[key] { return hit }
            let made = PackedDirection(parameters(), perGate: perGate)
            e.packed[key] = made
            return made
        }
    }

    /// The packed weights of `direction` if they were made already.
    func existingPacked(_ direction: Direction, perGate: Bool) -> PackedDirection? {
        let key = direction.rawValue * 2 + (perGate ? 1 : 0)
        return entries.withLock { $0.packed[key] }
    }

    /// Takes over `other`'s packed weights (same parameters: a new stepper
    /// for a new input or initial state need not pack them again).
    func adoptPacked(from other: StepperCache) {
        let theirs = other.entries.withLock { $0.packed }
        entries.withLock { e in e.packed.merge(theirs) { mine, _ in mine } }
    }

    /// The hoisted projection of `direction` if one was made already.
    func existingProjection(_ direction: Direction, biasSum: Bool) -> HoistedProjection? {
        let key = direction.rawValue * 2 + (biasSum ? 1 : 0)
        return entries.withLock { $0.projections[key] }
    }

    /// The hoisted projection of `direction` over all T, made by `make` the first time.
    func projection(_ direction: Direction, biasSum: Bool, make: () -> HoistedProjection) -> HoistedProjection {
        let key = direction.rawValue * 2 + (biasSum ? 1 : 0)
        return entries.withLock { e in
            if let hit = e.projections[key] { return hit }
            let made = make()
            e.projections[key] = made
            return made
        }
    }
}

/// `X·W_ihᵀ + bias` for the time indices `firstT ..< firstT + rows/B`, row-major
/// `[rows, 4H]`; `bias` is `b_ih`, or `b_ih + b_hh` when `includesBiasSum`
/// (for the packed kernel, which then adds nothing else).
final class HoistedProjection: Sendable {
    let values: PooledFloats
    let firstT: Int
    let includesBiasSum: Bool

    init(values: PooledFloats, firstT: Int, includesBiasSum: Bool) {
        self.values = values
        self.firstT = firstT
        self.includesBiasSum = includesBiasSum
    }
}

@inline(__always)
func withPackedPointers<R>(_ packed: PackedDirection?, _ body: (PackedPointers?) -> R) -> R {
    guard let packed else { return body(nil) }
    return packed.withPointers(body)
}

@inline(__always)
func withProjectionPointer<R>(_ projection: HoistedProjection?, _ body: (UnsafePointer<Float>?, Int) -> R) -> R {
    guard let projection else { return body(nil, 0) }
    return withExtendedLifetime(projection) { body(UnsafePointer(projection.values.base), projection.firstT) }
}
