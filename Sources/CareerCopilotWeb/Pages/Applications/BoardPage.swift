import CareerCopilotCore

/// `/applications`: a column per open status and one "Closed" column holding the three ways
/// an application ends, so that every status is in view at 1280 px. Each status is a lane
/// (`data-lane`). Cards move by drag and drop or their Move button (with JS, in place, focus
/// kept on the card) or by their status menu and Move button (without JS: back to the card);
/// all send the same form to `/applications/move`.
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
                            a(.href(.applications)) { "Back to the board" }
                        } else {
                            "\(Formatting.plural(total, "application")) · drag a card to another column, or use its status menu."
                        }
                    }
                }
                a(.class("btn", "btn-primary"), .href(.jobs)) { "Find a job to track" }
            }
            if total == 0 && model.focus == nil {
                Components.emptyState(title: "No applications yet", message: "Open a job and choose Track this job: it appears here, in the Saved column.") {
                    a(.class("btn", "btn-primary"), .href(.jobs)) { "Browse jobs" }
                }
            } else {
                p(.class("board-status"), .id("board-status"), .role("status"), .aria("live", "polite")) {}
                Components.postForm(.moveApplication, context, .id("board-form")) {
                    div(.class("board"), .data("board", "")) {
                        let open = model.columns.filter { !$0.status.isClosed }
                        let closed = model.columns.filter(\.status.isClosed)
                        for column in open { columnSection(column, focused: model.focus != nil) }
                        if !closed.isEmpty { closedSection(closed, focused: model.focus != nil) }
                    }
                }
            }
        }
    }

    private static func columnSection(_ column: Column, focused: Bool) -> HTML {
        let status = column.status.rawValue
        return section(
            .class("board-column", "board-lane"), .id("column-\(status)"), .data("lane", ""), .data("status", status),
            .data("label", Formatting.statusLabel(column.status)), .aria("labelledby", "column-title-\(status)")
        ) {
            lane(column, focused: focused) { title in h2(.id("column-title-\(status)")) { title } }
        }
    }

    /// Accepted, Rejected and Withdrawn, one above the other in one column.
    private static func closedSection(_ columns: [Column], focused: Bool) -> HTML {
        section(.class("board-column", "board-closed"), .id("column-closed"), .aria("labelledby", "column-title-closed")) {
            h2(.id("column-title-closed")) { "Closed" }
            for column in columns {
                let status = column.status.rawValue
                div(
                    .class("board-lane"), .id("column-\(status)"), .data("lane", ""), .data("status", status),
                    .data("label", Formatting.statusLabel(column.status)), .role("group"), .aria("labelledby", "column-title-\(status)")
                ) {
                    lane(column, focused: focused) { title in h3(.id("column-title-\(status)")) { title } }
                }
            }
        }
    }

    /// A status's heading (with its count), its cards, and its link to the rest.
    private static func lane(_ column: Column, focused: Bool, heading: (HTML) -> HTML) -> HTML {
        let status = column.status.rawValue
        return HTML.group {
            heading(
                HTML.group {
                    Formatting.statusLabel(column.status)
                    span(.class("badge", "column-count"), .aria("label", "\(column.total) applications")) { String(column.total) }
                })
            if column.cards.isEmpty { p(.class("muted", "column-empty")) { "Nothing here yet." } }
            ol(.class("board-cards")) {
                for card in column.cards { cardItem(card) }
            }
            if !focused, column.total > column.cards.count {
                p(.class("column-more")) {
                    a(.href(SiteURL.applications.path(query: [("status", status)]))) { "Show all \(column.total)" }
                }
            }
        }
    }

    private static func cardItem(_ card: ApplicationSummary) -> HTML {
        li(.class("board-card"), .data("application-id", String(card.id))) {
            a(.class("card-link"), .id("card-\(card.id)"), .href(.application(card.id))) { card.jobTitle }
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
