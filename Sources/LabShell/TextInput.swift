import LSTMCore
import LabText

/// The strings behind a one-hot input (`input text`): kept so every view with a
/// time axis can name the character each t read.
///
/// ```
/// x[b, t, :] = one_hot(alphabet.index(strings[b][t]))     t < len(strings[b])
///            = one_hot(pad) or all zeros                  otherwise
/// ```
public struct TextInput: Equatable, Sendable {
    public private(set) var strings: [[Character]]
    public let alphabet: [Character]
    /// The padding character, or nil for zero rows.
    public let pad: Character?
    /// Where the alphabet came from, for the message: `given`, `the model's metadata`, `the characters used`.
    public let alphabetSource: ReplyMessage

    /// T: the longest string.
    public var length: Int { strings.map(\.count).max() ?? 0 }
    public var batch: Int { strings.count }

    /// Checks everything a learner could get wrong, with a message naming it.
    /// - Parameters:
    ///   - alphabet: given by the learner, else the model's (`modelAlphabet`), else the sorted characters used.
    ///   - inputSize: the model's D, which the alphabet's size must equal.
    public init(
        strings: [String], alphabet: String?, pad: String?, modelAlphabet: String?,
        inputSize: Int
    ) throws(LabError) {
        guard !strings.isEmpty else {
            throw LabError(said: RefusalMessage.textNeedsString)
        }
        let chars = strings.map(Array.init)
        if let i = chars.firstIndex(where: \.isEmpty) {
            throw LabError(said: RefusalMessage.emptyString(b: i))
        }
        var letters: [Character]
        var source: ReplyMessage
        if let alphabet {
            letters = Array(alphabet)
            source = .alphabetGiven
        } else if let modelAlphabet {
            letters = Array(modelAlphabet)
            source = .alphabetFromModel
        } else {
            letters = Array(Set(chars.joined())).sorted {
                String($0).unicodeScalars.lexicographicallyPrecedes(String($1).unicodeScalars)
            }
            if let p = pad.flatMap(\.first), !letters.contains(p) {
                letters.append(p)
                letters.sort { String($0).unicodeScalars.lexicographicallyPrecedes(String($1).unicodeScalars) }
            }
            source = .alphabetSorted
        }
        guard !letters.isEmpty else { throw LabError(said: SessionErrorMessage.alphabetEmpty) }
        var seen = Set<Character>()
        for ch in letters {
            guard seen.insert(ch).inserted else {
                throw LabError(
                    said: SessionErrorMessage.alphabetTwice(
                        alphabet: Quote.word(String(letters)), character: Quote.word(String(ch))))
            }
        }
        guard letters.count == inputSize else {
            throw LabError(
                said: RefusalMessage.alphabetSize(
                    alphabet: Quote.word(String(letters)), source: source, count: letters.count, inputs: inputSize))
        }
        var padChar: Character?
        if let pad {
            guard pad.count == 1, let p = pad.first else {
                throw LabError(said: SessionErrorMessage.padOneCharacter(pad: Quote.word(pad)))
            }
            guard letters.contains(p) else {
                throw LabError(
                    said: SessionErrorMessage.padNotInAlphabet(
                        pad: Quote.word(pad), alphabet: Quote.word(String(letters))))
            }
            padChar = p
        }
        for (b, s) in chars.enumerated() {
            if let t = s.firstIndex(where: { !letters.contains($0) }) {
                throw LabError(
                    said: RefusalMessage.notInAlphabet(
                        b: b, character: Quote.word(String(s[t])), t: t, alphabet: Quote.word(String(letters)),
                        source: source))
            }
        }
        self.strings = chars
        self.alphabet = letters
        self.pad = padChar
        self.alphabetSource = source
    }

    /// `[B, T, D]`, batch-first.
    public func oneHot() throws -> Tensor {
        let b = batch
        let tl = length
        let d = alphabet.count
        var data = [Float](repeating: 0, count: b * tl * d)
        var index: [Character: Int] = [:]
        for (k, ch) in alphabet.enumerated() { index[ch] = k }
        for (bi, s) in strings.enumerated() {
            for t in 0..<tl {
                let ch: Character? = t < s.count ? s[t] : pad
                if let ch, let k = index[ch] { data[(bi * tl + t) * d + k] = 1 }
            }
        }
        return try Tensor(shape: [b, tl, d], data: data)
    }

    /// The character string b read at t, or nil at zero-row padding.
    public func character(b: Int, t: Int) -> Character? {
        guard b >= 0, b < strings.count, t >= 0 else { return nil }
        return t < strings[b].count ? strings[b][t] : (t < length ? pad : nil)
    }

    /// How a time axis names t: `'('`, or `pad` at zero-row padding.
    public func token(b: Int, t: Int) -> String {
        guard let ch = character(b: b, t: t) else { return "pad" }
        return "'" + Quote.visible(String(ch)) + "'"
    }

    /// `tokens[b][t]` for the whole batch.
    public var tokens: [[String]] {
        (0..<batch).map { b in (0..<length).map { token(b: b, t: $0) } }
    }

    /// The raw characters per position, `nil` at zero-row padding (for one-character-per-step drawings).
    public var characters: [[Character?]] {
        (0..<batch).map { b in (0..<length).map { character(b: b, t: $0) } }
    }

    /// One string as typed, padding shown: `"(a)b" + 2 pad`.
    public func display(_ b: Int, language: Language = .en) -> String {
        guard b >= 0, b < strings.count else { return "" }
        let s = strings[b]
        var text = "\"" + Quote.visible(String(s)) + "\""
        let missing = length - s.count
        if missing > 0 {
            text +=
                pad.map { " + \(missing) × '\(Quote.visible(String($0)))'" }
                ?? RefusalMessage.zeroRows(count: missing).text(language)
        }
        return text
    }

    /// What the padding is, in words.
    public var padDescription: ReplyMessage {
        guard strings.contains(where: { $0.count < length }) else { return .noPadding(length: length) }
        if let pad { return .paddedWith(pad: "'\(Quote.visible(String(pad)))'", length: length) }
        return .paddedWithZeros(length: length)
    }

    /// Replaces one character; `t` must be inside string b (not its padding).
    public mutating func set(b: Int, t: Int, to text: String) throws(LabError) -> Character {
        guard b >= 0, b < strings.count else {
            throw LabError(.outOfRange(key: "b", value: b, last: strings.count - 1))
        }
        guard t >= 0, t < strings[b].count else {
            let n = strings[b].count
            throw t < length
                ? LabError(said: SessionErrorMessage.paddingPosition(t: t, b: b, characters: n))
                : LabError(.outOfRange(key: "t", value: t, last: length - 1))
        }
        guard text.count == 1, let ch = text.first else {
            throw LabError(said: SessionErrorMessage.inputSetOneCharacter(text: Quote.word(text)))
        }
        guard alphabet.contains(ch) else {
            throw LabError(
                said: SessionErrorMessage.notInAlphabet(text: Quote.word(text), alphabet: Quote.word(String(alphabet))))
        }
        let old = strings[b][t]
        strings[b][t] = ch
        return old
    }
}
