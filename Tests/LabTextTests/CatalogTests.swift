import Foundation
import Testing

@testable import LabText

/// Walks the catalog: every key declared in `Sources/LabText` has a sample
/// here, and for each sample the English and the Chinese entry print every
/// argument it carries (a number cannot be lost in translation).
@Suite struct CatalogTests {
    /// Case names declared in a catalog source file (`case name(` or `case name` lines of the enum).
    static func declaredKeys(in file: String) throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/LabText/\(file)").standardized
        let text = try String(contentsOf: url, encoding: .utf8)
        var keys: [String] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            // A declaration (`    case name` or `    case name(label: Type, …)`), not a switch's `case .name:`.
            guard line.hasPrefix("    case "), !trimmed.hasPrefix("case ."), !trimmed.hasPrefix("case let") else {
                continue
            }
            let name = trimmed.dropFirst(5).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            keys.append(String(name))
        }
        return keys
    }

    static func key(of message: any Localized) -> String {
        let described = String(describing: message)
        return String(described.prefix { $0 != "(" })
    }

    /// The associated values that must show in the text: numbers and strings (flags such as `locked` only choose words).
    static func arguments(of message: any Localized) -> [String] {
        guard let payload = Mirror(reflecting: message).children.first?.value else { return [] }
        let mirror = Mirror(reflecting: payload)
        let values = mirror.displayStyle == .tuple ? mirror.children.map(\.value) : [payload]
        return values.compactMap { value in
            switch value {
            case let n as Int: "\(n)"
            case let s as String: s
            default: nil
            }
        }
    }

    /// Every `…Message.swift` area of `Sources/LabText` is walked here.
    @Test func everyAreaIsWalked() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/LabText").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.hasSuffix("Message.swift")
        }
        #expect(Set(files) == Set(CatalogSamples.areas.map(\.file)))
    }

    @Test(arguments: CatalogSamples.areas.map(\.file))
    func everyKeyHasASample(file: String) throws {
        let declared = try Self.declaredKeys(in: file)
        let area = try #require(CatalogSamples.areas.first { $0.file == file })
        let sampled = Set(area.samples.map(Self.key))
        #expect(!declared.isEmpty)
        for key in declared { #expect(sampled.contains(key), "no sample for \(file): \(key)") }
    }

    @Test(arguments: CatalogSamples.all.indices)
    func bothEntriesCarryTheSameArguments(index: Int) {
        let message = CatalogSamples.all[index]
        let en = message.english
        let zh = message.chinese
        #expect(!en.isEmpty && !zh.isEmpty)
        for argument in Self.arguments(of: message) {
            #expect(en.contains(argument), "English \(Self.key(of: message)) lost \(argument): \(en)")
            #expect(zh.contains(argument), "Chinese \(Self.key(of: message)) lost \(argument): \(zh)")
        }
    }

    /// Chinese prose uses full-width punctuation: no ASCII `,` `;` `:` `.` `?` `!` `(` `)` touching a Chinese character.
    @Test(arguments: CatalogSamples.all.indices)
    func chinesePunctuationIsFullWidth(index: Int) {
        let zh = Array(CatalogSamples.all[index].chinese)
        func isHan(_ c: Character) -> Bool {
            c.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false
        }
        for i in zh.indices where ",;:.?!()".contains(zh[i]) {
            let before = i > 0 && isHan(zh[i - 1])
            let after = i + 1 < zh.count && isHan(zh[i + 1])
            #expect(!(before || after), "ASCII '\(zh[i])' in Chinese prose: \(String(zh))")
        }
    }
}
