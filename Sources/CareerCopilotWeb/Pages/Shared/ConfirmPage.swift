/// The question a destructive form asks before it acts, as a page: what the script's prompt
/// asks when JavaScript runs, for the browser without it. Its button sends the same form
/// again, `confirmed`.
public enum ConfirmPage {
    /// The field a confirmed destructive form carries (set by the prompt, or by this page).
    public static let field = "confirmed"

    public static func render(question: String, detail: String, action: String, button label: String, cancel: String, context: PageContext) -> String {
        Layout.document(title: question, context: context) {
            div(.class("card", "page-narrow")) {
                h1 { question }
                p { detail }
                Components.postForm(toPath: action, context, .id("confirm-form")) {
                    input(.type("hidden"), .name(field), .value("yes"))
                    div(.class("form-actions")) {
                        button(.type("submit"), .class("btn", "btn-danger")) { label }
                        a(.class("btn"), .href(cancel), .autofocus) { "Cancel" }
                    }
                }
            }
        }
    }
}
