import RealModule

/// The lab's random generator: xoshiro256** seeded through SplitMix64.
///
/// Chosen because it is fully specified (Blackman & Vigna, 2018), fast, and
/// gives the same stream on every machine and Swift version, unlike
/// `SystemRandomNumberGenerator`. Derived draws are specified too:
///
/// ```
/// uniform01   = (next() >> 40) · 2⁻²⁴              24 random bits, in [0, 1)
/// uniform(a,b) = a + (b − a) · uniform01
/// normal      = Box–Muller in Double: u1 = (next() >> 11 + 1) · 2⁻⁵³,
///               u2 = (next() >> 11) · 2⁻⁵³,  √(−2 ln u1) · cos(2π u2)
/// ```
/// (one normal per two draws; the sine half is discarded so each value
/// depends only on its own position in the stream).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension RandomNumberGenerator {
    /// A float in `[0, 1)` from 24 random bits.
    public mutating func uniform01() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A float uniform in `[low, high)`.
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * uniform01()
    }

    /// A standard normal draw (Box–Muller, computed in Double).
    public mutating func normal() -> Double {
        let u1 = (Double(next() >> 11) + 1) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }
}
