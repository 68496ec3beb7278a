package brief

import "regexp"

// pageObject matches the dictionary type of a page object in a PDF:
// "/Type /Page", not "/Type /Pages" (which holds pages).
var pageObject = regexp.MustCompile(`/Type\s*/Page\b`)

// CountPages returns the number of pages of a PDF as Chromium writes it:
// the page objects, which Chromium (Skia) never puts in compressed object
// streams.
func CountPages(pdf []byte) int {
	return len(pageObject.FindAllIndex(pdf, -1))
}
