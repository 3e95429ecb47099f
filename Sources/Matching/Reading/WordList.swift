/// Text as the skill taxonomy reads words: letters, digits and `+ # .` inside ("C++", "C#",
/// "node.js", ".NET"), without a sentence's final dot. The same rules as
/// `SkillTaxonomy.words` (the tests hold the two together), read in one pass into two byte
/// buffers, lowercased and as written, with a hash and the lexicon entry of each word: the
/// taxonomy's own reader makes several strings a word and costs more on a posting than the
/// whole match is allowed.
struct WordList {
    struct Word {
        var lower: Range<Int>
        var written: Range<Int>
        var hash: UInt64
        /// The lexicon entry, -1 for none.
        var id: Int
        /// Punctuation other than a hyphen stands between it and the word before: "systems,
        /// event" are not a pair of words.
        var afterBreak: Bool
        var isCapitalised: Bool
    }

    /// The text's UTF-8 bytes; a word's `written` range is in them.
    let asWritten: [UInt8]
    private(set) var lowered: [UInt8] = []
    private(set) var words: [Word] = []

    /// A text to read words from, with `read` or by a reader of its own that calls `addWord`.
    init(bytesOf text: some StringProtocol) {
        asWritten = Array(text.utf8)
        lowered.reserveCapacity(asWritten.count)
        words.reserveCapacity(asWritten.count / 6)
    }

    /// The words of a short text (a title, a phrase, a resume).
    init(_ text: some StringProtocol, lexicon: Lexicon? = nil) {
        self.init(bytesOf: text)
        var punctuated = false
        read { _, scalar, wordEnded in
            if wordEnded { punctuated = false }
            if !(scalar == " " || scalar == "-" || scalar == "\n") { punctuated = true }
        } endWord: { list, range, upper, beyondASCII in
            list.addWord(range, hasUpper: upper, hasNonASCII: beyondASCII, afterBreak: punctuated, lexicon: lexicon)
        }
    }

