import ArgumentParser
import Foundation
import LSTMCore
import LSTMKernels
import LabShell
import LabText

// A thin executable: flags, the line source, print, exit. Exit statuses:
// 0 ok, 1 a command failed, 2 usage error.
// A usage error in Chinese reads `错误：…` and `用法：…` (the parser's own refusals translated when known).
func launch<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]?, language: Language = .en) -> Never {
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
        var text = type.fullMessage(for: error)
        if language == .zh {
            let message = type.message(for: error)
            let said = UsageMessage.parserRefusal(message)?.chinese ?? message
            text = LauncherMessage.errorLabel.chinese + said + "\n" + UsageMessage.seeHelp.chinese
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
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
let launchLanguage = ChineseHelp.language(arguments, ProcessInfo.processInfo.environment)
if arguments.contains("--help") || arguments.contains("-h"), launchLanguage == .zh {
    print(ChineseHelp.text)
    Foundation.exit(0)
}
launch(LSTMLabCommand.self, nil, language: launchLanguage)
