import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("Channels view: input channels summed into output channels")
struct ChannelsViewTests {
    static let mono = RenderOptions(color: false)

    /// A channels view built as the CLI builds it, paused at step 0.
    static func screen(
        inputs: Int = 2, outputs: Int = 2, groups: Int = 1, input: Int? = nil, kernel: Int? = nil,
        fill: InputPattern? = nil, preset: KernelPreset? = nil
    ) throws(CNNError) -> ChannelsModel {
        var configuration = ExploreConfiguration(inputChannels: inputs, outputChannels: outputs, groups: groups)
        if let input {
            (configuration.conv.inputRows, configuration.conv.inputColumns) = (input, input)
            configuration.given.insert("input")
        }
        if let kernel {
            (configuration.conv.kernelRows, configuration.conv.kernelColumns) = (kernel, kernel)
            configuration.given.insert("kernel")
        }
        if let fill {
            configuration.conv.pattern = fill
            configuration.given.insert("fill")
        }
        if let preset {
            configuration.conv.preset = preset
            configuration.given.insert("preset")
        }
        return try ChannelsModel(configuration: configuration, playing: false, speed: 2)
    }

    @Test("the lecture notes' two-channel example: (0×0 + 1×1 + 3×2 + 4×3) + (1×1 + 2×2 + 4×3 + 5×4) = 19 + 37 = 56")
    func twoChannelExample() throws {
        let screen = try Self.screen()
        let computation = try #require(screen.computation)
        let stage = computation.stages[0]
        #expect(stage.input.data == [0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(Array(stage.weight.data.prefix(8)) == [0, 1, 2, 3, 1, 2, 3, 4])
        #expect(Array(stage.output.data.prefix(4)) == [56, 72, 104, 120])
        let parts = ChannelPart.split(computation.trace(step: 0))
        #expect(parts.map(\.inputChannel) == [0, 1])
        #expect(parts.map(\.sum) == [19, 37])
        #expect(computation.trace(step: 0).value == 56)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "channels-two-channel-56")
        #expect(frame.canvas.contains("out0[0,0] = (0×0 + 1×1 + 3×2 + 4×3) + (1×1 + 2×2 + 4×3 + 5×4) = 19 + 37 = 56"))
        // Every cell of output channel 0, each equal to its trace's sum.
        var screen2 = screen
        for (step, expected) in [56.0, 72, 104, 120].enumerated() {
            screen2.player.go(to: step)
            #expect(computation.trace(step: step).value == expected)
            let text = screen2.render(width: 80, height: 24, options: Self.mono).canvas
            #expect(text.contains("= \(NumberText.format(expected))"))
        }
        screen2.player.go(to: 3)
        let last = screen2.render(width: 80, height: 24, options: Self.mono).canvas
        #expect(last.contains("(4×0 + 5×1 + 7×2 + 8×3) + (5×1 + 6×2 + 8×3 + 9×4) = 43 + 77 = 120"))
        // The whole output channel is filled in: 56 72 / 104 120.
        #expect(last.lines.contains { $0.split(separator: " ").suffix(2) == ["56", "72"] })
        #expect(last.lines.contains { $0.split(separator: " ").suffix(2) == ["104", "120"] })
    }

