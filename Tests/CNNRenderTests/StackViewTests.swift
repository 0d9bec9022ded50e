import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("Stack view: receptive-field growth")
struct StackViewTests {
    static let mono = RenderOptions(color: false)

    /// A stack view built as the CLI builds it.
    static func screen(layers: String? = nil, input: Int? = nil, channels: Int? = nil) throws(CNNError)
        -> StackModel
    {
        var configuration = ExploreConfiguration()
        configuration.layers = layers
        if let input {
            configuration.conv.inputRows = input
            configuration.conv.inputColumns = input
            configuration.given.insert("input")
        }
        if let channels {
            configuration.inputChannels = channels
            configuration.given.insert("in-channels")
        }
        if layers != nil { configuration.given.insert("layers") }
        return try StackModel(configuration: configuration, playing: false, speed: 2)
    }

    /// How often a mark appears in the grids (the legend line left out).
    static func marks(_ canvas: Canvas, glyph: Character) -> Int {
        canvas.lines.filter { !$0.contains(" read   ") }.reduce(0) { $0 + $1.filter { $0 == glyph }.count }
    }

    /// Counts a glyph in the part of the frame left of a column (one level's grid).
    static func count(_ glyph: Character, in canvas: Canvas, columns: Range<Int>, rows: Range<Int>) -> Int {
        var total = 0
        for y in rows {
            let line = Array(canvas.lines[y])
            for x in columns where x < line.count && line[x] == glyph { total += 1 }
        }
        return total
    }

    @Test("three 3×3 convolutions: r = 3, 5, 7; the centre of the last level reads a 7×7 input region")
    func threeConvolutions() throws {
        var screen = try Self.screen()
        let stack = try #require(screen.stack)
        #expect(stack.sizes == [[9, 9], [7, 7], [5, 5], [3, 3]])
        #expect(stack.receptiveFields.map(\.size) == [3, 5, 7])
        #expect(stack.receptiveFields.map(\.jump) == [1, 1, 1])
        #expect(screen.level == 3 && screen.row == 1 && screen.column == 1)
        #expect(screen.player.stepCount == 4)
        // Step k lights the level k below: 3×3, then 5×5, then 7×7 (the core's masks).
        for step in 0..<4 {
            screen.player.go(to: step)
            let frame = screen.render(width: 80, height: 24, options: Self.mono)
            Golden.check(frame.canvas, named: "stack-conv3x3-step\(step + 1)")
            let chosen = try #require(screen.chosen)
            if step > 0 {
                let level = chosen.levels[3 - step]
                #expect(level.count == (2 * step + 1) * (2 * step + 1))
                #expect(level.boxRows?.count == 2 * step + 1 && level.boxColumns?.count == 2 * step + 1)
            }
            #expect(Self.marks(frame.canvas, glyph: "■") == [0, 9, 9 + 25, 9 + 25 + 49][step])
            #expect(frame.canvas.contains("step \(step + 1)/4"))
        }
        let input = try #require(screen.chosen?.levels[0])
        #expect(input.boxRows == 1...7 && input.boxColumns == 1...7)
        #expect(try stack.mask(level: 3, row: 1, column: 1) == input.mask)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        #expect(frame.canvas.contains("reads 49 cells of the input in a 7×7 box"))
        // The input grid (left of the first arrow) holds exactly the 7×7 lit block.
        let title = try #require(frame.canvas.lines.firstIndex { $0.hasPrefix(" input ") })
        #expect(Self.count("■", in: frame.canvas, columns: 0..<19, rows: (title + 2)..<(title + 11)) == 49)
        #expect(frame.canvas.contains("1  conv3  1×7×7   3     1      1    0      10    441"))
        #expect(frame.canvas.contains("3  conv3  1×3×3   7     1      3    0      10     81"))
    }

