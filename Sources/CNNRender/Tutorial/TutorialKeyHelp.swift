/// The tutorial's keys, as `?` shows them (and README lists them).
public enum TutorialKeyHelp {
    /// Key and what it does, in display order.
    public static let entries: [(keys: String, action: String)] = [
        ("→ ← (PgDn PgUp, Enter)", "next / previous beat (across scenes)"),
        ("n p", "next / previous scene"),
        ("space", "autoplay on / off (beats advance after their hold)"),
        ("Home End", "first / last beat of the scene"),
        ("g", "scene list: ↑ ↓ choose, Enter open, Esc close"),
        ("1–9, two digits", "jump to scene N (1 2 quickly: scene 12)"),
        ("b", "blank the screen (any key returns)"),
        ("h l", "step the view back / forward"),
        ("other keys", "the view's own keys, as in cnnviz explore"),
        ("?", "this help"),
        ("q Esc", "quit"),
    ]

    /// The footer's short key list.
    public static let footer = "← → beat  n p scene  space auto  g list  ? keys  q quit"

    /// The footer in classroom mode (presenter keys).
    public static let classroomFooter = "← → beat  n p scene  space autoplay  g list  1–9 jump  b blank  ? keys  q quit"
}
