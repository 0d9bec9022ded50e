/// How long autoplay stays on a beat and how fast a `play` beat animates, so that people can read:
/// a beat holds at least the time its new narration takes to read (`wordsPerSecond`), and no
/// animation takes longer than `longestAnimation` seconds (its steps go faster instead).
public enum TutorialPacing {
    /// A comfortable reading pace for narration on a screen.
    public static let wordsPerSecond = 3.0
    /// The longest an animated beat may take, in seconds.
    public static let longestAnimation = 12.0

    /// Seconds it takes to read `text` at `wordsPerSecond`.
    public static func readingSeconds(_ text: String) -> Double {
        Double(text.split(whereSeparator: \.isWhitespace).count) / wordsPerSecond
    }

    /// The steps per second of a `play` beat: its `speed`, raised so that the animation takes at
    /// most `longestAnimation` seconds.
    public static func animationSpeed(_ beat: SceneBeat) -> Double {
        guard let range = beat.play else { return beat.speed }
        let steps = Double(range.upperBound - range.lowerBound)
        return max(beat.speed, steps / longestAnimation)
    }

    /// Seconds an animated beat takes at `animationSpeed` (0 without `play`).
    public static func animationSeconds(_ beat: SceneBeat) -> Double {
        guard let range = beat.play else { return 0 }
        return Double(range.upperBound - range.lowerBound) / animationSpeed(beat)
    }

    /// Seconds autoplay holds beat `index` of `scene` after its animation: the beat's `hold` (or
    /// `SceneBeat.defaultHold`) or the reading time of the paragraphs it newly shows, whichever is
    /// longer, times `pace` (`--autoplay SECONDS` / `SceneBeat.defaultHold`).
    public static func holdSeconds(_ scene: Scene, beat index: Int, pace: Double = 1) -> Double {
        let beat = scene.beats[index]
        let before = index > 0 ? scene.paragraphsShown(atBeat: index - 1) : 0
        let now = scene.paragraphsShown(atBeat: index)
        let newText = now > before ? scene.narration[before..<now].joined(separator: " ") : ""
        return max(beat.hold ?? SceneBeat.defaultHold, readingSeconds(newText)) * pace
    }
}
