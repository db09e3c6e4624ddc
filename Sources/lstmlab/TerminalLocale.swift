#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's character locale, which readline uses to read multibyte input
/// and to count the columns a character takes (`wcwidth`: CJK two).
///
/// Only `LC_CTYPE` is set: numbers keep the C locale's decimal point. The lab's
/// language does not depend on this (it reads `LC_ALL`/`LC_MESSAGES`/`LANG` itself),
/// so `LANG=zh_CN.UTF-8` on a machine without that locale installed still speaks
/// Chinese; without the fallback readline would read each byte of `中` as a character.
enum TerminalLocale {
    /// UTF-8 locales tried when the environment's one is missing or not UTF-8.
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Sets `LC_CTYPE` from the environment, else from `fallbacks`; returns the locale in effect.
    @discardableResult
    static func setUp() -> String {
        if setlocale(LC_CTYPE, "") != nil, isUTF8 { return current }
        for name in fallbacks where setlocale(LC_CTYPE, name) != nil && isUTF8 {
            return current
        }
        return current
    }

    static var current: String { setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C" }

    /// Whether the character locale's codeset is UTF-8.
    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" }
        return name == "UTF8"
    }
}
