// swift-tools-version:6.0
import PackageDescription

/// cnnviz: a terminal program that shows how convolutional layers compute.
///
/// Imports point one way:
/// CNNCore ← CNNScenes (lessons, timelines) ← CNNRender ← CNNTerminal ← cnnviz (CLI).
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
        .target(name: "CNNOracle", dependencies: ["CNNCore"]),
        // Lessons and timelines: the step sequences each view animates, and scene files.
        .target(
            name: "CNNScenes",
            dependencies: ["CNNCore", .product(name: "Yams", package: "Yams")]
        ),
        // Pure renderer: draws a view's state into an in-memory canvas of styled cells.
        .target(name: "CNNRender", dependencies: ["CNNCore", "CNNScenes"]),
        // The C shim for libncursesw (wide-character ncurses).
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The thin terminal layer: shows a canvas with ncurses, reads keys and mouse.
        .target(name: "CNNTerminal", dependencies: ["CNNRender", "CNCurses"]),
        // The command-line program.
        .executableTarget(
            name: "cnnviz",
            dependencies: [
                "CNNCore", "CNNOracle", "CNNScenes", "CNNRender", "CNNTerminal", "CNNFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: release-build timings of the core.
        .executableTarget(name: "cnnviz-bench", dependencies: ["CNNCore", "CNNScenes", "CNNRender"]),
        .testTarget(name: "CNNCoreTests", dependencies: ["CNNCore", "CNNOracle"], exclude: ["Fixtures"]),
        .testTarget(name: "CNNFilesTests", dependencies: ["CNNFiles"]),
        .testTarget(name: "CNNScenesTests", dependencies: ["CNNScenes", "CNNCore"]),
        .testTarget(name: "CNNTerminalTests", dependencies: ["CNNTerminal", "CNNRender"]),
        .testTarget(name: "CNNRenderTests", dependencies: ["CNNRender", "CNNScenes", "CNNCore"], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["cnnviz"]),
    ],
    swiftLanguageModes: [.v6]
)
