import Foundation
import Testing

@testable import Search

/// The encoder's vectorised exp and GELU against libm's, over the ranges they see.
@Suite("Fast math")
struct FastMathTests {
    @Test func exp_matchesLibm_toAboutTwoTenMillionths() {
        var values = stride(from: Float(-87), through: 88, by: 0.0137).map { $0 }
        let expected = values.map { Foundation.exp($0) }
        values.withUnsafeMutableBufferPointer { FastMath.exp($0.baseAddress!, $0.count) }
        for (got, want) in zip(values, expected) {
            #expect(abs(got - want) <= 3e-7 * want + Float.leastNormalMagnitude, "exp: \(got) vs \(want)")
        }
        var odd: [Float] = [0, -0.5, 1, 2.5, -3]  // a count that is not a multiple of eight
        odd.withUnsafeMutableBufferPointer { FastMath.exp($0.baseAddress!, $0.count) }
        #expect(odd[0] == 1 && abs(odd[2] - Float(M_E)) < 1e-6)
    }

    @Test func gelu_matchesTheErfDefinition() {
        var values = stride(from: Float(-12), through: 12, by: 0.0071).map { $0 }
        let expected = values.map { x in 0.5 * x * (1 + Foundation.erf(x * 0.707_106_77)) }
        values.withUnsafeMutableBufferPointer { FastMath.gelu($0.baseAddress!, $0.count) }
        let worst = zip(values, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        #expect(worst < 5e-7, "largest error \(worst)")
    }
}
