import Foundation
import LessonKit
import Synchronization
import Testing

@testable import LabShell

/// `lesson present N`: a beat per key, the solution only after the question's
/// beat, leaving at any beat; unattended play never asks for Enter.
@Suite struct PresenterTests {
    final class Beats: Sendable {
        let seen = Mutex<[PresenterBeat]>([])
        let stopAt: Int
        init(stopAt: Int = .max) { self.stopAt = stopAt }
        func wait(_ beat: PresenterBeat) -> Bool {
            seen.withLock { s in
                s.append(beat)
                return s.count < stopAt
            }
        }
    }

    static func lab() -> Lab {
        var lab = Lab(width: 100)
        lab.lessons.config = LessonConfig(root: CourseTests.root, language: "en", progressURL: nil)
        return lab
    }

    @Test func everyBeatWaitsAndTheSolutionComesAfterTheQuestion() {
        var lab = Self.lab()
        let beats = Beats()
        lab.lessons.beat = { beats.wait($0) }
        let result = lab.handle("lesson present 1")
        #expect(result.error == nil)
        let seen = beats.seen.withLock { $0 }
        // Each question is one beat and its solution the next one.
        for (k, b) in seen.enumerated() where b == .question {
            #expect(seen[k + 1] == .solution)
        }
        #expect(seen.filter { $0 == .step }.count == 5)
        #expect(seen.contains(.task))
        #expect(!result.output.contains("Press Enter"))
        #expect(!result.output.contains("(answer …"))
        #expect(result.output.hasSuffix("━━ Lesson 1 finished: 0 of 5 questions answered, 0 hints used. ━━"))
        #expect(!lab.inLesson)
    }

    @Test func leavingAtABeatStopsCleanly() {
        var lab = Self.lab()
        let beats = Beats(stopAt: 4)
        lab.lessons.beat = { beats.wait($0) }
        let result = lab.handle("lesson present 1")
        #expect(result.error == nil)
        #expect(result.output.hasSuffix("Left the presentation."))
        #expect(!result.output.contains("lesson 1 · step 2/5"))
        #expect(!lab.inLesson)
        #expect(beats.seen.withLock { $0.count } == 4)
    }

    @Test func unattendedPlayNeverAsksForEnter() throws {
        var lab = Self.lab()
        var text = ""
        try lab.playLessonAutomatically(4) { if case .text(let t) = $0 { text += t } }
        #expect(!text.contains("Press Enter"))
        #expect(!text.contains("press Enter"))
    }
}
