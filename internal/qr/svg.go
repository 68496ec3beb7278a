package qr

import (
	"html"
	"net/url"
	"strconv"
	"strings"
)

// URLSVG returns the <svg> element of a code for the URL u, labelled with
// u. The code holds u with its path percent-encoded, so that a
// URL with Chinese in its path scans the same with every phone.
func URLSVG(u string) (string, error) {
	m, err := Encode(asciiURL(u))
	if err != nil {
		return "", err
	}
	return m.SVG(u), nil
}

// asciiURL percent-encodes what a URL may not hold as it is; a string that
// does not parse as a URL is kept as it is.
func asciiURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.String()
}

// SVG draws the matrix with its quiet zone as an inline <svg> element
// whose accessible name is label.
func (m Matrix) SVG(label string) string {
	n := m.Size() + 2*QuietZone
	side := strconv.Itoa(n)
	px := strconv.Itoa(4 * n)
	esc := html.EscapeString(label)
	var b strings.Builder
	b.Grow(64*m.Size() + 300 + 2*len(esc))
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ` + side + ` ` + side +
		`" width="` + px + `" height="` + px + `" role="img" aria-label="` + esc + `" shape-rendering="crispEdges">`)
	b.WriteString(`<title>` + esc + `</title>`)
	b.WriteString(`<rect width="` + side + `" height="` + side + `" fill="#fff"/>`)
	b.WriteString(`<path fill="#000" d="`)
	for y, row := range m {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < len(row) && row[x+run] {
				run++
			}
			r := strconv.Itoa(run)
			b.WriteString("M" + strconv.Itoa(x+QuietZone) + " " + strconv.Itoa(y+QuietZone) + "h" + r + "v1h-" + r + "z")
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}
