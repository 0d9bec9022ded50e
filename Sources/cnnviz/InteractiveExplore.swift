import CNNRender
import CNNSandbox
import CNNTerminal

/// Runs the sandbox on the terminal: draw, wait for a key or the next step, apply, repeat.
/// While paused the process sleeps in the terminal's input wait; while playing it wakes
/// only for the next step or a key.
enum InteractiveExplore {
    static func run(screen: any ExploreView, configuration: ExploreConfiguration, ascii: Bool, noColor: Bool) throws {
        try InteractiveLoop.run(command: "explore", noColor: noColor) { terminal in
            loop(screen: screen, configuration: configuration, ascii: ascii, terminal: terminal)
        }
    }

    @MainActor
    private static func loop(
        screen: any ExploreView, configuration: ExploreConfiguration, ascii: Bool, terminal: TerminalScreen
    ) -> Int32 {
        var view = screen
        let renderOptions = InteractiveLoop.renderOptions(ascii: ascii, terminal: terminal)
        var nextTick: UInt64? = nil
        while true {
            let size = terminal.size
            let frame = draw(view, size: size, options: renderOptions)
            terminal.draw(frame.canvas)
            // Wait for a key, or until the next step is due.
            var timeout: Int? = nil
            if view.player.playing {
                let due = nextTick ?? InteractiveLoop.now + UInt64(view.player.interval) * 1_000_000
                nextTick = due
                timeout = InteractiveLoop.milliseconds(until: due)
            } else {
                nextTick = nil
            }
            switch terminal.nextEvent(timeoutMilliseconds: timeout) {
            case .timeout:
                if view.player.playing {
                    view.apply(.tick)
                    nextTick = (nextTick ?? InteractiveLoop.now) + UInt64(view.player.interval) * 1_000_000
                }
            case .resize:
                continue
            case .terminate(let signal):
                return TerminalSession.exitStatus(for: signal)
            case .mouse(let row, let column):
                if let target = frame.target(row: row, column: column) { view.click(target) }
            case .key(let key):
                if view.showHelp {
                    view.showHelp = false  // any key closes the help
                    continue
                }
                switch KeyBindings.command(for: key) {
                case .quit: return 0
                case .redraw: terminal.forceFullRedraw()
                case .nextView: view = nextView(after: view, configuration: configuration)
                case .action(let action):
                    let wasPlaying = view.player.playing
                    view.apply(action)
                    if view.player.playing && !wasPlaying { nextTick = nil }
                case nil: break
                }
            }
        }
    }

    /// The frame, or a request for a larger terminal when the screen is too small.
    static func draw(_ view: any ExploreView, size: (width: Int, height: Int), options: RenderOptions) -> RenderedFrame
    {
        InteractiveLoop.tooSmallFrame(size: size, options: options)
            ?? view.render(width: size.width, height: size.height, options: options)
    }

    /// The next view that accepts the flags, wrapping around (views that refuse them are skipped).
    static func nextView(after view: any ExploreView, configuration: ExploreConfiguration) -> any ExploreView {
        var kind = type(of: view).kind.next
        while kind != type(of: view).kind {
            if var next = try? ExploreViews.make(
                kind, configuration: configuration, playing: false, speed: view.player.speed)
            {
                next.player.playing = view.player.playing
                return next
            }
            kind = kind.next
        }
        return view
    }
}
