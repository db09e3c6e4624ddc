import Testing

@testable import LabText

@Suite struct InputNormalizerTests {
    @Test(arguments: [
        ("answer ３２", "answer 32"),
        ("ａｎｓｗｅｒ ａ", "answer a"),
        ("answer ［３，５，３２］", "answer [3,5,32]"),
        ("answer ［３、５、３２］", "answer [3,5,32]"),
        ("show h_f t＝２", "show h_f t=2"),
        ("answer ０．２５", "answer 0.25"),
        ("answer ４＊１６", "answer 4*16"),
        ("step　３", "step 3"),
        ("answer （２＋３）", "answer (2+3)"),
        ("answer 遗忘门", "answer 遗忘门"),
        ("load 'ｘ．npy'", "load 'ｘ．npy'"),
        ("", ""),
    ])
    func normalizes(typed: String, read: String) {
        #expect(InputNormalizer.normalize(typed) == read)
    }

    @Test func everyMappingIsOneCharacter() {
        for (full, ascii) in InputNormalizer.table {
            #expect(ascii.isASCII, "\(full)")
            #expect(full != ascii)
        }
        #expect(InputNormalizer.table.count == 10 + 26 + 26 + 15)
    }

    @Test func errorsQuoteWhatWasTyped() {
        let typed = "step ３ｘ"
        let read = InputNormalizer.normalize(typed)
        #expect(read == "step 3x")
        #expect(InputNormalizer.requote("not a count: '3x'", normalized: read, typed: typed) == "not a count: '３ｘ'")
        #expect(InputNormalizer.requote("no quote", normalized: read, typed: typed) == "no quote")
        #expect(InputNormalizer.requote("open 'x", normalized: read, typed: typed) == "open 'x")
    }
}

@Suite struct LanguageTests {
    @Test(
        arguments: [
            (["LANG": "zh_CN.UTF-8"], Language.zh),
            (["LANG": "en_US.UTF-8"], .en),
            ([:], .en),
            (["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], .en),
            (["LC_ALL": "", "LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_GB"], .zh),
            (["LC_MESSAGES": "en_US", "LANG": "zh_CN"], .en),
            (["LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US"], .zh),
        ] as [([String: String], Language)])
    func localePrecedence(environment: [String: String], expected: Language) {
        #expect(Language.fromLocale(environment) == expected)
    }

    @Test func codes() {
        #expect(Language(code: "zh") == .zh)
        #expect(Language(code: "ＺＨ") == .zh)
        #expect(Language(code: "EN") == .en)
        #expect(Language(code: "fr") == nil)
        #expect(Language(code: "") == nil)
    }
}

@Suite struct RequoteTests {
    @Test func onlyWholeWordsAreRequoted() {
        let typed = "ｓｔｅｐｐ"
        let read = InputNormalizer.normalize(typed)
        #expect(
            InputNormalizer.requote("unknown command 'stepp' (did you mean 'step'?)", normalized: read, typed: typed)
                == "unknown command 'ｓｔｅｐｐ' (did you mean 'step'?)")
        let t2 = "show h_f t＝９"
        let r2 = InputNormalizer.normalize(t2)
        #expect(
            InputNormalizer.requote("t=9 is past the end: '9'", normalized: r2, typed: t2) == "t=9 is past the end: '９'"
        )
    }
}
