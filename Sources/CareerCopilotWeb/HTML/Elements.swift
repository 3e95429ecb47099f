// The elements the pages use, one function each: `div(.class("card")) { … }`.
// Attributes are listed first, content comes from the trailing builder closure.

typealias Content = () -> HTML

func div(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("div", attributes, content) }
func span(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("span", attributes, content) }
func p(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("p", attributes, content) }
func a(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("a", attributes, content) }
func h1(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("h1", attributes, content) }
func h2(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("h2", attributes, content) }
func h3(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("h3", attributes, content) }
func strong(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("strong", attributes, content) }
func small(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("small", attributes, content) }
func header(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("header", attributes, content) }
func footer(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("footer", attributes, content) }
func nav(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("nav", attributes, content) }
func mainElement(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("main", attributes, content) }
func section(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("section", attributes, content) }
func article(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("article", attributes, content) }
func aside(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("aside", attributes, content) }
func ul(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("ul", attributes, content) }
func ol(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("ol", attributes, content) }
func li(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("li", attributes, content) }
func dl(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("dl", attributes, content) }
func dt(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("dt", attributes, content) }
func dd(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("dd", attributes, content) }
func form(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("form", attributes, content) }
func fieldset(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("fieldset", attributes, content) }
func legend(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("legend", attributes, content) }
func label(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("label", attributes, content) }
func select(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("select", attributes, content) }
func option(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("option", attributes, content) }
func textarea(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("textarea", attributes, content) }
func button(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("button", attributes, content) }
func time(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("time", attributes, content) }
func details(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("details", attributes, content) }
func summary(_ attributes: Attribute..., @HTMLBuilder content: Content = { .empty }) -> HTML { .element("summary", attributes, content) }
func input(_ attributes: Attribute...) -> HTML { .void("input", attributes) }
func meta(_ attributes: Attribute...) -> HTML { .void("meta", attributes) }
func link(_ attributes: Attribute...) -> HTML { .void("link", attributes) }
