package render

import "text/template/parse"

// walkSiteFields records the field read after every ".Site" or "$.Site"
// in a template's parse tree, and calls calls for every template it
// invokes. A bare .Site (passed on whole) sets all.
func walkSiteFields(n parse.Node, fields map[string]bool, all *bool, calls func(string)) {
	if n == nil {
		return
	}
	idents := func(ids []string) {
		for i, id := range ids {
			if id == "Site" {
				if i+1 < len(ids) {
					fields[ids[i+1]] = true
				} else {
					*all = true
				}
			}
		}
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkSiteFields(c, fields, all, calls)
		}
	case *parse.ActionNode:
		walkSiteFields(n.Pipe, fields, all, calls)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkSiteFields(c, fields, all, calls)
		}
	case *parse.CommandNode:
		// {{cached "name" …}} renders the template name, like {{template}}.
		if len(n.Args) > 1 {
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "cached" {
				if name, ok := n.Args[1].(*parse.StringNode); ok {
					calls(name.Text)
				}
			}
		}
		for _, a := range n.Args {
			walkSiteFields(a, fields, all, calls)
		}
	case *parse.FieldNode:
		idents(n.Ident)
	case *parse.VariableNode:
		idents(n.Ident)
	case *parse.ChainNode:
		walkSiteFields(n.Node, fields, all, calls)
		idents(n.Field)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fields, all, calls)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fields, all, calls)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fields, all, calls)
	case *parse.TemplateNode:
		calls(n.Name)
		walkSiteFields(n.Pipe, fields, all, calls)
	}
}

func walkBranch(b *parse.BranchNode, fields map[string]bool, all *bool, calls func(string)) {
	walkSiteFields(b.Pipe, fields, all, calls)
	walkSiteFields(b.List, fields, all, calls)
	walkSiteFields(b.ElseList, fields, all, calls)
}
