import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `C = alpha · A · op(B) + beta · C` on row-major float matrices, where `op(B)` is B or its
/// transpose. The system's BLAS (OpenBLAS: Debian's `libopenblas0`) does it when it can be
/// loaded at run time — no header or library is needed to build — and a plain Swift loop
/// otherwise: the same results, about twenty times slower.
public enum MatrixMultiply {
    private typealias SGEMM =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float,
            UnsafeMutablePointer<Float>?, Int32
        ) -> Void

    private static let blas: SGEMM? = {
        // One thread a product: the products of one posting are small (attention heads are
        // 256 × 32), and OpenBLAS's threads spent more time waking each other than working
        // (2 postings at once on 2 cores: 4.8/s threaded, 14.4/s single). Callers run
        // postings side by side instead. OpenBLAS does not recognise this machine's CPU (a
        // virtual "Intel Xeon Processor") and fell back to its SSE3 kernel; name the core by
        // the instructions the CPU has, unless the person chose one.
        setenv("OPENBLAS_NUM_THREADS", "1", 0)
        if getenv("OPENBLAS_CORETYPE") == nil, let core = coreType() { setenv("OPENBLAS_CORETYPE", core, 0) }
        for name in ["libopenblas.so.0", "libopenblas.so", "libblas.so.3", "libcblas.so.3", "/usr/lib/libopenblas.dylib"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(handle, "cblas_sgemm") else { continue }
            return unsafeBitCast(symbol, to: SGEMM.self)
        }
        return nil
    }()

    /// OpenBLAS's name for the widest vector instructions the CPU has (Linux), if known.
    static func coreType() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })?.split(separator: " ")
        else { return nil }
        if flags.contains("avx512f") && flags.contains("avx512vl") && flags.contains("avx512bw") { return "SkylakeX" }
        if flags.contains("avx2") && flags.contains("fma") { return "Haswell" }
        return nil
    }

    /// Which implementation runs: "BLAS" or "Swift".
    public static var implementation: String { blas == nil ? "Swift" : "BLAS" }

    /// Multiplies A (m × k, row stride lda) by B (k × n, or n × k when `transposeB`, row
    /// stride ldb) into C (m × n, row stride ldc).
    public static func multiply(
        m: Int, n: Int, k: Int, alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        transposeB: Bool, beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int, forceSwift: Bool = false
    ) {
        if let blas, !forceSwift {
            blas(101, 111, transposeB ? 112 : 111, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            return
        }
        for i in 0..<m {
            let row = c + i * ldc
            if beta == 0 {
                row.update(repeating: 0, count: n)
            } else if beta != 1 {
                for j in 0..<n { row[j] *= beta }
            }
            let left = a + i * lda
            if transposeB {
                for j in 0..<n {
                    let right = b + j * ldb
                    var sum: Float = 0
                    for p in 0..<k { sum += left[p] * right[p] }
                    row[j] += alpha * sum
                }
            } else {
                for p in 0..<k {
                    let factor = alpha * left[p]
                    if factor == 0 { continue }
                    let right = b + p * ldb
                    for j in 0..<n { row[j] += factor * right[j] }
                }
            }
        }
    }
}
