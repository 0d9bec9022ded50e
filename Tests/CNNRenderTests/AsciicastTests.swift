import CNNRender
import Foundation
import TestSupport
import Testing

@Suite struct AsciicastTests {
    private func frames() -> [(time: Double, canvas: Canvas)] {
        var first = Canvas(width: 6, height: 2)
        first.put("ab\"\\", row: 0, column: 0, style: CellStyle(bold: true))
        first.put("x…", row: 1, column: 0)
        var second = first
        second.put("y", row: 1, column: 0)
        var third = second
        third.put("Q", row: 0, column: 2, style: CellStyle(reverse: true))
        third.put("Z", row: 0, column: 4)
        return [(0, first), (0.5, first), (1.25, second), (2, third)]
    }

    @Test func headerAndEventsAreJSONLines() throws {
        let cast = AsciicastWriter.document(width: 6, height: 2, timestamp: 1_700_000_000, title: "t", frames: frames())
        GoldenText.check(cast, named: "sample.cast", in: Golden.directory)
        let lines = cast.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "the repeated frame is left out")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 6 && header["height"] as? Int == 2)
        #expect(header["timestamp"] as? Int == 1_700_000_000)
        let firstEvent = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [Any])
        #expect(firstEvent.count == 3 && firstEvent[1] as? String == "o")
        #expect((firstEvent[0] as? Double) == 0)
        let data = try #require(firstEvent[2] as? String)
        #expect(data.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J"))
        #expect(data.contains("\u{1B}[0;1mab\"\\\u{1B}[0m") && data.contains("x…"))
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [Any])
        #expect((second[0] as? Double) == 1.25)
        #expect(second[2] as? String == "\u{1B}[2;1Hy", "only the changed cells, after a cursor move")
    }

    @Test func changedStretchIsRedrawnWithItsStyles() throws {
        let cast = AsciicastWriter.document(width: 6, height: 2, timestamp: 0, frames: frames())
        let last = try #require(cast.split(separator: "\n").last)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [Any])
        // columns 3…5 of row 1: Q reversed, the bold backslash between, Z plain
        #expect(event[2] as? String == "\u{1B}[1;3H\u{1B}[0;7mQ\u{1B}[0;1m\\\u{1B}[0mZ")
    }

    @Test func jsonEscaping() {
        #expect(AsciicastWriter.jsonString("a\"b\\c\n\u{1B}\t…") == "\"a\\\"b\\\\c\\n\\u001b\\t…\"")
        #expect(AsciicastWriter.seconds(1.5) == "1.500000")
        #expect(AsciicastWriter.seconds(0.000001) == "0.000001")
    }
}
