// Package gen writes synthetic showcase sites for benchmarks: any number
// of plausible case studies of old residential community renovation in
// ten cities of Guangdong, with practices, briefing packs and a few page
// bundles with images, in the content contract (CONTENT.md) or, with
// Options.Hugo, in the form of the equivalent Hugo site.
//
// The output depends only on the seed: the same seed writes byte-identical
// files, whatever the number of workers. Case i is the same whatever the
// number of cases, so a 1,000-case site is the first tenth of a
// 10,000-case site of the same seed (the briefing packs differ).
//
// The places are real; the communities, streets, people and figures are
// made up.
package gen

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// hugoSite is the Hugo site the Hugo form is written into: hugo.yaml,
// layouts/ and static/, a copy of shared/bench/hugo-site.
//
//go:embed all:hugosite
var hugoSite embed.FS

// Options configure Write.
type Options struct {
	Cases int   // number of case studies
	Seed  int64 // the same seed writes the same files
	// Hugo writes Hugo's form of the same cases: hugo.yaml, layouts/ and
	// static/ of the bench Hugo site, and content/cases/ with Hugo's
	// taxonomies at the top level of the front matter.
	Hugo bool
	// HugoSite, when set, is a folder with hugo.yaml, layouts/ and static/
	// to copy instead of the built-in copy.
	HugoSite string
	Workers  int // files written at once; GOMAXPROCS when 0
}

// Stats describe what Write wrote.
type Stats struct {
	Cases     int      // case files, drafts included
	Drafts    int      // cases with draft: true
	Bundles   int      // cases written as page bundles with images
	Briefings int      // briefing packs
	Files     int64    // files written
	Bytes     int64    // bytes written
	CaseFiles []string // slash paths of the case files, relative to the folder, by case number
}

