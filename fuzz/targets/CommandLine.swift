// libFuzzer target: command lines (tokenize, parse, execute) against a small session.
// Each input is up to 32 lines (LF or CRLF), run in order on a fresh demo lab with a
// 64 KiB memory limit. Relative paths are taken inside the scratch folder (the current
// directory stays, libFuzzer's corpus path is relative), which holds a FIFO named `fifo`:
// a load of it must be refused at once, not hang. Writes (save, export) to a relative path
// without `..` keep their name (one-character, non-ASCII and combining-mark names: issue 13
// row 1) inside the scratch folder, others go to a fixed file there; bench is not run.
// Every path-like word also goes through PathName, whose answers are checked.
import Foundation
import LSTMCore
import LabShell
import TensorFiles

/// The scratch folder with its FIFO; made once per process.
let workFolder: String = {
    _ = mkfifo(scratchFolder + "/fifo", 0o600)
    return scratchFolder
}()

/// A relative path taken inside the scratch folder; an absolute one as it is (reads only).
func inScratch(_ path: String) -> String {
    path.hasPrefix("/") || path.isEmpty ? path : PathName.join(scratchFolder, path)
}

/// A path a fuzzed write may use: relative and never climbing out with `..`.
func safeWritePath(_ path: String, fallback: String) -> String {
    let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    guard !path.isEmpty, !path.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty, path != "fifo" else {
        return fallback
    }
    return inScratch(path)
}

/// POSIX dirname/basename properties that must hold for every string.
func checkPathName(_ path: String) {
    let parent = PathName.parent(of: path)
    let name = PathName.name(of: path)
    require(!parent.isEmpty, "empty parent of \(path.debugDescription)")
    require(!path.isEmpty || name.isEmpty, "name of the empty path")
    require(!name.utf8.contains(UInt8(ascii: "/")) || name == "/", "slash in name of \(path.debugDescription)")
    let absolute = PathName.absolute(path, from: "/base")
    require(absolute.hasPrefix("/"), "absolute \(absolute.debugDescription) of \(path.debugDescription)")
    require(PathName.asFolder(path).hasSuffix("/"), "asFolder of \(path.debugDescription)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    var settings = Session.Settings()
    settings.memoryLimit = 64 << 10
    settings.threads = 1
    _ = workFolder
    var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    let lines = TextLines.split(bytes(data, size)).prefix(32)
    defer { cleanScratch() }
    for text in lines {
        guard let line = text else { continue }
        for word in line.split(separator: " ") { checkPathName(String(word)) }
        _ = try? Tokenizer.tokenize(line)
        _ = Tokenizer.splitStatements(line)
        let command: Command
        do {
            guard let c = try lab.parser.parse(line) else { continue }
            command = c
        } catch {
            require(!error.description.isEmpty, "empty parse error for \(line.debugDescription)")
            continue
        }
        let safe: Command
        switch command {
        case .saveWeights(let path):
            safe = .saveWeights(path: safeWritePath(path, fallback: scratchFolder + "/w.safetensors"))
        case .saveValue(let e, let path):
            safe = .saveValue(e, path: safeWritePath(path, fallback: scratchFolder + "/v.npy"))
        case .export(let path): safe = .export(path: safeWritePath(path, fallback: scratchFolder + "/out"))
        case .load(let target, let path): safe = .load(target, path: inScratch(path))
        case .bench: continue
        default: safe = command
        }
        do {
            _ = try lab.execute(safe)
        } catch {
            require(!"\(error)".isEmpty, "empty error for \(line.debugDescription)")
        }
        let st = lab.session.stepper
        require(
            (0...st.length).contains(st.cursor(.forward)) && (0...st.length).contains(st.cursor(.backward)),
            "cursor outside 0…T after \(line.debugDescription)")
        require(
            lab.session.input.shape == [st.batch, st.length, st.inputSize], "input shape after \(line.debugDescription)"
        )
        _ = lab.prompt
    }
    return 0
}

/// Removes what an input wrote, keeping the FIFO, so the folder does not grow run after run.
func cleanScratch() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scratchFolder)) ?? []
    for name in names where name != "fifo" {
        try? FileManager.default.removeItem(atPath: scratchFolder + "/" + name)
    }
}
