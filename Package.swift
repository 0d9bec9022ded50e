// swift-tools-version:6.0
import PackageDescription

/// cnnviz: a terminal program that shows how convolutional layers compute.
///
/// Imports point one way:
/// CNNCore ← CNNSandbox (the views' pure state) ← CNNCourse (scenes, the tutorial player)
/// ← CNNRender (canvas, widgets, one folder per view) ← CNNTerminal ← cnnviz (CLI).
/// CNNOracle reads and writes the PyTorch reference format on top of CNNCore.
let package = Package(
    name: "cnnviz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cnnviz", targets: ["cnnviz"]),
        .executable(name: "cnnviz-bench", targets: ["cnnviz-bench"]),
        .library(name: "CNNCore", targets: ["CNNCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The math: tensors, convolution, pooling, receptive fields, costs, traces. No UI.
        .target(name: "CNNCore", dependencies: ["CNNKernels"]),
        // The convolution's AVX inner loop (C, chosen at run time when the CPU has AVX). No I/O.
        .target(name: "CNNKernels"),
        // Reading files the user names: one plain sentence per failure, bounded sizes. No other target of ours.
        .target(name: "CNNFiles"),
        // The PyTorch reference-vector format (read cases, compute, write results).
        .target(name: "CNNOracle", dependencies: ["CNNCore"], exclude: ["FORMAT.md"]),
        // The views' pure state: one folder per view (setup, computation, model) and a kit with the
        // player, actions, settings, key maps and the list of views.
        .target(name: "CNNSandbox", dependencies: ["CNNCore"]),
        // The course: scene files, their checks against the core, the tutorial player.
        .target(
            name: "CNNCourse",
            dependencies: ["CNNCore", "CNNSandbox", "CNNImage", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedScenes"]
        ),
        // Build time: compiles Scenes/*.yaml into CNNCourse (BuiltinScenes.files).
        .executableTarget(name: "SceneEmbedder"),
        .plugin(name: "EmbedScenes", capability: .buildTool(), dependencies: ["SceneEmbedder"]),
        // Pure renderer: draws a view's state into an in-memory canvas of styled cells.
        .target(name: "CNNRender", dependencies: ["CNNCore", "CNNSandbox", "CNNCourse"]),
        // The C shim for libncursesw (wide-character ncurses).
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The thin terminal layer: shows a canvas with ncurses, reads keys and mouse.
        .target(name: "CNNTerminal", dependencies: ["CNNRender", "CNCurses"]),
        // libpng and libjpeg-turbo (Debian: libpng-dev, libjpeg62-turbo-dev).
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),
        .systemLibrary(name: "CJPEG", path: "Sources/CJPEG"),
        // The C shim that decodes PNG and JPEG, keeping the libraries' longjmp inside C.
        .target(
            name: "CImageDecode", dependencies: ["CPNG", "CJPEG"],
            linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg")]),
        // Reading images (Netpbm, PNG, JPEG) into values and tensors. No UI.
        .target(name: "CNNImage", dependencies: ["CNNCore", "CImageDecode"]),
        // Start-up hook (C): turns the Swift runtime's interactive crash reporter off before it starts.
        .target(name: "CNNStartup"),
        // The command-line program.
        .executableTarget(
            name: "cnnviz",
            dependencies: [
                "CNNCore", "CNNOracle", "CNNSandbox", "CNNCourse", "CNNRender", "CNNTerminal", "CNNStartup", "CNNFiles",
                "CNNImage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Drives cnnviz in a pseudo-terminal like a keyboard (the benchmark and the end-to-end tests).
        .target(name: "CNNPseudoTerminal"),
        // The benchmark: release-build timings of the core.
        .executableTarget(
            name: "cnnviz-bench",
            dependencies: ["CNNCore", "CNNSandbox", "CNNCourse", "CNNRender", "CNNPseudoTerminal"]),
        // Helpers shared by the test targets: the repository's paths, golden files, bad values.
        .target(name: "TestSupport", dependencies: ["CNNSandbox"], path: "Tests/TestSupport"),
        .testTarget(
            name: "CNNCoreTests", dependencies: ["CNNCore", "CNNOracle", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CNNSandboxTests", dependencies: ["CNNSandbox", "CNNCore", "TestSupport"]),
        .testTarget(name: "CNNCourseTests", dependencies: ["CNNSandbox", "CNNCourse", "CNNCore", "TestSupport"]),
        .testTarget(name: "CNNFilesTests", dependencies: ["CNNFiles"]),
        .testTarget(name: "CNNTerminalTests", dependencies: ["CNNTerminal", "CNNRender"]),
        .testTarget(
            name: "CNNRenderTests", dependencies: ["CNNRender", "CNNSandbox", "CNNCourse", "CNNCore", "TestSupport"],
            exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["cnnviz", "CNNSandbox", "TestSupport", "CNNPseudoTerminal"]),
        .testTarget(name: "CNNImageTests", dependencies: ["CNNImage", "CNNCore", "CNNRender"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
