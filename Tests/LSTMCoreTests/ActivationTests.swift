import Testing
@testable import LSTMCore

@Suite struct ActivationTests {
    @Test(arguments: [Float(-1000), -120, -88.8, -20, -1, 0, 1, 20, 88.8, 120, 1000])
    func sigmoidAndTanhStayFiniteAndBounded(z: Float) {
        let s = Activation.sigmoid(z), t = Activation.tanh(z)
        #expect(s.isFinite && s >= 0 && s <= 1)
        #expect(t.isFinite && t >= -1 && t <= 1)
    }

    @Test func saturatedValuesAreExact() {
        #expect(Activation.sigmoid(200) == 1)
        #expect(Activation.sigmoid(-200) == 0)
        #expect(Activation.tanh(300) == 1)
        #expect(Activation.tanh(-300) == -1)
        #expect(Activation.sigmoid(0) == 0.5)
    }
}
