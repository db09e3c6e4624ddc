/// One area of the message catalog: each case is a key whose associated values
/// are the facts the sentence carries; `english` and `chinese` word them. Both
/// are exhaustive switches, so a key cannot exist in one language only, and a
/// test (`CatalogTests`) checks that both entries print every argument.
public protocol Localized: Sendable {
    var english: String { get }
    var chinese: String { get }
}

extension Localized {
    /// The sentence in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }
}

/// English number agreement: `count(3, "hint")` is `3 hints`, `count(1, "hint")` is `1 hint`.
public enum Plural {
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    public static func word(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? singular : plural ?? singular + "s"
    }
}
