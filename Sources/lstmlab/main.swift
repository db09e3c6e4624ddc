import ArgumentParser
import Foundation
import LSTMCore
import LSTMKernels
import LabShell
import LabText

// A thin executable: flags, the line source, print, exit. Exit statuses:
// 0 ok, 1 a command failed, 2 usage error.
func launch<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]?) -> Never {
    do {
        var command = try type.parseAsRoot(arguments)
        try command.run()
        Foundation.exit(0)
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        let code = type.exitCode(for: error)
        if code == .success {
            print(type.fullMessage(for: error))
            Foundation.exit(0)
        }
        FileHandle.standardError.write(Data((type.fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
    }
}

// Before any other thread exists (it touches the environment for a moment).
BLASSetup.atProcessStart()
// UTF-8 for readline's multibyte input and widths, even when LANG names a locale that is not installed.
TerminalLocale.setUp()

// `lstmlab bench …` is routed by hand: the root command's optional FILE
// argument would otherwise take the word "bench" as a script name.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "bench" {
    launch(BenchCommand.self, Array(arguments.dropFirst()))
}
// `--help` in Chinese when the language is zh (`--lang zh` or the locale); ArgumentParser's own is English.
if arguments.contains("--help") || arguments.contains("-h"),
    ChineseHelp.language(arguments, ProcessInfo.processInfo.environment) == .zh
{
    print(ChineseHelp.text)
    Foundation.exit(0)
}
launch(LSTMLabCommand.self, nil)
