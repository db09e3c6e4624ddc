// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LSTMLab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lstmlab", targets: ["lstmlab"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // GNU readline (Debian libreadline-dev); imported only by the executable.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        // OpenBLAS (Debian libopenblas-dev): the large matrix products.
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
        // The LSTM a learner reads: Gate, the readable cell, the stepper's semantics, the engine
        // protocol and the reference engine, initialisers, the seeded RNG. Numerics only: no I/O,
        // no C, no threads, no unsafe pointers (Tests/LSTMCoreTests/CorePurityTests checks).
        .target(name: "LSTMCore", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        // The fast engine: packed weights, the step kernel, direction jobs and threads, the block
        // pool, the BLAS binding, the benchmark.
        .target(name: "LSTMKernels", dependencies: ["LSTMCore", "COpenBLAS"]),
        // The message catalog (English and Chinese), the language choice and the full-width input
        // normalizer: no dependencies, so every layer that words a sentence can use it.
        .target(name: "LabText"),
        // .npy and safetensors, every byte bounds-checked; state_dict names.
        .target(name: "TensorFiles", dependencies: ["LSTMCore", "LabText"]),
        // Pure String producers.
        .target(name: "TermRender", dependencies: ["LSTMCore", "LabText"]),
        // Tokenizer, command table, parser, session, interpreter.
        .target(
            name: "LabShell",
            dependencies: [
                "LSTMCore", "LSTMKernels", "TensorFiles", "TermRender", "LessonKit", "LabText", "TensorExpr",
            ]),
        // The tensor expression language: lexer, parser, evaluator, PyTorch's ops and messages. No printing.
        .target(
            name: "TensorExpr",
            dependencies: [
                "LSTMCore", "LSTMKernels", "LabText", .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        // Lesson model, loader, player state machine, progress store, lint.
        .target(name: "LessonKit", dependencies: ["LabText", "TensorExpr", "TensorFiles"]),
        .executableTarget(
            name: "lstmlab",
            dependencies: [
                "LabShell", "LessonKit", "LSTMCore", "LSTMKernels", "TensorFiles", "CReadline", "LabText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // posix_openpt, ptsname_r and posix_spawn with SETSID for the end-to-end tests.
        .target(name: "CPty"),
        .testTarget(name: "LSTMCoreTests", dependencies: ["LSTMCore"]),
        .testTarget(name: "LSTMKernelsTests", dependencies: ["LSTMKernels", "LSTMCore"]),
        // Every expression of Fixtures/torch_table.json (made by make_table.py with torch) against PyTorch's answer.
        .testTarget(
            name: "TensorExprTests", dependencies: ["TensorExpr", "LSTMCore", "LSTMKernels"],
            exclude: ["make_table.py"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "LabShellTests", dependencies: ["LabShell", "LSTMCore", "LSTMKernels", "TensorFiles"]),
        // PyTorch's numbers: fixtures made by make_golden.py (torch is not needed to run the tests).
        .testTarget(
            name: "GoldenTests",
            // lstmlab: built first, so the interop tests can run the real binary.
            dependencies: ["LSTMCore", "LSTMKernels", "TensorFiles", "LabShell", "TermRender", "lstmlab"],
            exclude: ["Fixtures", "make_golden.py", "make_golden_stacked.py"]
        ),
        .testTarget(
            name: "TensorFilesTests", dependencies: ["TensorFiles", "LSTMCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LabTextTests", dependencies: ["LabText"]),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"]),
        // Plays every lesson in both languages on the real interpreter and lints every file.
        .testTarget(name: "CourseTests", dependencies: ["LabShell", "LessonKit", "TermRender", "lstmlab"]),
        // Text snapshots of every view (Snapshots/*.txt; RECORD_SNAPSHOTS=1 rewrites them).
        .testTarget(
            name: "TermRenderTests", dependencies: ["TermRender", "LabShell", "LSTMCore"], exclude: ["Snapshots"]),
        // The real lstmlab binary through a pseudo-terminal and through pipes.
        .testTarget(name: "EndToEndTests", dependencies: ["lstmlab", "CPty", "LabText"]),
        // The seeded command fuzzer and the libFuzzer corpus/crash regressions (fuzz/).
        .testTarget(
            name: "FuzzTests", dependencies: ["LabShell", "TensorFiles", "LessonKit", "LSTMCore", "TensorExpr"]),
    ],
    swiftLanguageModes: [.v6]
)
