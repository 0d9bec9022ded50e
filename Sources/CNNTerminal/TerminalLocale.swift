import CNCurses

#if canImport(Glibc)
    import Glibc
#endif

/// Chooses the locale ncurses runs under.
enum TerminalLocale {
    /// UTF-8 locales tried, in order, when the environment's locale is not UTF-8.
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Applies the environment's locale; when its codeset is not UTF-8 (LANG unset, as in
    /// CI and bare tmux) switches character handling to a UTF-8 locale that exists.
    /// Returns whether the codeset is UTF-8 in the end.
    static func configure() -> Bool {
        setlocale(LC_ALL, "")
        if cnn_codeset_is_utf8() != 0 { return true }
        for name in fallbacks where setlocale(LC_CTYPE, name) != nil {
            if cnn_codeset_is_utf8() != 0 { return true }
        }
        return false
    }
}
