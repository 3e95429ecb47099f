import Foundation

/// BERT's uncased WordPiece tokenizer, as Hugging Face's `BertTokenizer` for
/// all-MiniLM-L6-v2 does it: text cleaned (control characters dropped, every space a space),
/// CJK ideographs split apart, accents stripped (NFD, marks dropped), lower-cased, split on
/// spaces and around each punctuation mark; then each word as the longest vocabulary pieces
/// from its start (`##` marks a piece inside a word), or `[UNK]` when some part of it is in
/// no piece. Linear in the text: a word longer than 100 characters is `[UNK]` at once.
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String: Int32]
    public let unknown: Int32
    public let classify: Int32
    public let separator: Int32
    /// The longest piece, in scalars (without `##`): no longer match is tried.
    let longestPiece: Int
    static let maxWordCharacters = 100

    /// Reads `vocab.txt`: one token a line, its id the line's number from 0.
    public init(vocabularyText: String) throws {
        var vocabulary: [String: Int32] = [:]
        var id: Int32 = 0
        for line in vocabularyText.split(separator: "\n", omittingEmptySubsequences: false) {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if !token.isEmpty, vocabulary[token] == nil { vocabulary[token] = id }
            id += 1
        }
        guard let unknown = vocabulary["[UNK]"], let classify = vocabulary["[CLS]"], let separator = vocabulary["[SEP]"] else {
            throw SafeTensors.ReadError.unexpected("the vocabulary lacks [UNK], [CLS] or [SEP]")
        }
        self.vocabulary = vocabulary
        longestPiece = vocabulary.keys.map { $0.hasPrefix("##") ? $0.unicodeScalars.count - 2 : $0.unicodeScalars.count }.max() ?? 1
        self.unknown = unknown
        self.classify = classify
        self.separator = separator
    }

    /// The ids of a text's pieces, without `[CLS]` and `[SEP]`; reading stops after `limit`.
    public func pieces(_ text: String, limit: Int = .max) -> [Int32] {
        var ids: [Int32] = []
        for word in Self.words(text) {
            appendPieces(of: word, to: &ids)
            if ids.count >= limit { return Array(ids.prefix(limit)) }
        }
        return ids
    }

    /// `[CLS]`, at most `maxLength - 2` pieces, `[SEP]`: one model input.
    public func encode(_ text: String, maxLength: Int = 256) -> [Int32] {
        [classify] + pieces(text, limit: max(0, maxLength - 2)) + [separator]
    }

    private func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32]) {
        guard word.count <= Self.maxWordCharacters else {
            ids.append(unknown)
            return
        }
        var found: [Int32] = []
        var start = 0
        while start < word.count {
            var end = min(word.count, start + longestPiece)
            var piece: Int32?
            while start < end {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary[candidate] {
                    piece = id
                    break
                }
                end -= 1
            }
            guard let piece else {
                ids.append(unknown)
                return
            }
            found.append(piece)
            start = end
        }
        ids.append(contentsOf: found)
    }

    /// The normalised words: each a run of scalars, a punctuation mark or an ideograph alone.
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        func close() {
            if !current.isEmpty { words.append(current) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                close()
            } else if isIdeograph(scalar) || isPunctuation(scalar) {
                close()
                words.append([scalar])
            } else {
                for folded in folded(scalar) { current.append(folded) }
            }
        }
        close()
        return words
    }

    /// Lower case without accents: the scalar's canonical decomposition, marks dropped, lower-cased.
    private static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII {
            return [scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar]
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        return Array(String(String.UnicodeScalarView(decomposed)).lowercased().unicodeScalars)
    }

    /// Words end at Unicode's white space (line and paragraph separators too); the control
    /// characters among them (vertical tab, form feed, NEL) were dropped before.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// Dropped: control and format characters, private-use and unassigned code points.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .unassigned, .surrogate: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF,
            0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
