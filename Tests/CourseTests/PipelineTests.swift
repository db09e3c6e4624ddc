import Foundation
import LessonKit
import Testing

@testable import LabShell

/// Issue 12 item 3: one front door and one dispatch. Lesson words are
/// `Command`s the interpreter executes like any other; a bare answer is read
/// by the parser from the command table; the presenter left part way is the
/// `.interrupted` outcome.
@Suite struct PipelineTests {
    @Test func theInterpreterPlaysLessonsWithoutTheLab() throws {
        let f = try LessonShellTests.Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        var interpreter = Interpreter()
        interpreter.lessons.config = LessonConfig(root: f.root, language: "en", progressURL: nil)
        var shown: [String] = []
        let started = try interpreter.execute(.lesson(.play(1))) { print in
            if case .text(let t) = print { shown.append(t) }
        }
        #expect(started.outputs.isEmpty)
        #expect(started.outcome == .completed)
        #expect(shown.first == "━━ Lesson 1: Tiny ━━\n\nIntro.\n")
        #expect(interpreter.lessons.isPlaying)
        #expect(interpreter.lessons.player?.isAwaitingAnswer == true)
        shown = []
        _ = try interpreter.execute(.lesson(.answer("8"))) { print in
            if case .text(let t) = print { shown.append(t) }
        }
        #expect(shown.first == "✓ Correct.")
    }

    @Test func aBareAnswerIsReadByTheParserFromTheTable() throws {
        let waiting = CommandParser(inLesson: true, awaitingAnswer: true)
        #expect(try waiting.parse("16") == .lesson(.answer("16")))
        #expect(try waiting.parse("b") == .lesson(.answer("b")))
        #expect(try waiting.parse("[3, 5, 32]") == .lesson(.answer("[3, 5, 32]")))
        // A command word is the command, whatever follows it.
        #expect(try waiting.parse("hint") == .lesson(.hint))
        #expect(try waiting.parse("back") == .lesson(.back))
        #expect(try waiting.parse("step fwd") == .step(.fwd, count: 1))
        #expect(try waiting.parse("quit") == .lesson(.quit))
        // Without a waiting question the same line is an unknown command.
        #expect(throws: CommandError.self) { try CommandParser(inLesson: true).parse("b") }
    }

    @Test func leavingThePresenterIsAnInterruptedOutcome() {
        var lab = PresenterTests.lab()
        let beats = PresenterTests.Beats(stopAt: 3)
        lab.lessons.beat = { beats.wait($0) }
        let result = lab.handle("lesson present 1")
        #expect(result.error == nil)
        #expect(result.outcome == .interrupted)
        #expect(result.output.hasSuffix("Left the presentation."))
    }

    @Test func recordIsDispatchedByTheInterpreter() throws {
        var interpreter = Interpreter()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("house-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let started = try interpreter.execute(.record(path: path))
        #expect(started.outputs == [.text("recording to \(path) until 'record stop'")])
        #expect(interpreter.recording?.path == path)
        let stopped = try interpreter.execute(.record(path: nil))
        #expect(stopped.outputs == [.text("wrote \(path): 0 commands")])
        #expect(interpreter.recording == nil)
    }
}
