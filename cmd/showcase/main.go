// Command showcase builds static showcase sites of old residential
// community renovation from Markdown case studies. Run "showcase help".
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/guangdong-renovation/showcase/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
