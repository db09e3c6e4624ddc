import Foundation
import Testing

/// `clear` in a script or a pipe prints nothing: no escape code reaches a file.
@Suite struct ClearScriptTests {
    @Test func clearInAScriptPrintsNothing() throws {
        let env = LabBinary.environment(folder: URL(fileURLWithPath: "/nonexistent-lstmlab-e2e"))
        let r = try ScriptRun.run(["-c", "clear; reset; clear"], environment: env)
        #expect(r.stdout == "cursors at the start: fwd 0/5 bwd 0/5 (parameters and input kept)\n")
        #expect(r.status == 0)
        let piped = try ScriptRun.run([], stdin: "clear\nclear\n", environment: env)
        #expect(piped.stdout == "" && piped.stderr == "" && piped.status == 0)
    }
}
