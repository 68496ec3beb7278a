package qr_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/qr"
	"github.com/guangdong-renovation/showcase/internal/qr/qrtest"
)

// TestURLSVGScans draws codes for URLs of every shape a site has and reads
// each back with an independent decoder.
func TestURLSVGScans(t *testing.T) {
	for _, u := range []string{
		"https://example.org/cases/enping/",
		"https://example.org/showcase/cases/a-very-long-case-slug-with-many-words-2023/",
		"http://localhost/cases/x/",
		"/cases/enping/", // a site without base_url gets site paths
	} {
		svg, err := qr.URLSVG(u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		got, err := qrtest.Decode(svg)
		if err != nil {
			t.Fatalf("%s: %v\n%s", u, err, svg)
		}
		if got != u {
			t.Errorf("code of %s scans as %s", u, got)
		}
	}
}

// TestURLSVGChinese checks that a URL with Chinese in its path is encoded
// percent-encoded, and labelled as written.
func TestURLSVGChinese(t *testing.T) {
	u := "https://example.org/regions/江门市/恩平市/"
	svg, err := qr.URLSVG(u)
	if err != nil {
		t.Fatal(err)
	}
	got, err := qrtest.Decode(svg)
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://example.org/regions/%E6%B1%9F%E9%97%A8%E5%B8%82/%E6%81%A9%E5%B9%B3%E5%B8%82/"; got != want {
		t.Errorf("scans as %s, want %s", got, want)
	}
	if back, _ := url.PathUnescape(got); back != u {
		t.Errorf("%s does not unescape to %s", got, u)
	}
	if !strings.Contains(svg, `aria-label="`+u+`"`) || !strings.Contains(svg, "<title>"+u+"</title>") {
		t.Errorf("label is not the URL as written: %.300s", svg)
	}
}

// TestSVGShape checks what pages and printers rely on: one path, a quiet
// zone, an accessible name that is escaped, and the same bytes every time.
func TestSVGShape(t *testing.T) {
	m, err := qr.Encode("https://example.org/cases/enping/")
	if err != nil {
		t.Fatal(err)
	}
	svg := m.SVG(`"><script>alert(1)</script>`)
	if strings.Count(svg, "<path") != 1 || !strings.HasPrefix(svg, "<svg ") || !strings.HasSuffix(svg, "</svg>") {
		t.Errorf("not one <svg> with one <path>: %.200s", svg)
	}
	if strings.Contains(svg, "<script") || !strings.Contains(svg, `role="img"`) {
		t.Errorf("label not escaped or no role: %.400s", svg)
	}
	if len(svg) > 6000 {
		t.Errorf("code of a short URL takes %d bytes", len(svg))
	}
	img, err := qrtest.Image(svg)
	if err != nil {
		t.Fatal(err)
	}
	n := img.Bounds().Dx() / (m.Size() + 2*qr.QuietZone) // pixels per module
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			inside := x >= qr.QuietZone*n && x < (qr.QuietZone+m.Size())*n && y >= qr.QuietZone*n && y < (qr.QuietZone+m.Size())*n
			if !inside && img.GrayAt(x, y).Y != 0xff {
				t.Fatalf("dark pixel (%d,%d) in the quiet zone", x, y)
			}
		}
	}
	for i := 0; i < 20; i++ {
		again, _ := qr.Encode("https://example.org/cases/enping/")
		if again.SVG(`"><script>alert(1)</script>`) != svg {
			t.Fatal("the same URL gave a different code")
		}
	}
}

// TestEncodeTooLong checks that text no code can hold is an error naming
// it, not a panic.
func TestEncodeTooLong(t *testing.T) {
	_, err := qr.URLSVG("https://example.org/" + strings.Repeat("x", 4000))
	if err == nil || !strings.Contains(err.Error(), "QR code of") {
		t.Errorf("err = %v", err)
	}
}
