import Foundation
import Testing

@testable import LessonKit

@Suite struct ProgressStoreTests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("lessonkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func defaultLocation() {
        #expect(
            ProgressStore.defaultURL(environment: ["LSTMLAB_STATE_DIR": "/s", "XDG_STATE_HOME": "/x", "HOME": "/h"])?
                .path == "/s/progress.json")
        #expect(
            ProgressStore.defaultURL(environment: ["XDG_STATE_HOME": "/x", "HOME": "/h"])?.path
                == "/x/lstmlab/progress.json")
        #expect(
            ProgressStore.defaultURL(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path
                == "/h/.local/state/lstmlab/progress.json")
        #expect(ProgressStore.defaultURL(environment: [:]) == nil)
    }

    @Test func roundTrip() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ProgressStore(url: dir.appendingPathComponent("sub/progress.json"))
        #expect(try store.load().progress == ProgressFile())
        var file = ProgressFile()
        file[3] = LessonProgress(
            step: 2, stepCount: 6, language: "zh",
            questions: ["1": QuestionRecord(hints: 2, wrong: 1, outcome: .correct)])
        file.last = 3
        try store.save(file)
        let (back, warning) = try store.load()
        #expect(back == file)
        #expect(warning == nil)
        #expect(back[3]?.hintsUsed == 2)
        // no temporary file left behind
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path)
        #expect(names == ["progress.json"])
    }

    @Test func corruptFileIsKeptAsBackup() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        try Data("{ not json".utf8).write(to: url)
        let store = ProgressStore(url: url)
        let (p, warning) = try store.load()
        #expect(p == ProgressFile())
        #expect(
            warning?.english
                == "\(url.path) was unreadable (not valid progress JSON); a copy is kept at \(url.path).bak and progress starts fresh"
        )
        #expect(try String(contentsOf: store.backupURL, encoding: .utf8) == "{ not json")
        try store.save(p)
        #expect(try String(contentsOf: store.backupURL, encoding: .utf8) == "{ not json")
    }

    @Test func newerVersionIsNotOverwrittenSilently() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        try Data(#"{"version": 2, "lessons": {}}"#.utf8).write(to: url)
        let (_, warning) = try ProgressStore(url: url).load()
        #expect(
            warning?.chinese == "\(url.path) 无法读取（版本 2 比这个 lstmlab 能理解的版本新）；已在 \(url.path).bak 保留一份副本，进度从头开始")
        #expect(
            warning?.english
                == "\(url.path) was unreadable (version 2 is newer than this lstmlab understands); a copy is kept at \(url.path).bak and progress starts fresh"
        )
    }
}
