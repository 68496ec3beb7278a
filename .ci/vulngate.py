#!/usr/bin/env python3
"""Fail on vulnerabilities that govulncheck finds called in modules.

Reads `govulncheck -format json` on stdin. The Go toolchain on these
machines is fixed (the standard library's own advisories are fixed by a
toolchain upgrade, not by this project), so standard-library findings are
printed as notes; a called vulnerability in any other module fails.
"""
import json
import sys


def objects(text):
    dec, i = json.JSONDecoder(), 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        yield obj


failed, notes = set(), set()
for obj in objects(sys.stdin.read()):
    f = obj.get("finding")
    if not f:
        continue
    trace = f.get("trace") or [{}]
    called = any(t.get("function") for t in trace)
    if not called:
        continue
    module = trace[0].get("module", "")
    (notes if module == "stdlib" else failed).add((f["osv"], module, f.get("fixed_version", "")))
for osv, mod, fix in sorted(notes):
    print(f"note: {osv} in the Go standard library (fixed in {fix}): upgrade the toolchain when one is available")
for osv, mod, fix in sorted(failed):
    print(f"VULNERABLE: {osv} in {mod}, called by this code (fixed in {fix or 'no release yet'})")
print(f"govulncheck: {len(failed)} called vulnerabilities in dependencies, {len(notes)} in the standard library")
sys.exit(1 if failed else 0)
