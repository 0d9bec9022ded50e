import CNCurses
import CNNRender

/// Namespace for the ncurses terminal layer.
public enum Terminal {}
