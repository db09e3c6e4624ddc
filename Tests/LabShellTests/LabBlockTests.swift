import LessonKit
import Testing

@testable import LabShell

/// A lesson's lab lines are read once, by the command table, when the lesson loads.
@Suite struct LabBlockTests {
    @Test(arguments: [
        (
            "save weights w.safetensors",
            "f.md:7: error: lessons cannot read or write files: 'save' is not allowed in a lab block"
        ),
        ("export out", "f.md:7: error: lessons cannot read or write files: 'export' is not allowed in a lab block"),
        ("load input x.npy", "f.md:7: error: lessons cannot read or write files: 'load' is not allowed in a lab block"),
        ("quit", "f.md:7: error: 'quit' cannot be used inside a lesson's lab block"),
        ("lesson play 2", "f.md:7: error: 'lesson play 2' cannot be used inside a lesson's lab block"),
        ("hint", "f.md:7: error: 'hint' cannot be used inside a lesson's lab block"),
    ])
    func theTableRefusesLinesWhenTheLessonLoads(line: String, expected: String) throws {
        let lesson = try LessonParser.parse("---\nid: 1\ntitle: T\n---\n## S\n```lab\n\(line)\n```\n", file: "f.md")
        let (_, refused) = LabBlock.compile(lesson)
        #expect(refused.map(\.description) == [expected])
        var lab = Lab()
        #expect(throws: LessonErrors(refused)) { try lab.playAutomatically(lesson) { _ in } }
    }

    @Test func linesAreParsedOnceIntoCommands() throws {
        let text = "---\nid: 1\ntitle: T\n---\n## S\n```lab\nstep fwd 2\nstpe\nshow h_f\n```\n"
        let lesson = try LessonParser.parse(text, file: "f.md")
        let (commands, refused) = LabBlock.compile(lesson)
        #expect(refused.isEmpty)
        #expect(commands == ["step fwd 2": .step(.fwd, count: 2), "show h_f": .show(ViewRequest(name: .h_f))])
        #expect(LabBlock.problem("stpe") == "unknown command 'stpe' (did you mean 'step'?)")
        #expect(LabBlock.problem("step") == nil)
    }

    /// A lab block's `clear` clears a terminal's screen (the shell's sink does it), instead of
    /// showing an empty command; the lines around it run as usual.
    @Test func clearInALabBlockClearsTheScreen() throws {
        let text = "---\nid: 1\ntitle: T\n---\n## S\n```lab\nstep fwd\nclear\ninfo\n```\n"
        let lesson = try LessonParser.parse(text, file: "f.md")
        var printed: [LessonPrint] = []
        var lab = Lab()
        try lab.playAutomatically(lesson) { printed.append($0) }
        let commands = printed.compactMap { p -> String? in if case .command(let c) = p { c } else { nil } }
        #expect(commands == ["lstmlab> step fwd", "lstmlab> info"])
        let clear = try #require(printed.firstIndex(of: .clearScreen))
        #expect(printed[..<clear].contains(.command("lstmlab> step fwd")))
        #expect(printed[clear...].contains(.command("lstmlab> info")))
    }
}