// Write writes a generated site into dir, which must not exist or be
// empty.
func Write(dir string, opts Options) (*Stats, error) {
	if opts.Cases < 0 {
		return nil, fmt.Errorf("gen: negative number of cases %d", opts.Cases)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s: folder is not empty: generate into a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	w := &writer{dir: dir, opts: opts}
	if err := os.MkdirAll(filepath.Join(dir, "content", "cases"), 0o755); err != nil {
		return nil, err
	}
	ids := make([]identity, opts.Cases)
	for i := range ids {
		ids[i] = newIdentity(opts.Seed, i)
	}
	w.ids = ids
	st := &Stats{Cases: opts.Cases, CaseFiles: make([]string, opts.Cases)}
	for i, id := range ids {
		if id.draft {
			st.Drafts++
		}
		if id.bundle {
			st.Bundles++
			st.CaseFiles[i] = "content/cases/" + id.slug + "/index.md"
		} else {
			st.CaseFiles[i] = "content/cases/" + id.slug + ".md"
		}
	}
	if err := w.cases(); err != nil {
		return nil, err
	}
	if opts.Hugo {
		if err := w.hugoFiles(); err != nil {
			return nil, err
		}
	} else {
		n, err := w.siteFiles()
		if err != nil {
			return nil, err
		}
		st.Briefings = n
	}
	st.Files, st.Bytes = w.files.Load(), w.bytes.Load()
	return st, nil
}

type writer struct {
	dir          string
	opts         Options
	ids          []identity
	files, bytes atomic.Int64
}

func (w *writer) write(rel string, data []byte) error {
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	w.files.Add(1)
	w.bytes.Add(int64(len(data)))
	return nil
}

// cases writes every case with opts.Workers goroutines.
func (w *writer) cases() error {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, w.opts.Workers)
	for k := 0; k < w.opts.Workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(w.ids) {
					return
				}
				c := newCase(w.opts.Seed, w.ids, i)
				buf.Reset()
				if w.opts.Hugo {
					c.hugoFrontMatter(&buf)
				} else {
					c.frontMatter(&buf)
				}
				buf.WriteString(c.body)
				rel := "content/cases/" + c.slug + ".md"
				if c.bundle {
					rel = "content/cases/" + c.slug + "/index.md"
				}
				if err := w.write(rel, buf.Bytes()); err != nil {
					errs[k] = err
					return
				}
				if c.bundle {
					before, after := images(c.imageVariant)
					if err := w.write("content/cases/"+c.slug+"/before.png", before); err != nil {
						errs[k] = err
						return
					}
					if err := w.write("content/cases/"+c.slug+"/after.png", after); err != nil {
						errs[k] = err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// hugoFiles copies the Hugo site's configuration, layouts and static files.
func (w *writer) hugoFiles() error {
	var src fs.FS
	if w.opts.HugoSite != "" {
		src = os.DirFS(w.opts.HugoSite)
	} else {
		sub, err := fs.Sub(hugoSite, "hugosite")
		if err != nil {
			return err
		}
		src = sub
	}
	if _, err := fs.Stat(src, "hugo.yaml"); err != nil {
		return fmt.Errorf("Hugo site %s: %w", w.opts.HugoSite, err)
	}
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && p != "layouts" && p != "static" && !strings.HasPrefix(p, "layouts/") && !strings.HasPrefix(p, "static/") {
				return fs.SkipDir
			}
			return nil
		}
		if p != "hugo.yaml" && !strings.HasPrefix(p, "layouts/") && !strings.HasPrefix(p, "static/") {
			return nil
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return w.write(p, data)
	})
}

// siteFiles writes site.yaml, the home page, the about page, one file per
// practice and the briefing packs; it returns the number of packs.
func (w *writer) siteFiles() (int, error) {
	files := map[string]string{}
	files["site.yaml"] = fmt.Sprintf(`title: 广东省老旧小区改造案例（合成数据）
description: 为性能测试生成的%d个老旧小区改造案例，地名真实，小区、人物和数字均为虚构
base_url: https://example.org/
language: zh-CN
province: 广东省
# the Hugo bench site shows 50 pages per list page too
page_size: 50
targets:
  communities: 8007
  households: 1420000
progress:
  - date: 2023-09-30
    communities: 6407
    households: 1400000
`, w.opts.Cases)
	files["content/_index.md"] = `---
title: 广东省老旧小区改造案例
---

本站的案例由程序生成，用于测试站点生成器的性能：城市和区县是真实的，小区名称、街道、人物和各项数字都是虚构的。

老旧小区改造改的是居民每天进出的楼道、家门口的环境和小区的日常管理。各地的做法见[经验做法](/practices/)，关于本站见[关于](/about/)。
`
	files["content/pages/about.md"] = `---
title: 关于本站
---

## 本站是什么

这是一个由 ` + "`showcase gen`" + ` 生成的合成站点，用于衡量站点生成器在上万个案例时的速度和内存。

## 数据说明

- 城市和区县是广东省真实的行政区划；
- 小区名称、街道门牌、居民、联系方式和全部数字都是虚构的；
- 图片是几个像素大小的色块，只用来检验图片处理。
`
	for k, p := range practices {
		files["content/practices/"+p.slug+".md"] = fmt.Sprintf("---\ntitle: %s\nsummary: %s\nweight: %d\n---\n\n%s\n\n各地的做法不尽相同，%s\n",
			yamlStr(p.name), yamlStr(p.summary), k+1, p.summary, fmt.Sprintf(p.uses[0], "有的地方"))
	}
	n := 0
	for k, text := range w.briefings() {
		files[k] = text
		n++
	}
	for rel, text := range files {
		if err := w.write(rel, []byte(text)); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// briefings returns the briefing packs: a few per thousand cases, each
// covering three to six published cases of one city.
func (w *writer) briefings() map[string]string {
	out := map[string]string{}
	if len(w.ids) == 0 {
		return out
	}
	r := rng(w.opts.Seed, streamBriefings)
	byCity := map[string][]int{}
	for i, id := range w.ids {
		if !id.draft {
			byCity[id.city.name] = append(byCity[id.city.name], i)
		}
	}
	count := min(2+len(w.ids)/1000, 20)
	for k := 0; k < count; k++ {
		ct := &cities[k%len(cities)]
		pool := byCity[ct.name]
		if len(pool) == 0 {
			continue
		}
		chosen := pickN(r, pool, between(r, 3, 6))
		year := 2023 + k%3
		d := randomDate(r, year)
		host := w.ids[chosen[0]].county.name
		slug := fmt.Sprintf("%d-%s-site-visit-%d", year, ct.pinyin, k+1)
		var b strings.Builder
		b.WriteString("---\n")
		fmt.Fprintf(&b, "title: %d年%s老旧小区改造现场观摩活动（第%d场）\n", year, ct.name, k+1)
		fmt.Fprintf(&b, "date: %s\nplace: %s%s\norganizer: %s住房和城乡建设局\ncases:\n", d, ct.name, host, ct.name)
		for _, i := range chosen {
			fmt.Fprintf(&b, "  - %s\n", w.ids[i].slug)
		}
		b.WriteString("agenda:\n")
		fmt.Fprintf(&b, "  - time: \"08:30\"\n    title: 集合出发\n    place: %s人民政府\n", host)
		for n, i := range chosen {
			id := w.ids[i]
			fmt.Fprintf(&b, "  - time: \"%02d:%02d\"\n    title: 现场观摩：%s\n    case: %s\n    place: %s%s\n", 9+n/2, 30*(n%2), id.community, id.slug, id.county.name, id.community)
		}
		fmt.Fprintf(&b, "  - time: \"14:30\"\n    title: 经验交流\n    speakers: [%s, %s]\n", w.ids[chosen[0]].county.name, w.ids[chosen[len(chosen)-1]].county.name)
		fmt.Fprintf(&b, "  - time: \"16:00\"\n    title: 工作部署\n    speakers: [%s住房和城乡建设局]\n", ct.name)
		b.WriteString("---\n\n## 活动目的\n\n")
		fmt.Fprintf(&b, "本次活动在%s%s举行，组织各县（市、区）实地观摩老旧小区改造项目，交流改造经验，推动改造工作提质增效。\n\n## 观摩项目\n\n", ct.name, host)
		for n, i := range chosen {
			fmt.Fprintf(&b, "%d. [%s](/cases/%s/)\n", n+1, w.ids[i].title, w.ids[i].slug)
		}
		b.WriteString("\n## 注意事项\n\n- 请按时集合，统一乘车前往各观摩点；\n- 观摩期间注意施工现场安全，听从工作人员安排。\n")
		out[path.Join("content/briefings", slug+".md")] = b.String()
	}
	return out
}
