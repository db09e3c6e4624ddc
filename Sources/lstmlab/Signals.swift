import CReadline
import Foundation
import Synchronization

/// Ctrl-C in the interactive lab never ends the program. At the prompt it
/// clears the line being typed; during a command it sets `requested` (cleared
/// before each prompt), which the interpreter polls between whole steps
/// (`ExecutionContext.shouldCancel`).
///
/// Design (the one that held under stress in the prototypes): readline
/// keeps `rl_catch_signals = 1`, catches SIGINT while it reads, restores the
/// terminal and re-raises the signal from its own loop to our `sigaction`
/// handler, where resetting the line is safe. The flag is an `Atomic` (a plain
/// global trips Swift's exclusivity checks in debug builds).
enum Interrupts {
    static let requested = Atomic<Bool>(false)
    /// True while `readline()` runs: the handler then resets the line.
    static let inReadline = Atomic<Bool>(false)

    static func install() {
        // Initialise both globals here, not lazily inside the signal handler.
        _ = requested.load(ordering: .sequentiallyConsistent)
        _ = inReadline.load(ordering: .sequentiallyConsistent)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = onInterrupt
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
    }

    static var isRequested: Bool { requested.load(ordering: .sequentiallyConsistent) }

    /// SIGTERM or SIGHUP received while a command ran (0: none).
    static let terminating = Atomic<Int32>(0)
    /// True while a command runs: a SIGTERM or SIGHUP then cancels it first.
    static let commandRunning = Atomic<Bool>(false)

    /// SIGTERM and SIGHUP end the program as before, but a command that is running
    /// (an `export` writing 150 MB) is cancelled first, so its temporary file is
    /// removed and its files are whole; then the program ends by the same signal.
    static func installTermination() {
        _ = terminating.load(ordering: .sequentiallyConsistent)
        _ = commandRunning.load(ordering: .sequentiallyConsistent)
        _ = requested.load(ordering: .sequentiallyConsistent)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = onTerminate
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
        // A parent may start us with them blocked (Foundation's Process does): then a
        // SIGTERM would wait, pending, until the end of the script.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Runs one command with termination deferred to its next cancellation point.
    static func command<T>(_ body: () -> T) -> T {
        commandRunning.store(true, ordering: .sequentiallyConsistent)
        let result = body()
        commandRunning.store(false, ordering: .sequentiallyConsistent)
        endIfTerminating()
        return result
    }

    /// Ends the program by the termination signal received during a command, if any.
    static func endIfTerminating() {
        let signal = terminating.load(ordering: .sequentiallyConsistent)
        guard signal != 0 else { return }
        dieBy(signal)
    }

    static func clear() { requested.store(false, ordering: .sequentiallyConsistent) }
}

private let onInterrupt: @convention(c) (Int32) -> Void = { _ in
    guard Interrupts.inReadline.load(ordering: .sequentiallyConsistent) else {
        // A command is running: it stops at its next whole step.
        Interrupts.requested.store(true, ordering: .sequentiallyConsistent)
        return
    }
    // Called back by readline after it cleaned up: drop the half-typed line
    // and draw a fresh prompt. The next command is not cancelled.
    rl_replace_line("", 0)
    rl_crlf()
    rl_on_new_line()
    rl_redisplay()
}

/// The default action of `signal`: the program ends as killed by it (status 128 + signal).
private func dieBy(_ signal: Int32) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
    raise(signal)
}

private let onTerminate: @convention(c) (Int32) -> Void = { signal in
    Interrupts.terminating.store(signal, ordering: .sequentiallyConsistent)
    guard Interrupts.commandRunning.load(ordering: .sequentiallyConsistent) else { return dieBy(signal) }
    Interrupts.requested.store(true, ordering: .sequentiallyConsistent)
}
