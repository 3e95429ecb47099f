import CareerCopilotCore

/// `/applications`: a column per status. Cards move by drag and drop (with JS) or by their
/// status menu and Move button (without); both send the same form to `/applications/move`.
public enum BoardPage {
    public struct Column: Sendable {
        public var status: ApplicationStatus
        /// The newest cards of the column, at most `BoardPage.cardsPerColumn` (all when focused).
        public var cards: [ApplicationSummary]
        public var total: Int

        public init(status: ApplicationStatus, cards: [ApplicationSummary], total: Int) {
            self.status = status
            self.cards = cards
            self.total = total
        }
    }

    public struct Model: Sendable {
        public var columns: [Column]
        /// Set when the page shows one status in full (`?status=applied`).
        public var focus: ApplicationStatus?

        public init(columns: [Column], focus: ApplicationStatus?) {
            self.columns = columns
            self.focus = focus
        }
    }

    /// Enough to work a column, few enough to keep the page small with thousands of
    /// applications; "Show all" opens one column in full.
    public static let cardsPerColumn = 15
    public static let cardsInFocus = 500

    public static func render(_ model: Model, context: PageContext) -> String {
        let total = model.columns.reduce(0) { $0 + $1.total }
        return Layout.document(title: "Applications", context: context, wide: true) {
            div(.class("page-head")) {
                div {
                    h1 { "Applications" }
                    p(.class("muted")) {
                        if let focus = model.focus {
                            "\(Formatting.statusLabel(focus)): \(Formatting.plural(total, "application")) · "
                            a(.href("/applications")) { "Back to the board" }
                        } else {
                            "\(Formatting.plural(total, "application")) · drag a card to another column, or use its status menu."
                        }
                    }
                }
                a(.class("btn", "btn-primary"), .href("/jobs")) { "Find a job to track" }
            }
            if total == 0 && model.focus == nil {
                Components.emptyState(title: "No applications yet", message: "Open a job and choose Track this job: it appears here, in the Saved column.") {
                    a(.class("btn", "btn-primary"), .href("/jobs")) { "Browse jobs" }
                }
            } else {
                p(.class("board-status"), .id("board-status"), .role("status"), .aria("live", "polite")) {}
                Components.postForm("/applications/move", context, .id("board-form")) {
                    div(.class("board"), .data("board", "")) {
                        for column in model.columns { columnSection(column, focused: model.focus != nil) }
                    }
                }
            }
        }
    }

    private static func columnSection(_ column: Column, focused: Bool) -> HTML {
        let status = column.status.rawValue
        let label = Formatting.statusLabel(column.status)
        return section(
            .class("board-column"), .id("column-\(status)"), .data("status", status), .data("label", label),
            .aria("labelledby", "column-title-\(status)")
        ) {
            h2(.id("column-title-\(status)")) {
                label
                span(.class("badge", "column-count"), .aria("label", "\(column.total) applications")) { String(column.total) }
            }
            if column.cards.isEmpty { p(.class("muted", "column-empty")) { "Nothing here yet." } }
            ol(.class("board-cards")) {
                for card in column.cards { cardItem(card) }
            }
            if !focused, column.total > column.cards.count {
                p(.class("column-more")) {
                    a(.href("/applications?status=\(status)")) { "Show all \(column.total)" }
                }
            }
        }
    }

    private static func cardItem(_ card: ApplicationSummary) -> HTML {
        li(.class("board-card"), .data("application-id", String(card.id))) {
            a(.class("card-link"), .id("card-\(card.id)"), .href("/applications/\(card.id)")) { card.jobTitle }
            span(.class("company")) {
                card.company
                if let location = card.location { " · \(location)" }
            }
            if card.isDemo { div { Components.demoBadge } }
            div(.class("move-form")) {
                // Options without values send their label ("Interviewing"): a page of hundreds of
                // cards is a quarter smaller. The move handler reads labels and values alike.
                HTML.element("select", [.name("status_\(card.id)"), .aria("labelledby", "card-\(card.id)")]) {
                    for status in ApplicationStatus.allCases {
                        option(.if(status == card.status, .selected)) { Formatting.statusLabel(status) }
                    }
                }
                button(.type("submit"), .class("btn", "btn-small"), .name("move"), .value(String(card.id))) { "Move" }
            }
        }
    }
}
