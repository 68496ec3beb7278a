package gen

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"sync"
)

// The gallery images: tiny before/after pictures, a dull one and a bright
// one, in a few colours. Each is a few hundred bytes.
var palette = [][2]color.RGBA{
	{{120, 110, 100, 255}, {70, 160, 90, 255}},
	{{130, 120, 105, 255}, {60, 140, 190, 255}},
	{{110, 105, 100, 255}, {210, 150, 70, 255}},
	{{125, 115, 110, 255}, {170, 90, 80, 255}},
}

var (
	imagesOnce sync.Once
	pngs       [][2][]byte
)

// images returns the PNG bytes of the before and after pictures of a
// variant.
func images(variant int) (before, after []byte) {
	imagesOnce.Do(func() {
		for _, p := range palette {
			pngs = append(pngs, [2][]byte{picture(p[0]), picture(p[1])})
		}
	})
	v := pngs[variant%len(pngs)]
	return v[0], v[1]
}

// picture draws a 24×16 image: a coloured ground with a lighter "building".
func picture(c color.RGBA) []byte {
	const w, h = 24, 16
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	lighter := func(v uint8) uint8 { return uint8(min(int(v)+60, 255)) }
	light := color.RGBA{lighter(c.R), lighter(c.G), lighter(c.B), 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			col := c
			if x >= 6 && x < 18 && y >= 3 && y < 13 {
				col = light
			}
			img.SetRGBA(x, y, col)
		}
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		panic(err) // cannot fail on a bytes.Buffer
	}
	return b.Bytes()
}
