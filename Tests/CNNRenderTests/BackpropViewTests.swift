import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("Backprop view: golden frames")
struct BackpropViewTests {
    /// `--view backprop --input 5 --kernel 3`.
    static func configuration(stride: Int = 1, padding: Int = 0) -> ExploreConfiguration {
        ExploreConfiguration(
            conv: ConvSetup(
                inputRows: 5, inputColumns: 5, stride: [stride, stride], padding: .explicit([padding, padding])),
            given: ["input", "kernel", "stride", "padding"])
    }

    static func screen(
        _ configuration: ExploreConfiguration = configuration(), mode: BackpropModel.Mode = .weight, step: Int
    ) throws -> BackpropModel {
        var screen = try BackpropModel(configuration: configuration, playing: false, speed: 2)
        if mode == .input { screen.apply(.viewKey("x")) }
        #expect(screen.mode == mode)
        screen.player.go(to: step)
        return screen
    }

    static func frame(_ screen: BackpropModel, width: Int = 80, height: Int = 24, ascii: Bool = false) -> Canvas {
        screen.render(width: width, height: height, options: RenderOptions(ascii: ascii, color: false)).canvas
    }

    /// The backward pass straight from the core, for the model's tensors.
    static func backward(_ computation: BackpropComputation) throws -> ConvGradients {
        try computation.layer.backward(
            input: computation.input, weight: computation.weight, gradOutput: computation.gradOutput)
    }

