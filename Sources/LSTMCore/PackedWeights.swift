import Synchronization

/// One direction's weights laid out once for `GEMM.packedMultiply` (AVX-512
/// CPUs): the weights do not change while a learner steps, so the stepper
/// packs them at its first step in a mode and every later step and `run`
/// reuses them.
///
/// Fused and hoisted pack each whole weight; per-gate packs each gate's
/// `[H, ·]` row block on its own, one after the other.
final class PackedDirection: Sendable {
    let wIH: [Float]
    let wHH: [Float]
    /// `b_ih + b_hh`, `[4H]`.
    let biasSum: [Float]
    let gateStrideIH: Int
    let gateStrideHH: Int
    let perGate: Bool

    /// nil where the CPU cannot run the packed kernel.
    init?(_ parameters: DirectionParameters, perGate: Bool) {
        guard GEMM.packedAvailable else { return nil }
        let hs = parameters.hiddenSize, d = parameters.inputSize, n = 4 * hs
        var wih = [Float](), whh = [Float]()
        parameters.withPointers { w in
            if perGate {
                for g in 0..<4 {
                    wih += GEMM.pack(w.wIH + g * hs * d, n: hs, k: d, ldw: d) ?? []
                    whh += GEMM.pack(w.wHH + g * hs * hs, n: hs, k: hs, ldw: hs) ?? []
                }
            } else {
                wih = GEMM.pack(w.wIH, n: n, k: d, ldw: d) ?? []
                whh = GEMM.pack(w.wHH, n: n, k: hs, ldw: hs) ?? []
            }
        }
        wIH = wih
        wHH = whh
        biasSum = zip(parameters.bIH, parameters.bHH).map { $0 + $1 }
        gateStrideIH = GEMM.packedSize(n: hs, k: d)
        gateStrideHH = GEMM.packedSize(n: hs, k: hs)
        self.perGate = perGate
    }

    func withPointers<R>(_ body: (PackedPointers?) -> R) -> R {
        wIH.withUnsafeBufferPointer { pih in
            wHH.withUnsafeBufferPointer { phh in
                biasSum.withUnsafeBufferPointer { bs in
                    guard let whh = phh.baseAddress, let sum = bs.baseAddress else { return body(nil) }
                    return body(PackedPointers(wIH: pih.baseAddress, wHH: whh, biasSum: sum,
                                               gateStrideIH: gateStrideIH, gateStrideHH: gateStrideHH))
                }
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
