@testable import LabText

/// Samples of the file commands' replies and refusals, and of what the file readers find wrong.
extension CatalogSamples {
    static let fileReply: [FileReplyMessage] = [
        .loadedWeights(path: "/tmp/w.safetensors", inputs: 3, hidden: 5, layers: 7, notes: "NOTES"),
        .loadedWeights(path: "/tmp/w.safetensors", inputs: 11, hidden: 13, layers: nil, notes: nil),
        .inputRedrawnFor(inputs: 17), .initialStateZeroed(hidden: 19), .alphabetFromMetadata(alphabet: "'()ab'"),
        .alphabetIgnored(alphabet: "'xyz'", inputs: 23), .headDropped(takes: 29, model: 31),
        .loadedInput(path: "x.npy", layout: "[B, T, D]", shape: "[37, 41, 3]", batch: 37, length: 41),
        .loadedState(name: "h0", path: "h0.npy", shape: "[2, 3, 16]", stacked: true),
        .loadedState(name: "c0", path: "c0.npy", shape: "[2, 3, 16]", stacked: false),
        .savedWeights(path: "w.safetensors", inputs: 43, hidden: 47, layers: 53, batchFirst: true),
        .savedWeights(path: "w.safetensors", inputs: 59, hidden: 61, layers: nil, batchFirst: false),
        .exported(folder: "out/", files: "y.npy [3, 5, 32]"), .exported(folder: "out/", files: nil),
        .notWritten(parts: "PARTS"), .partSeparator, .finalNotWritten(position: "fwd 1/5 bwd 0/5"),
        .finalNotWritten(position: nil), .noStepsYet(prefix: "l1_fwd"), .removedEarlier(names: "y.npy, h_n.npy"),
        .removedTemporaries(count: 67), .perStepNote, .exportInterrupted, .notAFolder(path: "/tmp/f"),
        .parentMissing(path: "/a/b/c", parent: "/a/b"), .ancestorNotFolder(path: "/f/x", ancestor: "/f"),
        .folderPermission(path: "/root/x", ancestor: "/root"), .folderRefused(path: "/proc/x"),
        .exportedPyTorch(
            folder: "/tmp/p", files: "weights.safetensors, y.npy", script: "/tmp/p/check.py", model: "nn.LSTM(8, 16)",
            packed: true, head: "nn.Linear(32, 3)"),
        .exportedPyTorch(folder: "p", files: "y.npy", script: "p/check.py", model: "MODEL", packed: false, head: nil),
        .pytorchNeedsCorrect, .pytorchNeedsFinished(position: "fwd 2/5 bwd 0/5", layers: true),
        .pytorchNeedsFinished(position: "fwd 3/5 bwd 1/5", layers: false),
        .loadedHead(path: "head.safetensors", classes: 71, hidden: 73, names: "a, b", named: false),
        .recordInLesson, .nothingRecorded, .recordNotWritten(path: "'/tmp'"),
        .wroteRecording(path: "r.md", commands: 79),
        .alreadyRecording(path: "'r.md'"), .recordFolderMissing(path: "'/x/r.md'", folder: "'/x'"),
        .recordingTo(path: "r.md"), .noteSeparator,
    ]
}