    @Test(
        "dL/dK tap by tap: the written-out sum of x × dL/dY equals ConvLayer.backward's weight gradient",
        arguments: [0, 4, 8])
    func weightGradient(step: Int) throws {
        let screen = try Self.screen(step: step)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "backprop-dk-step\(step + 1)")
        let computation = try #require(screen.computation)
        let gradients = try Self.backward(computation)
        let trace = computation.weightTrace(step: step)
        #expect(trace.value == gradients.weight.data[step])
        #expect(trace.terms.count == 9)  // dL/dY is 3×3: nine products per tap
        let (r, c) = computation.tap(ofStep: step)
        let written = trace.terms.map { "\(NumberText.factor($0.factor))×\(NumberText.factor($0.gradient))" }
        let text = canvas.lines.joined(separator: " ")
        #expect(text.contains("dL/dK[\(r),\(c)] = Σ x×dL/dY: \(written[0]) + \(written[1])"))
        #expect(text.contains("= \(NumberText.format(gradients.weight.data[step]))"))
        // The footprint: the nine input cells this tap read are lit.
        let lit = canvas.cells.filter {
            $0.style.reverse && $0.character != " " && $0.character.properties.numericType != nil
        }
        #expect(lit.count >= 9)
    }

    @Test("the finished dL/dK and dL/dX grids are ConvLayer.backward's gradients")
    func finishedGrids() throws {
        for (mode, steps, title, rows) in [
            (BackpropModel.Mode.weight, 9, "dL/dK 3×3", 3), (.input, 25, "dL/dX 5×5", 5),
        ] {
            let screen = try Self.screen(mode: mode, step: steps - 1)
            let canvas = Self.frame(screen, width: 120, height: 40)
            let computation = try #require(screen.computation)
            let gradients = try Self.backward(computation)
            let expected = (mode == .weight ? gradients.weight : gradients.input).data.map(NumberText.format)
            let top = try #require(canvas.row(containing: title))
            let line = canvas.lines[top]
            let left = line.distance(from: line.startIndex, to: try #require(line.range(of: title)).lowerBound)
            var shown: [String] = []
            for y in (top + 1)..<canvas.height where shown.count < expected.count {
                let scalars = Array(canvas.lines[y].unicodeScalars)
                guard scalars.count > left else { continue }
                shown += String(String.UnicodeScalarView(scalars[left...])).split(separator: " ").map(String.init)
            }
            #expect(shown == expected, "\(mode)")
            #expect(rows * rows == expected.count)
        }
    }

    @Test(
        "dL/dX cell by cell: the flipped kernel over the zero-padded dL/dY, written out, equals ConvLayer.backward",
        arguments: [0, 12, 24])
    func inputGradient(step: Int) throws {
        let screen = try Self.screen(mode: .input, step: step)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "backprop-dx-step\(step + 1)")
        let computation = try #require(screen.computation)
        let gradients = try Self.backward(computation)
        let full = try #require(computation.fullConvolutionTrace(step: step))
        #expect(full.value == gradients.input.data[step])
        #expect(computation.inputTrace(step: step).value == gradients.input.data[step])
        #expect(full.terms.count == 9)
        let (r, c) = computation.inputCell(ofStep: step)
        let text = canvas.lines.joined(separator: " ")
        #expect(text.contains("dL/dX[\(r),\(c)] = dL/dY×flipped K: "))
        #expect(text.contains("= \(NumberText.format(gradients.input.data[step]))"))
        #expect(canvas.contains("dL/dY + pad"))
    }

    @Test("the flipped kernel: K = [[1,2,3],[4,5,6],[7,8,9]] → [[9,8,7],[6,5,4],[3,2,1]], written and drawn")
    func flippedKernel() throws {
        let screen = try Self.screen(mode: .input, step: 0)
        let canvas = Self.frame(screen)
        #expect(canvas.contains("K = [[1,2,3],[4,5,6],[7,8,9]] → flipped [[9,8,7],[6,5,4],[3,2,1]]"))
        #expect(screen.computation?.flippedKernel.data == [9, 8, 7, 6, 5, 4, 3, 2, 1])
        let top = try #require(canvas.row(containing: "dL/dY + pad"))
        let rows = canvas.lines[(top + 1)...(top + 5)].map { $0 }
        #expect(rows.contains { $0.contains(" 9  8  7") || $0.contains("9     8     7") })
        #expect(rows.contains { $0.contains(" 3  2  1") || $0.contains("3     2     1") })
        #expect(canvas.contains("forward Y = X ⋆ K;  dL/dK = X ⋆ dL/dY;  dL/dX = padded dL/dY ⋆ flipped K"))
    }

    @Test("y draws a new dL/dY; stride, padding and dilation keys keep the numbers equal to the core's backward")
    func keys() throws {
        var screen = try Self.screen(step: 0)
        let before = try #require(screen.computation?.gradOutput)
        screen.apply(.viewKey("y"))
        let after = try #require(screen.computation?.gradOutput)
        #expect(before != after)
        #expect(after.data.allSatisfy { $0 == $0.rounded() && (-2...3).contains($0) })
        for action in [ExploreAction.stride(+1), .padding(+1), .viewKey("x"), .dilation(+1), .stride(-1), .stride(+1)] {
            screen.apply(action)
            let computation = try #require(screen.computation, "\(action)")
            let gradients = try Self.backward(computation)
            for step in 0..<screen.player.stepCount {
                let value =
                    screen.mode == .weight
                    ? computation.weightTrace(step: step).value : computation.inputTrace(step: step).value
                let expected = (screen.mode == .weight ? gradients.weight : gradients.input).data[step]
                #expect(value == expected, "\(action) step \(step)")
                if screen.mode == .input {
                    #expect(computation.fullConvolutionTrace(step: step)?.value == expected, "\(action) step \(step)")
                }
            }
        }
        // Stride 2, padding 1, dilation 2 now: the dL/dY grid has zeros inserted.
        let canvas = Self.frame(screen, width: 120, height: 40)
        Golden.check(canvas, named: "backprop-dx-stride2-pad1-dil2")
        #expect(canvas.contains("dL/dY, zeros inserted + pad"))
    }

    @Test("a geometry the core refuses shows its message in place")
    func invalid() throws {
        var screen = try Self.screen(step: 0)
        screen.apply(.kernelSize(+3))
        #expect(screen.errorMessage?.contains("larger than the padded input") == true)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "backprop-invalid")
        #expect(canvas.contains("cannot compute"))
        #expect(canvas.contains("fix the settings with"))
        screen.apply(.kernelSize(-3))
        #expect(screen.computation != nil)
    }

    @Test("--ascii draws every character from plain ASCII", arguments: [BackpropModel.Mode.weight, .input])
    func ascii(mode: BackpropModel.Mode) throws {
        let screen = try Self.screen(mode: mode, step: 1)
        let canvas = Self.frame(screen, ascii: true)
        Golden.check(canvas, named: "backprop-ascii-\(mode == .weight ? "dk" : "dx")")
        #expect(canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(canvas.contains("forward Y = X * K;  dL/dK = X * dL/dY"))
    }

    @Test("frames at 80×24 and 200×60", arguments: [(80, 24), (200, 60)])
    func sizes(width: Int, height: Int) throws {
        for mode in [BackpropModel.Mode.weight, .input] {
            let screen = try Self.screen(mode: mode, step: 3)
            let canvas = Self.frame(screen, width: width, height: height)
            Golden.check(canvas, named: "backprop-\(mode == .weight ? "dk" : "dx")-\(width)x\(height)")
            #expect(canvas.lines[height - 1].contains("step 4/\(mode == .weight ? 9 : 25)"))
        }
    }

    @Test("the help overlay lists the view's keys")
    func help() throws {
        var screen = try Self.screen(step: 0)
        screen.apply(.toggleHelp)
        let canvas = Self.frame(screen)
        #expect(canvas.contains("gradient: dL/dK or dL/dX"))
        #expect(canvas.contains("new upstream gradient dL/dY"))
    }
}
