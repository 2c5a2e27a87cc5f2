#!/usr/bin/env python3
"""Changes articles of a generated corpus the way a nightly feed does, for the unchanged/changed-run
benchmarks (docs/benchmarks.md): the first PER_FILE articles of each of FILES files get one more
sentence in their intro (their covers stay the same), or, with --title, a new title (new covers).

    bench/change-articles.py INPUT_FOLDER [--files 3] [--per-file 10] [--title]
"""
import argparse
import json
import os
import time

parser = argparse.ArgumentParser()
parser.add_argument("folder")
parser.add_argument("--files", type=int, default=3)
parser.add_argument("--per-file", type=int, default=10)
parser.add_argument("--title", action="store_true")
args = parser.parse_args()
tag = str(time.time_ns())
names = sorted(n for n in os.listdir(args.folder) if n.endswith(".json"))[: args.files]
for name in names:
    path = os.path.join(args.folder, name)
    with open(path, encoding="utf-8") as f:
        articles = json.load(f)
    for article in articles[: args.per_file]:
        if args.title:
            article["title"] = (article.get("title") or "")[:60] + " " + tag
        else:
            intro = article.get("intro")
            sentence = "Updated " + tag + "."
            article["intro"] = intro + [sentence] if isinstance(intro, list) else ((intro or "") + " " + sentence)
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(articles, f, ensure_ascii=False)
    os.replace(path + ".tmp", path)
print("changed", args.per_file * len(names), "articles in", ", ".join(names))