    /// Reads the text once: each word is handed to `endWord`, each scalar between words to
    /// `separator` (told whether a word just ended). ASCII, most of any text, costs a
    /// comparison a byte; other scalars are decoded from the bytes directly (a string's bytes
    /// are valid UTF-8).
    mutating func read(
        separator: (inout WordList, Unicode.Scalar, Bool) -> Void, endWord: (inout WordList, Range<Int>, _ upper: Bool, _ beyondASCII: Bool) -> Bool
    ) {
        let text = asWritten
        text.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var index = 0
            var start = -1
            var upper = false
            var beyondASCII = false
            while index < count {
                let lead = bytes[index]
                let scalar: Unicode.Scalar
                var length = 1
                if lead < 0x80 {
                    if Self.isWordByte(lead) {
                        if start < 0 { start = index }
                        if lead &- 65 < 26 { upper = true }
                        index += 1
                        continue
                    }
                    scalar = Unicode.Scalar(lead)
                } else {
                    length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    var next = index + 1
                    while next < min(index + length, count) {
                        value = value << 6 | UInt32(bytes[next] & 0x3F)
                        next += 1
                    }
                    length = next - index
                    scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    if Self.isWordScalarBeyondASCII(scalar) {
                        if start < 0 { start = index }
                        beyondASCII = true
                        index += length
                        continue
                    }
                }
                var ended = false
                if start >= 0 {
                    ended = endWord(&self, start..<index, upper, beyondASCII)
                    start = -1
                    upper = false
                    beyondASCII = false
                }
                separator(&self, scalar, ended)
                index += length
            }
            if start >= 0 { _ = endWord(&self, start..<count, upper, beyondASCII) }
        }
    }

    var count: Int { words.count }

    func lower(_ index: Int) -> String { String(decoding: lowered[words[index].lower], as: UTF8.self) }
    func written(_ index: Int) -> String { String(decoding: asWritten[words[index].written], as: UTF8.self) }

    /// Whether a word is written exactly as these bytes.
    func isWritten(_ index: Int, as bytes: [UInt8]) -> Bool {
        let range = words[index].written
        guard range.count == bytes.count else { return false }
        for (offset, byte) in bytes.enumerated() where asWritten[range.lowerBound + offset] != byte { return false }
        return true
    }

    /// Letters, digits and `+ # .`.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 48 < 10 || (byte | 0x20) &- 97 < 26 || byte == 0x2B || byte == 0x23 || byte == 0x2E
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isWordByte(UInt8(scalar.value)) : isWordScalarBeyondASCII(scalar)
    }

    private static func isWordScalarBeyondASCII(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    /// Adds the word written at `range`, without a sentence's final dots; false when it was
    /// only dots.
    @discardableResult
    mutating func addWord(_ range: Range<Int>, hasUpper: Bool, hasNonASCII: Bool, afterBreak: Bool, lexicon: Lexicon? = nil) -> Bool {
        let dot = UInt8(ascii: ".")
        var first = range.lowerBound
        var end = range.upperBound
        while end > first, asWritten[end - 1] == dot { end -= 1 }
        while end - first > 1, asWritten[first] == dot, !isDotNET(first, end) { first += 1 }
        guard end > first else { return false }
        let lowerStart = lowered.count
        var hash = WordHash.start
        if hasNonASCII {
            lowered.append(contentsOf: String(decoding: asWritten[first..<end], as: UTF8.self).lowercased().utf8)
            for index in lowerStart..<lowered.count { hash = WordHash.adding(lowered[index], to: hash) }
        } else {
            for index in first..<end {
                let byte = asWritten[index]
                let lower = hasUpper && byte &- 65 < 26 ? byte | 0x20 : byte
                lowered.append(lower)
                hash = WordHash.adding(lower, to: hash)
            }
        }
        let lower = lowerStart..<lowered.count
        words.append(
            Word(
                lower: lower, written: first..<end, hash: hash, id: lexicon?.id(hash: hash, bytes: lowered, lower) ?? -1, afterBreak: afterBreak,
                isCapitalised: asWritten[first] &- 65 < 26))
        return true
    }

    /// Drops the last word read (a line's bullet or heading marker).
    mutating func dropLast() {
        words.removeLast()
    }

    /// ".NET" keeps its leading dot (`SkillTaxonomy.words`).
    private func isDotNET(_ first: Int, _ end: Int) -> Bool {
        guard end - first >= 4 else { return false }
        return asWritten[first + 1] | 0x20 == UInt8(ascii: "n") && asWritten[first + 2] | 0x20 == UInt8(ascii: "e")
            && asWritten[first + 3] | 0x20 == UInt8(ascii: "t")
    }

    /// Whether a lowercase word is letters, with digits allowed after a letter ("s3", "ec2"):
    /// not a number, not "c++", not "node.js".
    func isPlainWord(_ index: Int) -> Bool {
        let range = words[index].lower
        guard (2...30).contains(range.count) else { return false }
        let first = lowered[range.lowerBound]
        guard first >= 0x80 || first &- 97 < 26 else { return false }
        for index in range {
            let byte = lowered[index]
            if !(byte >= 0x80 || byte &- 97 < 26 || byte &- 48 < 10) { return false }
        }
        return true
    }

    /// The hash of a word's singular, enough to match "microservices" with "microservice":
    /// a final "s" dropped (not of "ss", "us", "is"), "ies" made "y".
    func stemHash(_ index: Int) -> UInt64 {
        let range = words[index].lower
        let bytes = lowered
        let count = range.count
        let s = UInt8(ascii: "s")
        var end = range.upperBound
        var tail: UInt8?
        if count > 4, bytes[end - 1] == s, bytes[end - 2] == UInt8(ascii: "e"), bytes[end - 3] == UInt8(ascii: "i") {
            end -= 3
            tail = UInt8(ascii: "y")
        } else if count > 3, bytes[end - 1] == s, bytes[end - 2] != s, bytes[end - 2] != UInt8(ascii: "u"), bytes[end - 2] != UInt8(ascii: "i") {
            end -= 1
        }
        var hash = WordHash.start
        for index in range.lowerBound..<end { hash = WordHash.adding(bytes[index], to: hash) }
        if let tail { hash = WordHash.adding(tail, to: hash) }
        return hash
    }

    /// The stem hashes of the words of a short text, for comparing terms.
    static func stemHashes(of text: some StringProtocol) -> [UInt64] {
        let list = WordList(text)
        return list.words.indices.map(list.stemHash)
    }
}
