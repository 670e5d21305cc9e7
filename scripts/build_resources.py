#!/usr/bin/env python3
"""Build Dragoman's CAMEO/PLOVER data resources from public reference files.

Usage (from the repository root)::

    python scripts/build_resources.py --reference ../shared/reference

Reads the CAMEO, Phoenix/PETRARCH and PLOVER reference files described in
``<reference>/cameo/SOURCES.md`` and ``<reference>/plover/SOURCES.md`` and
writes tab-separated tables (header row, ``#`` comment lines on top) to
``src/dragoman/resources/``.  Output is deterministic: rows are sorted and no
timestamps are written.  Python 3.11 standard library only.

Only facts (codes, names, numbers, word lists) are taken from the references;
the hand-written tables in this file are Dragoman's own and are checked
against the reference data where possible (see ``docs/resources.md``).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "src" / "dragoman" / "resources"
DEFAULT_REFERENCE = Path("../shared/reference")

# Provenance lines written at the top of each file (facts restated, not copied).
SRC_GDELT = "GDELT CAMEO lookups (via mpiccirilli/UNDP-BCPR-Project@e009a80 and moxious/gdelt@44a2909)"
SRC_PLOVER = "openeventdata/PLOVER@5e0c24f CAMEO2PLOVER-2021.txt (CC BY-SA 4.0)"
SRC_PETRARCH = "openeventdata/petrarch2@676801c dictionaries (MIT, Open Event Data Alliance)"
SRC_COUNTRYINFO = "openeventdata/CountryInfo@07c9c54 CountryInfo.120116.txt (CC BY-SA 3.0, P. A. Schrodt)"

warnings: list[str] = []


def warn(msg: str) -> None:
    """Record a non-fatal data issue (printed at the end of the run)."""
    warnings.append(msg)


class BuildError(RuntimeError):
    """A check on the generated data failed."""


# --------------------------------------------------------------------------
# Generic helpers
# --------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """Read a reference file as UTF-8, replacing undecodable bytes."""
    return path.read_text(encoding="utf-8", errors="replace")


def read_tsv(path: Path) -> list[list[str]]:
    """Read a simple TSV (no quoting) into rows of stripped cells, skipping blanks."""
    rows = []
    for line in read_text(path).splitlines():
        if line.strip():
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def write_tsv(
    name: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    comments: Sequence[str],
) -> int:
    """Write ``rows`` under ``columns`` to ``OUT_DIR/name``; return the row count."""
    out = [f"# {c}" for c in comments]
    out.append("\t".join(columns))
    n = 0
    for row in rows:
        if len(row) != len(columns):
            raise BuildError(f"{name}: row {row!r} has {len(row)} cells, want {len(columns)}")
        for cell in row:
            if any(ch in cell for ch in "\t\r\n") or cell != cell.strip():
                raise BuildError(f"{name}: bad cell {cell!r}")
        if row[0].startswith("#"):
            raise BuildError(f"{name}: first cell may not start with '#': {row!r}")
        out.append("\t".join(row))
        n += 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / name).write_text("\n".join(out) + "\n", encoding="utf-8")
    return n


def join(values: Iterable[str]) -> str:
    """Join a list cell with ``|``, dropping empties and duplicates, keeping order."""
    seen: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            if "|" in v:
                raise BuildError(f"list value contains '|': {v!r}")
            seen.append(v)
    return "|".join(seen)


def fold(text: str) -> str:
    """Accent-free, lowercase, letters-and-digits-only key for fuzzy comparisons."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", text.lower())


