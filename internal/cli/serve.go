package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/guangdong-renovation/showcase"
	"github.com/guangdong-renovation/showcase/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [-s SITE] [--addr 127.0.0.1:1313] [--drafts]", stderr)
	siteDir := fs.String("s", ".", "site folder")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on, host:port; only this machine can connect unless the host is another address")
	drafts := fs.Bool("drafts", false, "publish drafts too")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	err := serve.Run(ctx, serve.Options{SiteDir: *siteDir, Theme: showcase.Theme, Addr: *addr, Drafts: *drafts, Log: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "showcase serve: %v\n", err)
		return exitUsage
	}
	return exitOK
}
