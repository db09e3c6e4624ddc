// libFuzzer target: command lines (tokenize, parse, execute) against a small session.
// Each input is up to 32 lines, run in order on a fresh demo lab with a 64 KiB memory
// limit. Writes (save, export) are redirected into the scratch folder; bench is parsed
// but not run (it is a timing loop).
import Foundation
import LSTMCore
import LabShell

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    var settings = Session.Settings()
    settings.memoryLimit = 64 << 10
    settings.threads = 1
    var lab = Lab(interpreter: Interpreter(session: .demo(settings: settings)))
    let lines = text(data, size).split(separator: "\n", omittingEmptySubsequences: false).prefix(32)
    for line in lines {
        let line = String(line)
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
        case .saveWeights: safe = .saveWeights(path: scratchFolder + "/w.safetensors")
        case .saveValue(let e, _): safe = .saveValue(e, path: scratchFolder + "/v.npy")
        case .export: safe = .export(path: scratchFolder + "/out")
        case .bench: continue
        default: safe = command
        }
        do {
            _ = try lab.execute(safe)
        } catch {
            require(!"\(error)".isEmpty, "empty error for \(line.debugDescription)")
        }
        let st = lab.session.stepper
        require((0...st.length).contains(st.cursor(.forward)) && (0...st.length).contains(st.cursor(.backward)),
                "cursor outside 0…T after \(line.debugDescription)")
        require(lab.session.input.shape == [st.batch, st.length, st.inputSize], "input shape after \(line.debugDescription)")
        _ = lab.prompt
    }
    return 0
}
