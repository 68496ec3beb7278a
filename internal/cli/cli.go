// Package cli is the showcase command line: one file and one FlagSet per
// command. Run returns the process exit status: 0 on success, 1 when the
// site has problems (each printed as path:line:col: message), 2 when the
// command was used wrongly or the machine failed.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// Exit statuses.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// A command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the site into a folder (default SITE/public)", runBuild},
		{"check", "load and check the site, writing nothing", runCheck},
		{"new", "write a new case with every field explained: new case SLUG", runNew},
		{"gen", "generate a synthetic site for benchmarks: gen -n CASES -o DIR", runGen},
		{"bench", "time builds of a generated site, against Hugo when installed", runBench},
		{"serve", "serve the site, rebuilding and reloading the browser on every save", runServe},
		{"brief", "print a briefing pack to PDF with headless Chromium: brief SLUG --pdf FILE", runBrief},
		{"help", "show help for a command", nil},
	}
}

// Run runs the command line args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == rest[0] && c.run != nil {
					return c.run(ctx, []string{"-h"}, stdout, stdout)
				}
			}
			fmt.Fprintf(stderr, "showcase help: unknown command %q\n", rest[0])
			return exitUsage
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(ctx, rest, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "showcase: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "showcase builds a static showcase site of renovated residential communities.")
	fmt.Fprintln(w, "\nUsage: showcase COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"showcase COMMAND -h\" for a command's flags.")
}

// newFlags returns a FlagSet that prints its usage to w.
func newFlags(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: showcase %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns -1 to go on, or the exit status.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	return -1
}

// report prints problems, errors first, and returns the exit status.
func report(w io.Writer, err error) int {
	var probs content.Problems
	if errors.As(err, &probs) {
		sorted := probs.Sorted()
		printProblems(w, sorted.Errors())
		printProblems(w, sorted.Warnings())
		n := len(sorted.Errors())
		if n > 0 {
			fmt.Fprintf(w, "%d %s\n", n, plural(n, "problem", "problems"))
			return exitProblems
		}
		return exitOK
	}
	fmt.Fprintf(w, "showcase: %v\n", err)
	return exitUsage
}

func printProblems(w io.Writer, ps content.Problems) {
	for _, p := range ps {
		fmt.Fprintln(w, p.String())
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// summary formats pages per kind, largest first: "10000 case, 500 cases, ...".
func summary(pages map[string]int) string {
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	total := 0
	for k, v := range pages {
		kvs = append(kvs, kv{k, v})
		total += v
	}
	sort.Slice(kvs, func(i, j int) bool {
		if kvs[i].v != kvs[j].v {
			return kvs[i].v > kvs[j].v
		}
		return kvs[i].k < kvs[j].k
	})
	parts := make([]string, len(kvs))
	for i, e := range kvs {
		parts[i] = fmt.Sprintf("%s %d", e.k, e.v)
	}
	return fmt.Sprintf("%d pages (%s)", total, strings.Join(parts, ", "))
}
