import LSTMCore
import LabText

/// Bounds-checked little/big-endian reads and the float conversions both formats share.
///
/// Every function here takes an explicit offset and is only called after the caller
/// has checked that `offset + width <= bytes.count`; the checks live in the format
/// decoders, where the error can name the flaw.
enum FloatDecoding {
    /// An unsigned little-endian integer of `width` bytes (1…8) at `offset`, or nil if out of range.
    static func littleEndian(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64? {
        guard width >= 1, width <= 8, offset >= 0, offset <= bytes.count - width else { return nil }
        var v: UInt64 = 0
        for k in stride(from: width - 1, through: 0, by: -1) {
            v = (v << 8) | UInt64(bytes[offset + k])
        }
        return v
    }

    /// The IEEE half-precision value with bit pattern `bits`, exactly, as a Float.
    ///
    /// ```
    /// s eeeee mmmmmmmmmm   →   (-1)^s · 2^(e-15) · 1.m    (e = 0: 2^-14 · 0.m; e = 31: inf/nan)
    /// ```
    static func half(_ bits: UInt16) -> Float {
        let sign = UInt32(bits >> 15) << 31
        let exponent = UInt32((bits >> 10) & 0x1f)
        let mantissa = UInt32(bits & 0x3ff)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * 0x1p-24  // subnormal (or zero): exact in Float
            return sign != 0 ? -magnitude : magnitude
        case 0x1f:
            return Float(bitPattern: sign | 0x7f80_0000 | (mantissa << 13))
        default:
            return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
        }
    }

    /// The bfloat16 value with bit pattern `bits` (the top half of a float32).
    static func bfloat16(_ bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// The float32 bit patterns of `values`, four little-endian bytes each, appended to `out`.
    static func appendLittleEndian(_ values: [Float], to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: [UInt8](repeating: 0, count: values.count * 4))
        out.withUnsafeMutableBytes { dst in
            values.withUnsafeBufferPointer { src in
                for i in 0..<src.count {
                    dst.storeBytes(of: src[i].bitPattern.littleEndian, toByteOffset: start + 4 * i, as: UInt32.self)
                }
            }
        }
    }
}

/// The float element types the two formats may hold, and how to turn them into Float.
enum FloatKind: Sendable {
    case float16, bfloat16, float32, float64

    var byteCount: Int {
        switch self {
        case .float16, .bfloat16: return 2
        case .float32: return 4
        case .float64: return 8
        }
    }

    /// Decodes `count` elements starting at `start`; the caller has checked
    /// `start + count · byteCount <= bytes.count`.
    ///
    /// Returns the values, or the flat index and value of the first element that
    /// is not a finite float32 (a nan or inf in the file, or a float64 beyond
    /// float32's range).
    func decode(_ bytes: [UInt8], start: Int, count: Int, bigEndian: Bool) -> Result<[Float], NonFiniteElement> {
        let width = byteCount
        precondition(
            start >= 0 && count >= 0 && start <= bytes.count && count <= (bytes.count - start) / width,
            "checked by the caller")
        var out = [Float](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            out.withUnsafeMutableBufferPointer { dst in
                let src = UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * width)])
                switch self {
                case .float32:
                    for i in 0..<count {
                        let b = src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                        dst[i] = Float(bitPattern: bigEndian ? UInt32(bigEndian: b) : UInt32(littleEndian: b))
                    }
                case .float64:
                    for i in 0..<count {
                        let b = src.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
                        dst[i] = Float(Double(bitPattern: bigEndian ? UInt64(bigEndian: b) : UInt64(littleEndian: b)))
                    }
                case .float16, .bfloat16:
                    let half = self == .float16
                    for i in 0..<count {
                        let b = src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)
                        let bits = bigEndian ? UInt16(bigEndian: b) : UInt16(littleEndian: b)
                        dst[i] = half ? FloatDecoding.half(bits) : FloatDecoding.bfloat16(bits)
                    }
                }
            }
        }
        guard let i = out.firstIndex(where: { !$0.isFinite }) else { return .success(out) }
        if self == .float64 {
            // A finite float64 beyond float32's range became inf: say so, with the value.
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[start + 8 * i + k]) << (8 * UInt64(bigEndian ? 7 - k : k)) }
            let d = Double(bitPattern: bits)
            if d.isFinite { return .failure(NonFiniteElement(flatIndex: i, text: "\(d)", tooLarge: true)) }
        }
        return .failure(NonFiniteElement(flatIndex: i, text: "\(out[i])", tooLarge: false))
    }
}

/// The first element of a buffer that cannot become a finite Float.
struct NonFiniteElement: Error {
    var flatIndex: Int
    /// `nan`, `-inf`, or the float64 value that overflows float32 (`1e+300`).
    var text: String
    var tooLarge: Bool

    /// `non-finite value nan at index [0, 2, 3]` or `value 1e+300 at index [1] does not fit in float32`,
    /// for row-major data of `shape`.
    func message(shape: [Int]) -> TensorFileMessage {
        message(index: Self.multiIndex(flatIndex, shape: shape))
    }

    func message(index: [Int]) -> TensorFileMessage {
        tooLarge
            ? .tooLargeForFloat32(value: text, index: formatShape(index))
            : .nonFiniteAt(value: text, index: formatShape(index))
    }

    /// The row-major multi-index of `flat` in `shape`.
    static func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
        Tensor.multiIndex(flat, shape: shape)
    }
}
