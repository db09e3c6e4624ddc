import LSTMCore
import LabText

/// NumPy's `.npy` format, versions 1.0, 2.0 and 3.0.
///
/// ```
/// \x93NUMPY  major minor  header length (u16 LE in 1.0, u32 LE in 2.0/3.0)
/// header: a Python dict literal, latin-1 (1.0/2.0) or UTF-8 (3.0), padded, ending '\n'
/// data:   count · itemsize bytes, C order (or Fortran order if the header says so)
/// ```
/// Reads float16/32/64 in either byte order and converts to Float; Fortran-order
/// arrays are transposed into C order. Writes version 1.0, `<f4`, C order, with the
/// preamble and header padded to a multiple of 64 bytes as numpy does.
public enum NPY {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

    /// Decodes a whole `.npy` file held in memory. `file` names it in errors.
    ///
    /// `maxBytes` bounds both the file's data and the Float array built from it;
    /// the bound is checked from the header, before anything is allocated.
    public static func decode(_ bytes: [UInt8], file: String, maxBytes: Int = 2 << 30) throws(FileFormatError) -> Tensor
    {
        let layout = try Layout(bytes, fileSize: bytes.count, file: file, maxBytes: maxBytes)
        return try layout.values(bytes, file: file)
    }

    /// Where a file's data is and what it holds, read from its preamble and header alone.
    struct Layout {
        var header: NPYHeader
        var dataStart: Int
        var count: Int
        var dataBytes: Int

