@testable import LabText

/// Samples of the captions of the views that change with layers or lengths.
extension CatalogSamples {
    static let stackView: [StackViewMessage] = [
        .paddingNote(positions: "b=3 t=5..7"), .initialCaption(hidden: true), .initialCaption(hidden: false),
        .initialOrigin(loaded: "h0"), .initialOrigin(loaded: nil), .forwardOverTime(layer: 11),
        .forwardOverTime(layer: nil), .backwardOverTime(layer: 13), .backwardProcessing(layer: 17),
        .ownSteps(ranges: "b=0 k=0..19"),
    ]
}
