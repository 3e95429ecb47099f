import CareerCopilotCore
import Foundation

/// The API's JSON conventions: snake_case keys, ISO 8601 UTC times with `Z`.
///
/// Types spell their snake_case keys in `CodingKeys`: a key strategy would convert every key
/// of every row on every answer, which costs more than the rest of the encoding.
enum APIJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISODate.format(date))
        }
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}
