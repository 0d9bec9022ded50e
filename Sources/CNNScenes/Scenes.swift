import CNNCore

/// Namespace for lessons, timelines and scene files.
public enum Scenes {}
