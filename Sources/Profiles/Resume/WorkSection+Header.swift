import Foundation

/// Where a part stands in a role's header: its line, and its place among that line's parts.
struct HeaderSlot: Hashable, Sendable {
    let line: Int
    let index: Int
}

/// A role's header lines read into its fields: the dates, then the position (" at ", a job
/// title's words, or the slot the section's other roles use), the employer (a company's
/// legal form, else the part nearest the position: on its line, the line before, the line
/// after), the place, and what is left unplaced.
struct HeaderReading {
    private struct Part {
        let text: String
        let slot: HeaderSlot
        var isPlaced = false
    }

    private(set) var entry = WorkEntry()
    /// Where the position was found by its words; nil when it was not, or came from a slot.
    private(set) var positionSlot: HeaderSlot?
    private var parts: [Part] = []
    private var datesLine: Int?
    private var positionIndex: Int?
    private var employerIndex: Int?

    init(_ header: [WorkSection.HeaderLine], positionSlot learned: HeaderSlot?) {
        collectParts(header)
        findPosition(learnedSlot: learned)
        findEmployer()
        findLocation()
        entry.unplaced = parts.filter { !$0.isPlaced }.map(\.text)
    }

    /// The header's parts, the first dates taken out of their line.
    private mutating func collectParts(_ header: [WorkSection.HeaderLine]) {
        for (lineIndex, line) in header.enumerated() {
            var rest = line.text
            if entry.dates == nil, let found = line.dates {
                entry.dates = found.range
                datesLine = lineIndex
                rest = String(line.text[..<found.text.lowerBound]) + " " + String(line.text[found.text.upperBound...])
            }
            for (index, text) in WorkSection.split(rest).enumerated() {
                parts.append(Part(text: text, slot: HeaderSlot(line: lineIndex, index: index)))
            }
        }
    }

    private mutating func findPosition(learnedSlot: HeaderSlot?) {
        for index in parts.indices {
            if let (position, employer) = WorkSection.atSplit(parts[index].text) {
                entry.position = position
                entry.name = employer
                positionSlot = parts[index].slot
                (positionIndex, employerIndex) = (index, index)
                parts[index].isPlaced = true
                return
            }
        }
        if let index = parts.firstIndex(where: { WorkSection.isTitle($0.text) }) {
            positionSlot = parts[index].slot
            placePosition(at: index)
        } else if let learnedSlot, let index = parts.firstIndex(where: { $0.slot == learnedSlot }), isFree(index),
            !WorkSection.isCompany(parts[index].text)
        {
            placePosition(at: index)
        }
    }

    private mutating func placePosition(at index: Int) {
        entry.position = parts[index].text
        positionIndex = index
        parts[index].isPlaced = true
    }

    private mutating func findEmployer() {
        guard entry.name == nil else { return }
        let candidates = parts.indices.filter { isFree($0) && !WorkSection.isTitle(parts[$0].text) }
        var chosen = candidates.first { WorkSection.isCompany(parts[$0].text) }
        if chosen == nil, let positionIndex {
            let line = parts[positionIndex].slot.line
            let sameLine = candidates.filter { parts[$0].slot.line == line }
            let nearestLineBefore = candidates.last { parts[$0].slot.line < line }.map { parts[$0].slot.line }
            let firstBefore = nearestLineBefore.flatMap { before in candidates.first { parts[$0].slot.line == before } }
            let firstAfter = candidates.first { parts[$0].slot.line > line }
            chosen = sameLine.min { abs($0 - positionIndex) < abs($1 - positionIndex) } ?? firstBefore ?? firstAfter
        }
        guard let chosen else { return }
        entry.name = parts[chosen].text
        employerIndex = chosen
        parts[chosen].isPlaced = true
    }

    /// A place as places are written ("Austin, TX", "Remote"), else a place's name standing
    /// after the employer or beside the dates ("Acme, Munich", "Stockholm | Since 2021").
    private mutating func findLocation() {
        var chosen = parts.indices.first { !parts[$0].isPlaced && WorkSection.isPlace(parts[$0].text) }
        if chosen == nil, entry.position != nil || entry.name != nil {
            chosen = parts.indices.first { index in
                guard isFree(index), WorkSection.isPlaceName(parts[index].text) else { return false }
                return parts[index].slot.line == datesLine || employerIndex.map { index > $0 } == true
            }
        }
        guard let chosen else { return }
        entry.location = parts[chosen].text
        parts[chosen].isPlaced = true
    }

    /// Not placed yet, and no place: a part that may still be a position or an employer.
    private func isFree(_ index: Int) -> Bool {
        !parts[index].isPlaced && !WorkSection.isPlace(parts[index].text)
    }
}
