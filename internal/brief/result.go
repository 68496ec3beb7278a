package brief

// Result is a printed pack.
type Result struct {
	PDF   []byte // the PDF file
	Pages int    // its page count
	URL   string // the page that was printed, on the temporary server
}
