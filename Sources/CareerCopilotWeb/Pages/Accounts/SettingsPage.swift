import Foundation

/// `/settings`: the account, the password, and the demo data.
public enum SettingsPage {
    public struct Model: Sendable {
        public var email: String
        public var isAdmin: Bool
        public var memberSince: Date?
        public var profile: FormState
        public var password: FormState
        /// How many demo jobs are loaded; nil when the viewer may not manage demo data.
        public var demoJobs: Int?
        /// The companies the viewer hides from their job lists.
        public var hiddenCompanies: [(id: Int, company: String)] = []
        public var hideForm = FormState()

        public init(email: String, isAdmin: Bool, memberSince: Date?, profile: FormState, password: FormState, demoJobs: Int?) {
            self.email = email
            self.isAdmin = isAdmin
            self.memberSince = memberSince
            self.profile = profile
            self.password = password
            self.demoJobs = demoJobs
        }
    }

    public static let profileFields: FormFields = ["full_name": "Full name", "time_zone": "Time zone"]
    /// Every zone the server knows, by name.
    static let timeZones: [(String, String)] =
        [("", "My browser's (or UTC)")] + TimeZone.knownTimeZoneIdentifiers.sorted().map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }
    public static let passwordFields: FormFields = ["current_password": "Current password", "new_password": "New password"]
    public static let hideFields: FormFields = ["company": "Company to hide"]

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.document(title: "Settings", context: context) {
            div(.class("page-head")) { h1 { "Settings" } }
            div(.class("columns-2")) {
                div(.class("stack")) {
                    section(.class("card"), .aria("labelledby", "profile-title")) {
                        h2(.id("profile-title")) { "Profile" }
                        p(.class("muted")) {
                            "Signed in as \(model.email)"
                            if model.isAdmin { " · administrator" }
                            if let since = model.memberSince { " · since "; Formatting.time(since) }
                        }
                        Components.errorSummary(model.profile)
                        Components.postForm(.account, context, .id("profile-form")) {
                            Components.textField(
                                .init(name: "full_name", label: "Full name", required: true, autocomplete: "name", maxLength: 200), model.profile)
                            Components.selectField(
                                .init(name: "time_zone", label: "Time zone", hint: "Dates and times on these pages are shown in it."), options: timeZones,
                                model.profile)
                            div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-primary")) { "Save profile" } }
                        }
                    }
                    if !context.singleUser {
                        section(.class("card"), .aria("labelledby", "password-title")) {
                            h2(.id("password-title")) { "Password" }
                            p(.class("muted")) { "Changing it signs out every other session." }
                            Components.errorSummary(model.password)
                            Components.postForm(.password, context, .id("password-form")) {
                                div(.class("stack")) {
                                    Components.textField(
                                        .init(
                                            name: "current_password", label: "Current password", type: "password", required: true,
                                            autocomplete: "current-password"), model.password)
                                    Components.textField(
                                        .init(
                                            name: "new_password", label: "New password", type: "password", required: true, hint: "At least 8 characters.",
                                            autocomplete: "new-password"), model.password)
                                }
                                div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-primary")) { "Change password" } }
                            }
                        }
                    }
                }
                section(.class("card"), .id("hidden-companies"), .aria("labelledby", "hidden-title")) {
                    h2(.id("hidden-title")) { "Hidden companies" }
                    p(.class("muted")) { "Their jobs leave your lists and searches (yours only): agencies, former employers, anyone." }
                    if !model.hiddenCompanies.isEmpty {
                        ul(.class("steps"), .id("hidden-list")) {
                            for entry in model.hiddenCompanies {
                                li {
                                    entry.company
                                    " "
                                    Components.postForm(.unhideCompany(entry.id), context, .class("inline-form")) {
                                        button(.type("submit"), .class("btn-link")) { "Show again" }
                                    }
                                }
                            }
                        }
                    }
                    Components.errorSummary(model.hideForm)
                    Components.postForm(.blocklist, context, .id("hide-form")) {
                        Components.textField(.init(name: "company", label: "Company to hide", required: true, maxLength: 200), model.hideForm)
                        div(.class("form-actions")) { button(.type("submit"), .class("btn")) { "Hide" } }
                    }
                }
                if let demoJobs = model.demoJobs {
                    aside(.class("card"), .id("demo-data"), .aria("labelledby", "demo-title")) {
                        h2(.id("demo-title")) { "Demo data" }
                        if demoJobs > 0 {
                            p { "\(Formatting.plural(demoJobs, "demo job")) loaded, marked “Demo” everywhere." }
                            Components.postForm(.removeDemo, context, .id("demo-remove-form"), .data("confirm", "Remove the demo jobs and their applications?"))
                            {
                                button(.type("submit"), .class("btn", "btn-danger")) { "Remove demo data" }
                            }
                        } else {
                            p { "A few sample jobs and applications, to see the product working. One click removes them again." }
                            DashboardPage.demoForm(context)
                        }
                    }
                }
            }
        }
    }
}