    @Test("three output channels stack: steps run through channel 0, then 1, then 2; n picks a channel")
    func threeOutputChannels() throws {
        var screen = try Self.screen(outputs: 3)
        let computation = try #require(screen.computation)
        #expect(computation.stepCount == 12)
        #expect(computation.position(ofStep: 4) == (0, 1, 0, 0))
        #expect(computation.position(ofStep: 11) == (0, 2, 1, 1))
        // Kernel o is the ramp plus o: output channel o is the two-channel example shifted.
        #expect(computation.stages[0].output.data == [56, 72, 104, 120, 76, 100, 148, 172, 96, 128, 192, 224])
        screen.player.go(to: 9)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "channels-three-outputs")
        #expect(frame.canvas.contains("out2[0,1] = (1×2 + 2×3 + 4×4 + 5×5) + (2×3 + 3×4 + 5×5 + 6×6) = 49 + 79 = 128"))
        #expect(
            frame.canvas.contains("out0 2×2") && frame.canvas.contains("out1 2×2") && frame.canvas.contains("out2 2×2"))
        screen.apply(.viewKey("n"))
        #expect(screen.position! == (0, 0, 0, 1))
        screen.apply(.viewKey("N"))
        #expect(screen.position! == (0, 2, 0, 1))
    }

    @Test("groups 2: each kernel reads half the channels; depthwise (groups = C_in): one each")
    func groups() throws {
        var screen = try Self.screen(inputs: 4, outputs: 4, groups: 2)
        let computation = try #require(screen.computation)
        #expect(computation.stages[0].weight.shape == [4, 2, 2, 2])
        #expect(Set(computation.trace(step: 4).terms.map(\.inputChannel)) == [0, 1])  // out1 reads ch0–1
        #expect(Set(computation.trace(step: 8).terms.map(\.inputChannel)) == [2, 3])  // out2 reads ch2–3
        #expect(screen.costs.grouped == .success(32))
        #expect(screen.costs.standard == 64)
        screen.player.go(to: 8)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "channels-groups2")
        #expect(frame.canvas.contains("grouped  C_in 4 → C_out 4, groups 2: each kernel reads 2 channels"))
        #expect(frame.canvas.contains("→ grouped    K₁K₂·(C_in/g)·C_out = 2·2·(4/2)·4 = 32"))

        let depthwise = try Self.screen(inputs: 3, outputs: 3, groups: 3, input: 4, kernel: 3)
        let layer = try #require(depthwise.computation?.stages[0])
        #expect(layer.weight.shape == [3, 1, 3, 3])
        #expect(depthwise.costs.grouped == .success(27))
        #expect(Set(depthwise.computation!.trace(step: 4).terms.map(\.inputChannel)) == [1])
        let depthFrame = depthwise.render(width: 80, height: 24, options: Self.mono)
        Golden.check(depthFrame.canvas, named: "channels-depthwise")
        #expect(
            depthFrame.canvas.contains("depthwise  C_in 3 → C_out 3, groups = C_in = 3: each kernel reads one channel"))
        #expect(depthFrame.canvas.contains("3·3·(3/3)·3 = 27"))
    }

    @Test("depthwise separable against standard: C_in 3, C_out 4, 3×3 → 27 + 12 = 39 against 108")
    func separable() throws {
        var screen = try Self.screen(inputs: 3, outputs: 4, input: 5, kernel: 3)
        let costs = screen.costs
        #expect((costs.depthwise, costs.pointwise, costs.separable, costs.standard) == (27, 12, 39, 108))
        screen.apply(.viewKey("m"))
        #expect(screen.setup.mode == .separable)
        let computation = try #require(screen.computation)
        #expect(computation.stages.map(\.name) == ["depthwise", "pointwise"])
        #expect(computation.stages[0].weight.shape == [3, 1, 3, 3])
        #expect(computation.stages[1].weight.shape == [4, 3, 1, 1])
        #expect(computation.stepCount == 3 * 9 + 4 * 9)
        // The pointwise stage reads the depthwise outputs at the same position.
        screen.player.go(to: 27 + 9 + 4)  // pointwise out1[1,1]
        let trace = computation.trace(step: screen.player.step)
        #expect(
            trace.terms.map(\.inputValue) == (0..<3).map { computation.stages[0].value(channel: $0, row: 1, column: 1) }
        )
        #expect(trace.value == computation.stages[1].value(channel: 1, row: 1, column: 1))
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "channels-separable")
        #expect(frame.canvas.contains("→ separable  K₁K₂·C_in + C_in·C_out = 3·3·3 + 3·4 = 27 + 12 = 39"))
        #expect(frame.canvas.contains("standard   K₁K₂·C_in·C_out = 3·3·3·4 = 108"))
        #expect(frame.canvas.contains("stage 2/2 pointwise"))
        #expect(frame.canvas.contains("channel mixing"))
    }

    @Test("a 1×1 convolution is a weighted sum across channels at one position")
    func oneByOne() throws {
        var screen = try Self.screen(inputs: 3, outputs: 2, input: 4, kernel: 1)
        let computation = try #require(screen.computation)
        screen.player.go(to: 6)  // out0[1,2]
        let trace = computation.trace(step: 6)
        #expect(trace.terms.count == 3)
        #expect(trace.terms.allSatisfy { $0.row == 1 && $0.column == 2 })
        #expect(trace.terms.map(\.inputChannel) == [0, 1, 2])
        #expect(trace.terms.map(\.weight) == [0, 1, 2])  // ramp 1×1 kernel: slice s holds s
        #expect(trace.terms.map(\.inputValue) == [6, 7, 8])
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "channels-1x1")
        #expect(frame.canvas.contains("out0[1,2] = 6×0 + 7×1 + 8×2 = 23"))
        #expect(frame.canvas.contains("1×1 kernel: a weighted sum across the 3 channels at (1,2) — channel mixing"))
    }

    @Test("groups that do not divide are refused: the flag before the screen, the g key in place")
    func invalidGroups() throws {
        #expect(
            throws: CNNError.channelMismatch("groups 2 must divide the 3 output channels (kernels); use a divisor of 3")
        ) {
            try Self.screen(inputs: 2, outputs: 3, groups: 2)
        }
        var screen = try Self.screen(inputs: 2, outputs: 3)
        screen.apply(.viewKey("g"))
        #expect(screen.setup.groups == 2)
        #expect(screen.errorMessage == "groups 2 must divide the 3 output channels (kernels); use a divisor of 3")
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        Golden.check(frame.canvas, named: "channels-invalid-groups")
        #expect(frame.canvas.contains("cannot compute"))
        #expect(frame.canvas.contains("groups 2 must divide the 3 output channels"))
        #expect(frame.canvas.contains("grouped    K₁K₂·(C_in/g)·C_out = 2·2·(2/2)·3 = none"))
        screen.apply(.viewKey("}"))  // 4 output channels: groups 2 divides both
        #expect(screen.errorMessage == nil)
        #expect(screen.costs.grouped == .success(16))
        screen.apply(.viewKey("]"))  // 3 input channels: groups 2 no longer divides them
        #expect(screen.errorMessage?.hasPrefix("groups 2 must divide the 3 input channels") == true)
    }

    @Test("--ascii draws every character from plain ASCII")
    func ascii() throws {
        let screen = try Self.screen()
        let frame = screen.render(width: 80, height: 24, options: RenderOptions(ascii: true, color: false))
        Golden.check(frame.canvas, named: "channels-ascii")
        #expect(frame.canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(frame.canvas.contains("out0[0,0] = (0x0 + 1x1 + 3x2 + 4x3) + (1x1 + 2x2 + 4x3 + 5x4) = 19 + 37 = 56"))
        #expect(frame.canvas.contains("K1K2*C_in*C_out = 2*2*2*2 = 16"))
    }

    @Test("80×24 and 200×60: larger terminals get larger cells", arguments: [(80, 24), (200, 60)])
    func sizes(width: Int, height: Int) throws {
        var screen = try Self.screen(inputs: 3, outputs: 4, input: 5, kernel: 3)
        screen.player.go(to: 13)
        let frame = screen.render(width: width, height: height, options: Self.mono)
        Golden.check(frame.canvas, named: "channels-\(width)x\(height)")
        #expect(frame.canvas.width == width && frame.canvas.height == height)
        #expect(frame.canvas.lines[height - 1].contains("step 14/36"))
        let value = screen.computation!.trace(step: 13).value
        #expect(frame.canvas.contains("= \(NumberText.format(value))"))
        #expect(frame.canvas.contains("out1[1,1]"))
    }

    @Test("a large input pans to follow the current cell; the frame stays within its size")
    func largeInput() throws {
        var screen = try Self.screen(inputs: 16, outputs: 16, input: 60, kernel: 3, fill: .random, preset: .random)
        screen.player.go(to: 58 * 58 * 9 + 58 * 30 + 40)
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        #expect(frame.canvas.contains("out9[30,40]"))
        #expect(frame.canvas.contains("of 16"))
        let value = screen.computation!.trace(step: screen.player.step).value
        #expect(frame.canvas.contains("= \(NumberText.format(value))"))
    }

    @Test("clicks pick a cell of the current output channel; the help lists the keys")
    func clicksAndHelp() throws {
        var screen = try Self.screen()
        let frame = screen.render(width: 80, height: 24, options: Self.mono)
        let region = try #require(frame.hits.first { $0.target == .outputCell(row: 1, column: 0) })
        screen.click(try #require(frame.target(row: region.row, column: region.column)))
        #expect(screen.position! == (0, 0, 1, 0))
        screen.apply(.toggleHelp)
        let help = screen.render(width: 80, height: 24, options: Self.mono)
        #expect(help.canvas.contains("next / previous output channel"))
        #expect(help.canvas.contains("groups: next divisor of C_in"))
    }

    @Test("colour frames carry the same text as monochrome ones")
    func colours() throws {
        let screen = try Self.screen()
        let colored = screen.render(width: 80, height: 24, options: RenderOptions(color: true)).canvas
        let mono = screen.render(width: 80, height: 24, options: Self.mono).canvas
        #expect(colored.text == mono.text)
        #expect(colored.cells.contains { $0.style.background != nil })
    }
}
