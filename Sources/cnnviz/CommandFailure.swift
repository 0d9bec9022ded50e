import ArgumentParser
import Foundation

/// Ends a command with one clear line on standard error and an exit status.
enum CommandFailure {
    /// Prints `message` to standard error and returns exit status 2 (bad input or usage).
    static func usage(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(2)
    }

    /// Prints `message` to standard error and returns exit status 1 (checks that found problems).
    static func problems(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(1)
    }

    /// Writes one line to standard error.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
