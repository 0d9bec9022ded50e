import CNNRender
import Testing

@testable import CNNTerminal

/// Colour pairs allocated on demand and styles reduced to what the terminal shows.
@Suite("Colours")
struct ColorTests {
    private let redOnBlue = ColorPairKey(foreground: 160, background: 33)
    private let greenOnDefault = ColorPairKey(foreground: 34, background: -1)

    @Test("pairs are numbered from 1 in order of first use and reused afterwards")
    func allocation() {
        var cache = ColorPairCache(pairCount: 256)
        #expect(cache.pair(for: redOnBlue) == .new(1))
        #expect(cache.pair(for: greenOnDefault) == .new(2))
        #expect(cache.pair(for: redOnBlue) == .existing(1))
        #expect(cache.pair(for: greenOnDefault) == .existing(2))
        #expect(cache.count == 2)
    }

    @Test("a terminal with 3 pairs (0 reserved) gives out 1 and 2, then reports full; reset starts over")
    func exhaustion() {
        var cache = ColorPairCache(pairCount: 3)
        #expect(cache.pair(for: redOnBlue) == .new(1))
        #expect(cache.pair(for: greenOnDefault) == .new(2))
        #expect(cache.pair(for: ColorPairKey(foreground: 1, background: 2)) == .full)
        #expect(cache.pair(for: redOnBlue) == .existing(1), "known pairs still resolve when full")
        cache.reset()
        #expect(cache.count == 0)
        #expect(cache.pair(for: greenOnDefault) == .new(1))
    }

    @Test("pair numbers stay within Int16 for terminals with 65536 pairs; none without colour")
    func limits() {
        #expect(ColorPairCache(pairCount: 65536).highestPair == Int16.max)
        #expect(ColorPairCache(pairCount: 64).highestPair == 63)
        var none = ColorPairCache(pairCount: 0)
        #expect(none.pair(for: redOnBlue) == .full)
    }

    @Test("256 colours use index256, 8 colours use basic, 0 colours drop colour and keep attributes")
    func resolution() {
        let style = CellStyle(foreground: .red, background: .blue, bold: true, underline: true)
        let rich = StyleResolver(colors: 256, defaultColorsAvailable: true).resolve(style)
        #expect(rich.colors == ColorPairKey(foreground: 160, background: 33))
        let basic = StyleResolver(colors: 8, defaultColorsAvailable: true).resolve(style)
        #expect(basic.colors == ColorPairKey(foreground: 1, background: 4))
        let none = StyleResolver(colors: 0, defaultColorsAvailable: true).resolve(style)
        #expect(none.colors == nil)
        #expect(none.bold && none.underline && !none.dim && !none.reverse)
    }

    @Test("a missing colour is the default (-1), or white on black when defaults are unavailable")
    func defaults() {
        let foregroundOnly = CellStyle(foreground: .green)
        #expect(
            StyleResolver(colors: 256, defaultColorsAvailable: true).resolve(foregroundOnly).colors
                == ColorPairKey(foreground: 34, background: -1))
        #expect(
            StyleResolver(colors: 8, defaultColorsAvailable: false).resolve(foregroundOnly).colors
                == ColorPairKey(foreground: 2, background: 0))
        #expect(
            StyleResolver(colors: 8, defaultColorsAvailable: false).resolve(CellStyle(background: .cyan)).colors
                == ColorPairKey(foreground: 7, background: 6))
        #expect(StyleResolver(colors: 256, defaultColorsAvailable: true).resolve(.plain).colors == nil)
    }

    @Test("usable colours: 256+ → 256, 8…255 → 8, fewer or unwanted → 0")
    func usableColors() {
        #expect(TerminalCapabilities.usableColors(terminalColors: 256, wanted: true) == 256)
        #expect(TerminalCapabilities.usableColors(terminalColors: 16_777_216, wanted: true) == 256)
        #expect(TerminalCapabilities.usableColors(terminalColors: 88, wanted: true) == 8)
        #expect(TerminalCapabilities.usableColors(terminalColors: 8, wanted: true) == 8)
        #expect(TerminalCapabilities.usableColors(terminalColors: 2, wanted: true) == 0)
        #expect(TerminalCapabilities.usableColors(terminalColors: 256, wanted: false) == 0)
    }

    @Test("NO_COLOR: set and non-empty means no colour")
    func noColor() {
        #expect(TerminalOptions.wantsNoColor(noColorValue: "1"))
        #expect(TerminalOptions.wantsNoColor(noColorValue: "yes"))
        #expect(!TerminalOptions.wantsNoColor(noColorValue: ""))
        #expect(!TerminalOptions.wantsNoColor(noColorValue: nil))
    }
}
