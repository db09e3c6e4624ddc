// Shared by every libFuzzer target (compiled into each binary by fuzz/build.sh).
// Not part of the SwiftPM graph: `-sanitize=fuzzer` supplies its own `main`.
import Foundation

/// The input as text: invalid UTF-8 becomes U+FFFD, as when a file is read leniently.
func text(_ data: UnsafeRawPointer, _ size: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
}

func bytes(_ data: UnsafeRawPointer, _ size: Int) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: data, count: size))
}

/// A per-process scratch folder: the only place a fuzzed command may write.
let scratchFolder: String = {
    let path = NSTemporaryDirectory() + "lstmlab-libfuzzer-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// Aborts (and so reports a crash) when a property that must hold does not.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("property failed: \(message())\n".utf8))
        abort()
    }
}