        /// The preamble and header from `bytes` (the file's first bytes, at least through
        /// the header when the file has one); sizes judged against `fileSize`.
        init(_ bytes: [UInt8], fileSize: Int, file: String, maxBytes: Int) throws(FileFormatError) {
            func fail(_ problem: TensorFileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            func fail(_ problem: FileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            guard fileSize > 0 else { throw fail(.empty) }
            guard zip(bytes, magic).allSatisfy({ $0 == $1 }) else { throw fail(.notNPY) }
            guard fileSize >= 8, bytes.count >= 8 else { throw fail(.npyTruncatedPreamble(size: fileSize)) }
            let (major, minor) = (bytes[6], bytes[7])
            guard (1...3).contains(major), minor == 0 else {
                throw fail(.npyVersion(major: Int(major), minor: Int(minor)))
            }
            let lengthWidth = major == 1 ? 2 : 4
            let preamble = 8 + lengthWidth
            guard let length64 = FloatDecoding.littleEndian(bytes, at: 8, width: lengthWidth) else {
                throw fail(.npyTruncatedPreamble(size: fileSize))
            }
            let available = fileSize - preamble
            guard length64 <= UInt64(available) else {
                throw fail(.npyHeaderTooLong(length: "\(length64)", available: available, preamble: preamble))
            }
            let headerLength = Int(length64)
            guard bytes.count >= preamble + headerLength else { throw fail(.truncatedHeader) }
            let headerBytes = bytes[preamble..<(preamble + headerLength)]
            let headerText: String
            if major == 3 {
                guard let s = String(validating: headerBytes, as: UTF8.self) else {
                    throw fail(.headerNotUTF8)
                }
                headerText = s
            } else {
                // latin-1: every byte is the scalar with the same number.
                headerText = String(String.UnicodeScalarView(headerBytes.map { Unicode.Scalar($0) }))
            }
            switch NPYHeader.parse(headerText) {
            case .success(let h): header = h
            case .failure(let f): throw fail(f.problem)
            }
            let shape = header.shape
            let dtype = header.dtype
            guard let count = Tensor.elementCount(shape),
                case (let dataBytes, false) = count.multipliedReportingOverflow(by: dtype.kind.byteCount),
                case (let floatBytes, false) = count.multipliedReportingOverflow(by: 4)
            else {
                throw fail(.absurdShape(shape: formatShape(shape)))
            }
            let needed = max(dataBytes, floatBytes)
            guard needed <= maxBytes else {
                throw fail(.shapeTooBig(shape: formatShape(shape), needed: needed, limit: maxBytes))
            }
            dataStart = preamble + headerLength
            let present = fileSize - dataStart
            guard present >= dataBytes else {
                throw fail(.truncatedData(header: dataBytes, dtype: dtype.descr, present: present))
            }
            guard present == dataBytes else {
                throw fail(.trailingBytes(header: dataBytes, dtype: dtype.descr, present: present))
            }
            self.count = count
            self.dataBytes = dataBytes
        }

        /// The tensor from the whole file's `bytes`.
        func values(_ bytes: [UInt8], file: String) throws(FileFormatError) -> Tensor {
            func fail(_ problem: TensorFileMessage) -> FileFormatError { FileFormatError(file: file, problem: problem) }
            let shape = header.shape
            let values: [Float]
            switch header.dtype.kind.decode(bytes, start: dataStart, count: count, bigEndian: header.dtype.bigEndian) {
            case .success(let v): values = v
            case .failure(let bad):
                if header.fortranOrder {
                    // Fortran order is C order of the reversed shape, index reversed.
                    let reversed = NonFiniteElement.multiIndex(bad.flatIndex, shape: shape.reversed())
                    throw fail(bad.message(index: reversed.reversed()))
                }
                throw fail(bad.message(shape: shape))
            }
            let data = header.fortranOrder ? fortranToC(values, shape: shape) : values
            do {
                return try Tensor(shape: shape, data: data)
            } catch {
                throw fail(.inconsistent(detail: "\(error)"))  // unreachable: the count was checked above
            }
        }
    }

    /// Encodes `tensor` as a version 1.0 `.npy` file: `<f4`, C order.
    public static func encode(_ tensor: Tensor) -> [UInt8] {
        let dict = NPYHeader.text(shape: tensor.shape)
        // Version 1.0 has a 2-byte header length; a rank too large for it needs 2.0.
        let version: UInt8 = dict.utf8.count + 1 + 12 + 64 <= Int(UInt16.max) ? 1 : 2
        let preamble = version == 1 ? 10 : 12
        let unpadded = preamble + dict.utf8.count + 1  // + '\n'
        let padding = (64 - unpadded % 64) % 64
        let headerLength = dict.utf8.count + padding + 1

        var out: [UInt8] = []
        out.reserveCapacity(preamble + headerLength + tensor.count * 4)
        out += magic
        out += [version, 0]
        out.append(UInt8(truncatingIfNeeded: headerLength))
        out.append(UInt8(truncatingIfNeeded: headerLength >> 8))
        if version == 2 {
            out.append(UInt8(truncatingIfNeeded: headerLength >> 16))
            out.append(UInt8(truncatingIfNeeded: headerLength >> 24))
        }
        out += Array(dict.utf8)
        out += [UInt8](repeating: 0x20, count: padding)
        out.append(0x0A)
        FloatDecoding.appendLittleEndian(tensor.data, to: &out)
        return out
    }

    /// Reads and decodes the `.npy` file at `path`. The file's kind, size, magic,
    /// header and shape (against `maxBytes`, then `checkShape`, which returns a
    /// reason to refuse) are all checked from its first bytes before its data is read:
    /// a 2 GiB file that is not `.npy`, or an input of the wrong D, costs a few bytes.
    public static func read(path: String, maxBytes: Int = 2 << 30) throws(FileFormatError) -> Tensor {
        try read(path: path, maxBytes: maxBytes, checkShape: { _ in nil })
    }

    /// The same, with `checkShape` asked before the data is read.
    public static func read(
        path: String, maxBytes: Int = 2 << 30,
        checkShape: ([Int]) -> (any Localized)?
    ) throws(FileFormatError) -> Tensor {
        let file = try FileReading.OpenFile(path: path)
        defer { file.close() }
        guard file.size <= maxBytes else {
            throw FileFormatError(file: path, problem: .tooBig(size: file.size, limit: maxBytes))
        }
        var head = try file.read(count: min(file.size, 12), at: 0)
        if head.count >= 10, head.starts(with: magic),
            let length = FloatDecoding.littleEndian(head, at: 8, width: head[6] == 1 ? 2 : 4)
        {
            let preamble = head[6] == 1 ? 10 : 12
            let wanted = min(file.size, preamble + Int(min(length, UInt64(file.size))))
            if wanted > head.count { head = try file.read(count: wanted, at: 0) }
        }
        let layout = try Layout(head, fileSize: file.size, file: path, maxBytes: maxBytes)
        if let problem = checkShape(layout.header.shape) { throw FileFormatError(file: path, said: problem) }
        let bytes = try file.read(count: file.size, at: 0)
        return try layout.values(bytes, file: path)
    }

    /// Writes `tensor` to `path` atomically (see `AtomicFile`).
    public static func write(_ tensor: Tensor, path: String) throws(FileFormatError) {
        try write(tensor, path: path, shouldCancel: { false })
    }

    /// The same, stopping between chunks when `shouldCancel` says so (the temporary file is removed).
    public static func write(_ tensor: Tensor, path: String, shouldCancel: () -> Bool) throws(FileFormatError) {
        try AtomicFile.write(to: path, shouldCancel: shouldCancel) { encode(tensor) }
    }

    /// Reorders Fortran-order (first axis fastest) values into C order (last axis fastest).
    static func fortranToC(_ values: [Float], shape: [Int]) -> [Float] {
        guard shape.count >= 2, !values.isEmpty else { return values }
        var strides = [Int](repeating: 1, count: shape.count)  // C-order strides
        for k in stride(from: shape.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * shape[k + 1] }
        var out = [Float](repeating: 0, count: values.count)
        var index = [Int](repeating: 0, count: shape.count)
        var offset = 0
        for x in values {
            out[offset] = x
            // Advance the Fortran-order odometer: axis 0 fastest.
            var axis = 0
            while axis < shape.count {
                index[axis] += 1
                offset += strides[axis]
                if index[axis] < shape[axis] { break }
                offset -= strides[axis] * shape[axis]
                index[axis] = 0
                axis += 1
            }
        }
        return out
    }
}