    @Test("conv3, pool2s2, conv3: r = 8 and jump 2; pooling counts as a layer")
    func poolingStride() throws {
        var screen = try Self.screen(layers: "conv3,pool2s2,conv3", input: 12)
        let stack = try #require(screen.stack)
        #expect(stack.receptiveFields.map(\.size) == [3, 4, 8])
        #expect(stack.receptiveFields.map(\.jump) == [1, 2, 2])
        #expect(stack.sizes == [[12, 12], [10, 10], [5, 5], [3, 3]])
        screen.apply(.lastStep)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "stack-pool-stride")
        #expect(frame.canvas.contains("(r 8, jump 2) reads 64 cells of the input in an 8×8 box"))
        #expect(frame.canvas.contains("2  maxpool2 s2  1×5×5    4     2    1.5    0       0      0"))
        #expect(screen.chosen?.levels[0].count == 64)
    }

    @Test("a dilated layer reads a 3×3 mask with holes inside its 5×5 span")
    func dilationHoles() throws {
        var screen = try Self.screen(layers: "conv3,conv3d2")
        screen.apply(.lastStep)
        screen.apply(.stepBackward)  // light one level: L1
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "stack-dilation-holes")
        let level1 = try #require(screen.chosen?.levels[1])
        #expect(level1.count == 9)
        #expect(level1.spanRows.count == 5 && level1.spanColumns.count == 5)
        #expect(level1.mask[1][1] && !level1.mask[1][2] && level1.mask[1][3])
        #expect(Self.marks(frame.canvas, glyph: "■") == 9)
        #expect(Self.marks(frame.canvas, glyph: "□") == 25 - 9)
        #expect(frame.canvas.contains("reads 9 cells of L1 in a 5×5 box"))
        // The span equals the box here, so the line does not repeat it.
        #expect(!frame.canvas.contains("its span"))
    }

    @Test("a corner cell's span reaches into the padding, drawn beyond the grid")
    func paddingReach() throws {
        var screen = try Self.screen(layers: "conv3p1,conv3p1", input: 6)
        screen.select(level: 2, row: 0, column: 0)
        let span = try #require(screen.chosen?.levels[0])
        #expect(span.spanRows == -2...2 && span.spanColumns == -2...2)
        #expect(span.count == 9)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "stack-padding-reach")
        #expect(frame.canvas.contains("reads 9 cells of the input in a 3×3 box; its span"))
        #expect(frame.canvas.contains("is 5×5: rows -2…2, cols -2…2"))
        // Two rows of padding above the grid are drawn: the span's top-left 5×5 corner.
        let title = try #require(frame.canvas.lines.firstIndex { $0.hasPrefix(" input ") })
        #expect(frame.canvas.lines[title + 2].hasPrefix(" □ □ □ □ □"))
        #expect(frame.canvas.lines[title + 4].hasPrefix(" □ □ ■ ■ ■ · · ·"))
    }

    @Test("channels: conv3c8, conv3c16 on one channel have 80 and 1168 parameters")
    func tableWithChannels() throws {
        let screen = try Self.screen(layers: "conv3c8,conv3c16", input: 9)
        let stack = try #require(screen.stack)
        #expect(stack.costs.map(\.parameters) == [80, 1168])
        #expect(stack.costs.map(\.multiplications) == [8 * 7 * 7 * 9, 16 * 5 * 5 * 72])
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "stack-channels-table")
        #expect(frame.canvas.contains("1  conv3  8×7×7   3     1      1    0      80   3528"))
        #expect(frame.canvas.contains("2  conv3  16×5×5  5     1      2    0    1168  28800"))
        #expect(frame.canvas.lines.contains { $0.hasPrefix("    total") && $0.hasSuffix("1248  32328") })
    }

    @Test("invalid stacks: the flag is refused with the core's message; i/I shows it in place")
    func invalidStacks() throws {
        #expect(throws: CNNError.self) { try Self.screen(layers: "conv3,,conv3") }
        do {
            _ = try Self.screen(layers: "conv3,conv3,conv3", input: 4)
            Issue.record("a 4×4 input under three 3×3 convolutions should be refused")
        } catch {
            #expect(error.message.hasPrefix("layer 2 (conv3): kernel 3×3 is larger than the padded input 2×2"))
        }
        var screen = try Self.screen(input: 7)
        screen.apply(.inputSize(-1))
        #expect(
            screen.errorMessage?.hasPrefix("layer 3 (conv3): kernel 3×3 is larger than the padded input 2×2")
                == true)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "stack-invalid")
        #expect(frame.canvas.contains("cannot compute"))
        #expect(frame.canvas.contains("layer 3 (conv3): kernel 3×3 is larger than the"))
        #expect(frame.canvas.contains("3  conv3  –       7"))  // receptive fields stay known
        screen.apply(.inputSize(+1))
        #expect(screen.errorMessage == nil)
        #expect(screen.chosen?.levels[0].count == 49)
    }

    @Test("without --input the stack opens on the smallest side from 9 on which it fits")
    func defaultInput() throws {
        let screen = try Self.screen(layers: "conv3,conv3,pool2s2,conv3d2")
        #expect(screen.setup.inputRows == 14)
        #expect(screen.stack?.receptiveFields.last?.size == 14)
    }

    @Test("[ ] change level, arrows move the cell, a click chooses any cell of any level")
    func navigation() throws {
        var screen = try Self.screen()
        screen.apply(.viewKey("["))
        #expect(screen.level == 2 && screen.row == 2 && screen.column == 2)
        screen.apply(.moveCursor(rows: 1, columns: -1))
        #expect(screen.row == 3 && screen.column == 1)
        #expect(screen.player.step == screen.player.stepCount - 1)
        screen.apply(.viewKey("]"))
        #expect(screen.level == 3)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        let region = try #require(frame.hits.first { $0.target == .stackCell(level: 1, row: 0, column: 6) })
        let target = try #require(frame.target(row: region.row, column: region.column))
        screen.click(target)
        #expect(screen.level == 1 && screen.row == 0 && screen.column == 6)
        #expect(screen.chosen?.levels[0].boxRows == 0...2 && screen.chosen?.levels[0].boxColumns == 6...8)
    }

    @Test("--ascii draws every character from plain ASCII")
    func ascii() throws {
        var screen = try Self.screen(layers: "conv3,conv3d2")
        screen.apply(.lastStep)
        let frame = screen.render(width: 80, height: 24, options: RenderOptions(ascii: true, color: false))
        Golden.check(frame.canvas, named: "stack-ascii")
        #expect(frame.canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(frame.canvas.contains("# read   o in the span, not read"))
    }

    @Test("80×24 and 200×60: larger terminals get larger cells", arguments: [(80, 24), (200, 60)])
    func sizes(width: Int, height: Int) throws {
        var screen = try Self.screen(layers: "conv3,conv3,pool2s2,conv3d2")
        screen.apply(.lastStep)
        let frame = screen.render(width: width, height: height, options: Self.mono)
        Golden.check(frame.canvas, named: "stack-\(width)x\(height)")
        #expect(frame.canvas.width == width && frame.canvas.height == height)
        #expect(frame.canvas.lines[height - 1].contains("step 5/5"))
        #expect(frame.canvas.contains("4  conv3 d2     1×1×1    14     2    6.5    0      10      9"))
        // 80×24: the 14×14 input whole in half blocks (7 rows of 14) instead of strips; 200×60: large cells.
        let blocks = width >= 200 ? "■■■" : String(repeating: "█", count: 14)
        #expect(frame.canvas.contains(blocks))
    }

    @Test("the README frame: the default stack at 80×24, fully lit")
    func readmeFrame() throws {
        var screen = try Self.screen()
        screen.apply(.lastStep)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "stack-readme")
        #expect(frame.canvas.contains("layers conv3,conv3,conv3 on 1×9×9 → 1×3×3"))
    }

    @Test("the help overlay lists the view's keys")
    func help() throws {
        var screen = try Self.screen()
        screen.apply(.toggleHelp)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        #expect(frame.canvas.contains("chosen cell one level down / up"))
        #expect(frame.canvas.contains("input size − / +"))
    }

    @Test("colour frames carry the same text as monochrome ones")
    func colours() throws {
        var screen = try Self.screen()
        screen.apply(.lastStep)
        let colored = screen.render(width: 80, height: 24, options: RenderOptions(color: true)).canvas
        let mono = screen.render(width: 80, height: 24, options: Self.mono).canvas
        #expect(colored.text == mono.text)
        #expect(colored.cells.contains { $0.style.background != nil })
        #expect(mono.cells.allSatisfy { $0.style.background == nil })
    }
}
