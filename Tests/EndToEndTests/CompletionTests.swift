import Foundation
import LabShell
import Testing

@testable import lstmlab

/// What Tab offers, without a terminal.
@Suite("Tab completion rules")
struct CompletionTests {
    let completer = Completer(lessonIDs: { [1, 2, 10, 11] })

    @Test func commandWordsAndAliasesAtTheStart() {
        #expect(completer.complete(before: "", word: "ste") == .words(["step"]))
        #expect(
            completer.complete(before: "", word: "s")
                == .words(["sizes", "save", "step", "show", "spark", "set", "skip", "solution"]))
        #expect(completer.complete(before: "", word: "ex") == .words(["export", "example", "exit"]))
        #expect(completer.complete(before: "  ", word: "?") == .words(["?"]))
    }

    @Test func keywordsFollowTheirCommand() {
        #expect(completer.complete(before: "step ", word: "b") == .words(["bwd", "both"]))
        #expect(completer.complete(before: "init ", word: "") == .words(["tutorial", "pytorch", "zeros"]))
        #expect(completer.complete(before: "init tutorial ", word: "") == .words(["seed"]))
        #expect(completer.complete(before: "set ", word: "m") == .words(["mode"]))
        #expect(completer.complete(before: "set mode ", word: "") == .words(["fused", "per-gate", "hoisted"]))
        #expect(completer.complete(before: "goto t=1 ", word: "") == .words(["fwd", "bwd", "both"]))
        #expect(completer.complete(before: "bench ", word: "r") == .words(["repeat"]))
        #expect(completer.complete(before: "exit ", word: "") == .words([]))
        #expect(completer.complete(before: "nosuch ", word: "") == .words([]))
        #expect(completer.complete(before: "help ", word: "ba") == .words(["back"]))
    }

    /// `let` variables are offered in expressions and after `unlet`, as the session has them now.
    @Test func letVariablesAreOfferedUntilUnlet() {
        var lab = Lab()
        #expect(lab.handle("let foo = 1").error == nil)
        #expect(lab.handle("let fob = zeros(2)").error == nil)
        let both = lab.variableNames
        let now = Completer(variables: { both })
        #expect(now.complete(before: "print ", word: "fo") == .words(["fob", "foo"]))
        #expect(now.complete(before: "p ", word: "sigmoid(fo") == .words(["sigmoid(fob", "sigmoid(foo"]))
        #expect(now.complete(before: "show ", word: "foo") == .words(["foo"]))
        #expect(now.complete(before: "unlet ", word: "") == .words(["fob", "foo"]))
        #expect(lab.handle("unlet foo").error == nil)
        SessionNames.publish(lab)
        let after = Completer.forThisProcess()
        #expect(after.complete(before: "print ", word: "fo") == .words(["fob"]))
        #expect(after.complete(before: "unlet ", word: "f") == .words(["fob"]))
        #expect(Completer().complete(before: "unlet ", word: "") == .words([]))
    }

    /// Inside an expression: names, functions, `torch.`/`F.` functions, a tensor's methods after `.`.
    @Test func expressionNamesFunctionsAndMethods() {
        #expect(completer.complete(before: "print ", word: "c_") == .words(["c_n", "c_f", "c_b", "c_b_rev"]))
        #expect(
            completer.complete(before: "p ", word: "sigmoid(gates_pre_b")
                == .words(["sigmoid(gates_pre_b", "sigmoid(gates_pre_b_rev"]))
        #expect(completer.complete(before: "print ", word: "W_hh_f.tr") == .words(["W_hh_f.transpose"]))
        #expect(
            completer.complete(before: "print ", word: "W_hh_f.s")
                == .words([
                    "W_hh_f.sigmoid", "W_hh_f.sqrt", "W_hh_f.sin", "W_hh_f.square", "W_hh_f.sub", "W_hh_f.sum",
                    "W_hh_f.squeeze", "W_hh_f.softmax", "W_hh_f.size", "W_hh_f.shape",
                ]))
        #expect(completer.complete(before: "p ", word: "torch.ze") == .words(["torch.zeros", "torch.zeros_like"]))
        #expect(completer.complete(before: "p W_hh_f.T @ ", word: "F.lin") == .words(["F.linear"]))
        #expect(completer.complete(before: "show ", word: "h_b") == .words(["h_b_rev", "h_b"]))
        #expect(
            completer.complete(before: "spark c_f[:, ", word: "0].s")
                == .words([
                    "0].sigmoid", "0].sqrt", "0].sin", "0].square", "0].sub", "0].sum", "0].squeeze", "0].softmax",
                    "0].size", "0].shape",
                ]))
        #expect(completer.complete(before: "let u = ", word: "arang") == .words(["arange"]))
    }

    @Test func viewNamesAfterShowThenTheirOptions() {
        #expect(completer.complete(before: "show ", word: "h_") == .words(["h_f", "h_b_rev", "h_b", "h_n"]))
        #expect(completer.complete(before: "heatmap ", word: "W_i") == .words(["W_ih_f", "W_ih_b"]))
        #expect(completer.complete(before: "show gates ", word: "") == .words(["fwd", "bwd", "t=", "b=", "u="]))
        #expect(completer.complete(before: "watch gates ", word: "h_b") == .words(["h_b_rev", "h_b"]))
        #expect(completer.complete(before: "show ", word: "w_hh") == .words(["W_hh_f", "W_hh_b"]))
        #expect(completer.complete(before: "sizes ", word: "t") == .words(["T="]))
    }

    @Test func filesAfterPathCommands() {
        #expect(completer.complete(before: "load ", word: "w") == .words(["weights"]))
        #expect(completer.complete(before: "load weights ", word: "") == .files)
        #expect(completer.complete(before: "save weights ", word: "m") == .files)
        #expect(completer.complete(before: "export ", word: "") == .files)
        #expect(completer.complete(before: "lesson check ", word: "") == .files)
    }

    @Test func lessonIDsAfterPlay() {
        #expect(completer.complete(before: "lesson ", word: "p") == .words(["play", "present"]))
        #expect(completer.complete(before: "lesson present ", word: "1") == .ordered(["1", "10", "11"]))
        #expect(completer.complete(before: "lesson play ", word: "1") == .ordered(["1", "10", "11"]))
        #expect(completer.complete(before: "lesson reset ", word: "") == .ordered(["1", "2", "10", "11"]))
        #expect(completer.complete(before: "lesson play 1 ", word: "") == .words(["step"]))
    }

    @Test func commonPrefixIsWhatOneTabInserts() {
        #expect(Completer.commonPrefix(["h_b_rev", "h_b"]) == "h_b")
        #expect(Completer.commonPrefix(["fwd", "bwd"]) == "")
        #expect(Completer.commonPrefix([]) == "")
    }
}

/// `docs/COMMANDS.md` is generated from the command table; this fails when the committed file drifts.
@Suite struct CommandReferenceTests {
    @Test func committedReferenceMatchesTheTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/COMMANDS.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(
            committed == LauncherReference.commandsMarkdown,
            "docs/COMMANDS.md is out of date: run 'lstmlab --commands-markdown > docs/COMMANDS.md'")
    }

    @Test func committedChineseReferenceMatchesTheTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/COMMANDS.zh.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(
            committed == LauncherReference.chineseCommandsMarkdown,
            "docs/COMMANDS.zh.md is out of date: run 'lstmlab --commands-markdown --lang zh > docs/COMMANDS.zh.md'")
    }
}
