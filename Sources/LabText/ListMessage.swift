/// The punctuation that joins worded parts: `, ` in English, `，` in Chinese.
public enum ListMessage: Localized, Equatable {
    /// Between clauses of a list (`parameters redrawn, input redrawn`).
    case comma
    /// Between items typed by the learner (`run, show pred`): `、` in Chinese.
    case enumeration

    public var english: String {
        switch self {
        case .comma, .enumeration: ", "
        }
    }

    public var chinese: String {
        switch self {
        case .comma: "，"
        case .enumeration: "、"
        }
    }
}
