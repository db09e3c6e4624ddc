import Testing

@testable import LabShell

/// Issue 14, bounds, through the lab: an expression whose results pass the
/// memory limit only at a later operation is refused before its first one
/// (before: `zeros(20000, 20000)` was filled, 1.5 GiB, then `+` refused).
@Suite struct ExpressionEstimateTests {
    @Test func laterResultsAreRefusedBeforeTheFirstIsMade() {
        var lab = Lab()
        let big = lab.handle("print zeros(20000, 20000) + 1")
        #expect(
            big.error
                == "the result of '+' of shape [20000, 20000] would bring the expression to about 3.0 GiB, over the memory limit of 2.0 GiB (start with --memory-limit MiB to raise it)"
        )
        #expect(big.column == 27)
        #expect(lab.handle("let a = arange(100000)").error == nil)
        let outer = lab.handle("print a[:, None] * a[None]")
        #expect(
            outer.error
                == "the result of '*' of shape [100000, 100000] would bring the expression to about 37.3 GiB, over the memory limit of 2.0 GiB (start with --memory-limit MiB to raise it)"
        )
        #expect(outer.column == 18)
        #expect(lab.handle("print (a[:3, None] * a[None, :2]).sum()").output == "3")
    }
}
