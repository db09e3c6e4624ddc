/// Files of lines (scripts, piped commands) split one way everywhere.
///
/// Why bytes and not `String.split(separator: "\n")`: in Swift `"\r\n"` is one
/// `Character`, so a CRLF file split on `"\n"` came back as a single line. Here LF
/// ends a line, a CR before it is dropped, a last line without a newline counts,
/// and a line that is not valid UTF-8 is reported by number instead of spoiling
/// the whole file.
public enum TextLines {
    /// One line of text, or nil where its bytes are not valid UTF-8.
    public static func split(_ bytes: [UInt8]) -> [String?] {
        var lines: [String?] = []
        var start = 0
        func take(_ end: Int) {
            var stop = end
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            lines.append(String(validating: bytes[start..<stop], as: UTF8.self))
        }
        for (i, b) in bytes.enumerated() where b == 0x0A {
            take(i)
            start = i + 1
        }
        if start < bytes.count { take(bytes.count) }
        return lines
    }

    /// The lines of the regular file at `path`, refused by name if it is not one
    /// (a FIFO or `/dev/zero` is refused before it is opened) or is over `maxBytes`.
    public static func read(path: String, maxBytes: Int) throws(FileFormatError) -> [String?] {
        split(try FileReading.readAll(path: path, maxBytes: maxBytes))
    }
}
