import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The backstop that makes Ctrl-C, SIGTERM and SIGHUP act within 100 ms whatever the loop does.
/// (While the loop computes, the handler itself restores the terminal and ends the process;
/// while it waits for input, the interrupted read hands the signal to the loop.) The handler
/// also posts a semaphore (async-signal-safe); this thread wakes, gives the loop
/// `graceMilliseconds` to take the signal (it may have landed just before the read started),
/// and otherwise restores the terminal itself and ends the process with 128 + N. If the loop
/// took the signal but the process is still alive `exitMilliseconds` later, it ends the
/// process too, so a stuck clean-up never keeps a terminal hostage.
enum SignalWatchdog {
    /// Time the loop gets to notice a termination signal itself.
    static let graceMilliseconds = 40
    /// Time the process gets to finish after the loop noticed the signal.
    static let exitMilliseconds = 2_000

    /// Posted by the termination handler.
    nonisolated(unsafe) private static var semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    /// Whether the thread is running.
    nonisolated(unsafe) private static var started = false

    /// Starts the watchdog thread once; later calls do nothing. Call on the main thread.
    static func start() {
        guard !started else { return }
        guard sem_init(semaphore, 0, 0) == 0 else { return }
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        // The thread must not take signals meant for the loop: block them all while creating it
        // (a new thread inherits the creating thread's mask), then restore the mask.
        var all = sigset_t()
        var previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        started = pthread_create(&thread, &attributes, { _ in SignalWatchdog.watch() }, nil) == 0
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        pthread_attr_destroy(&attributes)
    }

    /// Wakes the watchdog. Async-signal-safe.
    static func wake() {
        guard started else { return }
        sem_post(semaphore)
    }

    /// The thread body: one round per posted termination signal.
    private static func watch() -> UnsafeMutableRawPointer? {
        while true {
            while sem_wait(semaphore) != 0 {}
            let signal = pendingTerminationSignal.load(ordering: .sequentiallyConsistent)
            guard signal != 0 else { continue }
            sleep(milliseconds: graceMilliseconds)
            if pendingTerminationSignal.load(ordering: .sequentiallyConsistent) == 0 {
                // The loop took it and is leaving; give it time to finish cleanly.
                sleep(milliseconds: exitMilliseconds)
            }
            if SignalHandlingState.cursesActive { TerminalRestore.restoreFromSignal() }
            _exit(128 + signal)
        }
    }

    /// Sleeps the calling thread, resuming after interruptions.
    private static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
