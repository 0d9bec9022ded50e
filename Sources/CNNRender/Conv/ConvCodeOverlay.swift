import CNNSandbox

/// The conv view's `T` overlay: the PyTorch code of the setup (`TorchCode`, the same text as
/// `cnnviz explore --torch`) in a box over the view; long lines are cut, and tensors too long
/// for one line show their start.
enum ConvCodeOverlay {
    /// Draws the overlay centred in the canvas.
    static func draw(_ model: ConvModel, into canvas: inout Canvas, options: RenderOptions) {
        let palette = Palette(options: options)
        let text: String
        switch TorchCode.program(for: model) {
        case .success(let code): text = code
        case .failure(let refusal): text = refusal.reason
        }
        let width = max(20, canvas.width - 4)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let scalars = Array(line.unicodeScalars)
            guard scalars.count > width - 4 else { return String(line) }
            return String(String.UnicodeScalarView(scalars.prefix(width - 5))) + options.glyphs.ellipsis
        }
        let height = min(canvas.height, lines.count + 3)
        let top = max(0, (canvas.height - height) / 2)
        for row in top..<(top + height) {
            for column in 2..<(2 + width) { canvas[row, column] = Cell(" ") }
        }
        Box.draw(
            into: &canvas, top: top, left: 2, width: width, height: height, glyphs: options.glyphs, style: palette.title
        )
        canvas.put(" PyTorch (cnnviz explore --torch)  T closes ", row: top, column: 4, style: palette.title)
        for (index, line) in lines.prefix(height - 3).enumerated() {
            canvas.put(line, row: top + 1 + index, column: 4)
        }
    }
}
