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
}
