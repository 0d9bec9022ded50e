/// The colours and characters a picture's blocks are drawn with.
enum PictureShades {
    /// Black, the 24 greys of the xterm palette, white: 26 steps from dark to light.
    static let greyRamp: [UInt8] = [16] + Array(232...255) + [231]
    /// ASCII characters from light to heavy ink.
    static let asciiRamp: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    /// Unicode shades from empty to full.
    static let blockRamp: [Unicode.Scalar] = [" ", "░", "▒", "▓", "█"]
    /// The colour of a signed zero: a neutral dark grey.
    static let neutral = TerminalColor(index256: 236, basic: 0)
    /// Below this share of the scale a signed value is drawn as zero: the scale's palest colours
    /// start at any non-zero value, so without it rounding noise (1e-17 beside an exact 0) speckles
    /// a flat region with pale blocks.
    static let signedDeadZone = 0.05

    /// The position of a value on its shading, 0…1 (for signed: the magnitude).
    static func level(_ value: Double, _ shading: Picture.Shading) -> Double {
        switch shading {
        case .grey(let low, let high):
            guard high > low else { return value >= high ? 1 : 0 }
            return min(1, max(0, (value - low) / (high - low)))
        case .signed(let scale):
            guard scale > 0 else { return 0 }
            return min(1, abs(value) / scale)
        }
    }

    /// The colour of a value.
    static func color(_ value: Double, _ shading: Picture.Shading, palette: Palette) -> TerminalColor {
        switch shading {
        case .grey where palette.options.trueColor:
            let level = UInt32((self.level(value, shading) * 255).rounded())
            let step = Int((self.level(value, shading) * Double(greyRamp.count - 1)).rounded())
            return TerminalColor(
                index256: greyRamp[step], basic: step >= greyRamp.count / 2 ? 7 : 0,
                rgb: level << 16 | level << 8 | level)
        case .grey:
            let step = Int((level(value, shading) * Double(greyRamp.count - 1)).rounded())
            return TerminalColor(index256: greyRamp[step], basic: step >= greyRamp.count / 2 ? 7 : 0)
        case .signed(let scale):
            guard abs(value) >= signedDeadZone * scale else { return neutral }
            return palette.value(value, scale: scale).background ?? neutral
        }
    }

    /// A character from a ramp for a value.
    static func character(_ value: Double, _ shading: Picture.Shading, ramp: [Unicode.Scalar]) -> Unicode.Scalar {
        ramp[Int((level(value, shading) * Double(ramp.count - 1)).rounded())]
    }
}
