package qr

import (
	"fmt"

	qrcode "github.com/skip2/go-qrcode"
)

// QuietZone is the light margin around every code, in modules: four, as
// the QR code standard asks.
const QuietZone = 4

// Matrix is a QR code symbol without its quiet zone: Matrix[y][x] is true
// where the module at column x, row y is dark.
type Matrix [][]bool

// Encode returns the symbol of text at error correction level M. Text too
// long for any QR code (about 2300 bytes at this level) is an error.
func Encode(text string) (m Matrix, err error) {
	// The encoder panics on what it considers its own bugs; a page must
	// not take the build down with it.
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("QR code of %q: encoder failed: %v", text, r)
		}
	}()
	code, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("QR code of %q: %w", text, err)
	}
	code.DisableBorder = true
	return Matrix(code.Bitmap()), nil
}

// Size is the number of modules on each side, without the quiet zone.
func (m Matrix) Size() int { return len(m) }