def edit_distance(a: str, b: str) -> int:
    """Plain Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def fmt_num(value: float) -> str:
    """Format a Goldstein score like the source (one decimal at least)."""
    return f"{value:.1f}"


def quad_class(root: str) -> str:
    """CAMEO quad class of a two-digit root (1..4)."""
    r = int(root)
    if 1 <= r <= 5:
        return "1"
    if 6 <= r <= 8:
        return "2"
    if 9 <= r <= 13:
        return "3"
    if 14 <= r <= 20:
        return "4"
    raise BuildError(f"bad CAMEO root {root!r}")


# --------------------------------------------------------------------------
# 1. cameo_codes.tsv
# --------------------------------------------------------------------------

# Typos in the GDELT description text, fixed in our copy.
NAME_FIXES = {
    "2041": "Use chemical, biological, or radiological weapons",
}


@dataclass
class PloverEntry:
    """One line of the CAMEO->PLOVER table."""

    event: str
    mode: str
    context: str


def parse_cameo2plover(path: Path) -> tuple[dict[str, PloverEntry], dict[str, set[str]]]:
    """Parse ``code: EVENT, mode, context # comment`` lines.

    Returns the per-code entries (codes with conflicting lines are dropped)
    and, for two-digit headers such as ``08: CONCEDE``, the set of events.
    """
    entries: dict[str, list[PloverEntry]] = defaultdict(list)
    roots: dict[str, set[str]] = defaultdict(set)
    for raw in read_text(path).splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        event = parts[0].upper()
        if not re.fullmatch(r"[A-Z]+", event):
            continue
        mode = parts[1] if len(parts) > 1 else ""
        context = ",".join(parts[2:]).strip() if len(parts) > 2 else ""
        if len(code) == 2:
            roots[code].add(event)
        else:
            entries[code].append(PloverEntry(event, mode, context))
    out: dict[str, PloverEntry] = {}
    for code, lst in entries.items():
        distinct = {(e.event, e.mode) for e in lst}
        if len(distinct) > 1:
            warn(f"CAMEO2PLOVER: conflicting lines for {code}: {sorted(distinct)}; left empty")
            continue
        out[code] = lst[0]
    return out, roots


def plover_vocab(plover_dir: Path) -> tuple[set[str], set[str]]:
    """Mode and context names known to the PLOVER manual extraction (for sanity checks)."""
    data = json.loads(read_text(plover_dir / "plover_ontology_extracted.json"))
    modes: set[str] = set()
    for ev in data.get("events", []):
        for m in ev.get("modes", []):
            modes.add(m.get("mode", "") if isinstance(m, dict) else str(m))
    contexts = set()
    for c in data.get("contexts", []):
        contexts.add(c.get("context", "") if isinstance(c, dict) else str(c))
    return modes, contexts


@dataclass
class CameoCode:
    """One CAMEO event code row."""

    code: str
    root: str
    name: str
    goldstein: str
    quad: str
    plover: str
    plover_mode: str


def build_cameo_codes(ref: Path) -> dict[str, CameoCode]:
    """Combine GDELT descriptions/Goldstein values with the CAMEO->PLOVER table."""
    cameo = ref / "cameo"
    names = {r[0]: r[1] for r in read_tsv(cameo / "CAMEO.eventcodes.txt")[1:]}
    gold = {r[0]: float(r[1]) for r in read_tsv(cameo / "CAMEO.goldsteinscale.txt")[1:]}
    if set(names) != set(gold):
        raise BuildError("CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt disagree on codes")

    # The pre-merged reference table: used as a cross-check only.
    merged_rows = read_tsv(cameo / "cameo_eventcodes_merged.tsv")
    header = merged_rows[0]
    merged = {r[0]: dict(zip(header, r + [""] * (len(header) - len(r)))) for r in merged_rows[1:]}

    by_code, root_events = parse_cameo2plover(ref / "plover" / "CAMEO2PLOVER-2021.txt")
    modes, contexts = plover_vocab(ref / "plover")

    out: dict[str, CameoCode] = {}
    for code in sorted(names):
        if not re.fullmatch(r"\d{2,4}", code):
            raise BuildError(f"odd CAMEO code {code!r}")
        root = code[:2]
        name = NAME_FIXES.get(code, names[code]).strip()
        entry = by_code.get(code)
        if entry is not None:
            event, mode = entry.event, entry.mode
        else:
            # Root-level codes and codes without their own line take the root's
            # event when the table names exactly one (CAMEO 08 is split, 01/02 dropped).
            evs = root_events.get(root, set())
            event = next(iter(evs)) if len(evs) == 1 else ""
            mode = ""
            if len(evs) > 1 and code == root:
                warn(f"PLOVER event for root {root} is ambiguous {sorted(evs)}; left empty")
        if mode and mode not in modes and mode in contexts:
            warn(f"PLOVER mode {mode!r} for {code} is a context name, not a mode; dropped")
            mode = ""
        m = merged.get(code)
        if m is None:
            warn(f"{code} missing from cameo_eventcodes_merged.tsv")
        else:
            if m["plover_event"] and m["plover_event"] != event:
                warn(f"{code}: merged table says PLOVER {m['plover_event']!r}, ours {event!r}")
            if abs(float(m["goldstein_gdelt"]) - gold[code]) > 1e-9:
                raise BuildError(f"{code}: Goldstein mismatch with merged table")
        out[code] = CameoCode(code, root, name, fmt_num(gold[code]), quad_class(root), event, mode)
    roots = {c.root for c in out.values()}
    if roots != {f"{i:02d}" for i in range(1, 21)}:
        raise BuildError(f"CAMEO roots incomplete: {sorted(roots)}")
    return out


def write_cameo_codes(codes: dict[str, CameoCode]) -> int:
    """Write cameo_codes.tsv."""
    rows = [
        (c.code, c.root, c.name, c.goldstein, c.quad, c.plover, c.plover_mode)
        for c in sorted(codes.values(), key=lambda c: c.code)
    ]
    return write_tsv(
        "cameo_codes.tsv",
        ["code", "root", "name", "goldstein", "quad_class", "plover", "plover_mode"],
        rows,
        [
            "CAMEO event codes. Generated by scripts/build_resources.py; do not edit by hand.",
            f"name, goldstein: {SRC_GDELT}.",
            f"plover, plover_mode: {SRC_PLOVER}; empty = no PLOVER equivalent or ambiguous.",
            "quad_class: 1 verbal coop (01-05), 2 material coop (06-08), 3 verbal conflict (09-13), "
            "4 material conflict (14-20). Codes are strings: keep leading zeros.",
        ],
    )


# --------------------------------------------------------------------------
# 5. cameo_types.tsv
# --------------------------------------------------------------------------


def build_cameo_types(ref: Path) -> list[tuple[str, str]]:
    """Actor type (role/sector) codes from CAMEO.type.txt, first label wins on duplicates."""
    out: dict[str, str] = {}
    for row in read_tsv(ref / "cameo" / "CAMEO.type.txt")[1:]:
        code, label = row[0], row[1]
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise BuildError(f"odd type code {code!r}")
        if code in out:
            if out[code] != label:
                warn(f"CAMEO.type.txt: {code} listed twice with different labels")
            continue
        out[code] = label
    return sorted(out.items())


def write_cameo_types(types: list[tuple[str, str]]) -> int:
    """Write cameo_types.tsv."""
    return write_tsv(
        "cameo_types.tsv",
        ["code", "label"],
        types,
        [
            "CAMEO actor type (role / sector) codes. Generated by scripts/build_resources.py.",
            f"Source: {SRC_GDELT} CAMEO.type.txt (duplicate UIS row collapsed).",
        ],
    )


# --------------------------------------------------------------------------
# 2. countries.tsv
# --------------------------------------------------------------------------

# One line per CountryInfo entry, keyed by CAMEO country code:
#   code | display name | capital | lat | lon | UN M49 sub-region | adjectives+demonyms (;) | extra aliases (;)
# Capitals are checked against CountryInfo's <Capital> list unless listed in
# CAPITAL_OVERRIDES; coordinates (2 decimals, WGS84) and regions are Dragoman's
# own general-knowledge additions.
COUNTRY_TABLE = """
AFG|Afghanistan|Kabul|34.56|69.21|Southern Asia|Afghan;Afghans|Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan
ALB|Albania|Tirana|41.33|19.82|Southern Europe|Albanian;Albanians|
DZA|Algeria|Algiers|36.75|3.06|Northern Africa|Algerian;Algerians|
USAASM|American Samoa|Pago Pago|-14.28|-170.70|Polynesia|American Samoan;American Samoans|
AND|Andorra|Andorra la Vella|42.51|1.52|Southern Europe|Andorran;Andorrans|
AGO|Angola|Luanda|-8.84|13.29|Middle Africa|Angolan;Angolans|
AIA|Anguilla|The Valley|18.22|-63.06|Caribbean|Anguillan;Anguillans|
ATG|Antigua and Barbuda|Saint John's|17.13|-61.85|Caribbean|Antiguan;Antiguans;Barbudan;Barbudans|Antigua
ARG|Argentina|Buenos Aires|-34.60|-58.38|South America|Argentine;Argentines;Argentinian;Argentinians;Argentinean;Argentineans|
ARM|Armenia|Yerevan|40.19|44.52|Western Asia|Armenian;Armenians|
ABW|Aruba|Oranjestad|12.52|-70.03|Caribbean|Aruban;Arubans|
AUS|Australia|Canberra|-35.28|149.13|Australia and New Zealand|Australian;Australians|
AUT|Austria|Vienna|48.21|16.37|Western Europe|Austrian;Austrians|
AZE|Azerbaijan|Baku|40.41|49.87|Western Asia|Azerbaijani;Azerbaijanis;Azeri;Azeris|
BHS|Bahamas|Nassau|25.04|-77.35|Caribbean|Bahamian;Bahamians|The Bahamas
BHR|Bahrain|Manama|26.23|50.59|Western Asia|Bahraini;Bahrainis|
BGD|Bangladesh|Dhaka|23.81|90.41|Southern Asia|Bangladeshi;Bangladeshis|
BRB|Barbados|Bridgetown|13.10|-59.61|Caribbean|Barbadian;Barbadians;Bajan;Bajans|
BLR|Belarus|Minsk|53.90|27.56|Eastern Europe|Belarusian;Belarusians;Belarussian;Belarussians|Byelorussia;Belorussia
BEL|Belgium|Brussels|50.85|4.35|Western Europe|Belgian;Belgians|
BLZ|Belize|Belmopan|17.25|-88.76|Central America|Belizean;Belizeans|
BEN|Benin|Porto-Novo|6.50|2.63|Western Africa|Beninese|Dahomey
BMU|Bermuda|Hamilton|32.29|-64.78|Northern America|Bermudian;Bermudians|
BTN|Bhutan|Thimphu|27.47|89.64|Southern Asia|Bhutanese|
BOL|Bolivia|La Paz|-16.49|-68.12|South America|Bolivian;Bolivians|
BIH|Bosnia and Herzegovina|Sarajevo|43.86|18.41|Southern Europe|Bosnian;Bosnians;Herzegovinian;Herzegovinians|Bosnia;Bosnia-Herzegovina
BIHBHF|Federation of Bosnia and Herzegovina|Sarajevo|43.86|18.41|Southern Europe||Bosniak-Croat Federation
BIHSPR|Republika Srpska|Banja Luka|44.77|17.19|Southern Europe|Bosnian Serb;Bosnian Serbs|Bosnian Serb Republic
BWA|Botswana|Gaborone|-24.63|25.92|Southern Africa|Botswanan;Botswanans;Motswana;Batswana|
BRA|Brazil|Brasilia|-15.79|-47.88|South America|Brazilian;Brazilians|
GBRVGB|British Virgin Islands|Road Town|18.42|-64.64|Caribbean|British Virgin Islander;British Virgin Islanders|
BRN|Brunei|Bandar Seri Begawan|4.90|114.94|South-eastern Asia|Bruneian;Bruneians|Brunei Darussalam
BGR|Bulgaria|Sofia|42.70|23.32|Eastern Europe|Bulgarian;Bulgarians|
BFA|Burkina Faso|Ouagadougou|12.37|-1.52|Western Africa|Burkinabe|Upper Volta
BDI|Burundi|Gitega|-3.43|29.93|Eastern Africa|Burundian;Burundians|
KHM|Cambodia|Phnom Penh|11.56|104.93|South-eastern Asia|Cambodian;Cambodians|Kampuchea
CMR|Cameroon|Yaounde|3.85|11.50|Middle Africa|Cameroonian;Cameroonians|
CAN|Canada|Ottawa|45.42|-75.70|Northern America|Canadian;Canadians|
CPV|Cape Verde|Praia|14.93|-23.51|Western Africa|Cape Verdean;Cape Verdeans|Cabo Verde
CYM|Cayman Islands|George Town|19.29|-81.37|Caribbean|Caymanian;Caymanians|
CAF|Central African Republic|Bangui|4.39|18.56|Middle Africa|Central African;Central Africans|
TCD|Chad|N'Djamena|12.13|15.06|Middle Africa|Chadian;Chadians|
CHL|Chile|Santiago|-33.45|-70.67|South America|Chilean;Chileans|
CHN|China|Beijing|39.90|116.41|Eastern Asia|Chinese|People's Republic of China;PRC;P.R.C.;Mainland China
COL|Colombia|Bogota|4.71|-74.07|South America|Colombian;Colombians|
COM|Comoros|Moroni|-11.72|43.25|Eastern Africa|Comoran;Comorans;Comorian;Comorians|
COG|Republic of the Congo|Brazzaville|-4.26|15.24|Middle Africa||Congo-Brazzaville;Congo Brazzaville;Republic of Congo
COK|Cook Islands|Avarua|-21.21|-159.78|Polynesia|Cook Islander;Cook Islanders|
CRI|Costa Rica|San Jose|9.93|-84.09|Central America|Costa Rican;Costa Ricans|
CIV|Cote d'Ivoire|Abidjan|5.36|-4.01|Western Africa|Ivorian;Ivorians|Ivory Coast;Côte d'Ivoire
HRV|Croatia|Zagreb|45.81|15.98|Southern Europe|Croatian;Croatians;Croat;Croats|
CUB|Cuba|Havana|23.11|-82.37|Caribbean|Cuban;Cubans|
CYP|Cyprus|Nicosia|35.19|33.38|Western Asia|Cypriot;Cypriots|
CZE|Czech Republic|Prague|50.08|14.44|Eastern Europe|Czech;Czechs|Czechia
COD|Democratic Republic of the Congo|Kinshasa|-4.44|15.27|Middle Africa|Congolese|DR Congo;DRC;Congo-Kinshasa;Democratic Republic of Congo;Zaire
DNK|Denmark|Copenhagen|55.68|12.57|Northern Europe|Danish;Dane;Danes|
DJI|Djibouti|Djibouti|11.57|43.15|Eastern Africa|Djiboutian;Djiboutians|
DMA|Dominica|Roseau|15.31|-61.38|Caribbean||
DOM|Dominican Republic|Santo Domingo|18.49|-69.93|Caribbean|Dominican;Dominicans|
ECU|Ecuador|Quito|-0.18|-78.47|South America|Ecuadorian;Ecuadorians;Ecuadorean;Ecuadoreans|
EGY|Egypt|Cairo|30.04|31.24|Northern Africa|Egyptian;Egyptians|
SLV|El Salvador|San Salvador|13.69|-89.22|Central America|Salvadoran;Salvadorans;Salvadorean;Salvadoreans|
GNQ|Equatorial Guinea|Malabo|3.75|8.74|Middle Africa|Equatorial Guinean;Equatorial Guineans;Equatoguinean;Equatoguineans|
ERI|Eritrea|Asmara|15.32|38.93|Eastern Africa|Eritrean;Eritreans|
EST|Estonia|Tallinn|59.44|24.75|Northern Europe|Estonian;Estonians|
ETH|Ethiopia|Addis Ababa|9.03|38.74|Eastern Africa|Ethiopian;Ethiopians|Abyssinia
DNKFRO|Faroe Islands|Torshavn|62.01|-6.79|Northern Europe|Faroese|Faeroe Islands;Faroes
GBRFLK|Falkland Islands|Stanley|-51.70|-57.85|South America|Falkland Islander;Falkland Islanders|Falklands;Malvinas
KNA|Saint Kitts and Nevis|Basseterre|17.30|-62.72|Caribbean|Kittitian;Kittitians;Nevisian;Nevisians|St. Kitts and Nevis;St Kitts and Nevis
FJI|Fiji|Suva|-18.14|178.44|Melanesia|Fijian;Fijians|
FIN|Finland|Helsinki|60.17|24.94|Northern Europe|Finnish;Finn;Finns|
FRA|France|Paris|48.86|2.35|Western Europe|French;Frenchman;Frenchmen;Frenchwoman;Frenchwomen|French Republic
FRAGUF|French Guiana|Cayenne|4.92|-52.31|South America|French Guianese|
FRAPYF|French Polynesia|Papeete|-17.54|-149.57|Polynesia|French Polynesian;French Polynesians|
GAB|Gabon|Libreville|0.42|9.47|Middle Africa|Gabonese|
GMB|Gambia|Banjul|13.45|-16.58|Western Africa|Gambian;Gambians|The Gambia
GEO|Georgia|Tbilisi|41.72|44.83|Western Asia|Georgian;Georgians|Republic of Georgia;Sakartvelo
DEU|Germany|Berlin|52.52|13.40|Western Europe|German;Germans|Federal Republic of Germany;Deutschland
GHA|Ghana|Accra|5.60|-0.19|Western Africa|Ghanaian;Ghanaians|
GBRGIB|Gibraltar|Gibraltar|36.14|-5.35|Southern Europe|Gibraltarian;Gibraltarians|
GBR|United Kingdom|London|51.51|-0.13|Northern Europe|British;Briton;Britons;Brit;Brits;Englishman;Englishmen;Englishwoman;Englishwomen;Scottish;Scot;Scots;Scotsman;Scotsmen;Scotswoman;Scotswomen;Welsh;Welshman;Welshmen;Welshwoman;Welshwomen;Northern Irish;Northern Irishman;Northern Irishmen;Northern Irishwoman;Northern Irishwomen|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland;England;Scotland;Wales;Northern Ireland
GRC|Greece|Athens|37.98|23.73|Southern Europe|Greek;Greeks;Hellenic|Hellenic Republic;Hellas
DNKGRL|Greenland|Nuuk|64.18|-51.69|Northern America|Greenlandic;Greenlander;Greenlanders|Kalaallit Nunaat
GRD|Grenada|St. George's|12.06|-61.75|Caribbean|Grenadian;Grenadians|
FRAGLP|Guadeloupe|Basse-Terre|16.00|-61.73|Caribbean|Guadeloupean;Guadeloupeans|
USAGUM|Guam|Hagatna|13.48|144.75|Micronesia|Guamanian;Guamanians|
GTM|Guatemala|Guatemala City|14.63|-90.51|Central America|Guatemalan;Guatemalans|
GGY|Guernsey|Saint Peter Port|49.46|-2.54|Northern Europe||
GIN|Guinea|Conakry|9.64|-13.58|Western Africa|Guinean;Guineans|Guinea-Conakry
GNB|Guinea-Bissau|Bissau|11.88|-15.62|Western Africa|Bissau-Guinean;Bissau-Guineans|Guinea Bissau
GUY|Guyana|Georgetown|6.80|-58.16|South America|Guyanese|
HTI|Haiti|Port-au-Prince|18.59|-72.31|Caribbean|Haitian;Haitians|
HND|Honduras|Tegucigalpa|14.07|-87.19|Central America|Honduran;Hondurans|
HKG|Hong Kong||||Eastern Asia|Hong Konger;Hong Kongers|Hong Kong SAR;HKSAR
HUN|Hungary|Budapest|47.50|19.04|Eastern Europe|Hungarian;Hungarians|
ISL|Iceland|Reykjavik|64.15|-21.94|Northern Europe|Icelandic;Icelander;Icelanders|
IND|India|New Delhi|28.61|77.21|Southern Asia|Indian;Indians|Bharat;Republic of India
IDN|Indonesia|Jakarta|-6.21|106.85|South-eastern Asia|Indonesian;Indonesians|
IRN|Iran|Tehran|35.69|51.39|Southern Asia|Iranian;Iranians;Persian;Persians|Islamic Republic of Iran;Persia
IRQ|Iraq|Baghdad|33.32|44.37|Western Asia|Iraqi;Iraqis|Republic of Iraq
IRL|Ireland|Dublin|53.35|-6.26|Northern Europe|Irish;Irishman;Irishmen;Irishwoman;Irishwomen|Republic of Ireland;Eire
GBRIMY|Isle of Man|Douglas|54.15|-4.49|Northern Europe|Manx|
ISR|Israel|Jerusalem|31.77|35.21|Western Asia|Israeli;Israelis|State of Israel
ITA|Italy|Rome|41.90|12.50|Southern Europe|Italian;Italians|Italia
JAM|Jamaica|Kingston|18.02|-76.81|Caribbean|Jamaican;Jamaicans|
JPN|Japan|Tokyo|35.68|139.69|Eastern Asia|Japanese|Nippon
GBRJEY|Jersey|Saint Helier|49.19|-2.11|Northern Europe||
JOR|Jordan|Amman|31.95|35.93|Western Asia|Jordanian;Jordanians|Hashemite Kingdom of Jordan;Kingdom of Jordan
KAZ|Kazakhstan|Astana|51.17|71.45|Central Asia|Kazakh;Kazakhs;Kazakhstani;Kazakhstanis|
KEN|Kenya|Nairobi|-1.29|36.82|Eastern Africa|Kenyan;Kenyans|
KIR|Kiribati|Tarawa|1.33|172.98|Micronesia|I-Kiribati|
KSV|Kosovo|Pristina|42.66|21.17|Southern Europe|Kosovar;Kosovars;Kosovan;Kosovans|Kosova
KGZ|Kyrgyzstan|Bishkek|42.87|74.57|Central Asia|Kyrgyz;Kirghiz|Kyrgyz Republic;Kirghizia
KWT|Kuwait|Kuwait City|29.38|47.98|Western Asia|Kuwaiti;Kuwaitis|
LAO|Laos|Vientiane|17.98|102.63|South-eastern Asia|Laotian;Laotians;Lao|Lao PDR;Lao People's Democratic Republic
LVA|Latvia|Riga|56.95|24.11|Northern Europe|Latvian;Latvians|
LBN|Lebanon|Beirut|33.89|35.50|Western Asia|Lebanese|
LSO|Lesotho|Maseru|-29.31|27.48|Southern Africa|Basotho;Mosotho|
LBR|Liberia|Monrovia|6.32|-10.81|Western Africa|Liberian;Liberians|
LBY|Libya|Tripoli|32.89|13.19|Northern Africa|Libyan;Libyans|
LIE|Liechtenstein|Vaduz|47.14|9.52|Western Europe|Liechtensteiner;Liechtensteiners|
LTU|Lithuania|Vilnius|54.69|25.28|Northern Europe|Lithuanian;Lithuanians|
LUX|Luxembourg|Luxembourg|49.61|6.13|Western Europe|Luxembourger;Luxembourgers;Luxembourgish|
MKD|North Macedonia|Skopje|42.00|21.43|Southern Europe|Macedonian;Macedonians|Macedonia;FYROM;Former Yugoslav Republic of Macedonia;Republic of North Macedonia
MDG|Madagascar|Antananarivo|-18.88|47.51|Eastern Africa|Malagasy|
MWI|Malawi|Lilongwe|-13.96|33.77|Eastern Africa|Malawian;Malawians|
MYS|Malaysia|Kuala Lumpur|3.14|101.69|South-eastern Asia|Malaysian;Malaysians|
MDV|Maldives|Male|4.18|73.51|Southern Asia|Maldivian;Maldivians|
MLI|Mali|Bamako|12.64|-8.00|Western Africa|Malian;Malians|
MLT|Malta|Valletta|35.90|14.51|Southern Europe|Maltese|
MHL|Marshall Islands|Majuro|7.09|171.38|Micronesia|Marshallese|
FRAMTQ|Martinique|Fort-de-France|14.62|-61.06|Caribbean|Martinican;Martinicans|
MRT|Mauritania|Nouakchott|18.07|-15.96|Western Africa|Mauritanian;Mauritanians|
MUS|Mauritius|Port Louis|-20.16|57.50|Eastern Africa|Mauritian;Mauritians|
FRAMYT|Mayotte|Mamoudzou|-12.78|45.23|Eastern Africa|Mahoran;Mahorans|
MEX|Mexico|Mexico City|19.43|-99.13|Central America|Mexican;Mexicans|United Mexican States
FSM|Micronesia|Palikir|6.92|158.16|Micronesia|Micronesian;Micronesians|Federated States of Micronesia
MDA|Moldova|Chisinau|47.01|28.86|Eastern Europe|Moldovan;Moldovans|Moldavia
MCO|Monaco|Monaco|43.74|7.42|Western Europe|Monegasque;Monegasques|
MNG|Mongolia|Ulaanbaatar|47.89|106.91|Eastern Asia|Mongolian;Mongolians|
GBRMSR|Montserrat|Brades|16.79|-62.21|Caribbean|Montserratian;Montserratians|
MNE|Montenegro|Podgorica|42.43|19.26|Southern Europe|Montenegrin;Montenegrins|
MAR|Morocco|Rabat|34.02|-6.84|Northern Africa|Moroccan;Moroccans|
MOZ|Mozambique|Maputo|-25.97|32.57|Eastern Africa|Mozambican;Mozambicans|
MMR|Myanmar|Naypyidaw|19.76|96.08|South-eastern Asia|Burmese|Burma
NAM|Namibia|Windhoek|-22.56|17.07|Southern Africa|Namibian;Namibians|
NRU|Nauru|Yaren|-0.55|166.92|Micronesia|Nauruan;Nauruans|
NPL|Nepal|Kathmandu|27.72|85.32|Southern Asia|Nepalese;Nepali;Nepalis|
NLD|Netherlands|Amsterdam|52.37|4.90|Western Europe|Dutch;Dutchman;Dutchmen;Dutchwoman;Dutchwomen|Holland;The Netherlands
NLDANT|Netherlands Antilles|Willemstad|12.11|-68.93|Caribbean|Netherlands Antillean;Netherlands Antilleans|Dutch Antilles
FRANCL|New Caledonia|Noumea|-22.28|166.46|Melanesia|New Caledonian;New Caledonians|Kanaky
NZL|New Zealand|Wellington|-41.29|174.78|Australia and New Zealand|New Zealander;New Zealanders|Aotearoa;N.Z.
NIC|Nicaragua|Managua|12.11|-86.24|Central America|Nicaraguan;Nicaraguans|
NER|Niger|Niamey|13.51|2.13|Western Africa|Nigerien;Nigeriens|
NGA|Nigeria|Abuja|9.08|7.40|Western Africa|Nigerian;Nigerians|
NZLNIU|Niue|Alofi|-19.06|-169.92|Polynesia|Niuean;Niueans|
AUSNFK|Norfolk Island|Kingston|-29.06|167.96|Australia and New Zealand|Norfolk Islander;Norfolk Islanders|
PRK|North Korea|Pyongyang|39.04|125.76|Eastern Asia|North Korean;North Koreans|DPRK;D.P.R.K.;Democratic People's Republic of Korea;N. Korea
NOR|Norway|Oslo|59.91|10.75|Northern Europe|Norwegian;Norwegians|
OMN|Oman|Muscat|23.59|58.38|Western Asia|Omani;Omanis|
PAK|Pakistan|Islamabad|33.68|73.05|Southern Asia|Pakistani;Pakistanis|
PLW|Palau|Ngerulmud|7.50|134.62|Micronesia|Palauan;Palauans|
PSE|Palestine||||Western Asia|Palestinian;Palestinians|State of Palestine;Palestinian Territories;Occupied Palestinian Territories;Palestinian territories;West Bank;Gaza;Gaza Strip
PAN|Panama|Panama City|8.98|-79.52|Central America|Panamanian;Panamanians|
PNG|Papua New Guinea|Port Moresby|-9.44|147.18|Melanesia|Papua New Guinean;Papua New Guineans|PNG
PRY|Paraguay|Asuncion|-25.26|-57.58|South America|Paraguayan;Paraguayans|
PER|Peru|Lima|-12.05|-77.04|South America|Peruvian;Peruvians|
PHL|Philippines|Manila|14.60|120.98|South-eastern Asia|Filipino;Filipinos;Filipina;Filipinas;Philippine|The Philippines
GBRPCN|Pitcairn Islands|Adamstown|-25.07|-130.10|Polynesia|Pitcairn Islander;Pitcairn Islanders|Pitcairn
POL|Poland|Warsaw|52.23|21.01|Eastern Europe|Polish;Pole;Poles|
PRT|Portugal|Lisbon|38.72|-9.14|Southern Europe|Portuguese|
USAPRI|Puerto Rico|San Juan|18.47|-66.11|Caribbean|Puerto Rican;Puerto Ricans|
QAT|Qatar|Doha|25.29|51.53|Western Asia|Qatari;Qataris|
ZAF|South Africa|Pretoria|-25.75|28.23|Southern Africa|South African;South Africans|Republic of South Africa
ROU|Romania|Bucharest|44.43|26.10|Eastern Europe|Romanian;Romanians|Rumania
RUS|Russia|Moscow|55.76|37.62|Eastern Europe|Russian;Russians|Russian Federation
RWA|Rwanda|Kigali|-1.94|30.06|Eastern Africa|Rwandan;Rwandans|
FRABLM|Saint Barthelemy|Gustavia|17.90|-62.85|Caribbean||St. Barthelemy;St. Barts;St Barts
GBRSHN|Saint Helena|Jamestown|-15.92|-5.72|Western Africa|Saint Helenian;Saint Helenians|St. Helena
LCA|Saint Lucia|Castries|14.01|-60.99|Caribbean|Saint Lucian;Saint Lucians|St. Lucia
VCT|Saint Vincent and the Grenadines|Kingstown|13.16|-61.22|Caribbean|Vincentian;Vincentians|St. Vincent and the Grenadines;St. Vincent
WSM|Samoa|Apia|-13.83|-171.77|Polynesia|Samoan;Samoans|Western Samoa
SMR|San Marino|San Marino|43.94|12.46|Southern Europe|Sammarinese|
STP|Sao Tome and Principe|Sao Tome|0.34|6.73|Middle Africa|Sao Tomean;Sao Tomeans|
SAU|Saudi Arabia|Riyadh|24.71|46.68|Western Asia|Saudi;Saudis;Saudi Arabian;Saudi Arabians|Kingdom of Saudi Arabia
SEN|Senegal|Dakar|14.72|-17.47|Western Africa|Senegalese|
SRB|Serbia|Belgrade|44.79|20.45|Southern Europe|Serbian;Serbians;Serb;Serbs|Republic of Serbia;Serbia and Montenegro
SYC|Seychelles|Victoria|-4.62|55.45|Eastern Africa|Seychellois|
SLE|Sierra Leone|Freetown|8.47|-13.23|Western Africa|Sierra Leonean;Sierra Leoneans|
SGP|Singapore|Singapore|1.29|103.85|South-eastern Asia|Singaporean;Singaporeans|
SVK|Slovakia|Bratislava|48.15|17.11|Eastern Europe|Slovak;Slovaks;Slovakian;Slovakians|Slovak Republic
SVN|Slovenia|Ljubljana|46.06|14.51|Southern Europe|Slovenian;Slovenians;Slovene;Slovenes|
SLB|Solomon Islands|Honiara|-9.43|159.95|Melanesia|Solomon Islander;Solomon Islanders|
SOM|Somalia|Mogadishu|2.05|45.32|Eastern Africa|Somali;Somalis;Somalian;Somalians|
KOR|South Korea|Seoul|37.57|126.98|Eastern Asia|South Korean;South Koreans|Republic of Korea;ROK;R.O.K.;S. Korea
SSD|South Sudan|Juba|4.86|31.57|Eastern Africa|South Sudanese|Republic of South Sudan
ESP|Spain|Madrid|40.42|-3.70|Southern Europe|Spanish;Spaniard;Spaniards|Kingdom of Spain
LKA|Sri Lanka|Colombo|6.93|79.86|Southern Asia|Sri Lankan;Sri Lankans|Ceylon
SDN|Sudan|Khartoum|15.50|32.56|Northern Africa|Sudanese|Republic of the Sudan
SUR|Suriname|Paramaribo|5.85|-55.20|South America|Surinamese;Surinamer;Surinamers|Surinam
SWZ|Eswatini|Mbabane|-26.31|31.14|Southern Africa|Swazi;Swazis|Swaziland
SWE|Sweden|Stockholm|59.33|18.07|Northern Europe|Swedish;Swede;Swedes|
CHE|Switzerland|Bern|46.95|7.45|Western Europe|Swiss|Swiss Confederation
SYR|Syria|Damascus|33.51|36.28|Western Asia|Syrian;Syrians|Syrian Arab Republic
TWN|Taiwan|Taipei|25.03|121.57|Eastern Asia|Taiwanese|Republic of China;Formosa
TJK|Tajikistan|Dushanbe|38.56|68.79|Central Asia|Tajik;Tajiks;Tajikistani;Tajikistanis|
THA|Thailand|Bangkok|13.76|100.50|South-eastern Asia|Thai;Thais|Siam
CHNTIB|Tibet|Lhasa|29.65|91.17|Eastern Asia|Tibetan;Tibetans|Tibet Autonomous Region;Xizang
TMP|Timor-Leste|Dili|-8.56|125.56|South-eastern Asia|Timorese|East Timor;Timor Leste
TGO|Togo|Lome|6.14|1.21|Western Africa|Togolese|
NZLTKL|Tokelau||||Polynesia|Tokelauan;Tokelauans|
TON|Tonga|Nuku'alofa|-21.14|-175.20|Polynesia|Tongan;Tongans|
TTO|Trinidad and Tobago|Port of Spain|10.66|-61.51|Caribbean|Trinidadian;Trinidadians;Tobagonian;Tobagonians|Trinidad
TUN|Tunisia|Tunis|36.81|10.18|Northern Africa|Tunisian;Tunisians|
TUR|Turkey|Ankara|39.93|32.86|Western Asia|Turkish;Turk;Turks|Turkiye;Türkiye
TKM|Turkmenistan|Ashgabat|37.96|58.33|Central Asia|Turkmen;Turkmens|Turkmenia
TUV|Tuvalu|Funafuti|-8.52|179.20|Polynesia|Tuvaluan;Tuvaluans|
UGA|Uganda|Kampala|0.35|32.58|Eastern Africa|Ugandan;Ugandans|
UKR|Ukraine|Kyiv|50.45|30.52|Eastern Europe|Ukrainian;Ukrainians|The Ukraine
ARE|United Arab Emirates|Abu Dhabi|24.45|54.38|Western Asia|Emirati;Emiratis|UAE;U.A.E.
URY|Uruguay|Montevideo|-34.90|-56.16|South America|Uruguayan;Uruguayans|
USA|United States|Washington, D.C.|38.91|-77.04|Northern America|American;Americans|United States of America;U.S.;US;USA;U.S.A.;America
TZA|Tanzania|Dodoma|-6.16|35.75|Eastern Africa|Tanzanian;Tanzanians|United Republic of Tanzania
USAVIR|United States Virgin Islands|Charlotte Amalie|18.34|-64.93|Caribbean||U.S. Virgin Islands;US Virgin Islands;USVI
UZB|Uzbekistan|Tashkent|41.30|69.24|Central Asia|Uzbek;Uzbeks;Uzbekistani;Uzbekistanis|
VUT|Vanuatu|Port Vila|-17.73|168.32|Melanesia|Ni-Vanuatu|New Hebrides
VEN|Venezuela|Caracas|10.48|-66.90|South America|Venezuelan;Venezuelans|
VNM|Vietnam|Hanoi|21.03|105.85|South-eastern Asia|Vietnamese|Viet Nam
FRNWLF|Wallis and Futuna|Mata-Utu|-13.28|-176.17|Polynesia||Wallis and Futuna Islands
ESH|Western Sahara||||Northern Africa|Sahrawi;Sahrawis;Saharawi;Saharawis|
YEM|Yemen|Sanaa|15.37|44.19|Western Asia|Yemeni;Yemenis|
ZMB|Zambia|Lusaka|-15.39|28.32|Eastern Africa|Zambian;Zambians|
ZWE|Zimbabwe|Harare|-17.83|31.03|Eastern Africa|Zimbabwean;Zimbabweans|
IOT|British Indian Ocean Territory||||Eastern Africa||Chagos Islands;Chagos Archipelago
CXR|Christmas Island|Flying Fish Cove|-10.42|105.68|Australia and New Zealand||
CCK|Cocos (Keeling) Islands|West Island|-12.16|96.82|Australia and New Zealand||Cocos Islands;Keeling Islands
"""

# Capitals that deliberately differ from (or are missing in) CountryInfo.120116:
# the seat of government moved, the file is wrong, or it lists none.
CAPITAL_OVERRIDES = {
    "MMR": "seat of government moved from Yangon (Rangoon) to Naypyidaw in 2005-06",
    "TZA": "government moved from Dar es Salaam to Dodoma (official capital since 1996)",
    "BDI": "Gitega became the political capital in 2019 (Bujumbura in source)",
    "DNKGRL": "source lists Thule; capital is Nuuk",
    "MNE": "source lists Belgrade first (Serbia-and-Montenegro era); capital is Podgorica",
    "PLW": "source lists Melekeok (the state); capital is Ngerulmud within it",
    "TUV": "source lists Vaiaku, the administrative centre on Funafuti atoll",
    "MCO": "source lists Monaco-Ville",
    "NRU": "source lists Yaren District",
}

# CountryInfo <Nationality> variants not used as aliases: offensive or joke
# names, historical regions, misspellings the automatic filter misses, and
# "Congo" (ambiguous between COG and COD in current news).
ALIAS_DROP = {
    "Congo", "Administrative Divisions of the Republic of the Congo", "Big Congo", "Little Congo",
    "South Congo", "North Congo", "Independent Congo Republic", "Congo Brazza",
    "Soviet Occupied Afghanistan", "Soviet Korea", "Communist Korea", "Red Korea",
    "British South Africa", "Zuid Africa", "Morocco Occupied Western Sahara", "Bahraynal Bahrain",
    "Ua Emirates", "Tcheque Republic", "Chez Republic", "Windward Coast", "Georgia Proper",
    "Georgia Country", "Western Georgia", "Kingdom of the Jordan", "States of America",
    "Former Republic of Yugoslavia", "Sir Lanka", "Porta Rico", "Porter Rico", "Portar Rico",
    "Saint Barthelemans", "St Christoper and Nevis", "Korea North", "Korea South", "Eastern Samoa", "East Samoa",
}

# CountryInfo blocks that are dropped (no usable CAMEO or ISO code).
COUNTRY_SKIP = {"TURKISH_REPUBLIC_OF_NORTH_CYPRUS"}

# CountryInfo entries whose <CountryCode> is missing or reused by another
# entry: Dragoman's own code (3-letter ISO for those lacking a CAMEO code,
# parent+ISO for dependencies that Phoenix folds into the parent).
COUNTRY_CODE_FIXES = {
    "BRITISH_INDIAN_OCEAN_TERRITORY": "IOT",
    "CHRISTMAS_ISLAND": "CXR",
    "COCOS_ISLANDS": "CCK",
    "JERSEY": "GBRJEY",
    "MAYOTTE": "FRAMYT",
    "SAINT_BARTHELEMY": "FRABLM",
}

# Wrong ISO 3166 alpha-3 values in CountryInfo.120116.
ISO3_FIXES = {"ISR": "ISR", "JPN": "JPN", "GTM": "GTM", "GIN": "GIN", "MMR": "MMR", "SRB": "SRB"}


@dataclass
class CountryInfoBlock:
    """Fields of one <Country> block of CountryInfo."""

    raw_name: str
    code: str
    iso3: str
    capitals: list[str]
    nationality: list[str]


def _lines(block: str, tag: str) -> list[str]:
    """Items of a multi-line CountryInfo field, comments stripped."""
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    if not m:
        return []
    out = []
    for line in m.group(1).splitlines():
        item = line.split("#", 1)[0].strip()
        if item:
            out.append(item)
    return out


def _field(block: str, tag: str) -> str:
    """A single-line CountryInfo field ('' if absent)."""
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return m.group(1).strip() if m else ""


def parse_countryinfo(path: Path) -> list[CountryInfoBlock]:
    """Parse the almost-XML CountryInfo file into blocks."""
    text = re.sub(r"<!--.*?-->", "", read_text(path), flags=re.S)
    blocks = []
    for body in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        raw_name = _field(body, "CountryName")
        code_field = _field(body, "CountryCode")
        if code_field.startswith("["):
            # Date-ranged codes "[YUGBIH <20911024][BIH >20030101]": the current one is last.
            codes = re.findall(r"\[([A-Z]{3,6})\b[^\]]*\]", code_field)
            code = codes[-1] if codes else ""
        else:
            code = code_field
        code = COUNTRY_CODE_FIXES.get(raw_name, code)
        iso3 = _field(body, "ISO3166-alpha3")
        iso3 = ISO3_FIXES.get(code, iso3 if re.fullmatch(r"[A-Z]{3}", iso3) else "")
        blocks.append(
            CountryInfoBlock(
                raw_name=raw_name.strip("_"),
                code=code,
                iso3=iso3,
                capitals=[c.strip("_").replace("_", " ") for c in _lines(body, "Capital")],
                nationality=_lines(body, "Nationality"),
            )
        )
    return blocks


SMALL_WORDS = {"of", "and", "the", "de", "da", "du", "la", "le", "des", "et", "y", "e", "i"}
UPPER_TOKENS = {"UK", "US", "USA", "UAE", "DR", "RD", "DPR", "PDR", "ROK", "PRC", "SAR", "EU"}


def _cap(word: str) -> str:
    """Capitalise one word, keeping elisions like d'Ivoire and Lorosa'e sensible."""
    m = re.fullmatch(r"([A-Z])'([A-Z].*)", word)
    if m:
        return m.group(1).lower() + "'" + m.group(2)[:1] + m.group(2)[1:].lower()
    return word[:1].upper() + word[1:].lower()


def title_name(raw: str) -> str:
    """'UNITED_STATES_OF_AMERICA' -> 'United States of America'."""
    words = raw.replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        if w in UPPER_TOKENS or re.fullmatch(r"(?:[A-Z]\.)+", w):
            out.append(w)
        elif i > 0 and w.lower() in SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append("-".join("/".join(_cap(q) for q in p.split("/")) for p in w.split("-")))
    return " ".join(out)


def auto_country_aliases(block: CountryInfoBlock, known: list[str]) -> list[str]:
    """Multi-word CountryInfo <Nationality> variants that contain a word of a known name.

    Single-word entries (mostly misspellings and foreign-language names) and
    entries with a misspelled name word are skipped; the curated aliases in
    COUNTRY_TABLE cover the useful single-word forms.
    """
    name_tokens = {t for k in known for t in re.findall(r"[A-Z']+", k.upper()) if len(t) >= 4}
    out = []
    for item in block.nationality:
        item = item.strip().rstrip("_").strip()
        if re.search(r"[^A-Z_.'\-]", item) or item.startswith("THE_"):
            continue
        tokens = [t for t in item.split("_") if t]
        if len(tokens) < 2:
            continue
        # Abbreviations must look like "N." / "U.S." / "Rep."; bare single letters are noise.
        if any(
            ("." in t and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]{2,}\.", t)) or re.fullmatch(r"[A-Z]", t)
            for t in tokens
        ):
            continue
        if not any(t in name_tokens for t in tokens):
            continue
        # A near-miss of a name word means a typo ("NORTH_KROEA").
        if any(
            t not in name_tokens and len(t) >= 4 and any(0 < edit_distance(t, n) <= 2 for n in name_tokens)
            for t in tokens
        ):
            continue
        out.append(title_name("_".join(tokens)))
    return out


@dataclass
class CountryRow:
    """One output row of countries.tsv."""

    code: str
    name: str
    aliases: list[str]
    adjectives: list[str]
    capital: str
    lat: str
    lon: str
    region: str
    iso3: str


def _capital_matches(capital: str, source: list[str]) -> bool:
    """True if ``capital`` is one of CountryInfo's capital names (loosely compared)."""
    def key(s: str) -> str:
        """Comparison key: folded, with 'Saint' written 'St'."""
        return fold(re.sub(r"\bsaint\b", "st", s.lower()))

    return any(key(capital) == key(s) for s in source)


