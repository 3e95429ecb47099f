/// The same JSON as `JobDTO`'s `Encodable` form, written directly (lists write many jobs).
extension JobDTO: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.key("id"); json.value(id)
            json.key("title"); json.value(title)
            json.key("company"); json.value(company)
            json.key("location"); json.value(location)
            json.key("source"); json.value(source)
            json.key("external_id"); json.value(externalId)
            json.key("url"); json.value(url)
            json.key("description"); json.value(description)
            json.key("description_text"); json.value(descriptionText)
            json.key("remote"); json.value(remote)
            json.key("employment_type"); json.value(employmentType)
            json.key("salary_min"); json.value(salaryMin)
            json.key("salary_max"); json.value(salaryMax)
            json.key("salary_currency"); json.value(salaryCurrency)
            json.key("salary_period"); json.value(salaryPeriod)
            json.key("posted_at"); json.value(postedAt)
            json.key("scraped_at"); json.value(scrapedAt)
            json.key("is_active"); json.value(isActive)
            json.key("inactive_since"); json.value(inactiveSince)
            json.key("skills"); json.value(skills)
            json.key("created_by"); json.value(createdBy)
            json.key("created_at"); json.value(createdAt)
            json.key("updated_at"); json.value(updatedAt)
        }
    }
}

extension ListPage: JSONWritable where Item: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.key("items"); json.array(items) { writer, item in item.write(to: &writer) }
            json.key("page"); json.value(page)
            json.key("page_size"); json.value(pageSize)
            json.key("total"); json.value(total)
        }
    }
}
