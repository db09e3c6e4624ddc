@testable import LabText

/// Samples of the launcher's refusals of its command line.
extension CatalogSamples {
    static let usage: [UsageMessage] = [
        .memoryLimitRange(max: 1_073_741_824), .computeLimitRange(max: 1_000_000_000), .threadsRange(max: 64),
        .paceRange(max: 2), .lessonRange(max: 999), .commandsOrFile, .lessonWithScript, .lessonFlagsAlone,
        .autoAndPresent, .langValue(word: "fr"), .unknownOption(word: "'--bogus'"),
        .missingValue(flag: "'--lang <en|zh>'"), .unexpectedArgument(word: "'b'"),
        .invalidValue(value: "'x'", flag: "'--threads <N>'"), .seeHelp,
    ]
}
