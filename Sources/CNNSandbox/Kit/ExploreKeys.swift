/// The sandbox's letter keys as actions: the one map shared by `cnnviz explore`, the tutorial
/// (keys it does not use itself go to the view) and scenes' `keys:` beats.
public enum ExploreKeys {
    /// The action of a character key. Letters without a shared meaning become `.viewKey`, which
    /// each view interprets (e.g. `m`, `t`, `x`). Nil for `q`, `v`, `?` and space, which belong
    /// to the program (quit, next view, help, play).
    public static func action(for character: Character) -> ExploreAction? {
        switch character {
        case "q", "v", "?", " ": return nil
        case "l": return .stepForward
        case "h": return .stepBackward
        case "+", "=": return .faster
        case "-", "_": return .slower
        case "s": return .stride(-1)
        case "S": return .stride(1)
        case "p": return .padding(-1)
        case "P": return .padding(1)
        case "o": return .cyclePaddingMode
        case "d": return .dilation(-1)
        case "D": return .dilation(1)
        case "k": return .kernelSize(-1)
        case "K": return .kernelSize(1)
        case "i": return .inputSize(-1)
        case "I": return .inputSize(1)
        case "c": return .cyclePreset
        case "r": return .newRandomInput
        default: return .viewKey(character)
        }
    }
}
