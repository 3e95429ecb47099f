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

/// A plain JSON array of items (a list without pages).
struct JSONArray<Item: JSONWritable>: JSONWritable {
    let items: [Item]

    func write(to writer: inout JSONWriter) {
        writer.array(items) { writer, item in item.write(to: &writer) }
    }
}
