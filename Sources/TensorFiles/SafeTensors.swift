import Foundation
import LSTMCore
import LabText

/// Hugging Face's safetensors format.
///
/// ```
/// u64 LE  N
/// N bytes JSON: {"__metadata__": {str: str}, "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, …}
///                padded with spaces; offsets are relative to the data buffer that follows
/// data buffer: every byte belongs to exactly one tensor, little-endian, C order
/// ```
/// Reads F32, F64, F16 and BF16 (converted to Float); writes F32.
public enum SafeTensors {
    /// The reference implementation's limit on the JSON header.
    static let maxHeaderBytes = 100_000_000

    /// The most entries a header may list; an `nn.LSTM` state_dict has 8 per layer.
    /// A header of a million tiny tensors took 4 GB and 21 s to parse before this bound.
    public static let maxEntries = 4096

    /// Decodes a whole safetensors file held in memory. `file` names it in errors.
    ///
    /// `maxBytes` bounds the Float arrays built; the total is computed from the
    /// header, after every entry is validated against the buffer, before any is allocated.
    public static func decode(_ bytes: [UInt8], file: String, maxBytes: Int = 2 << 30) throws(FileFormatError)
        -> [String: Tensor]
    {
        let layout = try Layout(bytes, fileSize: bytes.count, file: file, maxBytes: maxBytes)
        return try layout.tensors(bytes, file: file)
    }

    /// The header's entries, validated against the file's size, before any data is read.
    struct Layout {
        fileprivate var entries: [Entry]
        var bufferStart: Int

        /// The tensors' shapes by name.
        var shapes: [String: [Int]] {
            Dictionary(entries.map { ($0.name, $0.shape) }, uniquingKeysWith: { a, _ in a })
        }

        /// How long the header is, from the first 8 bytes (nil when they are missing).
        static func headerLength(_ bytes: [UInt8]) -> UInt64? { FloatDecoding.littleEndian(bytes, at: 0, width: 8) }

