package content

import (
	"html/template"
	"sort"
	"time"
)

// Status values of a case, in the order a project goes through them.
const (
	StatusPlanned           = "planned"
	StatusUnderConstruction = "under-construction"
	StatusCompleted         = "completed"
)

// Statuses lists the allowed case statuses.
var statuses = []string{StatusPlanned, StatusUnderConstruction, StatusCompleted}

// Scope classes of renovation content.
var scopes = []string{"基础类", "完善类", "提升类"}

// Statuses returns the allowed statuses in project order.
func Statuses() []string { return append([]string(nil), statuses...) }

// Scopes returns the allowed scope classes in order.
func Scopes() []string { return append([]string(nil), scopes...) }

// Source describes the file a page came from.
type Source struct {
	Path     string // slash-separated, relative to the site folder
	Slug     string
	Lang     string // "" for the site's default language
	Bundle   string // the page bundle folder, or "" for a single file
	BodyLine int    // line of the file where the Markdown body starts
	Version  uint64 // fingerprint of the file's bytes
}

// Body is what a page's Markdown rendered to. The Markdown itself is not
// kept: a build reads a file again only to point at a line in it.
type Body struct {
	HTML     template.HTML // its plain text, for search, is markdown.Text(HTML)
	First    string        // plain text of the first paragraph
	Headings []Heading
	Links    []string // link and image destinations as written
}

// Heading is a section heading of a body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// LatLng is a WGS-84 position in decimal degrees.
type LatLng struct{ Lat, Lng float64 }

// Region places a case in the administrative hierarchy.
type Region struct {
	Province string
	City     string // prefecture-level city
	County   string // county-level unit, may be empty
}

// Period is the span of years of a programme; zero means not given.
type Period struct{ Start, End int }

// Figures are a case's key numbers in base units. A nil field was not given.
type Figures struct {
	Zones         *float64
	Buildings     *float64
	Households    *float64
	Residents     *float64
	AreaM2        *float64
	InvestmentCNY *float64
}

// Figure is one named figure, for listing in templates.
type Figure struct {
	Name  string // the front-matter key, e.g. "area_m2"
	Value float64
}

// List returns the figures that are set, in a fixed order.
func (f Figures) List() []Figure {
	out := make([]Figure, 0, 6) // one allocation, not four as it grows
	add := func(name string, v *float64) {
		if v != nil {
			out = append(out, Figure{Name: name, Value: *v})
		}
	}
	add("investment_cny", f.InvestmentCNY)
	add("area_m2", f.AreaM2)
	add("zones", f.Zones)
	add("buildings", f.Buildings)
	add("households", f.Households)
	add("residents", f.Residents)
	return out
}

// Funding is the money each party put in, in yuan (资金共担).
type Funding struct {
	Government    *float64
	Enterprise    *float64
	PropertyUnits *float64
	Residents     *float64
}

// List returns the parts of the funding that are set, in a fixed order.
func (f Funding) List() []Figure {
	out := make([]Figure, 0, 4)
	add := func(name string, v *float64) {
		if v != nil {
			out = append(out, Figure{Name: name, Value: *v})
		}
	}
	add("government", f.Government)
	add("enterprise", f.Enterprise)
	add("property_units", f.PropertyUnits)
	add("residents_funding", f.Residents) // "residents" alone names a head count
	return out
}

// Site is a place a visit can see.
type Site struct {
	Name     string
	Address  string
	Location *LatLng
}

// GalleryItem is a before/after pair or a single image.
type GalleryItem struct {
	// Before, After and Image are the images' site paths ("/cases/enping/
	// before.jpg" for a bundle file, "/img/a.jpg" for static/img/a.jpg);
	// the *Src fields hold the paths as the publisher wrote them.
	Before, After, Image          string
	BeforeSrc, AfterSrc, ImageSrc string
	Caption, Alt                  string
	Pos                           Pos
	// Sizes maps each image URL to its pixel width and height, where the
	// image could be read.
	Sizes map[string][2]int
}

// Size returns the pixel width and height of one of the item's images, or
// zeros when unknown.
func (g GalleryItem) Size(url string) (int, int) {
	s := g.Sizes[url]
	return s[0], s[1]
}

// Contact says who answers questions about a case.
type Contact struct{ Org, Phone, Email string }

// SourceRef names where facts and figures come from.
type SourceRef struct {
	Title string
	URL   string
	Date  time.Time
}

// Case is one case study (content/cases/*.md).
type Case struct {
	Source
	Title       string
	Summary     string
	Date        time.Time
	Updated     time.Time
	Draft       bool
	Region      Region
	Location    *LatLng
	Status      string
	Period      Period
	Figures     Figures
	FiguresNote string
	Funding     Funding
	Practices   []string
	Scope       []string
	Tags        []string
	Sites       []Site
	Gallery     []GalleryItem
	Contact     *Contact
	Sources     []SourceRef
	Params      map[string]any
	Body
}

// Practice is the text of one model practice (content/practices/*.md).
type Practice struct {
	Source
	Title   string
	Summary string
	Weight  int
	Draft   bool
	Params  map[string]any
	Body
}

// AgendaItem is one entry of a briefing's itinerary.
type AgendaItem struct {
	Time     string
	Title    string
	Case     string // a case slug, or ""
	CasePos  Pos
	Place    string
	Speakers []string
}

// CaseRef is a case slug named in a briefing, with where it was named.
type CaseRef struct {
	Slug string
	Pos  Pos
}

// Briefing is a site-visit briefing pack (content/briefings/*.md).
type Briefing struct {
	Source
	Title     string
	Date      time.Time
	Place     string
	Organizer string
	Cases     []CaseRef
	Agenda    []AgendaItem
	Paper     string // "A4" (default) or "A5"
	Draft     bool
	Params    map[string]any
	Body
}

// Page is a plain page (content/pages/*.md).
type Page struct {
	Source
	Title   string
	Summary string
	Date    time.Time
	Updated time.Time
	Weight  int
	Draft   bool
	Params  map[string]any
	Body
}

// Home is the home page text (content/_index.md).
type Home struct {
	Source
	Title   string
	Summary string
	Params  map[string]any
	Body
}

// Count is one named count of site.yaml targets or progress.
type Count struct {
	Name  string
	Value float64
}

// Progress is a dated set of counts.
type Progress struct {
	Date   time.Time
	Counts []Count
}

// Config is site.yaml.
type Config struct {
	Title       string
	Description string
	BaseURL     string // absolute, ending in "/"; "/" when not set
	Language    string
	Languages   []string
	Province    string
	Targets     []Count
	Progress    []Progress
	UnsafeHTML  bool
	PageSize    int
	MaxFileSize int64
	Params      map[string]any
}

// Library is everything loaded from one site folder.
type Library struct {
	Config        Config
	ConfigVersion uint64 // fingerprint of site.yaml
	Home          *Home
	Cases         []*Case     // sorted by slug, then language
	Practices     []*Practice // sorted by slug, then language
	Briefings     []*Briefing
	Pages         []*Page
	// Assets are files beside a bundle's index.md, served next to its page:
	// output path (e.g. "cases/enping/before.jpg") -> path in the site.
	Assets map[string]string
}

func sortedStrings(s []string) []string {
	sort.Strings(s)
	return s
}
