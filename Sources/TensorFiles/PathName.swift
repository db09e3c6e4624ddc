/// Folder and name parts of user-given paths, as POSIX `dirname`/`basename` define them.
///
/// Why not Foundation's `NSString.deletingLastPathComponent` or `URL`: on Linux it
/// trapped (SIGILL) on any path whose last component is one UTF-16 unit (`a`, `步`,
/// `a/`), and `URL(fileURLWithPath:)` quietly resolves against the current folder.
/// These work on the path's UTF-8 bytes, so a combining mark after a `/` (which
/// Swift's `Character` would fuse with the slash) never hides a separator, and they
/// never trap: every input, including the empty string, has an answer.
///
/// ```
/// parent("a/b")  = "a"     parent("a")  = "."    parent("/a") = "/"
/// parent("/")    = "/"     parent("//") = "/"    parent("")   = "."
/// name("a/b/")   = "b"     name("/")    = "/"    name("")     = ""
/// ```
public enum PathName {
    private static let slash = UInt8(ascii: "/")

    /// The folder that holds `path` (`dirname`): `.` when the path names no folder.
    public static func parent(of path: String) -> String {
        var bytes = Array(path.utf8)
        guard !bytes.isEmpty else { return "." }
        dropTrailingSlashes(&bytes)
        guard bytes != [slash] else { return "/" }
        guard let last = bytes.lastIndex(of: slash) else { return "." }
        var folder = Array(bytes[..<last])
        dropTrailingSlashes(&folder)
        guard !folder.isEmpty else { return "/" }
        return String(decoding: folder, as: UTF8.self)
    }

    /// The last component of `path` (`basename`), without trailing slashes.
    public static func name(of path: String) -> String {
        var bytes = Array(path.utf8)
        guard !bytes.isEmpty else { return "" }
        dropTrailingSlashes(&bytes)
        guard bytes != [slash] else { return "/" }
        guard let last = bytes.lastIndex(of: slash) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes[(last + 1)...], as: UTF8.self)
    }

    /// `name` inside `folder`: one slash between them whatever `folder` ends with;
    /// an empty folder gives `name` alone.
    public static func join(_ folder: String, _ name: String) -> String {
        guard !folder.isEmpty else { return name }
        return folder.utf8.last == slash ? folder + name : folder + "/" + name
    }

    /// `folder` written as a folder, ending in exactly one `/` (`/` stays `/`, not `//`).
    public static func asFolder(_ folder: String) -> String {
        guard !folder.isEmpty else { return "./" }
        return folder.utf8.last == slash ? folder : folder + "/"
    }

    /// `path` from the root, with `.` and `..` components resolved by name (links are
    /// not followed): `absolute("./x.md", from: "/home/a/en")` is `/home/a/en/x.md`.
    public static func absolute(_ path: String, from currentDirectory: String) -> String {
        let full = path.utf8.first == slash ? path : join(currentDirectory.isEmpty ? "/" : currentDirectory, path)
        var parts: [String] = []
        for bytes in full.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            let part = String(decoding: bytes, as: UTF8.self)
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Removes trailing slashes but keeps a lone `/`.
    private static func dropTrailingSlashes(_ bytes: inout [UInt8]) {
        while bytes.count > 1 && bytes.last == slash { bytes.removeLast() }
    }
}
