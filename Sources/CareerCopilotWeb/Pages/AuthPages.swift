/// `/login` and `/signup`.
/// Passwords are never written back into a page: the controller leaves them out of the state.
public enum AuthPages {
    public static let loginFields: FormFields = ["email": "E-mail", "password": "Password"]
    public static let signupFields: FormFields = ["full_name": "Full name", "email": "E-mail", "password": "Password"]

    public static func login(_ state: FormState, next: String?, context: PageContext) -> String {
        Layout.document(title: "Sign in", context: context) {
            div(.class("card", "page-narrow")) {
                h1 { "Sign in" }
                p(.class("muted")) { "Welcome back. Your job search is where you left it." }
                Components.errorSummary(state)
                Components.postForm("/login", context, .id("login-form"), .novalidate) {
                    if let next { input(.type("hidden"), .name("next"), .value(next)) }
                    div(.class("stack")) {
                        Components.textField(.init(name: "email", label: "E-mail", type: "email", required: true, autocomplete: "email", maxLength: 320), state)
                        Components.textField(.init(name: "password", label: "Password", type: "password", required: true, autocomplete: "current-password"), state)
                    }
                    div(.class("form-actions")) {
                        button(.type("submit"), .class("btn", "btn-primary")) { "Sign in" }
                    }
                }
                p(.class("muted")) { "New here? "; a(.href("/signup")) { "Create an account" } }
            }
        }
    }

    public static func signup(_ state: FormState, context: PageContext) -> String {
        Layout.document(title: "Create an account", context: context) {
            div(.class("card", "page-narrow")) {
                h1 { "Create your account" }
                p(.class("muted")) { "Discover jobs, see why they fit, and track every application in one place." }
                Components.errorSummary(state)
                Components.postForm("/signup", context, .id("signup-form"), .novalidate) {
                    div(.class("stack")) {
                        Components.textField(.init(name: "full_name", label: "Full name", required: true, autocomplete: "name", maxLength: 200), state)
                        Components.textField(.init(name: "email", label: "E-mail", type: "email", required: true, autocomplete: "email", maxLength: 320), state)
                        Components.textField(
                            .init(name: "password", label: "Password", type: "password", required: true, hint: "At least 8 characters.", autocomplete: "new-password"), state
                        )
                    }
                    div(.class("form-actions")) {
                        button(.type("submit"), .class("btn", "btn-primary")) { "Create account" }
                    }
                }
                p(.class("muted")) { "Already have an account? "; a(.href("/login")) { "Sign in" } }
            }
        }
    }
}
