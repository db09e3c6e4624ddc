import LSTMCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Large float buffers (step traces, hoisted projections, forward outputs)
/// kept for reuse instead of being handed back to the kernel.
///
/// Fresh memory is expensive on a virtual machine: every 4 KiB page is
/// zeroed on first touch, and the host may have to back it too. Measured on
/// the 2-vCPU development VM at B=64, T=200, D=H=512: a `run` spent 31% of
/// its time in the kernel's `clear_page` (about 0.8 GB/s), 1.8 s against
/// 1.0 s for the same forward without traces. Like PyTorch's caching
/// allocators, the lab keeps freed blocks of 1 MiB and more (up to
/// `cacheLimit` bytes in all) and hands them out again for the same size,
/// so a second `run`, `reset` + `run`, or a benchmark's repeats touch memory
/// that is already mapped. Blocks are 2 MiB-aligned and marked for
/// transparent huge pages where Linux offers them.
enum BlockPool {
    /// Blocks under this size go straight to malloc.
    static let minimumBytes = 1 << 20
    /// Freed bytes kept at most; beyond, freed blocks are returned at once.
    static let cacheLimit = 1 << 30

    private struct Cache {
        var free: [Int: [UnsafeMutableRawPointer]] = [:]
        var bytes = 0
    }
    // The pointers are only ever handed to one owner at a time.
    private nonisolated(unsafe) static var unsafeCache = Cache()
    private static let lock = Mutex(())

    private static let hugePage = 2 << 20

    /// Rounded so that blocks of nearly the same size share.
    private static func roundedSize(_ bytes: Int) -> Int {
        bytes < minimumBytes ? bytes : (bytes + hugePage - 1) / hugePage * hugePage
    }

    /// `count` floats, uninitialised. Traps only when the system is out of
    /// memory (the session's memory limit is there to prevent that).
    static func allocate(floats count: Int) -> UnsafeMutablePointer<Float> {
        let bytes = roundedSize(max(1, count) * MemoryLayout<Float>.stride)
        if bytes >= minimumBytes {
            let reused: UnsafeMutableRawPointer? = lock.withLock { _ in
                guard var list = unsafeCache.free[bytes], let p = list.popLast() else { return nil }
                unsafeCache.free[bytes] = list.isEmpty ? nil : list
                unsafeCache.bytes -= bytes
                return p
            }
            if let reused { return reused.assumingMemoryBound(to: Float.self) }
        }
        var raw: UnsafeMutableRawPointer? = nil
        let alignment = bytes >= 2 * hugePage ? hugePage : 64
        guard posix_memalign(&raw, alignment, bytes) == 0, let raw else {
            preconditionFailure("cannot allocate \(bytes) bytes")
        }
        #if os(Linux)
            if bytes >= 2 * hugePage { _ = madvise(raw, bytes, MADV_HUGEPAGE) }
        #endif
        return raw.bindMemory(to: Float.self, capacity: bytes / MemoryLayout<Float>.stride)
    }

    /// Gives back a block from `allocate(floats:)` with the same count.
    static func release(_ p: UnsafeMutablePointer<Float>, floats count: Int) {
        let bytes = roundedSize(max(1, count) * MemoryLayout<Float>.stride)
        let raw = UnsafeMutableRawPointer(p)
        guard bytes >= minimumBytes else {
            free(raw)
            return
        }
        var evicted: [UnsafeMutableRawPointer] = []
        lock.withLock { _ in
            guard bytes <= cacheLimit else {
                evicted.append(raw)
                return
            }
            // Make room: drop other sizes first, the largest first.
            while unsafeCache.bytes + bytes > cacheLimit {
                guard let size = unsafeCache.free.keys.max(), var list = unsafeCache.free[size], let q = list.popLast()
                else { break }
                unsafeCache.free[size] = list.isEmpty ? nil : list
                unsafeCache.bytes -= size
                evicted.append(q)
            }
            unsafeCache.free[bytes, default: []].append(raw)
            unsafeCache.bytes += bytes
        }
        for q in evicted { free(q) }
    }

    /// Bytes cached now.
    static var cachedBytes: Int { lock.withLock { _ in unsafeCache.bytes } }
}

/// An owned float buffer from `BlockPool`, returned to it when released.
final class PooledFloats: @unchecked Sendable {
    // @unchecked: written once by its creator before it is shared, then read.
    let count: Int
    let base: UnsafeMutablePointer<Float>

    init(count: Int) {
        self.count = count
        base = BlockPool.allocate(floats: count)
    }

    deinit { BlockPool.release(base, floats: count) }
}
