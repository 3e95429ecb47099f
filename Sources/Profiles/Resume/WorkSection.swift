import Foundation

/// One role of a resume's work section, in JSON Resume's names.
public struct WorkEntry: Sendable, Equatable {
    /// The employer.
    public var name: String?
    public var position: String?
    public var location: String?
    public var dates: ResumeDateRange?
    /// The role's bullet points.
    public var highlights: [String] = []
    /// Lines the reader could not place in a field: shown to the person for review, never
    /// guessed into one.
    public var unplaced: [String] = []

    public init(name: String? = nil, position: String? = nil, location: String? = nil, dates: ResumeDateRange? = nil, highlights: [String] = []) {
        self.name = name
        self.position = position
        self.location = location
        self.dates = dates
        self.highlights = highlights
    }
}

/// Reads the roles of a work section. A role starts with its header lines (position, employer,
/// place, dates — on one line or several, in any order resumes use) and goes on with its
/// bullets; a header line after bullets, or a second line of dates, starts the next role.
/// Position and employer are told apart by the words of job titles ("engineer", "manager" …),
/// by " at ", and by where the section's other roles put their titles; a table's rows by
/// its column names. What cannot be told apart is left unplaced, not guessed.
public enum WorkSection {
    /// A header line with the dates found in it (read once).
    struct HeaderLine {
        let text: String
        let dates: (range: ResumeDateRange, text: Range<String.Index>)?
    }

    /// The lines of one role: its header lines and bullets, or a table row read by its
    /// column names.
    struct Block {
        var header: [HeaderLine] = []
        var bullets: [String] = []
        var isDated = false
        var row: WorkEntry?
    }

    public static func entries(_ lines: [String]) -> [WorkEntry] {
        let blocks = self.blocks(lines)
        var readings = blocks.map { read($0, positionSlot: nil) }
        // A role whose title has none of the words of job titles ("Working Student",
        // "Barista") sits where the section's other roles put theirs. Only a dated block is a
        // role: a sub-heading ("Selected clients") is none.
        if let slot = commonPositionSlot(readings) {
            for index in readings.indices where readings[index].entry.position == nil && blocks[index].row == nil && blocks[index].isDated {
                readings[index] = read(blocks[index], positionSlot: slot)
            }
        }
        return readings.map(\.entry)
    }

    /// The section's lines grouped into roles.
    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var columns: [ResumeTable.Column]?
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if let bullet = ResumeBullets.content(of: line) {
                if blocks.isEmpty { blocks.append(Block()) }
                blocks[blocks.count - 1].bullets.append(bullet)
                continue
            }
            let cells = ResumeTable.cells(line)
            if let names = ResumeTable.columns(cells) {
                columns = names  // a table's header row: what its columns hold
                continue
            }
            if let columns, cells.count == columns.count {
                let row = entry(cells: cells, columns: columns)
                blocks.append(Block(isDated: row.dates != nil, row: row))
                continue
            }
            columns = nil
            let header = HeaderLine(text: line, dates: ResumeDates.range(in: line))
            let dated = header.dates != nil
            // Decided before appending, with no copy of the block kept: a copy alive during
            // the append would make every append copy the whole header.
            let continuesLast = blocks.last.map { $0.bullets.isEmpty && $0.row == nil && !(dated && $0.isDated) } ?? false
            if continuesLast {
                blocks[blocks.count - 1].header.append(header)
                if dated { blocks[blocks.count - 1].isDated = true }
            } else {
                blocks.append(Block(header: [header], isDated: dated))
            }
        }
        return blocks
    }

    /// A table row, each cell read as its column says.
    private static func entry(cells: [String], columns: [ResumeTable.Column]) -> WorkEntry {
        var entry = WorkEntry()
        for (cell, column) in zip(cells, columns) where !cell.isEmpty {
            switch column {
            case .position: entry.position = entry.position ?? cell
            case .employer: entry.name = entry.name ?? cell
            case .location: entry.location = entry.location ?? cell
            case .dates: entry.dates = entry.dates ?? ResumeDates.range(in: cell)?.range
            default: entry.unplaced.append(cell)
            }
        }
        return entry
    }

    private static func read(_ block: Block, positionSlot: HeaderSlot?) -> (entry: WorkEntry, positionSlot: HeaderSlot?) {
        if var row = block.row {
            row.highlights = block.bullets
            return (row, nil)
        }
        let reading = HeaderReading(block.header, positionSlot: positionSlot)
        var entry = reading.entry
        entry.highlights = block.bullets
        return (entry, positionSlot == nil ? reading.positionSlot : nil)
    }

    /// Where most roles whose titles were recognised put them, when most agree.
    private static func commonPositionSlot(_ readings: [(entry: WorkEntry, positionSlot: HeaderSlot?)]) -> HeaderSlot? {
        let slots = readings.compactMap(\.positionSlot)
        guard !slots.isEmpty, slots.count < readings.count else { return nil }
        var counts: [HeaderSlot: Int] = [:]
        for slot in slots { counts[slot, default: 0] += 1 }
        guard let (slot, count) = counts.max(by: { $0.value < $1.value }), count * 2 > slots.count else { return nil }
        return slot
    }
}
