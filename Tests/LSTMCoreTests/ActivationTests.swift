import Testing

@testable import LSTMCore

@Suite struct ActivationTests {
    @Test(arguments: [Float(-1000), -120, -88.8, -20, -1, 0, 1, 20, 88.8, 120, 1000])
    func sigmoidAndTanhStayFiniteAndBounded(z: Float) {
        let s = Activation.sigmoid(z)
        let t = Activation.tanh(z)
        #expect(s.isFinite && s >= 0 && s <= 1)
        #expect(t.isFinite && t >= -1 && t <= 1)
    }

    @Test func saturatedValuesAreExact() {
        // Arguments typed as Float first: with a literal argument,
        // `Activation.sigmoid(200)` is ambiguous between the static function
        // and the `.sigmoid` case's callAsFunction.
        let cases: [(Activation, Float, Float)] = [
            (.sigmoid, 200, 1), (.sigmoid, -200, 0), (.sigmoid, 0, 0.5), (.tanh, 300, 1), (.tanh, -300, -1),
        ]
        for (activation, z, expected) in cases {
            let value = activation(z)
            #expect(value == expected, "\(activation.symbol)(\(z))")
            if activation == .sigmoid { #expect(Activation.sigmoid(z) == value) }
        }
    }
}
