#!/usr/bin/env python3
"""Build a Go vulnerability database for govulncheck -db file://DIR.

CI reaches no host but the package registries, so govulncheck cannot fetch
vuln.go.dev. The same reports are in the golang.org/x/vulndb module (its
data/osv folder), which the Go module proxy serves; this writes them in the
database layout govulncheck reads: index/db.json, index/modules.json,
index/vulns.json and ID/<id>.json.

usage: vulndb.py OSV_DIR OUT_DIR
"""
import json
import os
import sys


def main(src, out):
    os.makedirs(os.path.join(out, "index"), exist_ok=True)
    os.makedirs(os.path.join(out, "ID"), exist_ok=True)
    modules = {}
    vulns = []
    latest = "0001-01-01T00:00:00Z"
    for name in sorted(os.listdir(src)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            entry = json.load(f)
        vid, modified = entry["id"], entry.get("modified", "0001-01-01T00:00:00Z")
        latest = max(latest, modified)
        vulns.append({"id": vid, "modified": modified, "aliases": entry.get("aliases", [])})
        for aff in entry.get("affected", []):
            path = aff.get("package", {}).get("name")
            if not path:
                continue
            item = {"id": vid, "modified": modified}
            fixed = [e["fixed"] for r in aff.get("ranges", []) for e in r.get("events", []) if "fixed" in e]
            if fixed:
                item["fixed"] = fixed[-1]
            modules.setdefault(path, []).append(item)
        with open(os.path.join(out, "ID", vid + ".json"), "w", encoding="utf-8") as f:
            json.dump(entry, f)
    with open(os.path.join(out, "index", "db.json"), "w") as f:
        json.dump({"modified": latest}, f)
    with open(os.path.join(out, "index", "modules.json"), "w") as f:
        json.dump([{"path": p, "vulns": v} for p, v in sorted(modules.items())], f)
    with open(os.path.join(out, "index", "vulns.json"), "w") as f:
        json.dump(vulns, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
