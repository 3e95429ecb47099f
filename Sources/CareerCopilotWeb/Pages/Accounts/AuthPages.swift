/// `/login` and `/signup`.
/// Passwords are never written back into a page: the controller leaves them out of the state.
public enum AuthPages {
    public static let loginFields: FormFields = ["email": "E-mail", "password": "Password"]
    public static let signupFields: FormFields = ["full_name": "Full name", "email": "E-mail", "password": "Password"]

    /// A form that was sent after the session had ended: where it went, and what it held
    /// (without its CSRF token). Carried through the sign-in form, then offered to send again.
    public struct Resume: Sendable, Equatable {
        public var action: String
        public var fields: [String: String]

        public init(action: String, fields: [String: String]) {
            self.action = action
            self.fields = fields
        }

        /// Read back from the sign-in form's `resume_action` and `resume.<name>` fields.
        public init?(signInFields: [String: String]) {
            guard let action = signInFields["resume_action"] else { return nil }
            self.action = action
            self.fields = Dictionary(
                uniqueKeysWithValues: signInFields.compactMap { name, value in
                    name.hasPrefix("resume.") ? (String(name.dropFirst(7)), value) : nil
                })
        }

        var hiddenFields: HTML {
            HTML.group {
                input(.type("hidden"), .name("resume_action"), .value(action))
                for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                    input(.type("hidden"), .name("resume.\(name)"), .value(value))
                }
            }
        }
    }

    public static func login(_ state: FormState, next: String?, resume: Resume? = nil, context: PageContext) -> String {
        Layout.document(title: "Sign in", context: context) {
            div(.class("card", "page-narrow")) {
                h1 { "Sign in" }
                if resume != nil {
                    p(.class("flash", "flash-error"), .id("session-ended"), .role("alert")) {
                        "Your session ended before this could be saved. Sign in again to save it: nothing you typed is lost."
                    }
                } else {
                    p(.class("muted")) { "Welcome back. Your job search is where you left it." }
                }
                Components.errorSummary(state)
                Components.postForm(.login, context, .id("login-form"), .novalidate) {
                    if let next { input(.type("hidden"), .name("next"), .value(next)) }
                    if let resume { resume.hiddenFields }
                    div(.class("stack")) {
                        Components.textField(.init(name: "email", label: "E-mail", type: "email", required: true, autocomplete: "email", maxLength: 320), state)
                        Components.textField(
                            .init(name: "password", label: "Password", type: "password", required: true, autocomplete: "current-password"), state)
                    }
                    div(.class("form-actions")) {
                        button(.type("submit"), .class("btn", "btn-primary")) { "Sign in" }
                    }
                }
                p(.class("muted")) {
                    "New here? "; a(.href(.signup)) { "Create an account" }
                }
            }
        }
    }

    public static func signup(_ state: FormState, context: PageContext) -> String {
        Layout.document(title: "Create an account", context: context) {
            div(.class("card", "page-narrow")) {
                h1 { "Create your account" }
                p(.class("muted")) { "Discover jobs, see why they fit, and track every application in one place." }
                Components.errorSummary(state)
                Components.postForm(.signup, context, .id("signup-form"), .novalidate) {
                    div(.class("stack")) {
                        Components.textField(.init(name: "full_name", label: "Full name", required: true, autocomplete: "name", maxLength: 200), state)
                        Components.textField(.init(name: "email", label: "E-mail", type: "email", required: true, autocomplete: "email", maxLength: 320), state)
                        Components.textField(
                            .init(
                                name: "password", label: "Password", type: "password", required: true, hint: "At least 8 characters.",
                                autocomplete: "new-password"), state
                        )
                    }
                    div(.class("form-actions")) {
                        button(.type("submit"), .class("btn", "btn-primary")) { "Create account" }
                    }
                }
                p(.class("muted")) {
                    "Already have an account? "; a(.href(.login)) { "Sign in" }
                }
            }
        }
    }

    /// After signing in again: the form that was sent when the session had ended, ready to
    /// send with the new session. A person's click sends it, never the page by itself.
    public static func resume(_ resume: Resume, next: String, context: PageContext) -> String {
        Layout.document(title: "Save what you sent", context: context) {
            div(.class("card", "page-narrow")) {
                h1 { "You are signed in again" }
                p { "What you sent before your session ended has not been saved yet." }
                Components.postForm(toPath: resume.action, context, .id("resume-form")) {
                    for (name, value) in resume.fields.sorted(by: { $0.key < $1.key }) {
                        input(.type("hidden"), .name(name), .value(value))
                    }
                    div(.class("form-actions")) {
                        button(.type("submit"), .class("btn", "btn-primary"), .autofocus) { "Save it now" }
                        a(.class("btn"), .href(next)) { "Don't save it" }
                    }
                }
            }
        }
    }
}
