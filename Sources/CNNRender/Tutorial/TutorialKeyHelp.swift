import CNNCourse

/// The tutorial's keys, as `?` shows them (and README lists them): taken from the lesson's key
/// map, so the help, the footer and the keys the player reads cannot disagree.
public enum TutorialKeyHelp {
    /// Key and what it does, in display order.
    public static let entries: [(keys: String, action: String)] =
        TutorialKeys.lesson.entries + [TutorialKeys.viewKeysNote]

    /// The footer's short key list.
    public static let footer = TutorialKeys.lesson.footerHints

    /// The footer in classroom mode (presenter keys).
    public static let classroomFooter = [
        "← → beat", "< > scene", "* autoplay", "Esc scenes", "1–9 jump", ". blank", "? keys", "q quit",
    ]
    .joined(separator: "  ")
}
