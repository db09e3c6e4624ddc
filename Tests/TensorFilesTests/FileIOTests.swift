import Foundation
import LSTMCore
import Testing

@testable import TensorFiles

/// Reading and atomically writing real files: the plain reasons a learner sees.
@Suite struct FileIOTests {
    @Test func readRefusals() throws {
        let folder = try TemporaryFolder()
        #expect(reason { try NPY.read(path: folder.file("nope.npy")) } == "no such file")
        #expect(reason { try NPY.read(path: folder.file("nope/inner.npy")) } == "no such file")
        #expect(reason { try NPY.read(path: folder.path) } == "is a directory")
        #expect(reason { try NPY.read(path: "") } == "no file name given")
        #expect(reason { try NPY.read(path: "/dev/null") } == "is a character device, not a regular file")
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: folder.file("plain")))
        #expect(
            reason { try NPY.read(path: folder.file("plain/x.npy")) }
                == "no such file (a part of the path is not a folder)")
        try Data().write(to: URL(fileURLWithPath: folder.file("empty.npy")))
        #expect(reason { try NPY.read(path: folder.file("empty.npy")) } == "empty file")
    }

    @Test func sizeIsCheckedBeforeReading() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("t.npy")
        try NPY.write(try tensor([10], [Float](repeating: 1, count: 10)), path: path)  // 128 + 40 bytes
        #expect(
            reason { try NPY.read(path: path, maxBytes: 100) } == "file is 168 bytes, more than the limit of 100 bytes")
        #expect(try NPY.read(path: path, maxBytes: 168).count == 10)
    }

    @Test func writeThenReadBack() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("x.npy")
        let t = try tensor([2, 2, 2], (0..<8).map { Float($0) / 8 })
        try NPY.write(t, path: path)
        #expect(try NPY.read(path: path) == t)
        // Overwrite: the new content replaces the old, no temporary file is left behind.
        let u = try tensor([3], [7, 8, 9])
        try NPY.write(u, path: path)
        #expect(try NPY.read(path: path) == u)
        #expect(try folder.contents() == ["x.npy"])
    }

    @Test func overwriteKeepsPermissions() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("x.npy")
        try NPY.write(try tensor([1], [1]), path: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try NPY.write(try tensor([1], [2]), path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func failedWritesKeepTheOldFile() throws {
        let folder = try TemporaryFolder()
        #expect(
            reason { try NPY.write(try tensor([1], [1]), path: folder.file("missing/x.npy")) }
                == "cannot write: folder \(folder.path)/missing does not exist")
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: false)
        #expect(reason { try NPY.write(try tensor([1], [1]), path: folder.file("sub")) } == "is a directory")
        #expect(reason { try NPY.write(try tensor([1], [1]), path: folder.file("sub") + "/") } == "is a directory")
        #expect(reason { try AtomicFile.write([1], to: "") } == "no file name given")
        try Data([9]).write(to: URL(fileURLWithPath: folder.file("plain")))
        #expect(
            reason { try AtomicFile.write([1], to: folder.file("plain/x")) }
                == "cannot write: \(folder.path)/plain is not a folder")
        #expect(try folder.contents() == ["plain", "sub"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("plain"))) == Data([9]))
    }

    @Test func unwritableFolderKeepsTheOldFile() throws {
        // /proc refuses new files even for root, so this runs whoever we are.
        #expect(
            reason { try AtomicFile.write([1, 2], to: "/proc/lstmlab-tensorfiles-test.npy") }
                == "cannot write: cannot create a file in folder /proc: no such file or directory")
    }

    @Test func relativePathsUseTheCurrentFolder() {
        #expect(AtomicFile.split("w.npy") == (".", "w.npy"))
        #expect(AtomicFile.split("/w.npy") == ("/", "w.npy"))
        #expect(AtomicFile.split("a/b/w.npy") == ("a/b", "w.npy"))
    }
}
