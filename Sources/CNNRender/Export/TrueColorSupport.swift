extension RenderOptions {
    /// Whether the environment announces a true-colour terminal (`COLORTERM=truecolor` or `24bit`).
    public static func environmentWantsTrueColor(_ environment: [String: String]) -> Bool {
        let value = environment["COLORTERM"]?.lowercased() ?? ""
        return value == "truecolor" || value == "24bit"
    }
}
