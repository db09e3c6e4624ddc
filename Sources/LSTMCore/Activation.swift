import RealModule

/// σ and tanh, exact and finite for any finite input.
///
/// ```
/// σ(z) = 1 / (1 + e^(−z))        for z ≥ 0
/// σ(z) = e^z / (1 + e^z)         for z < 0   (no overflow of e^(−z))
/// tanh(z) from the C library, which saturates to ±1 instead of ∞/∞ = NaN
/// ```
public enum Activation: String, Sendable {
    case sigmoid, tanh

    public func callAsFunction(_ z: Float) -> Float {
        switch self {
        case .sigmoid: return Activation.logistic(z)
        case .tanh: return Float.tanh(z)
        }
    }

    @inlinable
    public static func logistic(_ z: Float) -> Float {
        if z >= 0 {
            return 1 / (1 + Float.exp(-z))
        } else {
            let e = Float.exp(z)
            return e / (1 + e)
        }
    }

    public var symbol: String { self == .sigmoid ? "σ" : "tanh" }
}
