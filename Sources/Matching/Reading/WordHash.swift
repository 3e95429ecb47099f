/// FNV-1a over 64 bits: the same in every process (unlike `Hasher`, which is seeded per
/// run), so orders built on it are deterministic; and cheap over the few bytes of a word.
enum WordHash {
    static let start: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = start
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    /// The key of two words side by side, order mattering.
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var hash = first &* 0x9e37_79b9_7f4a_7c15
        hash ^= second &+ 0x632b_e59b_d9b4_e019 &+ (hash << 6) &+ (hash >> 2)
        return hash
    }
}

/// A map from 64-bit keys to small integers by open addressing and linear probing, growing
/// at half full: a lookup is a multiply and a probe or two.
struct HashSlots: Sendable {
    private var keys: [UInt64]
    private var values: [Int]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// 0 marks an empty slot, so key 0 is stored as 1.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask }

    func value(for key: UInt64) -> Int? {
        let key = Self.stored(key)
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key { return values[index] }
            if found == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Sets the value of a key, adding the key if it is new.
    mutating func set(_ key: UInt64, _ value: Int) {
        let key = Self.stored(key)
        var index = slot(key)
        while keys[index] != 0, keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 {
            keys[index] = key
            count += 1
        }
        values[index] = value
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        values = Array(repeating: -1, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (key, value) in old { set(key, value) }
    }
}
