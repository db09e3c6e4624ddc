import Foundation
import Testing

@testable import LabShell
@testable import LessonKit

/// Each of the tutorial's errors runs in a lesson step and shows its failure
/// or its wrong numbers, in both languages.
@Suite struct RunningErrorTests {
    /// The text of each step of lesson `id`, played unattended (task commands included).
    static func steps(_ id: Int, _ language: String) throws -> [String] {
        let catalog = LessonCatalog(root: CourseTests.root)
        let entry = try #require(catalog.entry(id: id, language: language))
        let lesson = try catalog.load(entry)
        var lab = Lab(width: 100)
        var player = LessonPlayer(lesson: lesson)
        var steps: [String] = []
        try player.playAuto(host: &lab.interpreter) { event in
            if case .progress = event { steps.append("") }
            guard !steps.isEmpty else { return }
            switch Lab.render(event, language: language, width: 100) {
            case .text(let t), .command(let t): steps[steps.count - 1] += t + "\n"
            case .clearScreen: break
            }
        }
        return steps
    }

    static func step(_ steps: [String], titled english: String, _ chinese: String) -> String {
        steps.first { $0.contains("## " + english) || $0.contains("## " + chinese) } ?? ""
    }

    @Test(arguments: ["en", "zh"])
    func aWeightShapedAfterTheBatchIsRefusedByFLinear(language: String) throws {
        let s = Self.step(try Self.steps(3, language), titled: "The draft's [4H, B]", "初稿里的 [4H, B]")
        // PyTorch's own words, after the lab's label in the lesson's language.
        let label = language == "zh" ? "错误：" : "error: "
        #expect(s.contains(label + "mat1 and mat2 shapes cannot be multiplied (3x8 and 3x64)"))
    }

    @Test(arguments: ["en", "zh"])
    func chunkAlongTheBatchAxisHasNoFourthPiece(language: String) throws {
        let s = Self.step(try Self.steps(2, language), titled: "Which dimension?", "到底是哪一维？")
        #expect(s.contains((language == "zh" ? "错误：" : "error: ") + "tuple index out of range"))
    }

    @Test(arguments: ["en", "zh"])
    func aTwoDirectionStateBroadcastsIntoTheWrongShape(language: String) throws {
        let s = Self.step(try Self.steps(13, language), titled: "Weights shaped after the batch", "按批大小定形状的权重")
        #expect(s.contains("torch.Size([2, 3, 64])"))
    }

    @Test(arguments: ["en", "zh"])
    func theDraftsForgetGateIsTheInputGate(language: String) throws {
        let s = Self.step(try Self.steps(13, language), titled: "The order of the quarters", "四块的顺序")
        #expect(s.contains("print sigmoid(z_f.chunk(4, dim=1)[0])"))
        // What the draft calls f is, number for number, nn.LSTM's i.
        var lab = Lab(width: 100)
        _ = lab.handle("step fwd")
        let draftF = lab.handle("print sigmoid(z_f.chunk(4, dim=1)[0])").output
        let i = lab.handle("print i_f").output
        let numbers = { (s: String) in s.split(separator: "\n").filter { $0.contains("│") } }
        #expect(!numbers(draftF).isEmpty)
        #expect(numbers(draftF) == numbers(i))
    }

    @Test(arguments: ["en", "zh"])
    func theSwappedActivationsGiveOtherNumbers(language: String) throws {
        let steps = try Self.steps(13, language)
        let hf = { (s: String) in s.components(separatedBy: "h_f t=4").dropFirst().last ?? "" }
        let correct = hf(steps[0])
        let draft = hf(steps[1])
        #expect(!correct.isEmpty && !draft.isEmpty)
        #expect(correct != draft)
        #expect(steps[1].contains("variant draft"))
    }

    @Test(arguments: ["en", "zh"])
    func theLearnerChecksOrthogonality(language: String) throws {
        let s = try Self.steps(6, language)[2]
        #expect(s.contains("print W_hh_f.T @ W_hh_f"))
        #expect(s.contains("1.0000"))
    }
}
