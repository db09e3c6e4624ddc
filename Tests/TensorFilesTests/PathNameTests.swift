import Foundation
import Testing

@testable import TensorFiles

/// Our own path helpers (issue 13 row 1): Foundation's trapped on one-character names.
@Suite struct PathNameTests {
    @Test(arguments: [
        ("", ".", ""), ("a", ".", "a"), ("a/", ".", "a"), ("/", "/", "/"), ("//", "/", "/"),
        ("./x", ".", "x"), ("/a", "/", "a"), ("a/b", "a", "b"), ("a//b//", "a", "b"), ("/a/b/", "/a", "b"),
        ("步", ".", "步"), ("lessons/中文/01.md", "lessons/中文", "01.md"), (" ", ".", " "),
        ("\u{200B}", ".", "\u{200B}"), ("d/\u{301}x", "d", "\u{301}x"), ("e\u{301}/f", "e\u{301}", "f"),
        ("../zh/x.md", "../zh", "x.md"),
    ])
    func parentAndName(_ path: String, _ parent: String, _ name: String) {
        #expect(PathName.parent(of: path) == parent)
        #expect(PathName.name(of: path) == name)
    }

    @Test func joinAndFolder() {
        #expect(PathName.join("/", "y.npy") == "/y.npy")
        #expect(PathName.join("D/", "y.npy") == "D/y.npy")
        #expect(PathName.join("D", "y.npy") == "D/y.npy")
        #expect(PathName.join("", "y.npy") == "y.npy")
        #expect(PathName.asFolder("/") == "/")
        #expect(PathName.asFolder("D") == "D/")
        #expect(PathName.asFolder("D/") == "D/")
        #expect(PathName.asFolder("") == "./")
    }

    @Test func absolute() {
        #expect(PathName.absolute("./x.md", from: "/home/a/en") == "/home/a/en/x.md")
        #expect(PathName.absolute("x.md", from: "/") == "/x.md")
        #expect(PathName.absolute("../zh/./x.md", from: "/l/en") == "/l/zh/x.md")
        #expect(PathName.absolute("/a//b/", from: "/c") == "/a/b")
        #expect(PathName.absolute("", from: "/c") == "/c")
        #expect(PathName.absolute("../../..", from: "/c") == "/")
        #expect(PathName.absolute("d/\u{301}", from: "/") == "/d/\u{301}")
    }

    /// LF, CRLF, a last line without a newline, and an invalid line by itself (row 8, 13).
    @Test func textLines() {
        #expect(TextLines.split(Array("a\r\nb\nc".utf8)) == ["a", "b", "c"])
        #expect(TextLines.split(Array("a\n\n".utf8)) == ["a", ""])
        #expect(TextLines.split([]) == [])
        #expect(TextLines.split(Array("\r\n".utf8)) == [""])
        #expect(TextLines.split([0x61, 0x0A, 0xFF, 0x0D, 0x0A, 0x62]) == ["a", nil, "b"])
        #expect(TextLines.split(Array("x\r".utf8)) == ["x"])
    }

    /// Row 4: FIFOs and devices are told apart by `stat` before anything opens them.
    @Test func fileKinds() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.file("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(FileKind(path: fifo) == .fifo)
        #expect(FileKind(path: "/dev/zero") == .characterDevice)
        #expect(FileKind(path: folder.path) == .folder)
        #expect(FileKind(path: folder.file("none")) == .missing)
        #expect(FileKind(path: "") == .missing)
        // A FIFO with no writer would block `open` for reading: these return at once.
        #expect(reason { try NPY.read(path: fifo) } == "is a FIFO (named pipe), not a regular file")
        #expect(reason { try SafeTensors.read(path: fifo) } == "is a FIFO (named pipe), not a regular file")
        #expect(
            reason { try TextLines.read(path: fifo, maxBytes: 100) } == "is a FIFO (named pipe), not a regular file")
        try FileManager.default.createSymbolicLink(atPath: folder.file("zero"), withDestinationPath: "/dev/zero")
        #expect(reason { try NPY.read(path: folder.file("zero")) } == "is a character device, not a regular file")
    }

    /// Row 6: stale temporaries are recognised by our exact naming only.
    @Test func temporaryNames() {
        #expect(AtomicFile.isTemporary(".y.npy.tmp-1a2b", of: "y.npy"))
        #expect(!AtomicFile.isTemporary(".y.npy.tmp-", of: "y.npy"))
        #expect(!AtomicFile.isTemporary(".y.npy.tmp-1a2b.x", of: "y.npy"))
        #expect(!AtomicFile.isTemporary("y.npy", of: "y.npy"))
        #expect(!AtomicFile.isTemporary(".c_n.npy.tmp-1a", of: "y.npy"))
    }
}
