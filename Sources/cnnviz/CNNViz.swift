import ArgumentParser
import Foundation

/// The `cnnviz` command: subcommands for the tutorial, the sandbox, and scripting the core.
@main
struct CNNViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnnviz",
        abstract: "See how convolutional neural network layers compute, in the terminal.",
        discussion: """
            Every number on screen comes from one compute core that matches PyTorch.
            Start with `cnnviz tutorial`, or open the sandbox with `cnnviz explore --stride 2`.
            """,
        version: CNNVizVersion.current,
        subcommands: [
            TutorialCommand.self, PlayCommand.self, ScenesCommand.self, CheckCommand.self, ExploreCommand.self,
            ComputeCommand.self, SummaryCommand.self, KeysCommand.self, RecordCommand.self, ManPageCommand.self,
        ]
    )

    /// Runs the command; every usage error (a bad value, an unknown flag or subcommand) exits 2,
    /// not argument-parser's 64, as README promises.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                let names = configuration.subcommands.map { $0._commandName }
                let subcommand = CommandLine.arguments.dropFirst().first.flatMap { names.contains($0) ? $0 : nil }
                let program = ["cnnviz", subcommand].compactMap { $0 }.joined(separator: " ")
                CommandFailure.printError("\(program): \(message(for: error))")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The program's version, printed by `--version`.
enum CNNVizVersion {
    static let current = "0.1.0"
}
