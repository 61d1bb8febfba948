#!/usr/bin/env python3
"""Trunk post-build hook. The page's Content-Security-Policy allows no inline script except by hash;
Trunk's own inline loader is replaced by src/ui/boot.js (Trunk.toml pattern_script), so normally there
is none. Should one appear, its sha256 is added to the CSP's script-src. Fails loudly when the CSP is
missing, so the page never ships without one."""
import base64, hashlib, os, re, sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
hashes = ["'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts if s.strip()]
# The CSP meta, whatever its attribute order and quoting (release builds are minified).
meta = next((m for m in re.finditer(r"<meta\b[^>]*>", html)
             if re.search(r'http-equiv="?Content-Security-Policy\b', m.group(0))), None)
csp = meta and re.compile(r'content="([^"]*)"').search(html, meta.start(), meta.end())
if not csp:
    sys.exit("csp-hash: no Content-Security-Policy meta in " + path)
policy = csp.group(1)
policy = re.sub(r"'sha256-[^']*'\s*", "", policy)
policy = re.sub(r"script-src ([^;]*)", lambda m: "script-src " + " ".join([m.group(1).strip()] + hashes), policy, count=1)
html = html[: csp.start(1)] + policy + html[csp.end(1):]
open(path, "w", encoding="utf-8").write(html)
print("csp-hash: %d inline script(s) hashed into script-src" % len(hashes))
