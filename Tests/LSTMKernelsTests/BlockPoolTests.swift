import LSTMCore
import Testing

@testable import LSTMKernels

@Suite struct BlockPoolTests {
    /// A freed large block is handed out again for the same size, already mapped.
    @Test func aFreedBlockIsReusedForTheSameSize() {
        // 37 MiB: a size no other test uses, so parallel tests do not take it.
        let count = 37 << 18
        let a = BlockPool.allocate(floats: count)
        a[0] = 1
        a[count - 1] = 2
        BlockPool.release(a, floats: count)
        let b = BlockPool.allocate(floats: count)
        #expect(b == a)
        #expect(b[0] == 1 && b[count - 1] == 2)  // the same memory, not cleared
        BlockPool.release(b, floats: count)
        // Small blocks go to malloc and are not cached.
        let before = BlockPool.cachedBytes
        let small = BlockPool.allocate(floats: 100)
        BlockPool.release(small, floats: 100)
        #expect(BlockPool.cachedBytes == before)
    }

    @Test func aBlockOverTheCacheLimitIsNotKept() {
        let count = (BlockPool.cacheLimit >> 2) + (1 << 20)  // just over the limit, in floats
        let p = BlockPool.allocate(floats: count)
        p[count - 1] = 3
        let before = BlockPool.cachedBytes
        BlockPool.release(p, floats: count)
        #expect(BlockPool.cachedBytes <= before)
        #expect(BlockPool.cachedBytes <= BlockPool.cacheLimit)
    }

    /// Traces of a run live in pooled storage and stay valid after the run's
    /// other buffers are gone.
    @Test func tracesKeepTheirStorage() throws {
        let (p, x) = try NaiveLSTMReference.model(b: 2, t: 6, d: 3, h: 5, seed: 31)
        var stepper = try BidirectionalStepper(parameters: p, input: x, engine: FastEngine())
        stepper.runToEnd(threads: 1, shouldCancel: { false })
        let kept = stepper.traces
        stepper.reset()
        stepper.runToEnd(threads: 1, shouldCancel: { false })
        #expect(kept == stepper.traces)
    }
}
