import LSTMCore

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
            let magnitude = Float(mantissa) * 0x1p-24   // subnormal (or zero): exact in Float
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

    /// The float32 bit pattern of `x`, as four little-endian bytes appended to `out`.
    static func appendLittleEndian(_ x: Float, to out: inout [UInt8]) {
        let b = x.bitPattern
        out.append(UInt8(truncatingIfNeeded: b))
        out.append(UInt8(truncatingIfNeeded: b >> 8))
        out.append(UInt8(truncatingIfNeeded: b >> 16))
        out.append(UInt8(truncatingIfNeeded: b >> 24))
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
        precondition(start >= 0 && count >= 0 && start + count * byteCount <= bytes.count, "checked by the caller")
        var out = [Float](repeating: 0, count: count)
        let w = byteCount
        for i in 0..<count {
            let o = start + i * w
            var bits: UInt64 = 0
            if bigEndian {
                for k in 0..<w { bits = (bits << 8) | UInt64(bytes[o + k]) }
            } else {
                for k in stride(from: w - 1, through: 0, by: -1) { bits = (bits << 8) | UInt64(bytes[o + k]) }
            }
            let x: Float
            switch self {
            case .float16: x = FloatDecoding.half(UInt16(truncatingIfNeeded: bits))
            case .bfloat16: x = FloatDecoding.bfloat16(UInt16(truncatingIfNeeded: bits))
            case .float32: x = Float(bitPattern: UInt32(truncatingIfNeeded: bits))
            case .float64:
                let d = Double(bitPattern: bits)
                x = Float(d)
                if d.isFinite && !x.isFinite { return .failure(NonFiniteElement(flatIndex: i, text: "\(d)", tooLarge: true)) }
            }
            if !x.isFinite { return .failure(NonFiniteElement(flatIndex: i, text: "\(x)", tooLarge: false)) }
            out[i] = x
        }
        return .success(out)
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
    func message(shape: [Int]) -> String {
        message(index: Self.multiIndex(flatIndex, shape: shape))
    }

    func message(index: [Int]) -> String {
        tooLarge ? "value \(text) at index \(formatShape(index)) does not fit in float32"
                 : "non-finite value \(text) at index \(formatShape(index))"
    }

    /// The row-major multi-index of `flat` in `shape`.
    static func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
        var rest = flat
        var index = [Int](repeating: 0, count: shape.count)
        for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }
}
