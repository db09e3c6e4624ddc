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
