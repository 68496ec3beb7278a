// Package qrtest reads back the codes package qr draws, for tests: it
// rasterises the <svg> element of a code the way a printer would and
// decodes the image with ZXing (github.com/makiuchi-d/gozxing), an
// implementation independent of the encoder. Only tests import it, so the
// decoder never reaches the showcase binary.
package qrtest

import (
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// scale is the number of pixels per module of the rasterised code.
const scale = 4

var (
	viewBoxRE = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	pathRE    = regexp.MustCompile(`<path fill="#000" d="([^"]*)"`)
	runRE     = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
)

// Image rasterises the <svg> of a code: a white square of the viewBox
// with every run of the path's dark modules painted black. Anything in
// the path but such runs is an error, so the test also checks the format.
func Image(svg string) (*image.Gray, error) {
	vb := viewBoxRE.FindStringSubmatch(svg)
	if vb == nil || vb[1] != vb[2] {
		return nil, fmt.Errorf("no square viewBox in %.80q", svg)
	}
	n, _ := strconv.Atoi(vb[1])
	pm := pathRE.FindStringSubmatch(svg)
	if pm == nil {
		return nil, fmt.Errorf("no <path> of dark modules in %.80q", svg)
	}
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	d := pm[1]
	end := 0
	for _, m := range runRE.FindAllStringSubmatchIndex(d, -1) {
		if m[0] != end {
			return nil, fmt.Errorf("path has %q between runs", d[end:m[0]])
		}
		end = m[1]
		x, _ := strconv.Atoi(d[m[2]:m[3]])
		y, _ := strconv.Atoi(d[m[4]:m[5]])
		w, _ := strconv.Atoi(d[m[6]:m[7]])
		back, _ := strconv.Atoi(d[m[8]:m[9]])
		if w != back || w == 0 || x+w > n || y >= n {
			return nil, fmt.Errorf("bad run %q in a %d-module image", d[m[0]:m[1]], n)
		}
		for py := y * scale; py < (y+1)*scale; py++ {
			for px := x * scale; px < (x+w)*scale; px++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	if end != len(d) {
		return nil, fmt.Errorf("path ends with %q, not a run", d[end:])
	}
	return img, nil
}

// Decode returns the text of the code drawn by svg.
func Decode(svg string) (string, error) {
	img, err := Image(svg)
	if err != nil {
		return "", err
	}
	return DecodeImage(img)
}

// DecodeImage finds and decodes a QR code in an image.
func DecodeImage(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", fmt.Errorf("bitmap: %w", err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		return "", fmt.Errorf("decode: %w", err)
	}
	return res.GetText(), nil
}
