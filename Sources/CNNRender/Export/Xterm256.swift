/// The xterm 256-colour palette as RGB, for exports that cannot name a terminal colour.
public enum Xterm256 {
    private static let basic: [UInt32] = [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ]
    private static let cube: [UInt32] = [0, 95, 135, 175, 215, 255]

    /// The colour of a palette index as `0xRRGGBB`.
    public static func rgb(_ index: UInt8) -> UInt32 {
        let value = Int(index)
        if value < 16 { return basic[value] }
        if value >= 232 {
            let level = UInt32(8 + 10 * (value - 232))
            return level << 16 | level << 8 | level
        }
        let cell = value - 16
        return cube[cell / 36] << 16 | cube[(cell / 6) % 6] << 8 | cube[cell % 6]
    }

    /// `#rrggbb` for a palette index.
    public static func hex(_ index: UInt8) -> String {
        hex(rgb: rgb(index))
    }

    /// `#rrggbb` for an `0xRRGGBB` value.
    public static func hex(rgb: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for shift in stride(from: 20, through: 0, by: -4) {
            text.append(digits[Int((rgb >> UInt32(shift)) & 0xF)])
        }
        return text
    }
}
