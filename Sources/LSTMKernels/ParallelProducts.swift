import COpenBLAS
import Dispatch
import Foundation
import LSTMCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A second core for the products of a single step.
///
/// A step moves one direction, so the two-directions-at-once parallelism of
/// `run` does not apply; instead a large packed product is cut by output
/// columns into chunks of whole 32-column panels, and the calling thread
/// and one long-lived worker thread take chunks until none is left. Every
/// output element is computed exactly as without the cut (same panel, same
/// order of the sum), so the numbers are bit for bit the same.
///
/// The caller never waits for the worker to start: if the worker is asleep
/// or its core is busy, the caller takes every chunk itself and waits only
/// for a chunk the worker has already begun.
///
/// At B=1, D=H=512 a fused step reads 8 MiB of weights, which one core of
/// the development machine streams at about 29 GB/s from L3 (measured:
/// 286 µs for 8 MiB); two cores share that.
final class ParallelProducts: @unchecked Sendable {
    // @unchecked: `task` is written by the caller only when every chunk of
    // the previous product is done; a thread reads it only after claiming a
    // chunk of the current product (a compare-exchange on `claim`, which
    // the caller published with release ordering after writing `task`).
    static let shared = ParallelProducts()

    /// Multiply-adds from which a product is cut up.
    static let minimumWork = 1 << 20

    private struct Task {
        var m = 0, n = 0, k = 0, lda = 0, ldcin = 0, ldc = 0
        var a: UnsafePointer<Float>? = nil
        var packed: UnsafePointer<Float>? = nil
        var cin: UnsafePointer<Float>? = nil
        var c: UnsafeMutablePointer<Float>? = nil
        var panelsPerChunk = 1
    }

    private var task = Task()
    /// generation (bits 32…63) | chunks (16…31) | next chunk to take (0…15).
    private let claim = Atomic<UInt64>(0)
    private let completed = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    /// One product at a time.
    private let callers = Mutex<UInt64>(0)
    private let started = Mutex(false)

    private init() {}

    private func startIfNeeded() {
        started.withLock { started in
            guard !started else { return }
            started = true
            let worker = Thread { [self] in
                WorkerThread.blockSignals()
                workerLoop()
            }
            worker.name = "lstmlab products"
            worker.stackSize = 1 << 20
            worker.start()
        }
    }

    /// Takes chunks of the current product until none is left; false when there was none.
    @discardableResult
    private func takeChunks() -> Bool {
        var took = false
        while true {
            let c = claim.load(ordering: .sequentiallyConsistent)
            let next = Int(c & 0xFFFF)
            let chunks = Int((c >> 16) & 0xFFFF)
            guard next < chunks else { return took }
            guard claim.compareExchange(expected: c, desired: c + 1, ordering: .sequentiallyConsistent).exchanged else {
                continue
            }
            let t = task
            let first = next * t.panelsPerChunk * 32
            let width = min(t.n - first, t.panelsPerChunk * 32)
            if width > 0, let a = t.a, let packed = t.packed, let out = t.c {
                lstmlab_packed_gemm(
                    t.m, width, t.k, a, t.lda, packed + first * t.k, t.cin.map { $0 + first }, t.ldcin,
                    out + first, t.ldc)
            }
            completed.add(1, ordering: .releasing)
            took = true
        }
    }

    private func workerLoop() {
        var idle = 0
        while true {
            if takeChunks() {
                idle = 0
                continue
            }
            idle += 1
            // Watch for the next product for a short while (a fused step
            // posts two back to back), then sleep until the next one.
            if idle < 20_000 { continue }
            sleeping.store(true, ordering: .sequentiallyConsistent)
            if takeChunks() {
                sleeping.store(false, ordering: .relaxed)
                idle = 0
                continue
            }
            wake.wait()
            idle = 0
        }
    }

    /// `C = Cin + A · Wᵀ` as `GEMM.packedMultiply`, shared with the worker.
    func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>,
        cin: UnsafePointer<Float>?, ldcin: Int, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let panels = (n + 31) / 32
        guard panels >= 2 else {
            lstmlab_packed_gemm(m, n, k, a, lda, packed, cin, ldcin, c, ldc)
            return
        }
        startIfNeeded()
        // About eight chunks: small enough to share well, large enough to
        // keep each chunk's weights streaming.
        let perChunk = max(1, (panels + 7) / 8)
        let chunks = (panels + perChunk - 1) / perChunk
        callers.withLock { generation in
            generation &+= 1
            task = Task(
                m: m, n: n, k: k, lda: lda, ldcin: ldcin, ldc: ldc, a: a, packed: packed, cin: cin, c: c,
                panelsPerChunk: perChunk)
            completed.store(0, ordering: .relaxed)
            claim.store((generation << 32) | (UInt64(chunks) << 16), ordering: .sequentiallyConsistent)
            if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake.signal() }
            takeChunks()
            while completed.load(ordering: .acquiring) < chunks {}
        }
    }
}

/// Set-up shared by the lab's worker threads.
enum WorkerThread {
    /// Blocks every signal on the calling (worker) thread, so Ctrl-C's SIGINT
    /// and SIGWINCH always reach the main thread, where readline waits and the
    /// lab's handlers expect them.
    static func blockSignals() {
        #if canImport(Glibc)
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_BLOCK, &all, nil)
        #endif
    }
}
