import Foundation

/// The text syntax of explicit values, shared by `--values`/`--weights` and a scene's
/// `values:`/`weights:` given as a string: numbers separated by spaces or commas, rows by `;`,
/// channels (or a kernel's slices) by `|`, kernels by `||`. In a file (`@file.csv`) a line is a
/// row and a blank line separates channels. `"0 1 2; 3 4 5"` is 2 rows of 3 numbers.
public enum ValueText {
    /// The most bytes read, from a flag or a file (4096×4096 one-digit numbers fit).
    public static let maxBytes = 64 * 1024 * 1024
    /// The most numbers read: one 4096×4096 grid.
    public static let maxNumbers = 4096 * 4096

    /// Parses `text`, or explains what is wrong with it (without the flag or field name).
    public static func parse(_ text: String) -> Result<NumberGrid, SettingError> {
        guard text.utf8.count <= maxBytes else {
            return .failure(SettingError("the values have \(text.utf8.count) bytes; at most \(maxBytes) are read"))
        }
        let kernels = split(normalized(text), by: "||")
        var values: [Double] = []
        var shape: [Int]? = nil
        for (kernelIndex, kernel) in kernels.enumerated() {
            let slices = split(kernel, by: "|")
            for (sliceIndex, slice) in slices.enumerated() {
                let rows = slice.split(separator: ";", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                for (rowIndex, row) in rows.enumerated() {
                    let place = placeText(
                        kernel: kernelIndex, kernels: kernels.count, slice: sliceIndex,
                        slices: slices.count, row: rowIndex, rows: rows.count)
                    let numbers: [Double]
                    switch numbersOf(row, place: place) {
                    case .success(let read): numbers = read
                    case .failure(let error): return .failure(error)
                    }
                    let here = [kernels.count, slices.count, rows.count, numbers.count]
                    if let shape, shape != here {
                        return .failure(SettingError(mismatch(here, expected: shape, place: place)))
                    }
                    shape = here
                    guard values.count + numbers.count <= maxNumbers else {
                        return .failure(SettingError("more than \(maxNumbers) numbers (4096×4096); give fewer"))
                    }
                    values += numbers
                }
            }
        }
        guard let full = shape else { return .failure(SettingError("expected numbers, got nothing")) }
        let depth = kernels.count > 1 ? 4 : full[1] > 1 ? 3 : full[2] > 1 ? 2 : 1
        return .success(NumberGrid(values: values, shape: Array(full.suffix(depth))))
    }

    /// Line breaks become row separators and blank lines channel separators.
    private static func normalized(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count > 1 else { return text }
        var groups: [[String]] = [[]]
        for line in lines {
            if line.isEmpty {
                if !(groups.last ?? []).isEmpty { groups.append([]) }
            } else {
                groups[groups.count - 1].append(line.hasSuffix(";") ? String(line.dropLast()) : line)
            }
        }
        return groups.filter { !$0.isEmpty }.map { $0.joined(separator: ";") }.joined(separator: "|")
    }

    private static func split(_ text: String, by separator: String) -> [String] {
        text.components(separatedBy: separator)
    }

    private static func numbersOf(_ row: String, place: String) -> Result<[Double], SettingError> {
        let words = row.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        guard !words.isEmpty else { return .failure(SettingError("\(place) is empty; give numbers like 0 1 2; 3 4 5")) }
        var numbers: [Double] = []
        numbers.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            guard let number = Double(word), number.isFinite, abs(number) <= Settings.largestValue else {
                return .failure(
                    SettingError(
                        "'\(Settings.quoted(String(word)))' (\(place), number \(index + 1)) is not a finite number between −\(Int(Settings.largestValue)) and \(Int(Settings.largestValue))"
                    ))
            }
            numbers.append(number)
        }
        return .success(numbers)
    }

    private static func placeText(kernel: Int, kernels: Int, slice: Int, slices: Int, row: Int, rows: Int) -> String {
        var parts: [String] = []
        if kernels > 1 { parts.append("kernel \(kernel + 1)") }
        if slices > 1 { parts.append("\(kernels > 1 ? "slice" : "channel") \(slice + 1)") }
        parts.append("row \(row + 1)")
        return parts.joined(separator: ", ")
    }

    private static func mismatch(_ here: [Int], expected: [Int], place: String) -> String {
        if here[3] != expected[3] {
            return "\(place) has \(here[3]) numbers, the first row has \(expected[3]); every row needs the same count"
        }
        if here[2] != expected[2] {
            return
                "\(place) ends a block of \(here[2]) rows, the first has \(expected[2]); every channel needs the same rows"
        }
        return
            "\(place) ends a kernel of \(here[1]) slices, the first has \(expected[1]); every kernel needs the same slices"
    }
}
