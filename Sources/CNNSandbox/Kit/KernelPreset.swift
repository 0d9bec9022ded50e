import CNNCore

/// Named kernels a student can cycle through with `c`. Each is defined for any kernel size;
/// the 3×3 versions are the textbook ones.
public enum KernelPreset: String, CaseIterable, Hashable, Sendable {
    case identity
    case boxBlur = "box-blur"
    case verticalEdge = "vertical-edge"
    case horizontalEdge = "horizontal-edge"
    case sobelX = "sobel-x"
    case sobelY = "sobel-y"
    case sharpen
    case ramp
    case random

    /// How the preset is named on screen.
    public var title: String {
        switch self {
        case .identity: return "identity"
        case .boxBlur: return "box blur (sum)"
        case .verticalEdge: return "vertical edge"
        case .horizontalEdge: return "horizontal edge"
        case .sobelX: return "Sobel x"
        case .sobelY: return "Sobel y"
        case .sharpen: return "sharpen"
        case .ramp: return "ramp 0,1,2,…"
        case .random: return "random"
        }
    }

    /// The preset after this one, wrapping around.
    public var next: KernelPreset {
        return nextCase
    }

    /// The weights (row-major, `rows × columns`) of this preset at a kernel size.
    public func weights(rows: Int, columns: Int, seed: UInt64 = 7) -> [Double] {
        let centerRow = (rows - 1) / 2
        let centerColumn = (columns - 1) / 2
        func signAcross(_ index: Int, _ count: Int) -> Double {
            // +1 on the first half, −1 on the second half, 0 on an odd middle.
            if count % 2 == 1 && index == count / 2 { return 0 }
            return index < (count + 1) / 2 ? 1 : -1
        }
        func smoothing(_ index: Int, _ count: Int) -> Double {
            // 1 2 1 for three taps; the middle tap(s) weigh 2 at other sizes.
            count >= 3 && (index == (count - 1) / 2 || index == count / 2) ? 2 : 1
        }
        var values: [Double] = []
        var random = SeededRandom(seed: seed)
        for r in 0..<rows {
            for c in 0..<columns {
                switch self {
                case .identity: values.append(r == centerRow && c == centerColumn ? 1 : 0)
                case .boxBlur: values.append(1)
                case .verticalEdge: values.append(signAcross(c, columns))
                case .horizontalEdge: values.append(signAcross(r, rows))
                case .sobelX: values.append(signAcross(c, columns) * smoothing(r, rows))
                case .sobelY: values.append(signAcross(r, rows) * smoothing(c, columns))
                case .sharpen:
                    let center = r == centerRow && c == centerColumn
                    let neighbour = abs(r - centerRow) + abs(c - centerColumn) == 1
                    let neighbours = Double(
                        [centerRow > 0, centerRow < rows - 1, centerColumn > 0, centerColumn < columns - 1].filter {
                            $0
                        }.count)
                    values.append(center ? neighbours + 1 : (neighbour ? -1 : 0))
                case .ramp: values.append(Double(r * columns + c))
                case .random: values.append(Double(random.integer(in: -2...2)))
                }
            }
        }
        return values
    }
}
