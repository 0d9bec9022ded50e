import CNNRender
import CNNTerminal

/// The one loop that runs `explore`, `tutorial` and `play` on the terminal. The input thread only
/// reads the terminal (keys, clicks, resize, signals) and draws finished frames; applying events
/// and drawing a frame run on a worker (`LiveTask`), so a key that rebuilds a large model never
/// freezes the keyboard. Events that arrive while the worker is busy wait in order and go to it
/// together when it is done. After `workingNoticeMilliseconds` the last frame shows "working…";
/// once the work has run for `cancelAfterMilliseconds`, q quits at once, Esc cancels it (the
/// screen goes back to the state before and says "cancelled") and Ctrl-C or SIGTERM end the
/// program. With nothing due the process sleeps in the terminal's input wait (no CPU).
enum AppLoop {
    /// How long work runs before the last frame says "working…".
    static let workingNoticeMilliseconds = 150
    /// How long work runs before q and Esc stop it rather than wait their turn (shorter work
    /// is done before a person notices, and the keys then mean what they mean in the view).
    static let cancelAfterMilliseconds = 40
    /// The longest the input thread waits for the worker before it looks at the terminal again
    /// (it takes the result the moment the work ends).
    static let busyWaitMilliseconds = 10
    /// How long a quitting loop gives cancelled work to stop before it leaves anyway.
    static let quitGraceMilliseconds = 40

    /// Runs `screen` until it finishes (exit status 0) or a signal ends it (its conventional status).
    @MainActor
    static func run<Screen: LiveScreen>(_ start: Screen, options: RenderOptions, terminal: TerminalScreen) -> Int32 {
        var loop = LiveLoop(screen: start, options: options, terminal: terminal)
        return loop.run()
    }
}
