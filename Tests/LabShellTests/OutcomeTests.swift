import Foundation
import Testing

@testable import LabShell

/// Ctrl-C is one outcome whatever the command: `.interrupted`, with the
/// command's own account, never an error (a script would stop on an error).
@Suite struct OutcomeTests {
    func lab(cancelAfter n: Int) -> Lab {
        let canceller = InterruptTests.Canceller(after: n)
        return Lab(
            interpreter: Interpreter(
                session: .demo(),
                context: ExecutionContext(shouldCancel: { canceller.shouldCancel() })))
    }

    @Test func everyInterruptibleCommandEndsInTheSameOutcome() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lstmlab-outcome-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Answered "go on" until the n-th question: most commands take one whole piece first.
        let cases: [(String, Int, String)] = [
            ("step 3", 2, "fwd step 1/5: read x[:, 0, :] → h_f[0], c_f[0]  (fused, 2 products)"),
            ("goto end", 2, "interrupted: now fwd 1/5 bwd 0/5"),
            ("run", 2, "interrupted after"),
            ("init pytorch", 2, "interrupted: init pytorch not done"),
            ("input random", 1, "interrupted: input random not done"),
            ("export \(folder.path)", .max, "export interrupted; files written so far are complete"),
        ]
        for (line, n, start) in cases {
            var lab = lab(cancelAfter: n)
            if line.hasPrefix("export") {
                _ = lab.handle("step")
                lab = {
                    var l = lab
                    l.interpreter.context = ExecutionContext(shouldCancel: { true })
                    return l
                }()
            }
            let r = lab.handle(line)
            #expect(r.error == nil, "\(line): \(r.error ?? "")")
            #expect(r.outcome == .interrupted, "\(line)")
            #expect(r.output.hasPrefix(start), "\(line): \(r.output)")
        }
    }

    @Test func watchedViewsFollowAnInterruptedMove() {
        var lab = lab(cancelAfter: .max)
        _ = lab.handle("watch h_f")
        lab.interpreter.context = ExecutionContext(shouldCancel: { true })
        let r = lab.handle("step fwd 2")
        #expect(r.outcome == .interrupted)
        #expect(r.output.hasPrefix("interrupted: fwd 0/5 bwd 0/5"))
        #expect(r.output.contains("\nh_f  [5, 3, 16]"))
    }

    @Test func completedCommandsSaySo() {
        var lab = Lab()
        #expect(lab.handle("step").outcome == .completed)
        #expect(lab.handle("show h_f").outcome == .completed)
    }
}
