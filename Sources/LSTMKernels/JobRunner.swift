import Dispatch
import Foundation
import LSTMCore
import Synchronization

/// Runs up to two direction jobs, the second on a thread of its own when
/// there are two cores to use and the work is large enough.
enum JobRunner {
    /// With `threads ≥ 2` the directions run at the same time, the backward
    /// one on a worker thread. `shouldCancel` is asked on the calling thread
    /// only, between steps (and every few milliseconds while waiting for the
    /// worker); once it returns true both directions stop after their current
    /// step, so only whole steps are ever recorded.
    static func run(
        _ jobs: [DirectionJob], threads: Int, keepTraces: Bool,
        minimumWork: Int = FastEngine.minimumWorkForThreads,
        shouldCancel: () -> Bool
    ) -> [(Direction, DirectionJob.Result)] {
        guard let first = jobs.first else { return [] }
        let s = first.parameters
        let steps = first.length - first.firstStep
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
        let r1 =
            shared.result.withLock { $0 }
            ?? DirectionJob.Result(traces: [], steps: 0, lastState: nil, start: second.state)
        return [(first.direction, r0), (second.direction, r1)]
    }
}

extension BidirectionalStepper {
    /// `JobRunner.run`, where the tests and the benchmark have always called it.
    static func runJobs(
        _ jobs: [DirectionJob], threads: Int, keepTraces: Bool,
        minimumWork: Int = FastEngine.minimumWorkForThreads,
        shouldCancel: () -> Bool
    ) -> [(Direction, DirectionJob.Result)] {
        JobRunner.run(
            jobs, threads: threads, keepTraces: keepTraces, minimumWork: minimumWork, shouldCancel: shouldCancel)
    }

    /// `FastEngine.projectionChunkSteps`.
    static func projectionChunkSteps(batch: Int, hiddenSize: Int) -> Int {
        FastEngine.projectionChunkSteps(batch: batch, hiddenSize: hiddenSize)
    }
}

/// What the calling thread and the worker share: a cancel flag and the
/// worker's result (handed over under a lock, read after the worker signals).
private final class WorkerShared: Sendable {
    let cancelled = Atomic<Bool>(false)
    let result = Mutex<DirectionJob.Result?>(nil)
}
