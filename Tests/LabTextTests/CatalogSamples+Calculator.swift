@testable import LabText

/// Samples of the lesson calculator's refusals (`answer:` lines, task checks).
extension CatalogSamples {
    static let calculator: [CalculatorMessage] = [
        .empty, .unexpected(rest: ")3"), .notFinite, .tooDeep, .endsTooEarly, .missingClose,
        .expectedNumber(at: "#4"), .needsParenthesis(function: "tanh"), .missingCloseAfter(function: "sqrt"),
        .indexNotInteger(value: "1.5"), .missingBracketAfter(name: "h_f"), .unknownName(name: "zz"),
        .notAShape(text: "[3,"), .notAGate(text: "q"),
    ]
}