def build_countries(ref: Path) -> list[CountryRow]:
    """Join CountryInfo with the curated COUNTRY_TABLE and run consistency checks."""
    blocks = {b.code: b for b in parse_countryinfo(ref / "cameo" / "CountryInfo.120116.txt")
              if b.raw_name not in COUNTRY_SKIP}
    if len(blocks) < 230:
        raise BuildError(f"CountryInfo parse looks wrong: {len(blocks)} blocks")
    table: dict[str, list[str]] = {}
    for line in COUNTRY_TABLE.strip().splitlines():
        cells = line.split("|")
        if len(cells) != 8:
            raise BuildError(f"COUNTRY_TABLE line has {len(cells)} cells: {line}")
        if cells[0] in table:
            raise BuildError(f"COUNTRY_TABLE duplicate {cells[0]}")
        table[cells[0]] = cells
    if set(table) != set(blocks):
        raise BuildError(
            f"COUNTRY_TABLE vs CountryInfo: missing {sorted(set(blocks) - set(table))}, "
            f"extra {sorted(set(table) - set(blocks))}"
        )
    rows = []
    for code in sorted(blocks):
        b = blocks[code]
        _, name, capital, lat, lon, region, adjs, extra = table[code]
        if capital and b.capitals and code not in CAPITAL_OVERRIDES and not _capital_matches(capital, b.capitals):
            raise BuildError(f"{code}: capital {capital!r} not in CountryInfo {b.capitals}")
        if (lat == "") != (lon == "") or (lat and not capital):
            raise BuildError(f"{code}: incomplete coordinates")
        if lat and not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
            raise BuildError(f"{code}: coordinates out of range")
        adjectives = [a for a in adjs.split(";") if a]
        source_name = title_name(b.raw_name)
        known = [name, source_name] + [x for x in extra.split(";") if x]
        curated = [x for x in extra.split(";") if x]
        # Curated aliases are kept verbatim (U.S. and US are both wanted); source-derived
        # ones are dropped when listed as noise, when they fold to a form already kept, or
        # when they are a misspelled demonym.
        seen = {fold(x) for x in [name, *adjectives, *curated]}
        kept = list(curated)
        for a in [source_name, *auto_country_aliases(b, known)]:
            k = fold(a)
            if a in ALIAS_DROP or k in seen or any(edit_distance(k, fold(x)) <= 2 for x in adjectives):
                continue
            seen.add(k)
            kept.append(a)
        aliases = [a for a in kept if a != name and a not in adjectives]
        # Every curated adjective should be attested in CountryInfo's nationality list or be
        # a regular plural / demonym form of one that is.
        nat = {fold(n) for n in b.nationality}
        if adjectives and not any(fold(a) in nat for a in adjectives):
            warn(f"{code}: none of the curated adjectives {adjectives[:3]} appear in CountryInfo")
        rows.append(CountryRow(code, name, aliases, adjectives, capital, lat, lon, region, b.iso3))
    # Every surface form must point at exactly one country.
    owner: dict[str, str] = {}
    for r in rows:
        for form in [r.name, *r.aliases, *r.adjectives]:
            if form in owner and owner[form] != r.code:
                raise BuildError(f"country form {form!r} used by {owner[form]} and {r.code}")
            owner[form] = r.code
    return rows


