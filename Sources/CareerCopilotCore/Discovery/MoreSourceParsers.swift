import Foundation

extension SourceParsers {
    /// SmartRecruiters Posting API list: `{"content": [...], "totalFound": n}`. The list has no
    /// description (the detail endpoint has); an unknown company answers an empty list.
    public static func smartRecruiters(_ data: Data, company: String) throws(SourcePayloadError) -> (postings: [RawPosting], total: Int) {
        let body = try json(data)
        guard let items = body["content"]?.arrayValue else { throw SourcePayloadError(message: "no content array") }
        let postings = items.compactMap { smartRecruitersPosting($0, company: company) }
        return (postings, body["totalFound"]?.intValue ?? postings.count)
    }

    /// One SmartRecruiters posting: a list's item, or the detail answer (which adds `jobAd`).
    public static func smartRecruitersPosting(_ item: JSONValue, company: String) -> RawPosting? {
        guard let id = item["id"].flatMap(identifier) else { return nil }
        var posting = RawPosting(source: "smartrecruiters", externalID: id)
        posting.title = item["name"]?.stringValue
        posting.company = item["company"]?["name"]?.stringValue ?? company
        let location = item["location"]
        posting.location = location?["fullLocation"]?.stringValue
            ?? [location?["city"]?.stringValue, location?["region"]?.stringValue, location?["country"]?.stringValue?.uppercased()].compactMap { $0 }.joined(separator: ", ").nilIfEmpty
        if location?["remote"]?.boolValue == true { posting.remote = .remote } else if location?["hybrid"]?.boolValue == true { posting.remote = .hybrid }
        posting.url = item["postingUrl"]?.stringValue ?? "https://jobs.smartrecruiters.com/\(company)/\(id)"
        posting.employmentType = employment(item["typeOfEmployment"]?["label"]?.stringValue ?? item["typeOfEmployment"]?["id"]?.stringValue)
        posting.postedAt = item["releasedDate"]?.stringValue.flatMap(ISODate.parse)
        posting.descriptionHTML = smartRecruitersSections(item)
        return posting
    }

    /// Workable widget API: `{"name": company, "jobs": [...]}`; `telecommuting` for remote.
    public static func workable(_ data: Data, account: String) throws(SourcePayloadError) -> [RawPosting] {
        let body = try json(data)
        guard let jobs = body["jobs"]?.arrayValue else { throw SourcePayloadError(message: "no jobs array") }
        return jobs.compactMap { job in
            guard let id = (job["shortcode"] ?? job["code"]).flatMap(identifier) else { return nil }
            var posting = RawPosting(source: "workable", externalID: id)
            posting.title = job["title"]?.stringValue
            posting.company = body["name"]?.stringValue ?? account
            let places = (job["locations"]?.arrayValue ?? []).compactMap { place in
                [place["city"]?.stringValue, place["region"]?.stringValue, place["country"]?.stringValue].compactMap { $0?.nilIfEmpty }.joined(separator: ", ").nilIfEmpty
            }
            posting.location = places.isEmpty
                ? [job["city"]?.stringValue, job["state"]?.stringValue, job["country"]?.stringValue].compactMap { $0?.nilIfEmpty }.joined(separator: ", ").nilIfEmpty
                : places.joined(separator: "; ")
            if job["telecommuting"]?.boolValue == true { posting.remote = .remote }
            posting.descriptionHTML = job["description"]?.stringValue
            posting.url = job["url"]?.stringValue ?? job["shortlink"]?.stringValue ?? job["application_url"]?.stringValue
            posting.employmentType = employment(job["employment_type"]?.stringValue)
            posting.postedAt = (job["published_on"]?.stringValue ?? job["created_at"]?.stringValue).flatMap(ISODate.parse)
            return posting
        }
    }

    /// Recruitee offers: `{"offers": [...]}`; dates as "2025-11-20 10:00:00 UTC".
    public static func recruitee(_ data: Data, company: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let offers = try json(data)["offers"]?.arrayValue else { throw SourcePayloadError(message: "no offers array") }
        return offers.compactMap { offer in
            guard let id = offer["id"].flatMap(identifier) else { return nil }
            var posting = RawPosting(source: "recruitee", externalID: id)
            posting.title = offer["title"]?.stringValue
            posting.company = offer["company_name"]?.stringValue ?? company
            posting.location = offer["location"]?.stringValue
                ?? [offer["city"]?.stringValue, offer["country"]?.stringValue].compactMap { $0?.nilIfEmpty }.joined(separator: ", ").nilIfEmpty
            if offer["remote"]?.boolValue == true { posting.remote = .remote } else if offer["hybrid"]?.boolValue == true { posting.remote = .hybrid } else if offer["on_site"]?.boolValue == true { posting.remote = .onsite }
            posting.descriptionHTML = [offer["description"]?.stringValue, offer["requirements"]?.stringValue].compactMap { $0 }.joined()
            posting.url = offer["careers_url"]?.stringValue ?? offer["careers_apply_url"]?.stringValue
            if let salary = offer["salary"] {
                posting.salaryMin = number(salary["min"])
                posting.salaryMax = number(salary["max"])
                posting.salaryCurrency = salary["currency"]?.stringValue
                posting.salaryPeriod = period(salary["period"]?.stringValue)
            }
            posting.employmentType = employment(offer["employment_type_code"]?.stringValue)
            posting.postedAt = offer["published_at"]?.stringValue.flatMap(spacedDate)
            return posting
        }
    }

    /// Remotive: `{"jobs": [...]}`; every job remote; salary free text.
    public static func remotive(_ data: Data) throws(SourcePayloadError) -> [RawPosting] {
        guard let jobs = try json(data)["jobs"]?.arrayValue else { throw SourcePayloadError(message: "no jobs array") }
        return jobs.compactMap { job in
            guard let id = job["id"].flatMap(identifier) else { return nil }
            var posting = RawPosting(source: "remotive", externalID: id)
            posting.title = job["title"]?.stringValue
            posting.company = job["company_name"]?.stringValue
            posting.location = job["candidate_required_location"]?.stringValue
            posting.remote = .remote
            posting.descriptionHTML = job["description"]?.stringValue
            posting.url = job["url"]?.stringValue
            posting.salaryText = job["salary"]?.stringValue?.nilIfEmpty
            posting.employmentType = employment(job["job_type"]?.stringValue)
            posting.postedAt = job["publication_date"]?.stringValue.flatMap(ISODate.parse)
            return posting
        }
    }

    /// "2025-11-20 10:00:00 UTC" and the like.
    static func spacedDate(_ text: String) -> Date? {
        ISODate.parse(text) ?? ISODate.parse(text.replacingOccurrences(of: " UTC", with: "Z").replacingOccurrences(of: " ", with: "T"))
    }
}
