import Foundation
import Testing

/// `--auto --pace S` through the binary: narration pauses too (not only the typed
/// commands), and nothing asks for Enter, since nothing waits for it.
@Suite struct PaceTests {
    /// Three narration blocks and one four-letter command.
    static let lesson = """
        ---
        id: 1
        title: Pace
        ---

        Intro.

        ## One

        First narration.

        ```lab
        info
        ```

        Second narration.

        ## Two

        Third narration.
        """

    func play(pace: String) throws -> (status: Int32, out: String, seconds: Double) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pace-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let en = dir.appendingPathComponent("lessons/en")
        try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
        try Data(Self.lesson.utf8).write(to: en.appendingPathComponent("01-pace.md"))
        let start = Date()
        let (status, out, err) = try LauncherTests().run(
            ["--lesson", "1", "--auto", "--lang", "en", "--pace", pace],
            environment: ["LSTMLAB_LESSONS": dir.appendingPathComponent("lessons").path, "LSTMLAB_STATE_DIR": dir.path])
        #expect(err == "")
        return (status, out, Date().timeIntervalSince(start))
    }

    @Test func narrationPausesAndNothingAsksForEnter() throws {
        // 0.03 s a character: typing "info" takes 0.3 + 4 × 0.03 = 0.42 s; each of the three
        // narration blocks after the introduction pauses 40 × 0.03 = 1.2 s.
        let paced = try play(pace: "0.03")
        #expect(paced.status == 0)
        #expect(paced.seconds >= 3.6)
        #expect(paced.out.contains("First narration.") && paced.out.contains("Third narration."))
        #expect(!paced.out.contains("Press Enter"))
        let fast = try play(pace: "0")
        #expect(fast.status == 0)
        #expect(!fast.out.contains("Press Enter"))
        #expect(fast.seconds < paced.seconds - 3)
    }
}