def write_countries(rows: list[CountryRow]) -> int:
    """Write countries.tsv."""
    return write_tsv(
        "countries.tsv",
        ["code", "name", "aliases", "adjectives", "capital", "capital_lat", "capital_lon", "region", "iso3"],
        [
            (r.code, r.name, join(r.aliases), join(r.adjectives), r.capital, r.lat, r.lon, r.region, r.iso3)
            for r in rows
        ],
        [
            "Countries and territories, one row per CountryInfo entry. Generated by scripts/build_resources.py.",
            f"code (CAMEO country code; 6 letters = dependency), multi-word aliases: {SRC_COUNTRYINFO}.",
            "name, curated aliases, adjectives, capital coordinates, region (UN M49 sub-region): Dragoman's own.",
            "Lists are '|'-separated. Match case-sensitively (Chad, Jordan, Guinea, Turkey, US are also words).",
        ],
    )


# --------------------------------------------------------------------------
# 3. organizations.tsv
# --------------------------------------------------------------------------

# known_group | code | name | aliases (;) | kind
# known_group: 3-letter code from CAMEO.knowngroup.txt ('' = not a GDELT known group).
# code: '' = derive from the Phoenix actor dictionaries (the most frequent code
# ending in the known-group code); otherwise an explicit CAMEO actor code, taken
# from the Phoenix dictionaries where they list the group, else built from the
# CAMEO conventions: IGO/NGO + group, COUNTRY+REB(+group) for armed groups,
# COUNTRY+PTY+group for parties (MEA = Middle East for transnational ones).
ORG_TABLE = """
AAM|PSEREBAAM|Al-Aqsa Martyrs' Brigades|Al-Aqsa Martyrs Brigades;Al-Aqsa Martyrs Brigade;Al Aqsa Martyrs Brigade;Al Aqsa Martyrs Brigades|militant
ABD||Arab Bank for Economic Development in Africa|BADEA|igo
ACC||Arab Cooperation Council||igo
ADB||Asian Development Bank||igo
AEU||Council of Arab Economic Unity|Arab Economic Unity Council|igo
AFB||African Development Bank|AfDB|igo
ALQ||Al-Qaeda|Al Qaeda;al-Qaeda;al Qaeda;Al-Qaida;al-Qaida;Al Qaida;al-Qa'ida|militant
AMF||Arab Monetary Fund|Arab Monetary Fund for Economic and Social Development|igo
AML|LBNREBAML|Amal Movement|Amal militia;Amal Militia|militant
AMN||Amnesty International|Amnesty|ngo
AMU||Arab Maghreb Union||igo
ANO|PSEREBANO|Abu Nidal Organization|Abu Nidal Organisation;Fatah Revolutionary Council|militant
APE||Organization of Arab Petroleum Exporting Countries|OAPEC;Organisation of Arab Petroleum Exporting Countries|igo
ARL||Arab League|League of Arab States|igo
ASL|LBNREBASL|South Lebanon Army||militant
ASN||Association of Southeast Asian Nations|ASEAN;Association of South East Asian Nations|igo
ATD||Eastern and Southern African Trade and Development Bank|PTA Bank|igo
BCA||Bank of Central African States|BEAC|igo
BIS||Bank for International Settlements||igo
BTH|MEAPTYBTH|Baath Party|Ba'ath Party;Baath;Ba'ath;Arab Socialist Ba'ath Party|party
CEM|IGOEAFCEM|Common Market for Eastern and Southern Africa|COMESA|igo
CEM||Economic and Monetary Community of Central Africa|CEMAC;Monetary and Economic Community of Central Africa|igo
CFA|IGOCFA|Financial Community of Africa|CFA Franc Zone;Franc Zone|igo
CIS||Commonwealth of Independent States||igo
COE||Council of Europe||igo
CPA||Cocoa Producers' Alliance|Cocoa Producers Alliance|igo
CPC||Association of Coffee Producing Countries||igo
CRC|NGOCRC|International Federation of Red Cross and Red Crescent Societies|IFRC;International Federation of the Red Cross;International Federation of Red Cross and Red Crescent|ngo
CSS||Community of Sahel-Saharan States|CEN-SAD;CENSAD|igo
CWN||Commonwealth of Nations|Commonwealth Secretariat|igo
DFL|PSEREBDFL|Democratic Front for the Liberation of Palestine|DFLP|militant
EBR||European Bank for Reconstruction and Development|EBRD|igo
ECA||Economic Community of Central African States|ECCAS|igo
EEC||European Union|EU;E.U.;European Community;European Economic Community;EEC|igo
EEC|IGOEUREEC|European Commission|EU Commission;Commission of the European Communities|igo
EEC|IGOEUREEC|European Parliament|EU Parliament|igo
EEC|IGOEUREEC|Council of the European Union|Council of the EU;EU Council;Council of Ministers of the European Union|igo
EEC|IGOEUREEC|European Council||igo
EEC|IGOEUREEC|European Central Bank|ECB|igo
EFT||European Free Trade Association|EFTA|igo
ENN|TUNPTYENN|Ennahda Movement|Ennahda;Ennahda Party;Nahda|party
FAO||Food and Agriculture Organization|FAO;UN Food and Agriculture Organization;United Nations Food and Agriculture Organization|igo
FID||International Federation for Human Rights|FIDH;International Federation of Human Rights|ngo
FIS|DZAREBFIS|Islamic Salvation Army|Islamic Salvation Front;FIS|militant
FLN|DZAPTYFLN|National Liberation Front (Algeria)|FLN;Algerian National Liberation Front|party
FTA|PSEPTYFTA|Fatah|Al-Fatah;Fateh|party
GCC||Gulf Cooperation Council|GCC;Cooperation Council for the Arab States of the Gulf|igo
GIA|DZAREBGIA|Armed Islamic Group|GIA|militant
GOE||Group of Eight|G8;G-8|igo
GOS||Group of Seven|G7;G-7|igo
GSP|DZAREBGSP|Salafist Group for Preaching and Combat|GSPC;Salafist Group for Call and Combat|militant
GSS||Group of 77|G77;G-77;Group of Seventy-Seven|igo
HCH||Office of the UN High Commissioner for Human Rights|OHCHR;UN High Commissioner for Human Rights;U.N. High Commissioner for Human Rights;UN High Commission for Human Rights;UN human rights office;U.N. human rights office|igo
HCR||UN High Commissioner for Refugees|UNHCR;UN refugee agency;U.N. refugee agency;UN High Commission for Refugees;United Nations High Commissioner for Refugees|igo
HEZ|LBNREBHEZ|Hezbollah|Hizbollah;Hizbullah;Hizballah;Hezbullah;Hezballah|militant
HIP|IGOHIP|Heavily Indebted Poor Countries|HIPC;Highly Indebted Poor Countries|igo
HMS||Hamas|Islamic Resistance Movement;HAMAS|militant
HRW||Human Rights Watch|HRW|ngo
IAC||Inter-African Coffee Organization|IACO|igo
IAD||Intergovernmental Authority on Development|IGAD|igo
IAE||International Atomic Energy Agency|IAEA;UN nuclear watchdog;U.N. nuclear watchdog|igo
IAF|JORPTYIAF|Islamic Action Front||party
ICC||International Criminal Court|ICC|igo
ICG||International Crisis Group|Crisis Group|ngo
ICJ||International Court of Justice|ICJ;World Court|igo
ICO||International Cocoa Organization|ICCO|igo
IDB||Islamic Development Bank|IsDB|igo
IGC||International Grains Council||igo
IHF||International Helsinki Federation for Human Rights||ngo
ILO||International Labour Organization|ILO;International Labor Organization|igo
IMF||International Monetary Fund|IMF|igo
IOM|IGOIOM|International Organization for Migration|IOM|igo
IPU||Inter-Parliamentary Union|IPU|igo
IRC||International Committee of the Red Cross|Red Cross;ICRC|ngo
ISJ|PSEREBISJ|Palestinian Islamic Jihad|Islamic Jihad;PIJ|militant
ITP||Interpol|INTERPOL;International Criminal Police Organization|igo
JUR||International Commission of Jurists||ngo
KDP|IRQPTYKDP|Kurdistan Democratic Party|KDP;Kurdish Democratic Party|party
KID||United Nations Children's Fund|UNICEF;UN Children's Fund;U.N. Children's Fund|igo
LBA|ISRPTYLBA|Israeli Labor Party|Israeli Labour Party|party
LKD|ISRPTYLKD|Likud|Likud Party|party
MBR|MEAPTYMBR|Muslim Brotherhood|Muslim Brothers;Society of the Muslim Brothers|party
MRZ|ISRPTYMRZ|Meretz|Meretz Party|party
MSF||Doctors Without Borders|Medecins Sans Frontieres;Médecins Sans Frontières;MSF|ngo
MSP|DZAPTYMSP|Movement of Society for Peace|Movement of the Society for Peace|party
NAT||North Atlantic Treaty Organization|NATO;Nato;North Atlantic Treaty Organisation;North Atlantic Alliance|igo
NEP||New Partnership for Africa's Development|NEPAD|igo
NON||Non-Aligned Movement|Organization of Non-Aligned Countries|igo
OAS||Organization of American States|OAS;Organisation of American States|igo
OAU||Organization of African Unity|OAU|igo
OIC||Organisation of Islamic Cooperation|OIC;Organization of Islamic Cooperation;Organization of the Islamic Conference;Organisation of the Islamic Conference|igo
OPC||Organization of the Petroleum Exporting Countries|OPEC;Organization of Petroleum Exporting Countries|igo
PAP|IGOPAP|Pan-African Parliament||igo
PFL|PSEREBPFL|Popular Front for the Liberation of Palestine|PFLP|militant
PLF|PSEREBPLF|Palestine Liberation Front||militant
PLO|PSEREBPLO|Palestine Liberation Organization|PLO;Palestine Liberation Organisation|militant
PLS|ESHREBPLS|Polisario Front|Polisario;POLISARIO|militant
PMD|IRNREBPMD|People's Mujahedin of Iran|People's Mujahedeen;Mujahedin-e Khalq;MEK;MKO;PMOI|militant
PRC|IGOPRC|Paris Club||igo
RCR|NGORCR|Red Crescent|Red Crescent Society|ngo
RND|DZAPTYRND|Democratic National Rally|National Democratic Rally|party
SAA||South Asian Association for Regional Cooperation|SAARC|igo
SAD||Southern African Development Community|SADC|igo
SCE||Organization for Security and Co-operation in Europe|OSCE;Organization for Security and Cooperation in Europe;Organisation for Security and Co-operation in Europe|igo
SHA|ISRPTYSHA|Shas|Shas Party|party
SOT||Southeast Asia Treaty Organization|SEATO|igo
TAL|AFGREBTAL|Taliban|Taleban|militant
UEM|IGOUEM|West African Economic and Monetary Union|UEMOA;WAEMU|igo
UNO||United Nations|UN;U.N.;United Nations Organization|igo
UNO|IGOUNO|United Nations Security Council|Security Council;UN Security Council;U.N. Security Council;UNSC|igo
UNO|IGOUNO|United Nations General Assembly|UN General Assembly;U.N. General Assembly;UNGA|igo
UNO|IGOUNO|United Nations Human Rights Council|UN Human Rights Council;U.N. Human Rights Council;UNHRC|igo
UNO|IGOUNO|United Nations Relief and Works Agency|UNRWA;UN Relief and Works Agency|igo
UNO|IGOUNO|UN Office for the Coordination of Humanitarian Affairs|OCHA;UN humanitarian office|igo
UNO|IGOUNODEV|United Nations Development Programme|UNDP;UN Development Programme|igo
UNO|IGOUNODEV|United Nations Educational, Scientific and Cultural Organization|UNESCO|igo
UNO|IGOUNOENV|Intergovernmental Panel on Climate Change|IPCC|igo
UNO|IGOUNOAIE|International Energy Agency|IEA|igo
WAD||West African Development Bank|BOAD|igo
WAM||West Africa Monetary and Economic Union||igo
WAS||Economic Community of West African States|ECOWAS|igo
WBK||World Bank|World Bank Group;IBRD|igo
WCT||International War Crimes Tribunal|International Criminal Tribunal for the former Yugoslavia;ICTY;International Criminal Tribunal for Rwanda;ICTR|igo
WEF||World Economic Forum||ngo
WFP||World Food Programme|WFP;World Food Program;UN World Food Programme|igo
WHO||World Health Organization|WHO;World Health Organisation|igo
WTO||World Trade Organization|WTO;World Trade Organisation|igo
XFM||Oxfam|Oxfam International|ngo
|IGOAFRAFU|African Union|AU|igo
|IGO|Organisation for the Prohibition of Chemical Weapons|OPCW;Organization for the Prohibition of Chemical Weapons|igo
|IGOWSTBUS|Organisation for Economic Co-operation and Development|OECD;Organization for Economic Cooperation and Development|igo
|IGOCAS|Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organization|igo
|IGO|Group of Twenty|G20;G-20|igo
|IGO|BRICS||igo
|IGO|Asia-Pacific Economic Cooperation|APEC|igo
|IGO|Mercosur|Mercosul;Southern Common Market|igo
|IGO|East African Community||igo
|NGOENV|Greenpeace||ngo
|NGODEV|Save the Children|Save the Children International;Save the Children Fund|ngo
|NGODEV|Transparency International||ngo
|NGOUSA|International Rescue Committee||ngo
|NGOUSAHRI|Carter Center|The Carter Center|ngo
|NGO|Reporters Without Borders|Reporters Sans Frontieres|ngo
|NGO|Committee to Protect Journalists|CPJ|ngo
|IMGMUSISI|Islamic State|ISIS;ISIL;IS group;Daesh;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria;Islamic State group|militant
|SYRREBMUS|Nusra Front|al-Nusra Front;Jabhat al-Nusra;Jabhat al-Nusrah|militant
|SYRREB|Hayat Tahrir al-Sham|HTS|militant
|SYRREB|People's Protection Units|YPG|militant
|SYRREB|Syrian Democratic Forces|SDF|militant
|NGAREB|Boko Haram||militant
|SOMREB|Al-Shabaab|al-Shabaab;al-Shabab;Al Shabaab;Al-Shabab|militant
|YEMREB|Houthis|Houthi movement;Houthi rebels;Ansar Allah;Ansarallah|militant
|TURREB|Kurdistan Workers' Party|PKK;Kurdistan Workers Party|militant
|COLREB|Revolutionary Armed Forces of Colombia|FARC;FARC-EP|militant
|COLREB|National Liberation Army (Colombia)|ELN|militant
|ESPREB|ETA|Basque Homeland and Freedom;Euskadi Ta Askatasuna|militant
|WEUREB|Irish Republican Army|IRA|militant
|LKAREB|Liberation Tigers of Tamil Eelam|LTTE;Tamil Tigers|militant
|SASREB|Lashkar-e-Taiba|LeT;Lashkar-e-Toiba|militant
|SASREB|Jaish-e-Mohammed|JeM;Jaish-e-Muhammad|militant
|AFGREB|Haqqani Network||militant
|CFRREB|Lord's Resistance Army|LRA|militant
|CODREB|March 23 Movement|M23|militant
|SDNREB|Rapid Support Forces|RSF paramilitary|militant
"""

