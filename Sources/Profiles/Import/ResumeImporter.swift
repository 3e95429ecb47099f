import CareerCopilotCore
import Foundation
import ZIPFoundation

/// Why a file could not be read; each says what the person can do about it.
public enum ResumeImportError: Error, Sendable, Equatable {
    case empty
    case tooLarge(limit: Int)
    case wrongType(String)
    case corrupt(String)
    /// A PDF with no text layer: a scan or a picture of a resume.
    case scan
    case encrypted
    case zipBomb(limit: Int)
    case pdftotextMissing
    case timedOut(seconds: Int)

    public var message: String {
        switch self {
        case .empty: "The file is empty."
        case let .tooLarge(limit): "The file is larger than \(limit / 1_048_576) MB."
        case let .wrongType(what):
            "This file cannot be read as a resume: \(what). Upload a PDF, a Word document (DOCX), text, Markdown, JSON Resume, or a LinkedIn data export (ZIP)."
        case let .corrupt(what): "The file is damaged and cannot be read (\(what))."
        case .scan: "No text found in the PDF — it looks like a scan or an image. Upload a PDF with selectable text, or a Word or text file."
        case .encrypted: "The PDF is protected by a password. Save it without the password and upload it again."
        case let .zipBomb(limit): "The archive would expand to more than \(limit / 1_048_576) MB, so it was not opened."
        case .pdftotextMissing:
            "Reading PDFs needs pdftotext, which is not installed on the server: install the package poppler-utils (e.g. `apt-get install poppler-utils`)."
        case let .timedOut(seconds): "Reading the file took longer than \(seconds) seconds and was stopped."
        }
    }
}

/// Turns an uploaded file into a draft profile. The kind of file is decided by its content
/// (its first bytes, the files inside a ZIP), the name only telling Markdown from plain text:
/// a renamed picture is refused whatever it is called.
public struct ResumeImporter: Sendable {
    public var maxFileBytes: Int
    /// A text, Markdown or JSON resume.
    public var maxTextBytes = 1_048_576
    /// What a ZIP (DOCX, LinkedIn export) may expand to, all entries read together.
    public var maxExpandedBytes: Int
    public var pdfTimeLimit: Duration
    public var taxonomy: SkillTaxonomy

    public init(
        maxFileBytes: Int = 5 * 1_048_576, maxExpandedBytes: Int = 20 * 1_048_576, pdfTimeLimit: Duration = .seconds(15), taxonomy: SkillTaxonomy = .standard
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxExpandedBytes = maxExpandedBytes
        self.pdfTimeLimit = pdfTimeLimit
        self.taxonomy = taxonomy
    }

    public func read(_ data: Data, filename: String?) async throws(ResumeImportError) -> ResumeDraft {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= maxFileBytes else { throw .tooLarge(limit: maxFileBytes) }
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) {
            let text = try await PDFText(timeLimit: pdfTimeLimit).text(of: data)
            return ResumeReader.draft(text: text, format: .pdf, taxonomy: taxonomy)
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try readZIP(data)
        }
        if let kind = Self.binaryKind(head) { throw .wrongType(kind) }
        // A resume as text is a few pages: more is no resume (and would only cost time).
        guard data.count <= maxTextBytes else { throw .tooLarge(limit: maxTextBytes) }
        let text = try Self.decodeText(data)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed.hasPrefix("{") { return try JSONResumeFile.draft(trimmed) }
        let name = (filename ?? "").lowercased()
        let markdown = name.hasSuffix(".md") || name.hasSuffix(".markdown") || trimmed.hasPrefix("# ") || text.contains("\n## ")
        return ResumeReader.draft(text: text, format: markdown ? .markdown : .text, taxonomy: taxonomy)
    }

    private func readZIP(_ data: Data) throws(ResumeImportError) -> ResumeDraft {
        let zip = try LimitedZIP(data, limit: maxExpandedBytes)
        if zip.has("word/document.xml") {
            let xml = try zip.text(of: "word/document.xml")
            // Which paragraph styles are lists ("List Bullet"): their paragraphs are bullets.
            let listStyles = zip.has("word/styles.xml") ? WordText.listStyles(ofStylesXML: try zip.text(of: "word/styles.xml")) : []
            return ResumeReader.draft(text: WordText.text(ofDocumentXML: xml, listStyles: listStyles), format: .docx, taxonomy: taxonomy)
        }
        if let draft = try LinkedInExport.draft(zip, taxonomy: taxonomy) { return draft }
        if zip.has("[Content_Types].xml") { throw .corrupt("an Office file without its text, word/document.xml") }
        throw .wrongType("a ZIP archive that is neither a Word document nor a LinkedIn data export")
    }

    /// The kinds of binary file people upload by mistake, named.
    static func binaryKind(_ head: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Word (.doc) file — save it as DOCX or PDF"), (Array("{\\rtf".utf8), "an RTF file — save it as DOCX or PDF"),
            ([0x1F, 0x8B], "a gzip archive"), ([0x7F, 0x45, 0x4C, 0x46], "a program"), (Array("MZ".utf8), "a program"),
            (Array("Rar!".utf8), "a RAR archive"), ([0x37, 0x7A, 0xBC, 0xAF], "a 7z archive"),
        ]
        return signatures.first { head.starts(with: $0.0) }?.1
    }

    /// UTF-8 (with or without a byte order mark), UTF-16 with one, else Windows-1252 — the
    /// encodings text resumes come in. Text with NUL bytes is no text.
    static func decodeText(_ data: Data) throws(ResumeImportError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16) { return text }
        guard !bytes.contains(0) else { throw .wrongType("a binary file") }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        return String(body.map { Character(Unicode.Scalar(windows1252[Int($0)]) ?? "\u{FFFD}") })
    }

    /// Windows-1252 → Unicode scalar values (ISO 8859-1 but for 0x80–0x9F).
    private static let windows1252: [UInt32] = (0..<256).map { byte in
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        return (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
    }
}

/// A ZIP archive read in memory, with what an entry may expand to capped: the size the archive
/// declares is checked first, and the bytes actually inflated are counted too (a hostile
/// archive may declare a small size). Only the entries the reader needs are inflated: a
/// LinkedIn export's large message history is never read.
struct LimitedZIP {
    private let archive: Archive
    private let limit: Int
    private var entries: [String: Entry] = [:]

    init(_ data: Data, limit: Int) throws(ResumeImportError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .corrupt("not a readable ZIP archive")
        }
        self.limit = limit
        for entry in archive {
            guard entries.count < 10_000 else { throw .corrupt("more than 10,000 files in the archive") }
            entries[entry.path] = entry
        }
        guard !entries.isEmpty else { throw .corrupt("an empty ZIP archive") }
    }

    var paths: [String] { Array(entries.keys) }

    func has(_ path: String) -> Bool { entries[path] != nil }

    /// An entry's bytes as text (UTF-8, a byte order mark dropped, else Windows-1252).
    func text(of path: String) throws(ResumeImportError) -> String {
        guard let entry = entries[path] else { throw .corrupt("\(path) is missing") }
        guard entry.uncompressedSize <= UInt64(limit) else { throw .zipBomb(limit: limit) }
        var bytes = Data()
        let limit = self.limit
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(chunk)
                if bytes.count > limit { throw ResumeImportError.zipBomb(limit: limit) }
            }
        } catch let error as ResumeImportError {
            throw error
        } catch {
            throw .corrupt("\(path) cannot be inflated")
        }
        if bytes.isEmpty { return "" }
        return try ResumeImporter.decodeText(bytes)
    }
}
