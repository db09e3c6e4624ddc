import LSTMCore
import Testing

@testable import LabShell

/// With lengths (or layers) the output layer reads the top layer's y, which is 0 at
/// padded positions as after pad_packed_sequence: there the logits are the head's bias.
@Suite struct HeadWithLengthsTests {
    @Test func logitsAtPaddingAreTheBias() throws {
        var lab = Lab(interpreter: Interpreter(session: .demo()))
        for line in ["example brackets", "input text \"(()\" \"a(b)ab\" \"()\"", "lengths 3,6,2", "run"] {
            let result = lab.handle(line)
            try #require(result.error == nil, "\(line): \(result.error ?? "")")
        }
        let session = lab.interpreter.session
        let head = try #require(session.head?.head)
        let (logits, known) = try #require(try session.logits())
        #expect(known == [Bool](repeating: true, count: 6))
        #expect(logits.shape == [3, 6, 3])
        let k = head.classCount
        func row(_ b: Int, _ t: Int) -> [Float] { Array(logits.data[((b * 6 + t) * k)..<((b * 6 + t + 1) * k)]) }
        for (b, t) in [(0, 3), (0, 5), (2, 2), (2, 5)] { #expect(row(b, t) == head.bias, "b=\(b) t=\(t)") }
        #expect(row(1, 5) != head.bias)
        #expect(row(0, 2) != head.bias)
    }
}
