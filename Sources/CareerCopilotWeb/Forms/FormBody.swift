import CareerCopilotCore
import Foundation

/// Turns a submitted HTML form into the JSON body the API's validation reads, so a page and
/// the API accept and refuse exactly the same things with the same messages.
///
/// An empty field is "not given" when creating and "cleared" (null) when editing.
public enum FormBody {
    /// The job form (`JobFormPage.fields`).
    public static func job(_ fields: [String: String], creating: Bool) -> JSONValue {
        var body: [String: JSONValue] = [:]
        let texts = ["title", "company", "location", "url", "remote", "employment_type", "salary_currency", "salary_period", "description", "posted_at"]
        for name in texts {
            body[name] = text(fields[name], creating: creating)
        }
        var currency: String?
        for name in ["salary_min", "salary_max"] {
            body[name] = pay(fields[name], creating: creating, currency: &currency)
        }
        if let currency, (body["salary_currency"] ?? .null) == .null { body["salary_currency"] = .string(currency) }
        let skills = (fields["skills"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if !skills.isEmpty || !creating { body["skills"] = .array(skills.map(JSONValue.string)) }
        // An unticked checkbox is not sent at all: on the edit form its absence means "closed".
        if !creating { body["is_active"] = .bool(fields["is_active"] == "true") }
        // The privacy box is on the form only while the job is private (`private_shown`).
        if fields["private_shown"] != nil { body["is_private"] = .bool(fields["is_private"] == "true") }
        return .object(body)
    }

    /// A single text field: trimmed; empty becomes absent (creating) or null (editing).
    static func text(_ value: String?, creating: Bool) -> JSONValue? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return creating ? nil : .null }
        return .string(trimmed)
    }

    /// Pay as people type it ("80,000", "80.000", "85.000,50", "€80k"): `PayAmount` reads it,
    /// or it is passed on as text, for validation to ask for an amount again. A currency sign
    /// fills `currency` when the person named none.
    static func pay(_ value: String?, creating: Bool, currency: inout String?) -> JSONValue? {
        guard let text = text(value, creating: creating) else { return nil }
        guard case let .string(raw) = text else { return text }
        guard let amount = PayAmount.read(raw) else { return .string(raw) }
        if currency == nil { currency = amount.currency }
        return .number(amount.value)
    }
}
