/// 404, 500 and every other error of a page, in the product's style and with its real status.
public enum ErrorPage {
    public static func render(status: Int, reason: String, message: String, requestID: String?, context: PageContext) -> String {
        Layout.document(title: reason, context: context) {
            section(.class("error-page"), .id("error"), .data("status", String(status))) {
                // The status once: large for the eye, in the heading for screen readers.
                p(.class("error-code"), .aria("hidden", "true")) { String(status) }
                h1 {
                    span(.class("visually-hidden")) { "\(status) " }; reason
                }
                p(.class("muted")) { message }
                if let requestID { p(.class("muted")) { small { "Request id: \(requestID)" } } }
                div(.class("actions")) {
                    a(.class("btn", "btn-primary"), .href("/")) { "Go to the dashboard" }
                    a(.class("btn"), .href(.jobs)) { "Browse jobs" }
                }
            }
        }
    }
}