# CAMEO.knowngroup.txt entries deliberately without a row.
ORG_SKIP = {
    "CMN": "an ideology label ('Communist'), not an organisation",
    "PSE": "Occupied Palestinian Territories is a territory: see countries.tsv (PSE)",
}


@dataclass
class OrgRow:
    """One output row of organizations.tsv."""

    code: str
    name: str
    aliases: list[str]
    kind: str
    known_group: str
    code_source: str = ""


def phoenix_codes(ref: Path) -> Counter[str]:
    """Frequency of every bracketed actor code in the Phoenix actor dictionaries."""
    counts: Counter[str] = Counter()
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
                  "Phoenix.Countries.actors.txt"):
        for m in re.finditer(r"\[([A-Z]{3,18})(?:\s[^\]]*)?\]", read_text(ref / "cameo" / fname)):
            counts[m.group(1)] += 1
    return counts


def derive_group_code(group: str, counts: Counter[str]) -> str:
    """Most frequent dictionary code containing ``group`` as a 3-letter segment after the first."""
    cands = [
        (n, c) for c, n in counts.items()
        if len(c) % 3 == 0 and any(c[i:i + 3] == group for i in range(3, len(c), 3))
    ]
    if not cands:
        return ""
    cands.sort(key=lambda x: (-x[0], len(x[1]), x[1]))
    return cands[0][1]