        /// `bytes` are the file's first bytes, at least through the header when the file has one.
        init(_ bytes: [UInt8], fileSize: Int, file: String, maxBytes: Int) throws(FileFormatError) {
            func fail(_ problem: TensorFileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            let (root, headerLength) = try Self.header(bytes, fileSize: fileSize, file: file)
            bufferStart = 8 + headerLength
            let bufferSize = fileSize - bufferStart
            entries = []
            for name in root.keys.sorted() {
                guard let value = root[name] else { continue }
                if name == "__metadata__" {
                    guard let meta = value as? [String: Any], meta.values.allSatisfy({ $0 is String }) else {
                        throw fail(.metadataNotStrings)
                    }
                    continue
                }
                switch Entry.parse(name: name, value, bufferSize: bufferSize) {
                case .success(let e): entries.append(e)
                case .failure(let f): throw fail(.inTensor(name: abbreviated(name), problem: f.problem))
                }
            }
            try Self.checkCoverage(entries, bufferSize: bufferSize, file: file)
            var total = 0
            for e in entries {
                let (sum, overflow) = total.addingReportingOverflow(e.count * 4)  // count · 4 ≤ 2 · buffer bytes
                guard !overflow, sum <= maxBytes else {
                    throw fail(.tensorsTooBig(limit: maxBytes))
                }
                total = sum
            }
        }

        /// The JSON header as an object, and its length; the magic of other formats, the length
        /// against the file and the limit, and the number of entries and values checked first.
        private static func header(_ bytes: [UInt8], fileSize: Int, file: String) throws(FileFormatError)
            -> (root: [String: Any], length: Int)
        {
            func fail(_ problem: TensorFileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            func fail(_ problem: FileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            guard fileSize > 0 else { throw fail(.empty) }
            if bytes.starts(with: NPY.magic) { throw fail(.npyNotSafetensors) }
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw fail(.zipNotSafetensors) }
            guard fileSize >= 8, let length64 = Layout.headerLength(bytes) else {
                throw fail(.safetensorsTruncatedLength(size: fileSize))
            }
            let available = fileSize - 8
            guard length64 <= UInt64(available) else {
                throw fail(.safetensorsHeaderTooLong(length: "\(length64)", available: available))
            }
            guard length64 <= UInt64(maxHeaderBytes) else {
                throw fail(.headerOverLimit(length: "\(length64)", limit: maxHeaderBytes))
            }
            let headerLength = Int(length64)
            guard bytes.count >= 8 + headerLength else { throw fail(.truncatedHeader) }
            let header = bytes[8..<(8 + headerLength)]
            guard header.first == UInt8(ascii: "{") else { throw fail(.headerNotObject) }
            let shape = JSONShape.count(header)
            guard shape.keys <= SafeTensors.maxEntries + 1 else {
                throw fail(.tooManyEntries(count: shape.keys, limit: SafeTensors.maxEntries))
            }
            guard shape.values <= 64 * SafeTensors.maxEntries else {
                throw fail(.tooManyValues(count: shape.values, tensors: SafeTensors.maxEntries))
            }
            let json: Any
            do {
                json = try JSONSerialization.jsonObject(with: Data(header))
            } catch {
                throw fail(.headerNotJSON)
            }
            guard let root = json as? [String: Any] else { throw fail(.headerNotObject) }
            return (root, headerLength)
        }

        /// Every byte of the buffer belongs to exactly one tensor, as the reference checks.
        private static func checkCoverage(_ entries: [Entry], bufferSize: Int, file: String) throws(FileFormatError) {
            func fail(_ problem: TensorFileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            var covered = 0
            var previous: Entry?
            for e in entries.sorted(by: { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }) {
                if e.begin < covered, let p = previous {
                    throw fail(
                        .overlap(
                            first: abbreviated(p.name), second: abbreviated(e.name), begin: e.begin,
                            end: min(covered, e.end)))
                }
                if e.begin > covered {
                    throw fail(.unclaimedBytes(begin: covered, end: e.begin))
                }
                covered = max(covered, e.end)
                previous = e
            }
            guard covered == bufferSize else {
                throw fail(.unusedTrailing(used: covered, size: bufferSize))
            }
        }

        /// The tensors from the whole file's `bytes`.
        func tensors(_ bytes: [UInt8], file: String) throws(FileFormatError) -> [String: Tensor] {
            func fail(_ problem: TensorFileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            var out: [String: Tensor] = [:]
            for e in entries {
                switch e.kind.decode(bytes, start: bufferStart + e.begin, count: e.count, bigEndian: false) {
                case .success(let values):
                    do {
                        out[e.name] = try Tensor(shape: e.shape, data: values)
                    } catch {
                        // unreachable: the count was checked
                        throw fail(.inTensor(name: abbreviated(e.name), problem: .inconsistent(detail: "\(error)")))
                    }
                case .failure(let bad):
                    throw fail(.inTensor(name: abbreviated(e.name), problem: bad.message(shape: e.shape)))
                }
            }
            return out
        }
    }

    /// Encodes `tensors` as F32 safetensors: entries sorted by name, contiguous,
    /// the JSON header padded with spaces to a multiple of 8 bytes, as the
    /// reference writer does. A repeated name keeps its last tensor; the name
    /// `__metadata__` is reserved and such a tensor is skipped.
    public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) -> [UInt8]
    {
        var byName: [String: Tensor] = [:]
        for (name, t) in tensors where name != "__metadata__" { byName[name] = t }
        let names = byName.keys.sorted()

        var parts: [String] = []
        if !metadata.isEmpty {
            let items = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0] ?? ""))" }
            parts.append("\"__metadata__\":{" + items.joined(separator: ",") + "}")
        }
        var offset = 0
        for name in names {
            guard let t = byName[name] else { continue }
            let shape = t.shape.map(String.init).joined(separator: ",")
            parts.append(
                "\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + 4 * t.count)]}"
            )
            offset += 4 * t.count
        }
        var header = Array(("{" + parts.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }

        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        let n = UInt64(header.count)
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(k)))) }
        out += header
        for name in names {
            guard let t = byName[name] else { continue }
            FloatDecoding.appendLittleEndian(t.data, to: &out)
        }
        return out
    }

    /// Reads and decodes the safetensors file at `path`. Its kind, size, header
    /// (entry count bounded) and every entry's shape and offsets are checked, then
    /// `checkShapes` (which returns a reason to refuse) sees the shapes by name, all
    /// before the data is read: a too-large model costs its header, not its gigabytes.
    public static func read(path: String, maxBytes: Int = 2 << 30) throws(FileFormatError) -> [String: Tensor] {
        try read(path: path, maxBytes: maxBytes, checkShapes: { _ in nil })
    }

    /// The same, with `checkShapes` asked before the data is read.
    public static func read(
        path: String, maxBytes: Int = 2 << 30,
        checkShapes: ([String: [Int]]) -> (any Localized)?
    ) throws(FileFormatError) -> [String: Tensor] {
        let (bytes, layout) = try readChecked(path: path, maxBytes: maxBytes, checkShapes: checkShapes)
        return try layout.tensors(bytes, file: path)
    }

    /// The whole file's bytes and its validated layout, read only after the header passed every check.
    static func readChecked(
        path: String, maxBytes: Int,
        checkShapes: ([String: [Int]]) -> (any Localized)?
    ) throws(FileFormatError) -> ([UInt8], Layout) {
        let file = try FileReading.OpenFile(path: path)
        defer { file.close() }
        guard file.size <= maxBytes else {
            throw FileFormatError(file: path, problem: .tooBig(size: file.size, limit: maxBytes))
        }
        var head = try file.read(count: min(file.size, 8), at: 0)
        if let length = Layout.headerLength(head), length <= UInt64(maxHeaderBytes) {
            let wanted = min(file.size, 8 + Int(length))
            if wanted > head.count { head = try file.read(count: wanted, at: 0) }
        }
        let layout = try Layout(head, fileSize: file.size, file: path, maxBytes: maxBytes)
        if let problem = checkShapes(layout.shapes) { throw FileFormatError(file: path, said: problem) }
        return (try file.read(count: file.size, at: 0), layout)
    }

    /// Writes `tensors` to `path` atomically (see `AtomicFile`).
    public static func write(
        _ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:], path: String
    ) throws(FileFormatError) {
        try write(tensors, metadata: metadata, path: path, shouldCancel: { false })
    }

    /// The same, stopping between chunks when `shouldCancel` says so (the temporary file is removed).
    public static func write(
        _ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:], path: String,
        shouldCancel: () -> Bool
    ) throws(FileFormatError) {
        try AtomicFile.write(to: path, shouldCancel: shouldCancel) { encode(tensors, metadata: metadata) }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped
    /// (also used by `lstmlab bench --json`).
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

/// One validated header entry: its element type, shape and byte range in the buffer.
private struct Entry {
    var name: String
    var kind: FloatKind
    var shape: [Int]
    var count: Int
    var begin: Int
    var end: Int

    /// What is wrong with the entry; the caller names the tensor.
    struct Failure: Error { var problem: TensorFileMessage }

    static let dtypes: [String: FloatKind] = ["F32": .float32, "F64": .float64, "F16": .float16, "BF16": .bfloat16]

    static func parse(name: String, _ value: Any, bufferSize: Int) -> Result<Entry, Failure> {
        func fail(_ problem: TensorFileMessage) -> Result<Entry, Failure> { .failure(Failure(problem: problem)) }
        guard let fields = value as? [String: Any] else { return fail(.entryNotObject) }
        for key in fields.keys.sorted() where !["dtype", "shape", "data_offsets"].contains(key) {
            return fail(.entryUnexpectedKey(key: abbreviated(key)))
        }
        guard let dtypeValue = fields["dtype"] else { return fail(.entryMissing(field: "dtype")) }
        guard let shapeValue = fields["shape"] else { return fail(.entryMissing(field: "shape")) }
        guard let offsetsValue = fields["data_offsets"] else { return fail(.entryMissing(field: "data_offsets")) }

        guard let dtype = dtypeValue as? String else { return fail(.dtypeNotString) }
        guard let kind = dtypes[dtype] else {
            return fail(.safetensorsDtype(dtype: abbreviated(dtype)))
        }

        guard let dims = shapeValue as? [Any] else { return fail(.shapeNotIntegers) }
        var shape: [Int] = []
        for d in dims {
            switch JSONInteger(d) {
            case .value(let n) where n >= 0: shape.append(n)
            case .value(let n): return fail(.negativeDimension(dimension: n))
            case .tooLarge: return fail(.dimensionHuge)
            case .notInteger: return fail(.shapeNotIntegers)
            }
        }

        guard let offsetList = offsetsValue as? [Any], offsetList.count == 2 else {
            return fail(.offsetsNotPair)
        }
        var offsets: [Int] = []
        for o in offsetList {
            switch JSONInteger(o) {
            case .value(let n) where n >= 0: offsets.append(n)
            case .value, .notInteger: return fail(.offsetsNotNonNegative)
            case .tooLarge: return fail(.offsetsPastBuffer(size: bufferSize))
            }
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin <= end else { return fail(.offsetsReversed(begin: begin, end: end)) }

        guard let count = Tensor.elementCount(shape),
            case (let needed, false) = count.multipliedReportingOverflow(by: kind.byteCount)
        else {
            return fail(.absurdShape(shape: formatShape(shape)))
        }
        guard end - begin == needed else {
            return fail(
                .offsetsSize(begin: begin, end: end, shape: formatShape(shape), dtype: dtype, needed: needed))
        }
        guard end <= bufferSize else {
            return fail(.offsetsBeyond(begin: begin, end: end, size: bufferSize))
        }
        return .success(Entry(name: name, kind: kind, shape: shape, count: count, begin: begin, end: end))
    }
}

/// A JSON number as JSONSerialization gives it, judged as an integer.
/// `1.0`, `1e2` and `true` are not integers here, as in the reference reader.
private enum JSONInteger {
    case value(Int)
    case tooLarge, notInteger

    init(_ any: Any) {
        guard let n = any as? NSNumber else {
            self = .notInteger
            return
        }
        switch String(cString: n.objCType) {
        case "i", "s", "l", "q":
            self = Int(exactly: n.int64Value).map(JSONInteger.value) ?? .tooLarge
        case "I", "S", "L", "Q":
            self = Int(exactly: n.uint64Value).map(JSONInteger.value) ?? .tooLarge
        default:
            self = .notInteger  // "d"/"f" floats, "c" booleans
        }
    }
}

/// Counts a JSON object's top-level keys and all its values in one pass, without
/// building anything, so a header of a million entries is refused in milliseconds.
private enum JSONShape {
    static func count(_ bytes: ArraySlice<UInt8>) -> (keys: Int, values: Int) {
        var depth = 0
        var inString = false
        var escaped = false
        var keys = 0
        var values = 0
        var expectKey = false
        for b in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                inString = true
                if depth == 1 && expectKey {
                    keys += 1
                    expectKey = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                values += 1
                if depth == 1 { expectKey = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                values += 1
                if depth == 1 { expectKey = true }
            default:
                break
            }
        }
        return (keys, values)
    }
}
