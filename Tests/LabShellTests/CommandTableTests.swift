import Testing

@testable import LabShell

/// The command table is the one place a command is declared: these tests
/// hold the parser, help, completion and examples to it.
@Suite struct CommandTableTests {
    @Test func everyExampleParsesAsItsOwnCommand() throws {
        for spec in CommandTable.all {
            #expect(!spec.examples.isEmpty, "\(spec.name) has no example")
            let parser = CommandParser(inLesson: spec.scope == .lessonOnly)
            for example in spec.examples {
                let head = example.split(separator: " ").first.map(String.init) ?? ""
                #expect(CommandTable.spec(head)?.name == spec.name, "\(example) is not an example of \(spec.name)")
                #expect(throws: Never.self, "\(example)") { _ = try parser.parse(example) }
            }
        }
    }

    @Test func everyCommandHasHelpCompletionAndAUniqueWord() throws {
        var seen = Set<String>()
        for spec in CommandTable.all {
            #expect(!spec.summary.isEmpty)
            let help = try Help.text(topic: spec.name)
            #expect(help.hasPrefix(spec.usage + "\n"))
            #expect(help.contains("example: \(spec.example)"))
            for word in [spec.name] + spec.aliases {
                #expect(seen.insert(word).inserted, "\(word) is declared twice")
                #expect(CommandParser.candidates(after: "").words.contains(word))
            }
            // The first argument is offered by Tab unless it is a bare value (a number, a word to answer).
            if let first = spec.parameters.first {
                let next = CommandParser.candidates(after: spec.name + " ")
                switch first.kind {
                case .count, .expression, .words, .shape, .seed, .assignment, .variableName: break
                default:
                    #expect(
                        !next.words.isEmpty || next.files || next.lessonNumbers, "Tab offers nothing after \(spec.name)"
                    )
                }
            }
        }
    }

    @Test func usageLinesComeFromTheArguments() {
        #expect(CommandTable.spec("step")?.usage == "step [fwd|bwd|both] [N]")
        #expect(CommandTable.spec("init")?.usage == "init tutorial|pytorch|zeros [seed N]")
        #expect(CommandTable.spec("load")?.usage == "load weights|input|h0|c0|head PATH")
        #expect(CommandTable.spec("goto")?.usage == "goto t=N|start|end [fwd|bwd|both]")
        #expect(CommandTable.spec("watch")?.usage == "watch [NAME [fwd|bwd] [t=N] [b=N] [u=A..B] | EXPR …]")
        #expect(CommandTable.spec("show")?.usage == "show NAME [fwd|bwd] [t=N] [b=N] [u=A..B] | EXPR")
        #expect(CommandTable.spec("save")?.usage == "save weights PATH | EXPR to PATH")
        #expect(CommandTable.spec("let")?.usage == "let NAME = EXPR")
        #expect(CommandTable.spec("print")?.usage == "print EXPR")
        #expect(CommandTable.spec("sizes")?.usage == "sizes [B=N] [T=N] [D=N] [H=N] [L=N]")
        #expect(CommandTable.spec("bench")?.usage == "bench [B,T,D,H[,L]] [repeat R]")
        #expect(CommandTable.spec("lengths")?.usage == "lengths N,N,…|none")
        #expect(CommandTable.spec("layer")?.usage == "layer N")
        #expect(
            CommandTable.spec("lesson")?.usage
                == "lesson list | play N [step K] | present N | resume | reset [N] | check FILE")
        #expect(
            CommandTable.spec("set")?.usage
                == "set batch_first on|off | mode fused|per-gate|hoisted | packed on|off | variant correct|draft | engine reference|fast"
                + " | precision N | threads N | lang en|zh | ablate none|fwd|bwd")
    }

    @Test func lessonLabBlocksRefuseFilesLessonsAndQuit() {
        let refused = CommandTable.all.filter { !$0.allowedInLabBlock }.map(\.name)
        #expect(
            refused == [
                "load", "save", "export", "lesson", "next", "hint", "skip", "solution", "answer", "record", "quit",
            ])
    }

    /// Every error from the parser says where: the column of the word at fault.
    @Test(arguments: [
        ("stpe", 1), ("step fwd x", 10), ("sizes B=3 X=4", 11), ("sizes B=x", 9), ("init xavier", 6),
        ("init tutorial seeds 3", 15), ("init tutorial seed", 15), ("init tutorial seed -1", 20),
        ("load", 1), ("load weights", 1), ("load weights \"\"", 14), ("save things x", 6), ("goto", 1),
        ("goto x", 6), ("goto t=x", 8), ("goto t=1 sideways", 10), ("show", 1), ("show gatez", 6),
        ("show gates up", 12), ("show gates t=-1", 14), ("spark h_f u=x", 13), ("show h u=9..6", 10), ("show h u=", 8),
        ("watch h u=x", 11), ("set", 1),
        ("set colour on", 5), ("set mode", 5), ("set mode fast", 10), ("set precision 11", 15),
        ("bench 1,2,3", 7), ("bench repeat", 7), ("bench repeat 0", 14), ("lesson", 1), ("lesson go", 8),
        ("lesson play", 8), ("lesson play x", 13), ("run now", 5), ("hint", 1), ("  step   fwd  y", 15),
        ("load weights \"unterminated", 14), ("中文 step", 1), ("show 中文", 6),
    ])
    func errorsCarryTheColumn(line: String, column: Int) {
        do {
            _ = try CommandParser().parse(line)
            Issue.record("\(line) parsed")
        } catch {
            #expect(error.column == column, "\(line): \(error)")
        }
    }

    @Test func theTableCanExpressRestOfLineArguments() throws {
        // `answer` keeps the words; an expression argument keeps the text as typed.
        #expect(try CommandParser(inLesson: true).parse("answer  [3, 5,  16] ") == .lesson(.answer("[3, 5, 16]")))
        let line = "p  h_f[0, 1] + \"a b\"  # note"
        var reader = ArgumentReader(line: line, tokens: try Tokenizer.tokenize(line), usage: "p EXPR")
        let parsed = try reader.readAll([.required("e", .expression)])
        #expect(parsed.text("e") == "h_f[0, 1] + \"a b\"")
    }
}
