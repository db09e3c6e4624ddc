import LSTMCore

/// σ, tanh and exp on eight lanes at once, for the step kernel.
///
/// The scalar `Activation` calls the C library once per element, and at
/// B=32, H=256 the five transcendentals per unit cost as much as the matrix
/// products. These are the Cephes single-precision formulas (as SLEEF and
/// PyTorch's vectorised CPU kernels use), within about 2 ulp of the C
/// library:
/// ```
/// exp(x)  = 2ⁿ · e^r,  n = round(x / ln 2),  r = x − n·ln 2 (Cody–Waite, two parts),
///           e^r = 1 + r + r²·P(r), P of degree 5
/// σ(z)    = 1 / (1 + e^(−z)) for z ≥ 0,  e^z / (1 + e^z) for z < 0   (e = exp(−|z|) ≤ 1)
/// tanh(z) = z + z³·Q(z²)                 for |z| < 0.625
///         = sign(z) · (1 − 2 / (e^(2|z|) + 1))   otherwise
/// ```
/// Every lane follows the same formula, so a value does not depend on its
/// position in the vector.
enum VectorActivation {
    typealias V = SIMD8<Float>

    /// `exp(x)` for `x ≤ 0`; results below 2⁻¹²⁶ flush to 0.
    @inline(__always)
    static func expNonPositive(_ x: V) -> V {
        let tiny = x .< V(repeating: -87.33)
        let xc = x.replacing(with: -87.33, where: tiny)
        // round(x·log2 e) by the 1.5·2²³ trick; exact for |v| < 2²².
        let magic = V(repeating: 12_582_912)
        let shifted = xc * V(repeating: 1.442_695_040_888_963) + magic
        let n = shifted - magic
        var r = xc - n * V(repeating: 0.693_359_375)
        r = r - n * V(repeating: -2.121_944_400_546_905_8e-4)
        let r2 = r * r
        var p = V(repeating: 1.987_569_150_0e-4)
        p = p * r + V(repeating: 1.398_199_950_7e-3)
        p = p * r + V(repeating: 8.333_451_907_3e-3)
        p = p * r + V(repeating: 4.166_579_589_4e-2)
        p = p * r + V(repeating: 1.666_666_545_9e-1)
        p = p * r + V(repeating: 5.000_000_120_1e-1)
        let er = p * r2 + r + V(repeating: 1)
        // 2ⁿ from the integer in the low bits of `shifted`.
        let ni = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- SIMD8<Int32>(repeating: 0x4B40_0000)
        let scale = unsafeBitCast((ni &+ SIMD8<Int32>(repeating: 127)) &<< SIMD8<Int32>(repeating: 23), to: V.self)
        return (er * scale).replacing(with: 0, where: tiny)
    }

    @inline(__always)
    static func sigmoid(_ z: V) -> V {
        let neg = z .< V()
        let a = z.replacing(with: -z, where: .!neg)  // −|z|
        let e = expNonPositive(a)
        let denominator = V(repeating: 1) + e
        let numerator = V(repeating: 1).replacing(with: e, where: neg)
        return numerator / denominator
    }

    @inline(__always)
    static func tanh(_ z: V) -> V {
        let neg = z .< V()
        let a = z.replacing(with: -z, where: neg)  // |z|
        // Small |z|: odd polynomial.
        let s = a * a
        var q = V(repeating: -5.704_988_727_45e-3)
        q = q * s + V(repeating: 2.063_908_879_54e-2)
        q = q * s - V(repeating: 5.373_971_555_31e-2)
        q = q * s + V(repeating: 1.333_144_220_36e-1)
        q = q * s - V(repeating: 3.333_328_194_22e-1)
        let small = q * s * a + a
        // Large |z|: 1 − 2/(e^(2|z|) + 1) = (1 − e^(−2|z|)) / (1 + e^(−2|z|)).
        let e = expNonPositive(V(repeating: -2) * a)
        let large = (V(repeating: 1) - e) / (V(repeating: 1) + e)
        let t = large.replacing(with: small, where: a .< V(repeating: 0.625))
        return t.replacing(with: -t, where: neg)
    }
}
