/// The language the lab speaks to the learner. Identifiers (`W_ih_f`, `step`,
/// `fwd`) are the same in both: they are what the learner types.
public enum Language: String, CaseIterable, Equatable, Hashable, Sendable {
    case en
    case zh

    /// `en` or `zh` as typed after `--lang` or `set lang`, any case, full-width letters read as ASCII.
    public init?(code: String) {
        let folded = InputNormalizer.normalize(code).lowercased()
        guard let language = Language(rawValue: folded) else { return nil }
        self = language
    }

    /// The locale's language, as POSIX resolves it: the first set one of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` decides, and a value starting with `zh`
    /// (`zh_CN.UTF-8`, `zh_TW`) means Chinese; anything else, or none, English.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}
