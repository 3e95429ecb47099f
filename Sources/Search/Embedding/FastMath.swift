/// `exp` and GELU over whole rows, eight floats at a time. The encoder calls them 4.7 and 2.4
/// million times a posting of 256 tokens (softmax and the feed-forward layers); libm's scalar
/// `expf` and `erff` took about a third of the time. Accurate to about 2e-7 (relative for
/// `exp`, absolute for `erf`) — far below what the model's four-decimal similarities notice.
enum FastMath {
    /// e^x for each value, in place. Below -87 the result is 0's neighbour (2^-126 × …), above
    /// 88 it is clamped: softmax gives it values ≤ 0.
    static func exp(_ values: UnsafeMutablePointer<Float>, _ count: Int) { apply(exp8, values, count) }

    /// GELU (the exact one, with erf, as BERT uses) for each value, in place.
    static func gelu(_ values: UnsafeMutablePointer<Float>, _ count: Int) { apply(gelu8, values, count) }

    /// `function` over eight values at a time, the last few one by one.
    @inline(__always)
    private static func apply(_ function: (SIMD8<Float>) -> SIMD8<Float>, _ values: UnsafeMutablePointer<Float>, _ count: Int) {
        var index = 0
        while index + 8 <= count {
            let x = UnsafeRawPointer(values + index).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(values + index).storeBytes(of: function(x), as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            values[index] = function(SIMD8(repeating: values[index]))[0]
            index += 1
        }
    }

    /// e^x: x = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series to r⁶, 2^n from the
    /// exponent bits.
    @inline(__always)
    static func exp8(_ input: SIMD8<Float>) -> SIMD8<Float> {
        let x = input.clamped(lowerBound: SIMD8(repeating: -87.0), upperBound: SIMD8(repeating: 88.0))
        // Rounded to the nearest whole number by adding 1.5 × 2²³: its low bits are then n
        // (no per-lane conversion, which the compiler does not vectorise).
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        let r = x - n * 0.693_145_75 - n * 1.428_606_8e-06
        var p = SIMD8<Float>(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let bits = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        return p * unsafeBitCast(bits, to: SIMD8<Float>.self)
    }

    /// erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7), odd.
    @inline(__always)
    static func erf8(_ input: SIMD8<Float>) -> SIMD8<Float> {
        let negative = input .< SIMD8<Float>(repeating: 0)
        let x = input.replacing(with: -input, where: negative)
        let t = 1 / (1 + 0.327_591_1 * x)
        var y = SIMD8<Float>(repeating: 1.061_405_429)
        y = y * t - 1.453_152_027
        y = y * t + 1.421_413_741
        y = y * t - 0.284_496_736
        y = y * t + 0.254_829_592
        let magnitude = 1 - y * t * exp8(-x * x)
        return magnitude.replacing(with: -magnitude, where: negative)
    }

    @inline(__always)
    static func gelu8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        0.5 * x * (1 + erf8(x * 0.707_106_77))
    }
}