def build_organizations(ref: Path) -> list[OrgRow]:
    """Known groups + big IGOs/NGOs/armed groups, codes cross-checked with Phoenix."""
    known = {}
    for row in read_tsv(ref / "cameo" / "CAMEO.knowngroup.txt")[1:]:
        known.setdefault(row[0], row[1])
    counts = phoenix_codes(ref)
    rows: list[OrgRow] = []
    for line in ORG_TABLE.strip().splitlines():
        cells = line.split("|")
        if len(cells) != 5:
            raise BuildError(f"ORG_TABLE line has {len(cells)} cells: {line}")
        group, code, name, aliases, kind = cells
        if group and group not in known:
            raise BuildError(f"ORG_TABLE: {group} is not in CAMEO.knowngroup.txt")
        derived = derive_group_code(group, counts) if group else ""
        if code:
            source = "phoenix" if code in counts else "constructed"
        else:
            if not derived:
                raise BuildError(f"ORG_TABLE: no Phoenix code for {group}; give one explicitly")
            code, source = derived, "phoenix"
        if not re.fullmatch(r"(?:[A-Z]{3})+", code):
            raise BuildError(f"ORG_TABLE: bad code {code!r}")
        rows.append(OrgRow(code, name, [a for a in aliases.split(";") if a], kind, group, source))
    missing = set(known) - {r.known_group for r in rows} - set(ORG_SKIP)
    if missing:
        raise BuildError(f"known groups without a row: {sorted(missing)}")
    owner: dict[str, str] = {}
    for r in rows:
        for form in [r.name, *r.aliases]:
            if form in owner and owner[form] != r.name:
                raise BuildError(f"organisation form {form!r} used by {owner[form]!r} and {r.name!r}")
            owner[form] = r.name
    rows.sort(key=lambda r: (r.code, r.name))
    return rows


def write_organizations(rows: list[OrgRow]) -> int:
    """Write organizations.tsv."""
    return write_tsv(
        "organizations.tsv",
        ["code", "name", "aliases", "kind", "known_group"],
        [(r.code, r.name, join(r.aliases), r.kind, r.known_group) for r in rows],
        [
            "International organisations and known groups. Generated by scripts/build_resources.py.",
            f"known_group: GDELT CAMEO.knowngroup.txt; codes: {SRC_PETRARCH} Phoenix actor dictionaries",
            "where they list the group, else built from CAMEO conventions (see docs/resources.md).",
            "Key is name (several bodies share a code, e.g. IGOUNO, IGOEUREEC). Match case-sensitively.",
        ],
    )


# --------------------------------------------------------------------------
# 3b. armed_groups.tsv: non-state armed groups from the Phoenix MNSA dictionary
GROUP_WORDS = {"army", "front", "brigade", "brigades", "group", "groups", "movement", "organization", "organisation",
               "party", "council", "committee", "faction", "force", "forces", "liberation", "resistance", "jihad",
               "mujahideen", "militia", "union", "league", "cell", "cells", "commando", "commandos", "battalion",
               "legion", "guard", "guards", "squad", "squads", "alliance", "coalition", "network", "tigers", "fighters",
               "revolutionary", "insurgents", "rebels", "army's"}
GROUP_SMALL_WORDS = {"of", "the", "and", "for", "in", "al", "el", "de", "la", "du", "des", "del", "da", "do", "bin", "ibn", "to"}


def group_name(raw: str) -> list[str]:
    """Written forms of one dictionary name: 'ABU_SAYYAF_GROUP' -> 'Abu Sayyaf Group'; a parenthesised
    acronym becomes a form of its own; short all-capital names (ETA, PKK) stay acronyms."""
    raw = raw.strip().lstrip("+").strip("_")
    acronyms = re.findall(r"\(([A-Z][A-Z0-9-]{1,9})\)", raw)
    base = re.sub(r"_?\([^)]*\)_?", "_", raw).strip("_")
    words = [w for w in base.replace("_", " ").split() if w]
    if not words:
        return acronyms
    if len(words) == 1 and len(words[0]) <= 5:
        return [words[0], *acronyms]  # an acronym
    def cased(w: str, first: bool) -> str:
        parts = w.split("-")
        return "-".join(p.lower() if (p.lower() in GROUP_SMALL_WORDS and not first) else p.capitalize() for p in parts)
    return [" ".join(cased(w, i == 0) for i, w in enumerate(words)), *acronyms]


def build_armed_groups(ref: Path, countries: set[str], taken: set[str]) -> list[tuple[str, str, list[str]]]:
    """(code, name, aliases) for each group whose code starts with a known country (or IMG for transnational
    ones); forms already used by a country, organisation or role are left to them."""
    rows: list[tuple[str, str, list[str]]] = []
    current: list[str] | None = None
    seen: set[str] = set(taken)
    for line in read_text(ref / "cameo" / "Phoenix.MilNonState.actors.txt").splitlines():
        line = line.split("#", 1)[0].rstrip()
        m = re.match(r"^([^+\s][^\[]*?)\s*\[([A-Z]{3,18})\]", line)
        if m:
            code = m.group(2)
            current = None
            if code[:3] in countries or code.startswith("IMG"):
                forms = [f for f in group_name(m.group(1)) if f not in seen and (" " in f or f.isupper())]
                if forms:
                    current = [code, forms[0], *forms[1:]]
                    rows.append((code, forms[0], current[2:]))
                    seen.update(forms)
        elif line.startswith("+") and current is not None:
            # aliases only when they read as a group's name: the dictionary also lists people and other
            # groups' names under some entries (Hamas leaders under a Colombian group)
            forms = [f for f in group_name(line) if f not in seen and (f.isupper() or GROUP_WORDS & set(f.lower().split()))]
            rows[-1][2].extend(forms)
            seen.update(forms)
    return rows


def write_armed_groups(rows: list[tuple[str, str, list[str]]]) -> int:
    """Write armed_groups.tsv."""
    return write_tsv(
        "armed_groups.tsv",
        ["code", "name", "aliases"],
        [(code, name, join(aliases)) for code, name, aliases in rows],
        [
            "Non-state armed groups (name, aliases, CAMEO code). Generated by scripts/build_resources.py from",
            f"{SRC_PETRARCH} Phoenix.MilNonState.actors.txt (itself from the START TOPS database).",
            "Names are re-cased from the dictionary's capitals; organizations.tsv wins where both name a group.",
        ],
    )


# --------------------------------------------------------------------------
# 4. roles.tsv
# --------------------------------------------------------------------------

# Common agent nouns (singular) whose code is looked up in Phoenix.agents.txt.
ROLE_NOUNS = """
president; prime minister; premier; minister; foreign minister; defense minister; defence minister;
interior minister; finance minister; justice minister; cabinet minister; deputy prime minister;
vice foreign minister; chief minister; ministry; foreign ministry; defense ministry; defence ministry;
interior ministry; justice ministry; health ministry; education ministry; ambassador; envoy; emissary;
diplomat; consul; consulate; embassy; foreign office; government; administration; cabinet; regime;
authority; king; monarch; prince; crown prince; emperor; chancellor; governor; mayor; dictator; junta;
ruler; head of state; head of government; secretary of state; foreign secretary; defense secretary;
bureaucrat; civil servant; attorney general; national security adviser; supreme leader; state official;
government official; interim government; caretaker government; military government; military junta;
presidential aide; state media; state news agency; central bank; election commission;
army; military; troop; soldier; navy; air force; marine; general; commander; colonel; admiral; lieutenant;
paramilitary; national guard; coast guard; special force; infantry; battalion; regiment; warplane;
warship; fighter jet; border guard; military officer; army officer; defense force; garrison; commando;
reservist; army chief; government force; government troop; ground force; combat troop; military official;
peacekeeping troop;
rebel; insurgent; guerrilla; guerilla; insurgency; separatist; freedom fighter; rebel group; rebel leader;
rebel commander; rebel force; armed rebel; insurgent group; rebel army; separatist rebel;
armed opposition group;
militant; militia; militiaman; gunman; fighter; combatant; terrorist; jihadist; armed group; armed man;
mercenary; death squad; terrorist group; terrorist organization; hitman;
dissident; activist; protester; demonstrator; opposition leader; opposition party; defector; rioter;
political prisoner; democracy activist; opposition activist; human rights activist; opposition supporter;
mutineer; deserter; dissenter;
police; policeman; policewoman; police officer; riot police; police chief; police force; detective;
law enforcement; constable; security officer; border patrol; sheriff;
court; judge; judiciary; prosecutor; lawyer; attorney; supreme court; tribunal; magistrate; high court;
constitutional court; appeals court; chief justice; public prosecutor; defense lawyer; federal court;
district court;
parliament; lawmaker; legislator; legislature; senator; senate; congress; congressman; congresswoman;
parliamentarian; mp; member of parliament; national assembly; upper house; house of representatives;
speaker of parliament; legislative council; state duma; house of commons; member of congress;
journalist; reporter; newspaper; media; correspondent; columnist; blogger; news agency; magazine;
publisher; editor in chief; radio station; commentator;
businessman; businesswoman; company; corporation; investor; trader; merchant; entrepreneur; ceo; industry;
employer; manufacturer; business leader; tycoon; exporter; business executive;
student; teacher; professor; university; school; academic; scholar; economist; lecturer; intellectual;
civilian; citizen; resident; villager; voter; passenger; tourist; victim; migrant; immigrant; settler;
population; civil society; child; community;
refugee; asylum seeker; displaced person; returnee; stateless person;
doctor; nurse; physician; surgeon; hospital; medic; health official;
rights group; human rights group; rights activist;
worker; labor union; trade union; employee; laborer; striking worker;
farmer; peasant; fisherman; rancher; herdsman;
criminal; gang; smuggler; kidnapper; drug trafficker; trafficker; pirate; bandit; thief; drug lord; cartel;
gangster; robber; killer; human trafficker;
spy; spy agency; intelligence service; intelligence officer; intelligence agent; secret police;
intelligence chief;
former president; former prime minister; first lady;
ngo; non-governmental organization; aid group;
politician; political party; party leader; party member
"""

# noun | plural | code(s) | why it is hand-listed.  These override Phoenix.
ROLE_HAND = """
official|officials|GOV|not in Phoenix.agents
spokesman|spokesmen|GOV|Phoenix SPOKES!PERSON! is MED; in news copy a spokesman speaks for the body named
spokeswoman|spokeswomen|GOV|as spokesman
spokesperson|spokespeople|GOV|as spokesman
negotiator|negotiators|GOV|not in Phoenix.agents
delegation|delegations|GOV|Phoenix lists only GOVERNMENT_DELEGATION
vice president|vice presidents|GOV|not in Phoenix.agents
queen|queens|GOV|not in Phoenix.agents (KING is GOV)
emir|emirs|GOV|not in Phoenix.agents
sultan|sultans|GOV|not in Phoenix.agents
presidency|presidencies|GOV|not in Phoenix.agents
opposition|oppositions|OPP|Phoenix has only OPPOSITION_* compounds
force|forces|MIL|head of '<country> forces'; Phoenix has only compounds
armed force|armed forces|MIL|Phoenix: ARMED_FORCES MIL but ARMED_FORCE UAF
security force|security forces|MIL|Phoenix lists SECURITY_FORCE as both COP and MIL
gendarmerie|gendarmeries|COP|Phoenix spells it GENDARMERY
peacekeeper|peacekeepers|IGO|Phoenix lists PEACEKEEPING_TROOPS as IGO
aid worker|aid workers|NGO|not in Phoenix.agents
aid agency|aid agencies|NGO|not in Phoenix.agents
charity|charities|NGO|not in Phoenix.agents
health worker|health workers|HLH|not in Phoenix.agents
civil society|civil societies|CVL|Phoenix lists CIVIL_SOCIETY as both CVL and NGO; first kept
"""

# Plurals that Phoenix marks as "{}" (no regular plural) but that do have one.
PLURAL_FIXES = {
    "gunman": "gunmen",
    "speaker of parliament": "speakers of parliament",
    "attorney general": "attorneys general",
    "house of commons": "house of commons",
    "law enforcement": "law enforcement",
}

IRREGULAR_PLURALS = {
    "monarch": "monarchs", "patriarch": "patriarchs", "stomach": "stomachs",
    "man": "men", "woman": "women", "person": "people", "child": "children", "police": "police",
    "thief": "thieves", "chief": "chiefs", "media": "media", "personnel": "personnel",
    "staff": "staff", "infantry": "infantry", "military": "militaries", "mp": "mps", "ngo": "ngos",
    "ceo": "ceos", "paramilitary": "paramilitaries", "intelligence": "intelligence",
}


