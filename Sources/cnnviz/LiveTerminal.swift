import CNNRender
import CNNTerminal

/// What the app loop needs of a terminal: its size, drawing a canvas, and the next input event.
/// `TerminalScreen` is the real one; the loop's tests use a scripted one.
@MainActor
protocol LiveTerminal: AnyObject {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows `canvas`, writing only what changed since the last draw.
    func draw(_ canvas: Canvas)
    /// Makes the next draw repaint everything.
    func forceFullRedraw()
    /// Waits for the next event; `nil` waits without a deadline.
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent
}

extension TerminalScreen: LiveTerminal {}
