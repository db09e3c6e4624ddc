import Testing

@testable import LSTMCore

/// The generator's stream is part of the lab's behaviour (same seed, same
/// screen): these pins notice any change of algorithm, constant or derivation.
/// Values from an independent Python transcription of SplitMix64 + xoshiro256**
/// (its first SplitMix64 output for seed 0, 0xE220A8397B1DCDAF, is the published one).
@Suite struct SeededGeneratorTests {
    @Test func firstOutputsForSeedZeroArePinned() {
        var g = SeededGenerator(seed: 0)
        let got = (0..<4).map { _ in g.next() }
        #expect(got == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C])
    }

    @Test func firstOutputsForSeed42ArePinned() {
        var g = SeededGenerator(seed: 42)
        #expect([g.next(), g.next()] == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E])
    }

    @Test func derivedDrawsArePinned() {
        var g = SeededGenerator(seed: 0)
        let u: [Float] = (0..<3).map { _ in g.uniform01() }
        #expect(u == [0.6012629866600037, 0.747774064540863, 0.10301995277404785])
        var n = SeededGenerator(seed: 0)
        let normals = (0..<3).map { _ in n.normal() }
        for (got, want) in zip(normals, [-0.01410679738124918, -1.845895087695827, 0.7881791614487657]) {
            #expect(abs(got - want) <= 1e-12, "normal \(got) vs \(want)")
        }
        var r = SeededGenerator(seed: 0)
        #expect(r.uniform(-2, 2) == -2 + 4 * Float(0.6012629866600037))
    }

    @Test func uniform01StaysInTheHalfOpenUnitInterval() {
        var g = SeededGenerator(seed: 9)
        let u = (0..<10_000).map { _ in g.uniform01() }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = u.reduce(0, +) / Float(u.count)
        #expect(abs(mean - 0.5) < 0.02)
    }

    @Test func bulkDrawsAreTheScalarDrawsInStreamOrder() {
        var one = SeededGenerator(seed: 17)
        var bulk = SeededGenerator(seed: 17)
        let u = (0..<1000).map { _ in one.uniform(-0.3, 0.7) }
        let n = (0..<500).map { _ in one.normal() }
        let f = (0..<500).map { _ in Float(one.normal()) }
        #expect(bulk.uniforms(1000, -0.3, 0.7) == u)
        #expect(bulk.normals(500) == n)
        #expect(bulk.floatNormals(500) == f)
        // Both generators are at the same place afterwards.
        #expect(one.next() == bulk.next())
        #expect(bulk.uniforms(0, 0, 1).isEmpty)
    }
}
