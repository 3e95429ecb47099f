/// The one layout: document head, skip link, header with navigation, the page, footer.
enum Layout {
    /// `wide`: the page may use the whole window (the board), not the reading width.
    static func document(title: String, context: PageContext, wide: Bool = false, @HTMLBuilder content: () -> HTML) -> String {
        var output = "<!doctype html>"
        output +=
            HTML.element("html", [Attribute("lang", "en")]) {
                HTML.element("head", []) {
                    meta(Attribute("charset", "utf-8"))
                    meta(.name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                    meta(.name("color-scheme"), Attribute("content", "light dark"))
                    HTML.element("title", []) { "\(title) · Career Copilot" }
                    link(.rel("stylesheet"), .href(Asset.stylesheet.path))
                    link(.rel("icon"), .type("image/svg+xml"), .href(Asset.icon.path))
                    HTML.element("script", [.type("module"), Attribute("src", Asset.script.path)]) { HTML.empty }
                }
                HTML.element("body", []) {
                    a(.class("skip-link"), .href("#content")) { "Skip to content" }
                    siteHeader(context)
                    mainElement(.id("content"), .class("page", wide ? "page-wide" : ""), Attribute("tabindex", "-1")) {
                        if let flash = context.flash {
                            div(.class("flash", flash.isError ? "flash-error" : ""), .role(flash.isError ? "alert" : "status")) { flash.message }
                        }
                        content()
                    }
                    footer(.class("site-footer")) {
                        p { "Career Copilot — your job search, on your own machine." }
                    }
                }
            }.rendered
        return output
    }

    private static func siteHeader(_ context: PageContext) -> HTML {
        header(.class("site-header")) {
            div(.class("site-header-inner")) {
                a(.class("brand"), .href("/")) {
                    span(.class("brand-mark"), .aria("hidden", "true")) { "CC" }
                    "Career Copilot"
                }
                if let viewer = context.viewer {
                    nav(.class("main-nav"), .aria("label", "Main")) {
                        ul {
                            navItem("Dashboard", "/", .dashboard, context)
                            navItem("Jobs", SiteURL.jobs.path, .jobs, context)
                            navItem("For you", SiteURL.recommendations.path, .recommendations, context)
                            navItem("Applications", SiteURL.applications.path, .applications, context)
                            navItem("Profile", SiteURL.profile.path, .profile, context)
                            if viewer.isAdmin { navItem("Sources", SiteURL.sources.path, .sources, context) }
                            navItem("Settings", SiteURL.settings.path, .settings, context)
                        }
                    }
                    div(.class("account")) {
                        span(.class("who")) { viewer.name.isEmpty ? viewer.email : viewer.name }
                        if !context.singleUser {
                            form(.id("logout-form"), .method("post"), .action(.logout)) {
                                Components.csrfField(context)
                                button(.type("submit"), .class("btn", "btn-small")) { "Sign out" }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func navItem(_ title: String, _ path: String, _ section: PageContext.Section, _ context: PageContext) -> HTML {
        li {
            a(.href(path), .if(context.section == section, .aria("current", "page"))) { title }
        }
    }
}
