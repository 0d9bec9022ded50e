import ArgumentParser

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
            ComputeCommand.self, KeysCommand.self, SummaryCommand.self,
        ]
    )
}

/// The program's version, printed by `--version`.
enum CNNVizVersion {
    static let current = "0.1.0"
}
