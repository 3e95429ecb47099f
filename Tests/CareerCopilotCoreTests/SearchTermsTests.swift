import Testing

@testable import CareerCopilotCore

@Suite("Search terms")
struct SearchTermsTests {
    @Test func splitsIntoLowercaseWords() {
        #expect(SearchTerms("  Senior Back-end ENGINEER, Zürich!").words == ["senior", "back", "end", "engineer", "zürich"])
        #expect(SearchTerms("go go GO").words == ["go"])
        #expect(SearchTerms("!!! ---").isEmpty)
    }

    @Test func queryOperatorsNeverSurvive() {
        let hostile = SearchTerms(#"x" OR title:* NEAR(a b) & !c | d:*' ) -- ;"#)
        #expect(hostile.words == ["x", "or", "title", "near", "a", "b", "c", "d"])
        #expect(hostile.fts5Query() == #""x"* AND "or"* AND "title"* AND "near"* AND "a"* AND "b"* AND "c"* AND "d"*"#)
        #expect(hostile.tsQuery == "x:* & or:* & title:* & near:* & a:* & b:* & c:* & d:*")
    }

    @Test func columnFilter() {
        #expect(SearchTerms("New York").fts5Query(column: "location") == #"{location} : ("new"* AND "york"*)"#)
    }

    @Test func keywordsAndLocationCombine() {
        #expect(SearchTerms.fts5Query(keywords: nil, location: nil) == nil)
        #expect(SearchTerms.fts5Query(keywords: SearchTerms("go"), location: SearchTerms("berlin")) == #"("go"*) AND {location} : ("berlin"*)"#)
        #expect(SearchTerms.fts5Query(keywords: nil, location: SearchTerms("berlin")) == #"{location} : ("berlin"*)"#)
    }

    @Test func capsTheNumberOfWords() {
        let many = SearchTerms((1...50).map { "w\($0)" }.joined(separator: " "))
        #expect(many.words.count == SearchTerms.maxTerms)
    }

    @Test func skillsWithSigns_stayWhole() {
        #expect(SearchTerms("C++ developer").skills == ["C++"])
        #expect(SearchTerms("C++ developer").words == ["developer"])
        #expect(SearchTerms("c# .net node.js ci/cd").skills == ["C#", ".NET", "Node.js", "CI/CD"])
        #expect(SearchTerms("(C++)").skills == ["C++"])
        #expect(SearchTerms("back-end").skills.isEmpty, "a sign that names no skill splits words as before")
        #expect(SearchTerms("node").skills.isEmpty && SearchTerms("node").words == ["node"])
        #expect(SearchTerms("🚀").isEmpty && SearchTerms("🚀 ++").isEmpty)
        #expect(SearchTerms.fts5Query(keywords: SearchTerms("c++"), location: nil) == nil, "a skill is no full-text word")
    }
}

@Suite("Ranked queries")
struct RankedQueryTests {
    @Test func anyWord_phrasesAndCommonWords() {
        let query = RankedQuery(#"a backend role in "New York" for payments"#)
        #expect(query.terms == [["backend"], ["new", "york"], ["payments"]], "role, in, for and a say nothing")
        #expect(query.fts5 == #""backend"* OR "new york" OR "payments"*"#)
        #expect(query.tsQuery == "backend:* | (new <-> york) | payments:*")
        #expect(query.minimumMatch == 2)
        #expect(RankedQuery("the a").terms == [["the"], ["a"]], "only common words: kept")
        #expect(RankedQuery(#"NEAR(a) AND "unclosed"#).fts5 == #""near"* OR "unclosed"*"#)
        #expect(RankedQuery("!!! ***").isEmpty)
    }

    @Test func commonWords_areDropped_orAllRequiredWhenNothingElseIsLeft() {
        let query = RankedQuery("kubernetes engineer remote")
        #expect(query.dropping(common: ["engineer", "remote"]).terms == [["kubernetes"]])
        let allCommon = query.dropping(common: ["kubernetes", "engineer", "remote"])
        #expect(allCommon.requiresAll && allCommon.minimumMatch == 3)
        #expect(allCommon.fts5 == #""kubernetes"* AND "engineer"* AND "remote"*"#)
        #expect(allCommon.tsQuery == "kubernetes:* & engineer:* & remote:*")
        #expect(RankedQuery(#""data engineer" spark"#).dropping(common: ["spark"]).terms == [["data", "engineer"]], "a phrase stays")
    }
}
