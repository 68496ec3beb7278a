// Package a11y holds the browser tests of the built-in theme: every kind
// of page, built from the example site and from a fixture that uses every
// feature, is opened in headless Chromium and checked with axe-core
// (WCAG 2.1 A and AA) in the default, elder-friendly (长辈模式) and dark
// modes, at phone widths, and with the Nu Html Checker. The package has
// no code of its own; see a11y_test.go.
package a11y
