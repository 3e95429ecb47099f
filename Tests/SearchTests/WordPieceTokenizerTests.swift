import Foundation
import Testing

@testable import Search

/// The model's directory: `CC_TEST_MODEL_DIR` (scripts/test fetches the model into
/// `.build/models/all-MiniLM-L6-v2` with `career-copilot models fetch` and sets it).
enum TestModel {
    static var directory: URL? {
        guard let path = ProcessInfo.processInfo.environment["CC_TEST_MODEL_DIR"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }

    static func require() throws -> URL {
        try #require(directory, "set CC_TEST_MODEL_DIR to a directory made by `CC_MODEL_DIR=DIR career-copilot models fetch` (scripts/test does)")
    }

    static let tokenizer: WordPieceTokenizer? = directory.flatMap { directory in
        (try? String(contentsOf: directory.appendingPathComponent("vocab.txt"), encoding: .utf8)).flatMap { try? WordPieceTokenizer(vocabularyText: $0) }
    }
}

@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
    struct Case: Decodable {
        let text: String
        let ids: [Int32]
    }

    /// What Hugging Face's own tokenizer gives (scripts/fixtures/make-wordpiece-oracle).
    static let oracle: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/wordpiece-oracle.json")
        return (try? JSONDecoder().decode([Case].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func givesTheIds_huggingFacesTokenizerGives() throws {
        _ = try TestModel.require()
        let tokenizer = try #require(TestModel.tokenizer)
        #expect(Self.oracle.count >= 29)
        // Hugging Face reads "[CLS]" written in a text as the special token; here a text is only
        // ever text, so a posting cannot mark its own boundaries.
        for example in Self.oracle where !example.text.contains("[CLS]") {
            #expect(tokenizer.encode(example.text, maxLength: 10_000) == example.ids, "\(example.text.debugDescription)")
        }
        #expect(tokenizer.pieces("[CLS]") == [1031, 18856, 2015, 1033], "[ cl ##s ]")
    }

    @Test func longTexts_areCutToOneInput() throws {
        _ = try TestModel.require()
        let tokenizer = try #require(TestModel.tokenizer)
        let ids = tokenizer.encode(String(repeating: "engineer ", count: 1_000))
        #expect(ids.count == 256 && ids.first == tokenizer.classify && ids.last == tokenizer.separator)
    }

    @Test func words_areSplitAsBertSplitsThem() {
        let words = WordPieceTokenizer.words("Ünïcode, C++!\u{0}北京\u{00A0}x\u{200B}y").map { String(String.UnicodeScalarView($0)) }
        #expect(words == ["unicode", ",", "c", "+", "+", "!", "北", "京", "xy"])
    }

    @Test func aVocabularyWithoutItsSpecialTokens_isRefused() {
        #expect(throws: SafeTensors.ReadError.self) { try WordPieceTokenizer(vocabularyText: "a\nb\n") }
    }
}
