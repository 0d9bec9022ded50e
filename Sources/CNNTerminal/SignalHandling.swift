import CNCurses
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The termination signal (SIGINT, SIGTERM, SIGHUP) waiting to be reported; 0 when none.
/// Written by the signal handler, read by `TerminalScreen.nextEvent`.
let pendingTerminationSignal = Atomic<Int32>(0)

/// State the signal handlers and the atexit hook read. Set on the main thread before the
/// handlers are installed; the handlers only read it.
enum SignalHandlingState {
    /// The thread that waits for input; signals that land elsewhere are forwarded to it so
    /// its blocking read is interrupted.
    nonisolated(unsafe) static var mainThread: pthread_t = pthread_self()
    /// Actions that were in place before the session, indexed by signal number.
    nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    /// Whether ncurses is started and `endwin` has not been called yet.
    nonisolated(unsafe) static var cursesActive = false
    /// Whether the atexit hook is registered.
    nonisolated(unsafe) static var atexitRegistered = false
}

/// Leaves curses mode if it is on. Called by the session, the crash handlers and atexit.
func endCursesIfActive() {
    guard SignalHandlingState.cursesActive else { return }
    SignalHandlingState.cursesActive = false
    endwin()
}

/// Records a termination signal and makes sure the input thread wakes up.
private let terminationHandler: @convention(c) (Int32) -> Void = { signal in
    pendingTerminationSignal.store(signal, ordering: .sequentiallyConsistent)
    let main = SignalHandlingState.mainThread
    if pthread_equal(pthread_self(), main) == 0 {
        pthread_kill(main, signal)
    }
}

/// Restores the terminal, then lets the previous handler (Swift's backtracer, or the
/// default action) deal with the crash so the backtrace still prints.
private let crashHandler: @convention(c) (Int32) -> Void = { signal in
    endCursesIfActive()
    sigaction(signal, SignalHandlingState.previousActions + Int(signal), nil)
    raise(signal)
}

/// Installs and removes the session's signal handling.
enum SignalHandling {
    /// Signals that end the program cleanly (exit 128 + signal).
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals that mean a crash: restore the terminal, then re-raise.
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// Unblocks every signal on this thread (a process started from a Dispatch thread
    /// inherits a mask blocking INT, TERM, HUP and WINCH).
    static func clearSignalMask() {
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
    }

    /// Installs the termination and crash handlers and the atexit hook, saving the previous actions.
    static func install() {
        SignalHandlingState.mainThread = pthread_self()
        pendingTerminationSignal.store(0, ordering: .sequentiallyConsistent)
        if !SignalHandlingState.atexitRegistered {
            SignalHandlingState.atexitRegistered = true
            atexit { endCursesIfActive() }
        }
        for signal in terminationSignals { setHandler(terminationHandler, for: signal) }
        for signal in crashSignals { setHandler(crashHandler, for: signal) }
    }

    /// Puts back the actions that were in place before `install`.
    static func restore() {
        for signal in terminationSignals + crashSignals {
            sigaction(signal, SignalHandlingState.previousActions + Int(signal), nil)
        }
    }

    /// The pending termination signal, clearing it; nil when none arrived.
    static func takePendingSignal() -> Int32? {
        let signal = pendingTerminationSignal.exchange(0, ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Sets `handler` for `signal` without SA_RESTART, so a blocking read returns EINTR.
    private static func setHandler(_ handler: @convention(c) (Int32) -> Void, for signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, SignalHandlingState.previousActions + Int(signal))
    }
}
