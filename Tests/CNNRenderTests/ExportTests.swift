import CNNRender
import Foundation
import FoundationXML
import TestSupport
import Testing

/// One small canvas with colours, bold, dim, reverse, underline, a box frame, non-ASCII
/// characters and `<&>` to escape.
func sampleExportCanvas() -> Canvas {
    var canvas = Canvas(width: 14, height: 4)
    canvas.put("┌────────────┐", row: 0, column: 0)
    canvas.put("│", row: 1, column: 0)
    canvas.put("a<b>&c", row: 1, column: 1, style: CellStyle(bold: true))
    canvas.put(
        "×", row: 1, column: 8, style: CellStyle(foreground: .black, background: TerminalColor(index256: 208, basic: 3))
    )
    canvas.put("−1", row: 1, column: 10, style: CellStyle(reverse: true))
    canvas.put("│", row: 1, column: 13)
    canvas.put("3…4", row: 2, column: 1, style: CellStyle(foreground: .blue, underline: true))
    canvas.put("dim", row: 2, column: 6, style: CellStyle(dim: true))
    canvas.put("└────────────┘", row: 3, column: 0)
    return canvas
}

@Suite struct ExportTests {
    @Test func textIsTheCanvasText() {
        let canvas = sampleExportCanvas()
        #expect(export(canvas, format: .text) == canvas.text)
    }

    @Test func ansiGolden() {
        let ansi = export(sampleExportCanvas(), format: .ansi)
        GoldenText.check(ansi + "\n", named: "export-sample.ansi", in: Golden.directory)
        #expect(ansi.contains("\u{1B}[0;1ma<b>&c\u{1B}[0m"))
        #expect(ansi.contains("\u{1B}[0;38;5;16;48;5;208m×"))
        #expect(ansi.contains("\u{1B}[0;7m−1\u{1B}[0m"))
        #expect(ansi.contains("\u{1B}[0;4;38;5;33m3…4"))
        let stripped = ansi.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == sampleExportCanvas().text)
    }

    @Test func htmlGolden() {
        let html = export(sampleExportCanvas(), format: .html)
        GoldenText.check(html, named: "export-sample.html", in: Golden.directory)
        #expect(html.contains("<span class=\"b\">a&lt;b&gt;&amp;c</span>"))
        #expect(html.contains("style=\"color: #000000; background: #ff8700\">×</span>"))
        // reverse swaps the page defaults
        #expect(html.contains("style=\"color: #000000; background: #e5e5e5\">−1</span>"))
        #expect(html.contains("monospace"))
        #expect(!html.contains("<link") && !html.contains("<script"))
    }

    @Test func svgGoldenParsesAsXML() throws {
        let svg = export(sampleExportCanvas(), format: .svg)
        GoldenText.check(svg, named: "export-sample.svg", in: Golden.directory)
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGTextCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(collector.texts.contains("a<b>&c"))
        #expect(collector.texts.contains("3…4"))
        #expect(collector.boldTexts == ["a<b>&c"])
        #expect(collector.rectangles == 1 + 2)  // the page, the orange ×, the reversed −1
    }

    @Test func controlCharactersNeverBreakTheXML() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("\u{1}\u{7F}x", row: 0, column: 0)
        let parser = XMLParser(data: Data(export(canvas, format: .svg).utf8))
        #expect(parser.parse())
    }

    @Test func xtermPalette() {
        #expect(Xterm256.hex(16) == "#000000")
        #expect(Xterm256.hex(196) == "#ff0000")
        #expect(Xterm256.hex(208) == "#ff8700")
        #expect(Xterm256.hex(232) == "#080808")
        #expect(Xterm256.hex(255) == "#eeeeee")
        #expect(Xterm256.hex(12) == "#5c5cff")
    }
}

/// Collects what an SVG holds, to check that the export is well-formed and says what it should.
final class SVGTextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var boldTexts: [String] = []
    var rectangles = 0
    private var current: String?
    private var bold = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "rect" { rectangles += 1 }
        if name == "text" {
            current = ""
            bold = attributes["font-weight"] == "bold"
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "text", let text = current else { return }
        texts.append(text)
        if bold { boldTexts.append(text) }
        current = nil
    }
}

@Suite struct FrameFormatTests {
    @Test func parsesNamesAndExplainsRefusals() {
        #expect(FrameFormat.parse("SVG") == .success(.svg))
        guard case .failure(let error) = FrameFormat.parse("pdf") else {
            Issue.record("pdf was accepted")
            return
        }
        #expect(error.message == "--format: unknown format 'pdf'; choose one of text, ansi, html, svg")
    }
}
