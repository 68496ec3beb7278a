package xsscheck

import "testing"

func TestHTML(t *testing.T) {
	for doc, wantBad := range map[string]bool{
		`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`:                 false,
		`<a href="/cases/a/">a</a><script src="/js/site.js"></script>`: false,
		`<meta content="&#39;&gt;&lt;svg onload=alert(1)&gt;">`:        false,
		`<script>alert(1)</script>`:                                    true,
		`<img src=x onerror=alert(1)>`:                                 true,
		`<a href="JaVa&#x09;Script:alert(1)">x</a>`:                    true,
		`<a href=" data:text/html,x">x</a>`:                            true,
		`<iframe></iframe>`:                                            true,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`:         true,
	} {
		if bad := HTML([]byte(doc)); (len(bad) > 0) != wantBad {
			t.Errorf("HTML(%s) = %v, want bad %v", doc, bad, wantBad)
		}
	}
}
