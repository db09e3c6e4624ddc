// libFuzzer target: a corrupt or hostile progress.json. The input is written as the
// progress file of a lab with the real lessons; then list, resume, hint, answer,
// skip and quit must all answer without a trap.
import Foundation
import LSTMCore
import LabShell

let repositoryRoot = ProcessInfo.processInfo.environment["LSTMLAB_ROOT"] ?? FileManager.default.currentDirectoryPath

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgress(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let progress = URL(fileURLWithPath: scratchFolder).appendingPathComponent("progress.json")
    try? FileManager.default.removeItem(atPath: progress.path + ".bak")
    _ = FileManager.default.createFile(atPath: progress.path, contents: Data(bytes: data, count: size))
    var settings = Session.Settings()
    settings.memoryLimit = 64 << 10
    settings.threads = 1
    var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    lab.lessons = LessonDriver(
        config: LessonConfig(
            root: URL(fileURLWithPath: repositoryRoot).appendingPathComponent("lessons"), language: "en",
            progressURL: progress))
    for line in [
        "lesson list", "lesson resume", "hint", "hint", "answer 3", "skip", "next", "quit", "lesson list",
        "lesson reset 1",
    ] {
        _ = lab.handle(line)
    }
    return 0
}
