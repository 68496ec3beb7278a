// Package brief prints a site's briefing packs (观摩手册) to PDF.
//
// A briefing pack, content/briefings/SLUG.md, names a site visit's cases
// and programme; the site shows it at /briefings/SLUG/. That page is the
// handbook itself: the built-in stylesheet css/brief.css turns it, when
// printed, into a booklet with a cover, the programme, one case per
// section on a new page (its figures, summary, practices, places to visit,
// contact and a QR code of its page on the site) and the figures of all
// cases side by side, on A4 or, for `paper: A5`, A5 paper. Any browser can
// print it; this package makes the PDF without one on screen:
//
//	res, err := brief.Print(ctx, brief.Options{SiteDir: ".", Theme: showcase.Theme, Slug: "2023-enping-site-visit"})
//	// res.PDF holds the file, res.Pages its page count.
//
// # How a PDF is made
//
//  1. The site is built into memory (site.Memory), exactly as `showcase
//     build` would write it, so the PDF shows what the website shows and
//     a site with problems gives no PDF but the problems (content.Problems).
//  2. The built site is served on 127.0.0.1, on a port the system picks,
//     for as long as the printing takes, so that the page's stylesheets,
//     fonts and images load as they do on the web.
//  3. Chromium (or Google Chrome) is started headless with a fresh,
//     temporary profile and driven over the DevTools protocol
//     (github.com/chromedp/chromedp): it opens /briefings/SLUG/, waits for
//     the page and its fonts to load, and prints with the page's own CSS
//     page size and margins
//     (PreferCSSPageSize), with PDF bookmarks from the headings.
//  4. The browser is closed, its profile removed, the server stopped.
//
// The running footer comes from CSS: @page margin boxes give the page
// numbers (Chromium 131 and later) and the pack's title, which a static
// stylesheet cannot know: the page's root element sets it as the custom
// property --brief-title, which the margin boxes inherit, so a visitor
// printing the page from the browser gets the same footer.
//
// # What can go wrong
//
// Each failure has its own error, for the command line to word and to map
// to an exit status:
//
//   - content.Problems: the site does not build;
//   - *UnknownPackError: no published pack has that slug; it lists those
//     that exist;
//   - *NoBrowserError: no Chromium or Chrome was found; it says which names
//     were looked for and how to install one;
//   - anything else: the browser failed or timed out (Options.Timeout).
//
// Chinese text needs a font with Chinese glyphs on the machine that
// prints: on Debian and Ubuntu, the package fonts-noto-cjk.
package brief
