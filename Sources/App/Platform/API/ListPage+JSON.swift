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
