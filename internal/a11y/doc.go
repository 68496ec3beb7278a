// Package a11y holds the browser tests of the built-in theme. It has no
// code of its own.
//
// TestPages builds the example site and a fixture site that uses every
// feature, serves them on 127.0.0.1 and opens one page of every kind in
// headless Chromium (Debian's /usr/bin/chromium): axe-core (WCAG 2.1 A and
// AA) in the default, elder-friendly (长辈模式) and dark modes, no sideways
// scrolling at 320 px, no layout shift, sizes of images, sharing tags,
// the skip link, tap targets and text size of the elder-friendly mode, its
// switch, and the printed case. TestCaseWeight keeps a case page's HTML,
// CSS and JavaScript under 50 kB gzipped; TestValidHTML runs the Nu Html
// Checker on every page, the CSS and the SVG.
//
// The npm packages come from outside the repository: axe-core's axe.min.js from
// $AXE_CORE_JS, vnu.jar from $VNU_JAR, or else both from
// $SHOWCASE_TOOLS/node_modules (default ~/.cache/showcase-tools), where
//
//	npm install --prefix ~/.cache/showcase-tools axe-core@4.10.3 vnu-jar@26.9.27
//
// puts them. A test whose tool is missing is skipped, or fails when the
// environment variable CI is set.
//
// Two tests run only on request: TestScreenshots (A11Y_SHOTS=folder) saves
// screenshots and printed PDFs of the case pages, and TestLighthouse
// (LIGHTHOUSE=path of the lighthouse command) prints Lighthouse's scores.
package a11y
