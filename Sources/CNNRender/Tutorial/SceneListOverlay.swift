import CNNCourse
import CNNSandbox

/// The scene list (`g`): every scene with its number, topic and title, the chosen one in reverse.
enum SceneListOverlay {
    static func draw(_ session: TutorialSession, into canvas: inout Canvas, options: RenderOptions) {
        guard let cursor = session.listCursor else { return }
        let glyphs = options.glyphs
        let drewOver = canvas.drawsOver
        canvas.drawsOver = true
        defer { canvas.drawsOver = drewOver }
        let numberWidth = String(session.scenes.count).count
        let entries = session.scenes.enumerated().map { index, scene in
            let number = String(index + 1)
            let marker = index == session.sceneIndex ? glyphs.play : " "
            return glyphs.adapt(
                "\(marker) " + String(repeating: " ", count: numberWidth - number.count) + number
                    + "  topic \(scene.topic)  \(scene.view.kind.name)  \(scene.title)")
        }
        let footer = glyphs.adapt(" ↑ ↓ choose  Enter open  Esc close  or type the number ")
        let title = " scenes "
        let innerWidth = min(
            canvas.width - 4, max(entries.map { $0.unicodeScalars.count + 2 }.max() ?? 0, footer.unicodeScalars.count))
        let visible = max(1, min(entries.count, canvas.height - 6))
        let height = visible + 4
        let top = max(0, (canvas.height - height) / 2)
        let left = max(0, (canvas.width - innerWidth - 2) / 2)
        let first = min(max(0, cursor - visible / 2), max(0, entries.count - visible))
        canvas.fill(row: top, column: left, width: innerWidth + 2, height: height, with: Cell(" "))
        Box.draw(
            into: &canvas, top: top, left: left, width: innerWidth + 2, height: height, glyphs: glyphs,
            style: CellStyle(bold: true))
        canvas.put(title, row: top, column: left + 2, style: CellStyle(bold: true))
        for offset in 0..<visible {
            let index = first + offset
            let row = top + 2 + offset
            let text = clipped(" " + entries[index], width: innerWidth, glyphs: glyphs)
            if index == cursor {
                canvas.fill(
                    row: row, column: left + 1, width: innerWidth, height: 1,
                    with: Cell(" ", style: CellStyle(bold: true, reverse: true)))
                canvas.put(text, row: row, column: left + 1, style: CellStyle(bold: true, reverse: true))
            } else {
                canvas.put(text, row: row, column: left + 1)
            }
        }
        canvas.put(
            footer, row: top + height - 1, column: left + max(1, (innerWidth + 2 - footer.unicodeScalars.count) / 2),
            style: CellStyle(bold: options.classroom))
    }

    /// `text` cut to `width` columns, with an ellipsis when cut.
    private static func clipped(_ text: String, width: Int, glyphs: Glyphs) -> String {
        guard text.unicodeScalars.count > width else { return text }
        let ellipsis = glyphs.ellipsis.unicodeScalars.count
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(max(0, width - ellipsis)))) + glyphs.ellipsis
    }
}
