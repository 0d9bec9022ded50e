import CNCurses

/// What one `wget_wch` result means, before the screen acts on it.
enum DecodedInput: Hashable, Sendable {
    /// A key for the caller.
    case key(Key)
    /// KEY_RESIZE: the screen reads its new size.
    case resize
    /// KEY_MOUSE: the screen reads the event with `getmouse`.
    case mouse
    /// Nothing the layer reports (unknown key codes, stray control bytes).
    case ignored
}

/// Turns `wget_wch` results into keys. Pure: no ncurses calls, only its constants.
enum KeyDecoder {
    /// Decodes a `wget_wch` result: `status` is `OK` (code is a character) or
    /// `KEY_CODE_YES` (code is a KEY_* constant).
    static func decode(status: Int32, code: UInt32) -> DecodedInput {
        if status == KEY_CODE_YES {
            return decodeKeyCode(Int32(truncatingIfNeeded: code))
        }
        return decodeCharacter(code)
    }

    /// Decodes a character from the terminal (status OK).
    static func decodeCharacter(_ code: UInt32) -> DecodedInput {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 0: return .key(.control("@"))
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 96))))
        case 28: return .key(.control("\\"))
        case 29: return .key(.control("]"))
        case 30: return .key(.control("^"))
        case 31: return .key(.control("_"))
        case 128..<160: return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// Decodes an ncurses key code (status KEY_CODE_YES).
    static func decodeKeyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME, KEY_FIND: return .key(.home)
        case KEY_END, KEY_SELECT, KEY_LL: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
        default: return .ignored
        }
    }

    /// Whether a mouse event's button state is a left-button press or click.
    static func isLeftPress(buttonState: UInt32, pressedMask: UInt32, clickedMask: UInt32) -> Bool {
        buttonState & (pressedMask | clickedMask) != 0
    }
}
