import CNCurses
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The termination signal (SIGINT, SIGTERM, SIGHUP) waiting to be reported; 0 when none.
/// Written by the signal handler, read by `TerminalScreen.nextEvent` and the watchdog.
let pendingTerminationSignal = Atomic<Int32>(0)

/// Whether the loop is waiting for input (inside `TerminalScreen.nextEvent`'s read), so a
/// termination signal will wake it at once; false while it computes or draws.
let waitingForInput = Atomic<Bool>(false)

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

/// Leaves curses mode if it is on. Called by the session and atexit (not from signal handlers:
/// they use `TerminalRestore`, which is async-signal-safe).
func endCursesIfActive() {
    guard SignalHandlingState.cursesActive else { return }
    SignalHandlingState.cursesActive = false
    endwin()
}

/// Records a termination signal for the loop, which leaves cleanly when it is waiting for
/// input: the read is interrupted (the signal is forwarded to the input thread if it landed
/// elsewhere), and the watchdog ends the process if the loop still does not react in time.
/// When the loop is busy computing, waiting for it could take a whole frame: the handler then
/// restores the terminal and ends the process itself (128 + N), so Ctrl-C always acts at once.
private let terminationHandler: @convention(c) (Int32) -> Void = { signal in
    pendingTerminationSignal.store(signal, ordering: .sequentiallyConsistent)
    if !waitingForInput.load(ordering: .sequentiallyConsistent) && SignalHandlingState.cursesActive {
        restoreTerminalInHandler()
        _exit(128 + signal)
    }
    SignalWatchdog.wake()
    let main = SignalHandlingState.mainThread
    if pthread_equal(pthread_self(), main) == 0 {
        pthread_kill(main, signal)
    }
}

/// For signals whose default action ends the process (QUIT, USR1, USR2, ALRM, PIPE): restores
/// the terminal, then dies of the same signal with the default action (status 128 + N).
private let fatalHandler: @convention(c) (Int32) -> Void = { signal in
    restoreTerminalInHandler()
    SignalHandling.dieOfDefault(signal)
}

/// For crashes: restores the terminal, lets the previous handler (Swift's backtracer, which
/// prints the backtrace) run, then dies of the signal with the default action, so even a
/// crash signal sent from outside (kill -SEGV) ends the process instead of returning to it.
private let crashHandler: @convention(c) (Int32) -> Void = { signal in
    restoreTerminalInHandler()
    sigaction(signal, SignalHandlingState.previousActions + Int(signal), nil)
    SignalHandling.unblock(signal)
    raise(signal)
    SignalHandling.dieOfDefault(signal)
}

/// Restores the terminal without ncurses, once. Async-signal-safe.
private func restoreTerminalInHandler() {
    guard SignalHandlingState.cursesActive else { return }
    SignalHandlingState.cursesActive = false
    TerminalRestore.restoreFromSignal()
}

/// Installs and removes the session's signal handling.
enum SignalHandling {
    /// Signals that end the program cleanly through the loop (exit 128 + signal).
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals whose default action ends the process: restore the terminal, then die of them.
    static let fatalSignals: [Int32] = [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE]
    /// Signals that mean a crash: restore the terminal, print the backtrace, then die of them.
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// Unblocks every signal on this thread (a process started from a Dispatch thread
    /// inherits a mask blocking INT, TERM, HUP and WINCH).
    static func clearSignalMask() {
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
    }

    /// Installs the handlers, the atexit hook and the watchdog, saving the previous actions.
    static func install() {
        SignalHandlingState.mainThread = pthread_self()
        pendingTerminationSignal.store(0, ordering: .sequentiallyConsistent)
        if !SignalHandlingState.atexitRegistered {
            SignalHandlingState.atexitRegistered = true
            atexit { endCursesIfActive() }
        }
        SignalWatchdog.start()
        for signal in terminationSignals { setHandler(terminationHandler, for: signal) }
        for signal in fatalSignals { setHandler(fatalHandler, for: signal) }
        for signal in crashSignals { setHandler(crashHandler, for: signal) }
    }

    /// Puts back the actions that were in place before `install`.
    static func restore() {
        for signal in terminationSignals + fatalSignals + crashSignals {
            sigaction(signal, SignalHandlingState.previousActions + Int(signal), nil)
        }
    }

    /// The pending termination signal, clearing it; nil when none arrived.
    static func takePendingSignal() -> Int32? {
        let signal = pendingTerminationSignal.exchange(0, ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Ends the process by `signal` with its default action; `_exit(128 + signal)` if that
    /// somehow returns. Async-signal-safe.
    static func dieOfDefault(_ signal: Int32) -> Never {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
        unblock(signal)
        raise(signal)
        _exit(128 + signal)
    }

    /// Unblocks `signal` on the calling thread (it is blocked while its own handler runs).
    static func unblock(_ signal: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
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
