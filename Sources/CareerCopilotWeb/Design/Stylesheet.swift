/// The design system: one stylesheet, hand-written. Tokens (spacing, type, colours, radii)
/// are custom properties; dark mode swaps the colour tokens only. No inline styles anywhere
/// (the Content-Security-Policy forbids them), so every look has a class here.
enum Stylesheet {
    static let source = #"""
        :root {
          --space-1: .25rem; --space-2: .5rem; --space-3: .75rem; --space-4: 1rem; --space-5: 1.5rem; --space-6: 2rem; --space-7: 3rem;
          --text-xs: .75rem; --text-sm: .875rem; --text-md: 1rem; --text-lg: 1.125rem; --text-xl: 1.375rem; --text-2xl: 1.75rem;
          --radius: .625rem; --radius-sm: .375rem; --radius-pill: 999px;
          --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
          --bg: #f6f7f9; --surface: #ffffff; --surface-2: #f0f2f5; --border: #dde1e7; --text: #15181d; --muted: #59616d;
          --accent: #3a4fd8; --accent-strong: #2b3cb0; --accent-soft: #e8ebfd; --on-accent: #ffffff;
          --danger: #b42318; --danger-soft: #fdecea; --success: #146c43; --success-soft: #e3f4ea; --warning: #8a5300; --warning-soft: #fff3d6;
          --focus: #1d4ed8; --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0f1217; --surface: #171b22; --surface-2: #1f242d; --border: #2e3440; --text: #e8eaee; --muted: #a2a9b6;
            --accent: #8c9bff; --accent-strong: #aab5ff; --accent-soft: #252c52; --on-accent: #0f1217;
            --danger: #ff8a80; --danger-soft: #3b1d1b; --success: #6fd49a; --success-soft: #16301f; --warning: #f2c36b; --warning-soft: #352a12;
            --focus: #aab5ff; --shadow: 0 1px 2px rgba(0, 0, 0, .4);
          }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: var(--text-md)/1.55 var(--font); color: var(--text); background: var(--bg); }
        a { color: var(--accent); text-underline-offset: 2px; }
        a:hover { color: var(--accent-strong); }
        h1, h2, h3 { line-height: 1.25; margin: 0 0 var(--space-3); }
        h1 { font-size: var(--text-2xl); letter-spacing: -.01em; }
        h2 { font-size: var(--text-xl); }
        h3 { font-size: var(--text-lg); }
        p { margin: 0 0 var(--space-3); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: var(--radius-sm); }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .skip-link { position: absolute; left: var(--space-3); top: -3rem; background: var(--surface); padding: var(--space-2) var(--space-3); border-radius: var(--radius-sm); z-index: 10; }
        .skip-link:focus { top: var(--space-3); }
        .muted { color: var(--muted); }
        .stack > * + * { margin-top: var(--space-4); }

        /* Shell */
        .site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
        .site-header-inner { max-width: 72rem; margin: 0 auto; padding: var(--space-3) var(--space-4); display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-3) var(--space-5); }
        .brand { display: inline-flex; align-items: center; gap: var(--space-2); font-weight: 700; color: var(--text); text-decoration: none; font-size: var(--text-lg); }
        .brand-mark { display: inline-grid; place-items: center; width: 1.9rem; height: 1.9rem; border-radius: var(--radius-sm); background: var(--accent); color: var(--on-accent); font-size: var(--text-sm); }
        .main-nav { flex: 1 1 auto; }
        .main-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: var(--space-1); }
        .main-nav a { display: block; padding: var(--space-2) var(--space-3); border-radius: var(--radius-sm); color: var(--muted); text-decoration: none; font-weight: 500; }
        .main-nav a:hover { background: var(--surface-2); color: var(--text); }
        .main-nav a[aria-current="page"] { background: var(--accent-soft); color: var(--accent-strong); }
        .account { display: flex; align-items: center; gap: var(--space-3); font-size: var(--text-sm); color: var(--muted); }
        .account form { margin: 0; }
        .page { max-width: 72rem; margin: 0 auto; padding: var(--space-5) var(--space-4) var(--space-7); overflow-wrap: anywhere; }
        /* Data may hold a word longer than any column (a 200-character title, a pasted URL): it
           breaks, and grid and flex items may shrink below it, rather than widening the page. */
        .page :where(.card, .board-column, .board-card, .page-head > *, .columns-2 > *, .detail > *) { min-width: 0; }
        .account { overflow-wrap: anywhere; min-width: 0; }
        .page-narrow { max-width: 28rem; }
        .page-wide { max-width: 112rem; }
        .page-head { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: var(--space-3); margin-bottom: var(--space-5); }
        .page-head h1 { margin: 0; }
        .site-footer { text-align: center; color: var(--muted); font-size: var(--text-sm); padding: var(--space-5) var(--space-4); }

        /* Buttons */
        /* A button label breaks between words only: "Search" must not become "Searc h" in a narrow row. */
        .btn { display: inline-flex; align-items: center; justify-content: center; gap: var(--space-2); min-height: 2.5rem; padding: var(--space-2) var(--space-4); border-radius: var(--radius-sm); border: 1px solid var(--border); background: var(--surface); color: var(--text); font: inherit; font-weight: 600; font-size: var(--text-sm); text-decoration: none; cursor: pointer; overflow-wrap: normal; }
        .btn:hover { background: var(--surface-2); color: var(--text); }
        .btn-primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); }
        .btn-primary:hover { background: var(--accent-strong); border-color: var(--accent-strong); color: var(--on-accent); }
        .btn-danger { color: var(--danger); border-color: var(--danger); background: transparent; }
        .btn-danger:hover { background: var(--danger-soft); color: var(--danger); }
        .btn-link { border: 0; background: none; color: var(--accent); padding: 0; min-height: 0; font-weight: 500; text-decoration: underline; }
        .btn-link:hover { background: none; color: var(--accent-strong); }
        .btn-small { min-height: 2rem; padding: var(--space-1) var(--space-3); }
        .actions { display: flex; flex-wrap: wrap; gap: var(--space-2); align-items: center; }
        .actions form { margin: 0; }
        .inline-form { display: inline; margin: 0; }

        /* Cards and badges */
        .card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-5); box-shadow: var(--shadow); }
        .card h2 { font-size: var(--text-lg); }
        .card > * + form, .card > form + *, .card > * + dl { margin-top: var(--space-4); }
        .badge { display: inline-flex; align-items: center; gap: var(--space-1); padding: .1rem .55rem; border-radius: var(--radius-pill); font-size: var(--text-xs); font-weight: 600; background: var(--surface-2); color: var(--muted); border: 1px solid var(--border); max-width: 100%; overflow-wrap: anywhere; }
        .badge-accent { background: var(--accent-soft); color: var(--accent-strong); border-color: transparent; }
        .badge-success { background: var(--success-soft); color: var(--success); border-color: transparent; }
        .badge-danger { background: var(--danger-soft); color: var(--danger); border-color: transparent; }
        .badge-warning { background: var(--warning-soft); color: var(--warning); border-color: transparent; }
        .flash { border-radius: var(--radius-sm); padding: var(--space-3) var(--space-4); margin-bottom: var(--space-4); background: var(--success-soft); color: var(--success); font-weight: 500; }
        .flash-error { background: var(--danger-soft); color: var(--danger); }
        .conflict { border: 2px solid var(--warning, var(--danger)); border-radius: var(--radius); padding: var(--space-3) var(--space-4); margin-bottom: var(--space-4); }
        .saved-notes { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--surface-2); padding: var(--space-3); border-radius: var(--radius-sm); max-height: 20rem; overflow: auto; }
        .error-summary { border: 1px solid var(--danger); background: var(--danger-soft); color: var(--danger); border-radius: var(--radius-sm); padding: var(--space-3) var(--space-4); margin-bottom: var(--space-4); }
        .error-summary ul { margin: var(--space-2) 0 0; padding-left: var(--space-5); }

        /* Forms */
        .form-grid { display: grid; gap: var(--space-4); grid-template-columns: repeat(2, minmax(0, 1fr)); }
        .form-grid .span-2 { grid-column: 1 / -1; }
        .field { display: flex; flex-direction: column; gap: var(--space-1); }
        .field label, .field .label { font-weight: 600; font-size: var(--text-sm); }
        .field .hint { font-size: var(--text-xs); color: var(--muted); margin: 0; }
        .field-error { color: var(--danger); font-size: var(--text-sm); margin: 0; font-weight: 500; }
        input[type="text"], input[type="email"], input[type="password"], input[type="url"], input[type="number"], input[type="date"], input[type="search"], select, textarea {
          width: 100%; font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius-sm); padding: var(--space-2) var(--space-3); min-height: 2.5rem;
        }
        textarea { min-height: 8rem; resize: vertical; }
        input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; border-color: var(--focus); }
        [aria-invalid="true"] { border-color: var(--danger) !important; }
        .checkbox { display: flex; align-items: center; gap: var(--space-2); font-weight: 500; }
        .checkbox input { width: 1.1rem; height: 1.1rem; }
        .form-actions { display: flex; flex-wrap: wrap; gap: var(--space-2); margin-top: var(--space-5); }
        fieldset { border: 0; padding: 0; margin: 0; }
        .profile-row + .profile-row { border-top: 1px solid var(--border); margin-top: var(--space-4); padding-top: var(--space-4); }
        #preferences fieldset { margin-top: var(--space-4); }
        .requirements, .keyword-list { list-style: none; padding: 0; margin: 0 0 var(--space-4); }
        .requirements li { padding: var(--space-1) 0; overflow-wrap: anywhere; }
        .keyword-list { display: flex; flex-wrap: wrap; gap: var(--space-2); }

        /* Dashboard */
        .stats { display: grid; gap: var(--space-3); grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr)); list-style: none; padding: 0; margin: 0 0 var(--space-6); }
        .stat { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-4); }
        .stat a { text-decoration: none; color: inherit; display: block; }
        .stat-value { display: block; font-size: var(--text-2xl); font-weight: 700; line-height: 1.1; }
        .stat-label { display: block; color: var(--muted); font-size: var(--text-sm); text-transform: capitalize; }
        .columns-2 { display: grid; gap: var(--space-5); grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); align-items: start; }
        .steps { margin: 0; padding-left: var(--space-5); }
        .steps li + li { margin-top: var(--space-2); }
        .empty { text-align: center; padding: var(--space-6) var(--space-4); border: 1px dashed var(--border); border-radius: var(--radius); background: var(--surface); }
        .empty p { color: var(--muted); }
        .empty .actions { justify-content: center; }

        /* Jobs */
        .search { margin-bottom: var(--space-4); }
        .search-row { display: flex; gap: var(--space-2); }
        .search-row input { flex: 1 1 auto; min-width: 0; }
        .filters-more, .source-edit { margin-top: var(--space-3); }
        .plain-list { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-2); overflow-wrap: anywhere; }
        .source-links { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-1); overflow-wrap: anywhere; }
        .source-links .merge-reason { margin: 0; font-size: var(--text-sm); }
        .filters-more summary, .source-edit summary { cursor: pointer; color: var(--accent); font-weight: 600; font-size: var(--text-sm); width: max-content; }
        .filters { display: grid; gap: var(--space-3); grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); align-items: end; margin-top: var(--space-3); }
        .result-count { color: var(--muted); font-size: var(--text-sm); margin-bottom: var(--space-3); }
        .job-list { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--space-3); }
        .job-card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-4) var(--space-5); display: grid; gap: var(--space-1); min-width: 0; overflow-wrap: anywhere; }
        .job-card:hover { border-color: var(--accent); }
        .job-card h2 { font-size: var(--text-lg); margin: 0; }
        .job-card h2 a { color: var(--text); text-decoration: none; }
        .job-card h2 a:hover { color: var(--accent); text-decoration: underline; }
        .job-meta { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-4); color: var(--muted); font-size: var(--text-sm); margin: 0; padding: 0; list-style: none; }
        .job-badges { display: flex; flex-wrap: wrap; gap: var(--space-2); }
        .job-card .tracking, .job-card .track-inline { justify-self: start; font-size: var(--text-sm); }
        .job-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: var(--space-2) var(--space-4); margin: 0; }
        .job-facts dt { color: var(--muted); font-size: var(--text-sm); }
        .job-facts dd { margin: 0; overflow-wrap: anywhere; }
        .description { overflow-wrap: anywhere; }
        .description h3, .description h4, .description h5, .description h6 { font-size: var(--text-base); margin-top: var(--space-5); }
        .description ul, .description ol { padding-left: var(--space-5); }
        .description pre { background: var(--surface-2); padding: var(--space-3); border-radius: var(--radius-sm); overflow-x: auto; font-family: var(--mono); }
        /* A wide table scrolls inside the description rather than widening the page. */
        .description table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
        .description td, .description th { border: 1px solid var(--border); padding: var(--space-1) var(--space-2); }
        .pagination { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--space-3); margin-top: var(--space-5); }
        .detail { display: grid; gap: var(--space-5); grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); align-items: start; }

        /* Board */
        /* Five open statuses and one Closed column: six columns of 12rem fit 1280 px. */
        .board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(12rem, 1fr); gap: var(--space-3); overflow-x: auto; padding-bottom: var(--space-3); scroll-snap-type: x proximity; }
        .board-lane { display: flex; flex-direction: column; flex: 1 1 auto; border-radius: var(--radius-sm); }
        .board-closed .board-lane + .board-lane { border-top: 1px solid var(--border); margin-top: var(--space-3); padding-top: var(--space-2); }
        .board-closed h3 { font-size: var(--text-sm); color: var(--muted); margin: 0 0 var(--space-2); display: flex; justify-content: space-between; align-items: center; }
        .board-lane.drop-target { outline: 2px dashed var(--accent); outline-offset: 2px; background: var(--accent-soft); }
        .board-card:target, .board-card:has(.card-link:target) { outline: 2px solid var(--accent); }
        .board-column { background: var(--surface-2); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-3); min-height: 12rem; scroll-snap-align: start; display: flex; flex-direction: column; }
        .board-column h2 { font-size: var(--text-sm); text-transform: uppercase; letter-spacing: .04em; color: var(--muted); display: flex; justify-content: space-between; align-items: center; }
        .board-cards { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-2); flex: 1 1 auto; align-content: start; }
        .board-card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius-sm); padding: var(--space-3); box-shadow: var(--shadow); display: grid; gap: var(--space-2); }
        .board-card[draggable="true"] { cursor: grab; }
        .board-card.dragging { opacity: .5; }
        .board-card .card-link { font-weight: 600; color: var(--text); text-decoration: none; }
        .board-card .card-link:hover { color: var(--accent); text-decoration: underline; }
        .board-card .company { color: var(--muted); font-size: var(--text-sm); }
        /* The menu keeps a row of its own in a narrow column ("Interviewing" must fit), the button
           beside it where there is room. */
        .move-form { display: flex; flex-wrap: wrap; gap: var(--space-2); margin: 0; }
        .move-form select { flex: 1 1 8.5rem; min-width: 0; min-height: 2rem; padding: var(--space-1) var(--space-2); font-size: var(--text-sm); }
        .column-empty { margin: 0 0 var(--space-2); font-size: var(--text-sm); }
        .column-more { font-size: var(--text-sm); margin-top: var(--space-2); }
        .board-status { min-height: 1.5rem; }

        /* Timeline */
        .timeline { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--border); }
        .timeline li { position: relative; padding: 0 0 var(--space-4) var(--space-4); }
        .timeline li::before { content: ""; position: absolute; left: -.45rem; top: .35rem; width: .8rem; height: .8rem; border-radius: 50%; background: var(--accent); border: 2px solid var(--surface); }
        .timeline time { display: block; color: var(--muted); font-size: var(--text-sm); }

        /* Errors */
        .error-page { text-align: center; padding: var(--space-7) var(--space-4); }
        .error-page .actions { justify-content: center; }
        .error-code { font-size: 4rem; font-weight: 800; color: var(--accent); line-height: 1; margin-bottom: var(--space-3); }

        @media (max-width: 52rem) {
          .columns-2, .detail { grid-template-columns: minmax(0, 1fr); }
        }
        @media (max-width: 36rem) {
          .page { padding: var(--space-4) var(--space-3) var(--space-6); }
          .form-grid { grid-template-columns: minmax(0, 1fr); }
          .card { padding: var(--space-4); }
          .board { grid-auto-columns: 85%; }
          .account .who { display: none; }
        }
        @media (prefers-reduced-motion: no-preference) {
          .btn, .main-nav a, .job-card, .board-column { transition: background-color .15s, border-color .15s, color .15s; }
        }
        """#
}