def pluralize_word(word: str) -> str:
    """Regular English plural of one lowercase word."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("man") and word not in {"human", "german", "roman", "shaman", "ottoman"}:
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def pluralize(noun: str) -> str:
    """Plural of a (possibly multi-word) noun: 'member of parliament' -> 'members of parliament'."""
    words = noun.split()
    for i, w in enumerate(words):
        if i > 0 and w in {"of", "in", "for"}:
            words[i - 1] = pluralize_word(words[i - 1])
            return " ".join(words)
    words[-1] = pluralize_word(words[-1])
    return " ".join(words)


@dataclass
class AgentEntry:
    """One expanded Phoenix.agents.txt entry."""

    noun: str
    plural: str
    code: str
    line: int


def parse_agents(path: Path) -> dict[str, list[AgentEntry]]:
    """Parse ``NOUN {PLURAL} [~CODE]`` lines, expanding !MINIST! and !PERSON! sets.

    Returns every surface form (singular and plural) mapped to the entries
    carrying it, so that plural-only entries (ARMED_FORCES) can be found too.
    """
    person = [("man", "men"), ("woman", "women"), ("person", "people")]
    minist = [("minister", "ministers"), ("ministry", "ministries")]
    out: dict[str, list[AgentEntry]] = defaultdict(list)
    for lineno, raw in enumerate(read_text(path).splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or "=" in line:
            continue
        m = re.match(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]", line)
        if not m:
            continue
        code = m.group("code").replace("~", "").strip()
        if not re.fullmatch(r"(?:[A-Z]{3})+", code):
            continue
        phrase = m.group("phrase").strip().rstrip("_").lower()
        if re.search(r"[^a-z_ !'\-.]", phrase):
            continue
        plural_field = m.group("plural")
        variants: list[tuple[str, str | None]] = []
        if "!person!" in phrase:
            for sg, pl in person:
                variants.append((phrase.replace("!person!", sg), phrase.replace("!person!", pl)))
        elif "!minist!" in phrase:
            for sg, pl in minist:
                variants.append((phrase.replace("!minist!", sg), phrase.replace("!minist!", pl)))
        elif re.search(r"minist$", phrase):
            for sg, pl in minist:
                variants.append((phrase[: -len("minist")] + sg, phrase[: -len("minist")] + pl))
        else:
            variants.append((phrase, None))
        for sg, pl in variants:
            sg = re.sub(r"[\s_]+", " ", sg).strip()
            if "!" in sg or re.search(r"\b(to|for|in|of|at)$", sg):
                continue
            if pl is None:
                if plural_field is None:
                    pl = pluralize(sg)
                elif plural_field.strip() == "":
                    pl = sg
                else:
                    pl = re.sub(r"[\s_]+", " ", plural_field.strip().lower())
            pl = re.sub(r"[\s_]+", " ", pl).strip()
            entry = AgentEntry(sg, pl, code, lineno)
            out[sg].append(entry)
            if pl != sg:
                out[pl].append(entry)
    return out


@dataclass
class RoleRow:
    """One output row of roles.tsv."""

    noun: str
    plural: str
    code: str
    secondary: str
    source: str


def build_roles(ref: Path, type_codes: set[str], religion_codes: set[str]) -> list[RoleRow]:
    """Curated common agent nouns with codes from Phoenix.agents.txt plus a hand list."""
    agents = parse_agents(ref / "cameo" / "Phoenix.agents.txt")
    rows: dict[str, RoleRow] = {}
    hand: dict[str, tuple[str, str, str]] = {}
    for line in ROLE_HAND.strip().splitlines():
        noun, plural, code, why = line.split("|")
        hand[noun] = (plural, code, why)
    for noun in [n.strip() for n in ROLE_NOUNS.replace("\n", " ").split(";") if n.strip()]:
        if noun in hand:
            continue
        if noun in rows:
            raise BuildError(f"ROLE_NOUNS lists {noun!r} twice")
        found = agents.get(noun) or agents.get(pluralize(noun))
        if not found:
            raise BuildError(f"role noun {noun!r} not found in Phoenix.agents.txt")
        codes = sorted({e.code for e in found})
        if len(codes) > 1:
            warn(f"Phoenix.agents: {noun!r} has codes {codes}; first listed kept")
        e = min(found, key=lambda x: x.line)
        # A plural-only entry (GENERALS) is found through the plural: its form is the plural.
        plural = e.plural if e.noun == noun else e.noun
        plural = PLURAL_FIXES.get(noun, plural)
        rows[noun] = RoleRow(noun, plural, e.code[:3], e.code[3:], "phoenix")
    for noun, (plural, code, why) in hand.items():
        found = [e for e in agents.get(noun, []) if e.noun == noun]
        if found and {e.code for e in found} == {code}:
            warn(f"ROLE_HAND entry {noun!r} agrees with Phoenix already ({why})")
        rows[noun] = RoleRow(noun, plural, code[:3], code[3:], "hand")
    allowed_primary = type_codes | {"PTY"}
    allowed_secondary = type_codes | religion_codes | {"PTY", "REL", "MUS"}  # Phoenix writes MUS for Muslim
    surface: dict[str, str] = {}
    for r in rows.values():
        if r.code not in allowed_primary:
            raise BuildError(f"role {r.noun!r}: primary code {r.code} not a CAMEO type")
        for i in range(0, len(r.secondary), 3):
            if r.secondary[i:i + 3] not in allowed_secondary:
                raise BuildError(f"role {r.noun!r}: secondary code {r.secondary} unknown")
        for form in {r.noun, r.plural}:
            if form in surface and surface[form] != r.noun:
                raise BuildError(f"role form {form!r} used by {surface[form]!r} and {r.noun!r}")
            surface[form] = r.noun
    return sorted(rows.values(), key=lambda r: r.noun)


def write_roles(rows: list[RoleRow]) -> int:
    """Write roles.tsv."""
    return write_tsv(
        "roles.tsv",
        ["noun", "plural", "code", "secondary"],
        [(r.noun, r.plural, r.code, r.secondary) for r in rows],
        [
            "Agent (role) nouns -> CAMEO role codes. Generated by scripts/build_resources.py.",
            f"Codes: {SRC_PETRARCH} Phoenix.agents.txt for a curated list of common nouns,",
            "plus a short hand list (see docs/resources.md). code = primary 3-letter role;",
            "secondary = further 3-letter codes (e.g. defense minister: GOV + MIL). Nouns are lowercase.",
        ],
    )


# --------------------------------------------------------------------------
# 6. verb_patterns.tsv, verb_forms.tsv
# --------------------------------------------------------------------------

PARTICLES = {
    "with", "to", "against", "for", "on", "in", "at", "from", "into", "of", "about", "over", "by",
    "up", "down", "off", "out", "back", "away", "through", "toward", "towards", "under", "between",
    "among", "across", "around", "after", "before", "upon", "onto", "within", "without", "along",
    "forward", "apart", "aside",
}
# Nouns whose final -s is not a plural ending.
NO_SINGULAR = {"news", "arms", "series", "species", "means", "headquarters", "politics", "economics",
               "teargas", "bias", "gas", "themselves", "chaos", "alias", "thanks", "alms"}
# Pattern "objects" that are not nouns (adverbs, conjunctions) or are PETRARCH word stems.
BAD_OBJECTS = {"if", "of", "or", "to", "and", "off", "out", "away", "back", "ahead", "alongside",
               "together", "inside", "outside", "deep", "little", "odd", "themselves", "penalt",
               "offenc", "cooperat", "ty", "afire", "ablaze", "arm-in-arm"}
LY_NOUNS = {"rally", "ally", "supply", "family", "assembly", "reply", "anomaly", "monopoly", "italy"}
MAX_SET_EXPANSION = 15

# Verb defaults where PETRARCH's block default is empty ('---') or files the verb
# under a neighbouring category; the code is the CAMEO category the verb names.
VERB_DEFAULT_FIXES = {
    "negotiate": ("046", "PETRARCH files it under COMPROMISE [080]; CAMEO 046 is 'Engage in negotiation'"),
    "mediate": ("045", "PETRARCH files it under COMPROMISE [080]; CAMEO 045 is 'Engage in mediation'"),
    "veto": ("129", "PETRARCH files it under PROHIBIT [172]; CAMEO 129 is 'Veto'"),
    "sign": ("057", "SIGN block has no default; CAMEO 057 is 'Sign formal agreement'"),
    "reject": ("120", "REFUSE block has no default; CAMEO 120 is 'Reject'"),
    "refuse": ("120", "REFUSE block has no default; CAMEO 120 is 'Reject'"),
    "sanction": ("163", "not in CAMEO.2.0; CAMEO 163 is 'Impose embargo, boycott, or sanctions'"),
    "urge": ("020", "not in CAMEO.2.0; CAMEO 02 APPEAL covers urging"),
}


def good_object(word: str) -> bool:
    """False for pattern 'objects' that are adverbs, conjunctions or truncated stems."""
    if word in BAD_OBJECTS:
        return False
    return not (word.endswith("ly") and len(word) > 4 and word not in LY_NOUNS)


def singular(word: str) -> str:
    """Crude noun lemma for dictionary objects: 'SANCTIONS' -> 'sanction'."""
    w = word.lower()
    if w in NO_SINGULAR or len(w) <= 3:
        return w
    if w.endswith("ies"):
        return w[:-1] if len(w) == 4 else w[:-3] + "y"  # "ties" -> "tie", "parties" -> "party"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def parse_code(text: str) -> str:
    """'042:043' -> '042'; ':075', '---' and '' -> ''."""
    src = text.split(":", 1)[0].strip()
    return src if re.fullmatch(r"\d{2,4}", src) else ""


def verb_lemma(token: str) -> tuple[str, str, str] | None:
    """Split a dictionary verb ('+CALL_OFF', 'RE_ARREST', 'DEAL') into (lemma, particle, object)."""
    t = token.lstrip("+").strip("_").lower()
    if not re.fullmatch(r"[a-z][a-z_'\-]*", t):
        return None
    parts = [p for p in t.split("_") if p]
    if parts and parts[0] == "re" and len(parts) == 2:
        return ("re-" + parts[1], "", "")
    if len(parts) == 1:
        return (parts[0], "", "")
    if len(parts) == 2 and parts[0] not in {"is", "are", "was", "be", "been", "will", "would"}:
        if parts[1] in PARTICLES:
            return (parts[0], parts[1], "")
        return (parts[0], "", parts[1]) if good_object(parts[1]) else None
    return None


@dataclass
class VerbBlock:
    """One '--- NAME [code] ---' block of CAMEO.2.0.txt."""

    name: str
    default: str
    line: int
    verbs: list[tuple[str, str, str, str]] = field(default_factory=list)  # lemma, particle, object, own code
    patterns: list[tuple[str, str, str, int]] = field(default_factory=list)  # body, code, comment verb, line


def parse_verb_dictionary(path: Path) -> tuple[dict[str, list[str]], list[VerbBlock], list[tuple[str, str]]]:
    """Parse synonym sets, verb blocks and irregular verb forms from CAMEO.2.0.txt."""
    text = read_text(path).splitlines()
    sets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    forms: list[tuple[str, str]] = []
    section = ""
    current_set = ""
    block: VerbBlock | None = None
    for lineno, raw in enumerate(text, 1):
        if raw.startswith("#######"):
            section = "sets" if "SYNONYM" in raw else "verbs" if "VERB PATTERN" in raw else "other"
            continue
        line = raw.rstrip()
        if section == "sets":
            body = line.split("#", 1)[0].strip()
            if body.startswith("&"):
                current_set = body.rstrip("_")
                sets[current_set] = []
            elif body.startswith("+") and current_set:
                sets[current_set].append(body[1:].strip())
            elif not line.strip():
                current_set = ""  # a blank line ends the set; comment lines do not
            continue
        if section != "verbs":
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", line)
        if m:
            block = VerbBlock(m.group(1), parse_code(m.group(2)), lineno)
            blocks.append(block)
            continue
        if block is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("-"):
            pm = re.match(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*(?:#\s*(?P<verb>\S+))?", line)
            if pm:
                block.patterns.append((pm.group("body").strip(), parse_code(pm.group("code")),
                                       (pm.group("verb") or "").strip(), lineno))
            continue
        body = line.split("#", 1)[0].strip()
        vm = re.match(r"^(?P<verb>\+?[A-Z][A-Z_'\-]*)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$", body)
        if not vm:
            continue
        parsed = verb_lemma(vm.group("verb"))
        if parsed is None:
            continue
        lemma, particle, obj = parsed
        block.verbs.append((lemma, particle, obj, parse_code(vm.group("code") or "")))
        for f in (vm.group("forms") or "").replace(",", " ").split():
            fp = verb_lemma(f)
            if fp and fp[0] != lemma and fp[1:] == (particle, obj):
                forms.append((fp[0], lemma))
    return sets, blocks, forms


PATTERN_FORMS = [
    # "* (WITH)"
    re.compile(r"^\*\s+\((?P<prep>[A-Z]+)\)$"),
    # "* (TO PROPOSAL)" / "* (OF &CEASEFIRE)"
    re.compile(r"^\*\s+\((?P<prep>[A-Z]+)\s+(?P<obj>&?[A-Z][A-Z'\-]*_?)\)$"),
    # "* ON &SOLUTION", "* OF ATTACK"
    re.compile(r"^\*\s+(?P<prep>[A-Z]+)\s+(?P<obj>&?[A-Z][A-Z'\-]*_?)$"),
    # "* TALKS (WITH)"
    re.compile(r"^\*\s+(?P<obj>&?[A-Z][A-Z'\-]*_?)\s+\((?P<prep>[A-Z]+)\)$"),
    # "* SANCTIONS" / "* &WEAPON" / "* OUT"
    re.compile(r"^\*\s+(?P<obj>&?[A-Z][A-Z'\-]*_?)$"),
]


def simple_pattern(body: str, sets: dict[str, list[str]]) -> list[tuple[str, str]] | None:
    """(particle/preposition, object lemma) readings of a pattern body, or None if too complex."""
    for rx in PATTERN_FORMS:
        m = rx.match(body)
        if not m:
            continue
        prep = (m.groupdict().get("prep") or "").lower()
        obj = m.groupdict().get("obj") or ""
        if prep and prep not in PARTICLES:
            return None
        if not prep and obj.lower().strip("_") in PARTICLES:
            return [(obj.lower().strip("_"), "")]
        if not obj:
            return [(prep, "")]
        if obj.startswith("&"):
            members = sets.get(obj.rstrip("_"))
            if not members or len(members) > MAX_SET_EXPANSION:
                return None
            words = [singular(w.strip("_")) for w in members if re.fullmatch(r"[A-Z][A-Z'\-]*_?", w)]
            return [(prep, w) for w in words if good_object(w)] or None
        word = singular(obj.strip("_"))
        return [(prep, word)] if good_object(word) else None
    return None


@dataclass
class VerbRow:
    """One output row of verb_patterns.tsv."""

    lemma: str
    prep: str
    obj: str
    code: str


def build_verb_patterns(ref: Path, codes: dict[str, CameoCode]) -> tuple[list[VerbRow], list[tuple[str, str]]]:
    """Verb lemma (+ particle/preposition, + object noun) -> CAMEO code from CAMEO.2.0.txt."""
    sets, blocks, forms = parse_verb_dictionary(ref / "cameo" / "CAMEO.2.0.txt")
    if len(blocks) < 300:
        raise BuildError(f"CAMEO.2.0 parse looks wrong: {len(blocks)} blocks")
    # key -> list of (priority, line, code); lower priority wins, then majority, then first line.
    votes: dict[tuple[str, str, str], list[tuple[int, int, str]]] = defaultdict(list)
    unknown_codes: Counter[str] = Counter()

    def vote(key: tuple[str, str, str], prio: int, line: int, code: str) -> None:
        """Record one source line's code for a (lemma, prep, object) key."""
        if code not in codes:
            unknown_codes[code] += 1
            return
        votes[key].append((prio, line, code))

    for b in blocks:
        simple_verbs = [v for v in b.verbs if not v[1] and not v[2]]
        lemmas = {v[0] for v in simple_verbs}
        main = b.name.lower() if b.name.lower() in lemmas else (simple_verbs[0][0] if simple_verbs else "")
        for lemma, particle, obj, own in b.verbs:
            code = own or b.default
            if code:
                prio = 0 if own else (1 if lemma == b.name.lower() else 2)
                vote((lemma, particle, obj), prio, b.line, code)
        for body, code, comment_verb, line in b.patterns:
            if not code:
                continue
            readings = simple_pattern(body, sets)
            if readings is None:
                continue
            cv = verb_lemma(comment_verb) if comment_verb else None
            lemma = cv[0] if cv and not cv[1] and not cv[2] and cv[0] in lemmas else main
            if not lemma:
                continue
            for prep, obj in readings:
                vote((lemma, prep, obj), 3, line, code)
    rows = []
    conflicts = 0
    for key, vs in votes.items():
        best_prio = min(v[0] for v in vs)
        top = [v for v in vs if v[0] == best_prio]
        tally = Counter(v[2] for v in top)
        ranked = sorted(tally.items(), key=lambda kv: (-kv[1], min(v[1] for v in top if v[2] == kv[0])))
        if len(tally) > 1:
            conflicts += 1
        rows.append(VerbRow(key[0], key[1], key[2], ranked[0][0]))
    if unknown_codes:
        warn(f"CAMEO.2.0: skipped codes not in cameo_codes: {dict(sorted(unknown_codes.items()))}")
    warn(f"CAMEO.2.0: {conflicts} verb keys had conflicting codes (majority / first kept)")
    fixed = {r.lemma for r in rows if not r.prep and not r.obj and r.lemma in VERB_DEFAULT_FIXES}
    rows = [r for r in rows if r.prep or r.obj or r.lemma not in VERB_DEFAULT_FIXES]
    for lemma, (code, _why) in VERB_DEFAULT_FIXES.items():
        if code not in codes:
            raise BuildError(f"VERB_DEFAULT_FIXES: {lemma} -> unknown code {code}")
        rows.append(VerbRow(lemma, "", "", code))
    warn(f"verb defaults set by hand: {sorted(VERB_DEFAULT_FIXES)} ({len(fixed)} replaced a PETRARCH default)")
    rows.sort(key=lambda r: (r.lemma, r.prep, r.obj))
    # Drop pattern rows that merely repeat the verb's default code.
    default = {r.lemma: r.code for r in rows if not r.prep and not r.obj}
    rows = [r for r in rows if (not r.prep and not r.obj) or default.get(r.lemma) != r.code]
    roots = {r.code[:2] for r in rows}
    missing = {f"{i:02d}" for i in range(1, 21)} - roots
    if missing:
        raise BuildError(f"verb_patterns misses CAMEO roots {sorted(missing)}")
    # Irregular forms: keep unambiguous ones only.
    form_map: dict[str, set[str]] = defaultdict(set)
    for form, lemma in forms:
        form_map[form].add(lemma)
    form_rows = sorted((f, next(iter(ls))) for f, ls in form_map.items() if len(ls) == 1)
    return rows, form_rows


