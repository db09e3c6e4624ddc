import Foundation
import LabText
import TensorFiles
import TermRender

/// A transcript being recorded: what was typed and what the lab showed.
public struct Transcript: Sendable, Equatable {
    public var path: String
    /// Markdown blocks, in order.
    public var blocks: [String] = []
    public var commands = 0
}

/// `record FILE.md` … `record stop`: a Markdown transcript a teacher can hand
/// out (commands in code blocks, output as text blocks, colour removed),
/// written atomically when the recording stops. The interpreter starts and
/// stops it; the front door (`Lab.handle`) adds each typed line.
extension Interpreter {
    mutating func record(_ path: String?) throws -> [Output] {
        guard !lessons.isPlaying else {
            throw LabError(said: FileReplyMessage.recordInLesson)
        }
        guard let path else {
            guard let t = recording else { throw LabError(said: FileReplyMessage.nothingRecorded) }
            let text = Lab.markdown(t, language: session.settings.language)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: t.path), options: .atomic)
            } catch {
                throw LabError(said: FileReplyMessage.recordNotWritten(path: Quote.word(t.path)))
            }
            recording = nil
            return [.text(say(FileReplyMessage.wroteRecording(path: t.path, commands: t.commands)))]
        }
        guard recording == nil else {
            throw LabError(said: FileReplyMessage.alreadyRecording(path: Quote.word(recording?.path ?? "")))
        }
        let dir = PathName.parent(of: path)  // our own helper: Foundation's trapped on one-character names
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue
        else {
            throw LabError(said: FileReplyMessage.recordFolderMissing(path: Quote.word(path), folder: Quote.word(dir)))
        }
        recording = Transcript(path: path)
        return [.text(say(FileReplyMessage.recordingTo(path: path)))]
    }
}

extension Lab {
    /// Adds one typed line and what it showed.
    mutating func recordLine(_ typed: String, _ shown: String) {
        guard recording != nil else { return }
        recording?.commands += 1
        recording?.blocks.append("```\nlstmlab> \(typed.trimmingCharacters(in: .whitespaces))\n```")
        let clean = Lab.stripEscapes(shown).trimmingCharacters(in: .newlines)
        if !clean.isEmpty { recording?.blocks.append("```text\n\(clean)\n```") }
    }

    /// `clear` in a transcript: a rule between what was on the screen before and after.
    mutating func recordSeparator() {
        guard recording != nil else { return }
        recording?.commands += 1
        recording?.blocks.append("---")
    }

    /// The transcript titled in the session's language when it is written.
    static func markdown(_ t: Transcript, language: Language) -> String {
        ([FileReplyMessage.transcriptTitle.text(language), ""] + t.blocks.flatMap { [$0, ""] }).joined(separator: "\n")
    }

    /// Text without terminal escape sequences (colour, cursor moves).
    static func stripEscapes(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    }
}
