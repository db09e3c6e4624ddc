import Foundation

/// Fixed-precision number text, as every view prints it.
public enum NumberFormat {
    /// `0.1235`, `-1.0000`; negative zero prints as zero; non-finite as `nan`, `inf`, `-inf`.
    public static func fixed(_ v: Float, precision: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        let p = max(0, min(precision, 10))
        let s = String(format: "%.\(p)f", Double(v))
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    /// The widest `fixed` text among `values`, without formatting each one: at a
    /// fixed precision the widest finite text belongs to the smallest or the largest value.
    public static func maxWidth(_ values: [Float], precision: Int) -> Int {
        var lo = Float.infinity
        var hi = -Float.infinity
        var extra = 0
        for v in values {
            if v.isNaN {
                extra = max(extra, 3)
            } else if v.isInfinite {
                extra = max(extra, v > 0 ? 3 : 4)
            } else {
                lo = min(lo, v)
                hi = max(hi, v)
            }
        }
        guard lo <= hi else { return max(extra, 1) }
        return max(extra, fixed(lo, precision: precision).count, fixed(hi, precision: precision).count)
    }

    /// Right-aligns `s` in `width` display columns.
    public static func pad(_ s: String, _ width: Int) -> String {
        let w = TextWidth.of(s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    /// Left-aligns `s` in `width` display columns.
    public static func padRight(_ s: String, _ width: Int) -> String {
        let w = TextWidth.of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}

/// Display width in terminal columns: East Asian wide characters count two.
public enum TextWidth {
    public static func of(_ s: String) -> Int {
        var w = 0
        var inEscape = false
        for u in s.unicodeScalars {
            if inEscape {
                if u == "m" { inEscape = false }
                continue
            }
            if u == "\u{1B}" {
                inEscape = true
                continue
            }
            w += width(of: u)
        }
        return w
    }

    static func width(of u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 || (v < 32) || (v >= 0x7F && v < 0xA0) { return 0 }
        if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark {
            return 0
        }
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        // East Asian Wide and Fullwidth ranges.
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD)
        {
            return 2
        }
        return 1
    }
}
