// Package qr draws QR codes as small inline SVG images, for pages that are
// printed: the briefing handbook carries one per case, so that a reader
// holding the paper can open the case's page on a phone.
//
// # Using it
//
// Templates call it through the template function qr:
//
//	{{qr (abs .URL)}}
//
// which gives the <svg> element of a code for that absolute URL. In Go:
//
//	svg, err := qr.URLSVG("https://example.org/cases/enping/")
//
// # What the image is
//
// A code is a square of dark and light modules, surrounded by a light
// quiet zone of QuietZone modules that scanners need to find it. The SVG's
// user unit is one module: a white square fills the whole image and one
// <path> holds every dark module, written as horizontal runs of unit-high
// rectangles, so that the code of a typical page URL takes three or four
// kilobytes. The image has role="img", and both its aria-label and its
// <title> give the URL, so that screen readers and hovering mice read the
// address. Its size on the page is up to the stylesheet (class "qr");
// the width and height attributes only give a sensible default of four
// pixels per module.
//
// Codes use error correction level M (about 15% of the symbol may be
// damaged or dirty), the usual choice for print. A URL is encoded with its
// path percent-encoded (ASCII only), which every scanner reads the same
// way; the label shows it as written.
//
// # Why this encoder
//
// The symbol itself comes from github.com/skip2/go-qrcode, a small encoder
// without dependencies that builds the same symbol for the same text every
// time. github.com/yeqown/go-qrcode/v2, which is more actively kept, picks
// the mask among equally good ones by which of its goroutines finishes
// first, so that about one URL in a hundred gets a different (equally
// valid) code from one build to the next; the site's output must be byte
// for byte the same on every build, so it is not used.
package qr
