import CNCurses

#if canImport(Glibc)
    import Glibc
#endif

/// Chooses the locale ncurses runs under, and whether the screen may use non-ASCII characters.
enum TerminalLocale {
    /// UTF-8 locales tried, in order, when no locale is set at all.
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Applies the environment's locale. A UTF-8 codeset → true. A locale the user chose that is
    /// not UTF-8 (e.g. `LC_ALL=C`, `LANG=en_US.ISO-8859-1`) → false: the terminal may not show
    /// UTF-8, so the live screen draws ASCII. With no locale set at all (LANG unset, as in CI
    /// and bare tmux) it switches character handling to a UTF-8 locale that exists, as before.
    static func configure() -> Bool {
        setlocale(LC_ALL, "")
        if cnn_codeset_is_utf8() != 0 { return true }
        guard chosenLocale(environment: ProcessEnvironment.value(of:)) == nil else { return false }
        for name in fallbacks where setlocale(LC_CTYPE, name) != nil {
            if cnn_codeset_is_utf8() != 0 { return true }
        }
        return false
    }

    /// The locale the environment asks for character handling, in POSIX precedence
    /// (LC_ALL, then LC_CTYPE, then LANG; empty values do not count), or nil when none is set.
    static func chosenLocale(environment: (String) -> String?) -> String? {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment(name), !value.isEmpty { return value }
        }
        return nil
    }
}
