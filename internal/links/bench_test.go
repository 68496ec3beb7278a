package links

import (
	"os"
	"testing"
)

// BenchmarkScan scans a built page: SHOWCASE_SCAN_PAGE names its file
// (for example a case page of a generated site's output).
func BenchmarkScan(b *testing.B) {
	name := os.Getenv("SHOWCASE_SCAN_PAGE")
	if name == "" {
		b.Skip("set SHOWCASE_SCAN_PAGE to a built HTML page")
	}
	doc, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		Scan(doc)
	}
}
