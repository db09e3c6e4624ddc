import ArgumentParser
import Foundation
import LabShell

// A thin executable: flags, the line source, print, exit. Exit statuses:
// 0 ok, 1 a command failed, 2 usage error.
do {
    var command = try LSTMLabCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = LSTMLabCommand.exitCode(for: error)
    if code == .success {
        print(LSTMLabCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((LSTMLabCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
