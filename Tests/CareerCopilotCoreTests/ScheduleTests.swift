import Foundation
import Testing

@testable import CareerCopilotCore

@Suite("Schedules")
struct ScheduleTests {
    static func date(_ text: String) -> Date { ISODate.parse(text)! }

    @Test(arguments: [
        ("*/15 * * * *", "2026-11-28T10:07:30Z", "2026-11-28T10:15:00Z"),
        ("every 15m", "2026-11-28T10:45:00Z", "2026-11-28T11:00:00Z"),
        ("every 6h", "2026-11-28T10:07:00Z", "2026-11-28T12:00:00Z"),
        ("@daily", "2026-11-28T10:07:00Z", "2026-11-29T00:00:00Z"),
        ("0 8 * * *", "2026-11-28T08:00:00Z", "2026-11-29T08:00:00Z"),
        ("30 9 * * 1-5", "2026-11-28T10:00:00Z", "2026-11-30T09:30:00Z"),  // Saturday → Monday
        ("0 0 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
        ("0 12 1,15 * *", "2026-11-15T12:00:00Z", "2026-12-01T12:00:00Z"),
        ("@weekly", "2026-11-28T10:00:00Z", "2026-11-29T00:00:00Z"),  // Sunday
        ("0 0 * * 7", "2026-11-28T10:00:00Z", "2026-11-29T00:00:00Z"),
    ])
    func next_isTheFirstMatchingMinuteAfter(expression: String, after: String, expected: String) throws {
        #expect(try Schedule(expression).next(after: Self.date(after)) == Self.date(expected))
    }

    @Test(arguments: ["", "* * * *", "61 * * * *", "* 24 * * *", "*/0 * * * *", "5-1 * * * *", "every 7m", "every 5d", "every xh", "a b c d e"])
    func invalidExpressions_areRefusedWithAReason(expression: String) {
        #expect(throws: DomainError.self) { try Schedule(expression) }
    }
}
