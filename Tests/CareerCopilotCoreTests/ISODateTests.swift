import Foundation
import Testing

@testable import CareerCopilotCore

@Suite("ISO 8601 dates")
struct ISODateTests {
    @Test(arguments: [
        ("2025-11-07", 1_762_473_600.0),
        ("2025-11-07T10:00:00Z", 1_762_509_600.0),
        ("2025-11-07T10:00Z", 1_762_509_600.0),
        ("2025-11-07T10:00:00", 1_762_509_600.0),
        ("2025-11-07 10:00:00", 1_762_509_600.0),
        ("2025-11-07T10:00:00.250Z", 1_762_509_600.25),
        ("2025-11-25T20:49:51-05:00", 1_764_121_791.0),
        ("2025-11-07T12:00:00+0200", 1_762_509_600.0),
        ("2025-11-07T12:00:00+02", 1_762_509_600.0),
        ("2024-02-29", 1_709_164_800.0),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func parses(text: String, seconds: Double) throws {
        let date = try #require(ISODate.parse(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "", "yesterday", "2025-13-01", "2025-02-29", "2025-11-07T25:00:00Z", "2025-11-07T10:00:00Q", "2025-11-07T10:00:00Zjunk", "2025-1-7",
        "2025-11-07T10:00:00.Z", "2025-11-07T10:00:00+24:00",
    ])
    func rejects(text: String) {
        #expect(ISODate.parse(text) == nil)
    }

    @Test func formatsWholeSecondsInUTC() {
        #expect(ISODate.format(Date(timeIntervalSince1970: 1_762_509_600.9)) == "2025-11-07T10:00:00Z")
        #expect(ISODate.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(ISODate.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }
}
