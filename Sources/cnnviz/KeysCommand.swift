import ArgumentParser

/// Hidden diagnostic: shows decoded key, mouse and resize events until `q`.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Show the key, mouse and resize events the terminal layer decodes.",
        shouldDisplay: false)

    func run() throws {
        throw ValidationError("keys: not built yet")
    }
}