def write_verb_patterns(rows: list[VerbRow]) -> int:
    """Write verb_patterns.tsv."""
    return write_tsv(
        "verb_patterns.tsv",
        ["lemma", "prep", "object", "code"],
        [(r.lemma, r.prep, r.obj, r.code) for r in rows],
        [
            "Verb lexicon for event extraction. Generated by scripts/build_resources.py.",
            f"Source: {SRC_PETRARCH} CAMEO.2.0.txt verb blocks and their simple patterns.",
            "A row with empty prep and object is the verb's default code; otherwise the code applies when",
            "the verb is followed by that particle/preposition and/or has that object noun (lemma).",
            "Complex PETRARCH patterns (context before the verb, actor slots, phrases) are not included.",
        ],
    )


def write_verb_forms(rows: list[tuple[str, str]]) -> int:
    """Write verb_forms.tsv (form -> lemma)."""
    return write_tsv(
        "verb_forms.tsv",
        ["form", "lemma"],
        rows,
        [
            "Inflected verb forms listed in the verb dictionary -> lemma. Generated by scripts/build_resources.py.",
            f"Source: {SRC_PETRARCH} CAMEO.2.0.txt '{{...}}' form lists (unambiguous ones only).",
        ],
    )


# --------------------------------------------------------------------------
# 7. noun_events.tsv
# --------------------------------------------------------------------------

# Nominal event heads -> CAMEO code (Dragoman's own list, written from the
# CAMEO category names in cameo_codes.tsv).  noun | code
NOUN_EVENTS = """
statement|010
comment|010
remark|010
announcement|010
pessimism|012
optimism|013
denial|016
condolence|018
sympathy|018
appeal|020
plea|020
request|020
petition|020
call for talks|026
pledge|030
promise|030
offer|030
proposal|030
commitment|030
offer of aid|033
consultation|040
meeting|040
talks|040
discussion|040
conference|040
summit|040
phone call|041
telephone call|041
visit|042
trip|042
tour|042
mediation|045
negotiation|046
peace talks|046
praise|051
endorsement|051
recognition|054
apology|055
forgiveness|056
agreement|057
accord|057
treaty|057
peace deal|057
cooperation|060
trade deal|061
military cooperation|062
joint exercise|062
extradition|063
intelligence sharing|064
aid|070
assistance|070
donation|070
loan|071
economic aid|071
military aid|072
arms delivery|072
humanitarian aid|073
relief|073
peacekeeping|074
asylum|075
concession|080
pardon|081
amnesty|081
release|0841
prisoner exchange|0841
withdrawal|087
pullout|087
ceasefire|0871
cease-fire|0871
truce|0871
armistice|0871
demobilization|0873
disarmament|0873
surrender|0874
retreat|0874
investigation|090
probe|090
inquiry|090
inspection|090
demand|100
insistence|100
demand for release|1053
ultimatum|139
criticism|111
condemnation|111
denunciation|111
accusation|112
allegation|112
charge|112
complaint|114
lawsuit|115
conviction|116
rejection|120
refusal|120
veto|129
defiance|128
threat|130
warning|130
threat of sanctions|1312
threat of force|138
protest|140
demonstration|141
rally|141
march|141
sit-in|141
hunger strike|142
general strike|143
boycott|143
blockade|191
riot|145
mobilization|154
deployment|154
military buildup|154
military exercise|150
military drill|150
troop buildup|154
sanctions|163
sanction|163
embargo|163
suspension|160
suspension of talks|164
expulsion|166
severing of ties|161
arrest|173
detention|173
crackdown|175
curfew|1723
state of emergency|1724
martial law|1724
deportation|174
seizure|171
confiscation|1711
ban|172
kidnapping|181
abduction|181
hostage-taking|181
bombing|183
suicide bombing|1831
suicide attack|1831
car bombing|1832
car bomb|1832
roadside bomb|1833
roadside bombing|1833
assassination|186
assassination attempt|185
torture|1822
rape|1821
beating|182
human shield|184
attack|190
strike|190
offensive|190
assault|190
raid|190
clash|190
fighting|190
battle|190
ambush|190
incursion|190
firefight|193
gunfire|193
shelling|194
artillery fire|194
bombardment|194
airstrike|195
air strike|195
air raid|195
drone strike|195
invasion|192
occupation|192
siege|191
ceasefire violation|196
massacre|202
mass killing|202
genocide|202
mass expulsion|201
ethnic cleansing|203
chemical attack|2041
chemical weapons attack|2041
nuclear attack|2042
"""


def build_noun_events(codes: dict[str, CameoCode]) -> list[tuple[str, str, str]]:
    """Validate NOUN_EVENTS against cameo_codes; every root needs at least two nouns."""
    rows: dict[str, str] = {}
    for line in NOUN_EVENTS.strip().splitlines():
        noun, code = line.split("|")
        if noun != noun.lower() or noun in rows:
            raise BuildError(f"NOUN_EVENTS: bad or duplicate noun {noun!r}")
        if code not in codes:
            raise BuildError(f"NOUN_EVENTS: {noun} -> unknown code {code}")
        rows[noun] = code
    per_root = Counter(code[:2] for code in rows.values())
    thin = [f"{i:02d}" for i in range(1, 21) if per_root[f"{i:02d}"] < 2]
    if thin:
        raise BuildError(f"NOUN_EVENTS: roots with fewer than two nouns: {thin}")
    return sorted((n, c, codes[c].name) for n, c in rows.items())


def write_noun_events(rows: list[tuple[str, str, str]]) -> int:
    """Write noun_events.tsv."""
    return write_tsv(
        "noun_events.tsv",
        ["noun", "code", "cameo_name"],
        rows,
        [
            "Nominal event heads (lowercase lemma or fixed phrase) -> CAMEO code. Generated by",
            "scripts/build_resources.py from Dragoman's own list; codes checked against cameo_codes.tsv.",
            "cameo_name repeats the code's name for readability. Nouns that double as verbs (attack, strike)",
            "apply only when the word heads a noun phrase.",
        ],
    )


# --------------------------------------------------------------------------
# Verification and main
# --------------------------------------------------------------------------


def read_back(name: str) -> list[dict[str, str]]:
    """Parse a written file the way dragoman.resources.table() does."""
    lines = [ln for ln in (OUT_DIR / name).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return [dict(r) for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def verify_outputs(names: Sequence[str]) -> None:
    """Re-read every file and check keys, code references and root coverage."""
    keys = {
        "cameo_codes.tsv": ("code",),
        "cameo_types.tsv": ("code",),
        "countries.tsv": ("code",),
        "organizations.tsv": ("name",),
        "armed_groups.tsv": ("name",),
        "roles.tsv": ("noun",),
        "verb_patterns.tsv": ("lemma", "prep", "object"),
        "verb_forms.tsv": ("form",),
        "noun_events.tsv": ("noun",),
    }
    tables = {n: read_back(n) for n in names}
    for name, rows in tables.items():
        if not rows:
            raise BuildError(f"{name} is empty")
        width = len(rows[0])
        seen: set[tuple[str, ...]] = set()
        for r in rows:
            if len(r) != width or None in r.values() or None in r:
                raise BuildError(f"{name}: ragged row {r}")
            k = tuple(r[c] for c in keys[name])
            if k in seen:
                raise BuildError(f"{name}: duplicate key {k}")
            seen.add(k)
    cameo = {r["code"] for r in tables["cameo_codes.tsv"]}
    for name in ("verb_patterns.tsv", "noun_events.tsv"):
        bad = {r["code"] for r in tables[name]} - cameo
        if bad:
            raise BuildError(f"{name}: codes not in cameo_codes.tsv: {sorted(bad)}")
    roots = {r["code"][:2] for r in tables["verb_patterns.tsv"]}
    if roots != {f"{i:02d}" for i in range(1, 21)}:
        raise BuildError("verb_patterns.tsv does not cover all 20 roots")
    # A surface form must not name two different things across countries, organisations and roles.
    owner: dict[str, str] = {}
    spans = [
        ("countries.tsv", "code", ("name", "aliases", "adjectives")),
        ("organizations.tsv", "name", ("name", "aliases")),
        ("roles.tsv", "noun", ("noun", "plural")),
    ]
    for name, key, cols in spans:
        for r in tables[name]:
            for col in cols:
                for form in filter(None, r[col].split("|")):
                    who = f"{name}:{r[key]}"
                    if owner.setdefault(form, who) != who:
                        raise BuildError(f"form {form!r} belongs to {owner[form]} and {who}")
    types = {r["code"] for r in tables["cameo_types.tsv"]} | {"PTY"}
    bad_roles = {r["code"] for r in tables["roles.tsv"]} - types
    if bad_roles:
        raise BuildError(f"roles.tsv: codes not in cameo_types.tsv: {sorted(bad_roles)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--reference", type=Path, default=DEFAULT_REFERENCE,
        help="reference data directory with cameo/ and plover/ (default: ../shared/reference, "
             "relative to the repository root)",
    )
    args = parser.parse_args(argv)
    ref: Path = args.reference
    if not ref.is_absolute():
        cwd_ref = Path.cwd() / ref
        ref = cwd_ref if (cwd_ref / "cameo").is_dir() else REPO_ROOT / ref
    if not (ref / "cameo").is_dir() or not (ref / "plover").is_dir():
        print(f"error: {ref} has no cameo/ and plover/ directories", file=sys.stderr)
        return 2

    counts: dict[str, int] = {}
    try:
        codes = build_cameo_codes(ref)
        counts["cameo_codes.tsv"] = write_cameo_codes(codes)
        types = build_cameo_types(ref)
        counts["cameo_types.tsv"] = write_cameo_types(types)
        counts["countries.tsv"] = write_countries(build_countries(ref))
        orgs = build_organizations(ref)
        counts["organizations.tsv"] = write_organizations(orgs)
        taken = {f for r in orgs for f in [r.name, *r.aliases]}
        country_codes = {r["code"] for r in read_back("countries.tsv")}
        counts["armed_groups.tsv"] = write_armed_groups(build_armed_groups(ref, country_codes, taken))
        religion = {r[0] for r in read_tsv(ref / "cameo" / "CAMEO.religion.txt")[1:]}
        counts["roles.tsv"] = write_roles(build_roles(ref, {c for c, _ in types}, religion))
        verbs, forms = build_verb_patterns(ref, codes)
        counts["verb_patterns.tsv"] = write_verb_patterns(verbs)
        counts["verb_forms.tsv"] = write_verb_forms(forms)
        counts["noun_events.tsv"] = write_noun_events(build_noun_events(codes))
        verify_outputs(list(counts))
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name:20s} {n:6d} rows")
    for w in warnings:
        print(f"note: {w}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
