import Dispatch
import Foundation
import Synchronization

extension BidirectionalStepper {
    /// Completes both directions from wherever their cursors are, keeping
    /// every step's trace, as the fastest way: hoisted (the input projection
    /// of many steps as one product, then one product per step). The
    /// projection is the one hoisted steps made, if any; otherwise it is made
    /// a chunk of steps at a time, which keeps it in cache (same numbers).
    ///
    /// With `threads ≥ 2` the directions run at the same time, the backward
    /// one on a worker thread. `shouldCancel` is asked on the calling thread
    /// only, between steps (and every few milliseconds while waiting for the
    /// worker); once it returns true both directions stop after their current
    /// step, so the stepper only ever records whole steps.
    ///
    /// The traces say `mode: .hoisted`; the session's `mode` is unchanged.
    ///
    /// - Returns: true when both directions finished, false when cancelled.
    @discardableResult
    public mutating func runToEnd(threads: Int, shouldCancel: () -> Bool) -> Bool {
        runToEnd(threads: threads, minimumWorkForThreads: Self.minimumWorkForThreads, shouldCancel: shouldCancel)
    }

    /// `runToEnd` with the threshold for a second thread given (tests use 0).
    @discardableResult
    mutating func runToEnd(threads: Int, minimumWorkForThreads: Int, shouldCancel: () -> Bool) -> Bool {
        let results = Self.runJobs(remainingJobs(mode: .hoisted), threads: threads, keepTraces: true,
                                   minimumWork: minimumWorkForThreads, shouldCancel: shouldCancel)
        for (direction, result) in results {
            // Taken over whole when the direction starts from scratch (no copy of each trace).
            if traces[direction.rawValue].isEmpty {
                traces[direction.rawValue] = result.traces
            } else {
                traces[direction.rawValue] += result.traces
            }
        }
        return isComplete
    }

    /// Steps whose input projection a hoisted `run` (or the benchmark's
    /// hoisted forward) makes in one product when no projection was made
    /// ahead: enough for 128 rows, or more while the chunk stays under
    /// `DirectionJob.projectionChunkBytes`; from B = 64 one step, projected
    /// straight into that step's z. Only with the packed kernel (AVX-512).
    ///
    /// At B = 64 a step's 64 rows already keep the register tiles busy, and a
    /// chunk buffer beside z costs more than it saves: at B=64 T=200 D=H=512
    /// on one thread the hoisted forward took 0.91× the time with one step
    /// into z (median of 12 paired forwards against the two-step chunks,
    /// `lstmlab bench --paced`; 0.94× in a C harness); at B=64 and B=128 with
    /// H=256 no difference showed. Below 64 rows the chunk wins (C harness:
    /// one step into z 5% slower at B=32 H=256, 14% at B=16).
    public static func projectionChunkSteps(batch: Int, hiddenSize: Int) -> Int {
        if batch >= 64 { return 1 }
        let perStep = max(1, batch) * 4 * max(1, hiddenSize) * MemoryLayout<Float>.stride
        return max((128 + max(1, batch) - 1) / max(1, batch), DirectionJob.projectionChunkBytes / perStep)
    }

    /// The steps per projection chunk `runToEnd` will use now, or nil when it
    /// projects every remaining step in one product (few steps left, a
    /// projection made ahead by hoisted steps, or no AVX-512).
    public var runProjectionChunk: Int? {
        guard GEMM.packedAvailable else { return nil }
        let chunk = Self.projectionChunkSteps(batch: batch, hiddenSize: hiddenSize)
        let remaining = Direction.allCases.filter { !isComplete($0) && cache.existingProjection($0, biasSum: true) == nil }
            .map { length - cursor($0) }
        guard let most = remaining.max(), chunk < most else { return nil }
        return chunk
    }

    /// The remaining steps of each unfinished direction, as jobs, with the
    /// stepper's packed weights. `cachedProjection: false` makes a hoisted
    /// job compute its input projection itself even when the stepper has one,
    /// as the benchmark times it.
    func remainingJobs(mode: StepMode, cachedProjection: Bool = true) -> [DirectionJob] {
        Direction.allCases.filter { !isComplete($0) }.map { job($0, mode: mode, cachedProjection: cachedProjection) }
    }

    /// Multiply-adds per direction from which `runJobs` uses a second thread.
    static let minimumWorkForThreads = 1 << 20

    /// Runs up to two jobs, concurrently when `threads ≥ 2` and the work is large enough.
    static func runJobs(_ jobs: [DirectionJob], threads: Int, keepTraces: Bool, minimumWork: Int = minimumWorkForThreads,
                        shouldCancel: () -> Bool) -> [(Direction, DirectionJob.Result)] {
        guard let first = jobs.first else { return [] }
        // Below about a million multiply-adds per direction, handing a
        // direction to another thread costs more than it saves.
        let s = first.parameters, steps = first.length - first.firstStep
        let work = steps * first.batch * 4 * s.hiddenSize * (s.inputSize + s.hiddenSize)
        guard jobs.count == 2, threads >= 2, work >= minimumWork else {
            var cancelled = false
            var out: [(Direction, DirectionJob.Result)] = []
            for job in jobs {
                let r = job.run(keepTraces: keepTraces) {
                    if !cancelled && shouldCancel() { cancelled = true }
                    return cancelled
                }
                out.append((job.direction, r))
            }
            return out
        }
        let second = jobs[1]
        let shared = WorkerShared()
        let done = DispatchSemaphore(value: 0)
        // A thread of its own: Dispatch's global pool on Linux held the block
        // back until the calling thread waited (measured: no overlap at all).
        let worker = Thread {
            WorkerThread.blockSignals()
            let r = second.run(keepTraces: keepTraces) { shared.cancelled.load(ordering: .relaxed) }
            shared.result.withLock { $0 = r }
            done.signal()
        }
        worker.stackSize = 1 << 23
        worker.start()
        func poll() -> Bool {
            if shared.cancelled.load(ordering: .relaxed) { return true }
            if shouldCancel() {
                shared.cancelled.store(true, ordering: .relaxed)
                return true
            }
            return false
        }
        let r0 = first.run(keepTraces: keepTraces, shouldStop: poll)
        while done.wait(timeout: .now() + .milliseconds(5)) == .timedOut {
            _ = poll()
        }
        let r1 = shared.result.withLock { $0 } ?? DirectionJob.Result(traces: [], steps: 0, lastState: nil, start: second.state)
        return [(first.direction, r0), (second.direction, r1)]
    }
}

/// What the calling thread and the worker share: a cancel flag and the
/// worker's result (handed over under a lock, read after the worker signals).
private final class WorkerShared: Sendable {
    let cancelled = Atomic<Bool>(false)
    let result = Mutex<DirectionJob.Result?>(nil)
}
