"""The Dask recipe (docs/dask.md): on a local cluster of two workers, exactly the CLI's findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from post_lint import archive  # noqa: E402

CONFIG = ROOT / "tests" / "corpus" / "config.toml"
POSTS = [
    "We ❤️ our volunteers! Call John Smith at 555-867-5309.",
    "The parade starts at 10 a.m. on Main Street. Their going to love it.",
    "Vote for the mayor's party on Tuesday!!! 🎉🎉🎉🎉",
    "I think the council's decision to cut the library budget is terrible.",
    "Visit http://bit.ly/abc123 for details about the road work.",
    "Plain and harmless: the pool opens on Saturday.",
    "Email jane.doe@example.com with your questions about recycling.",
    "# Open house\n\nYour invited to the open house at City Hall next week.",
]


def test_dask_recipe_on_two_workers_gives_the_clis_findings_with_one_load_per_worker(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    records = []
    for i in range(5):
        for j, text in enumerate(POSTS):
            path = posts / f"p{i}-{j}.{'md' if j % 2 else 'txt'}"
            path.write_text(text, encoding="utf-8")
            records.append({"path": str(path), "text": text})
    shards = []
    for n in range(4):  # four archive files: at least four partitions for two workers
        shard = tmp_path / f"archive-{n}.jsonl"
        shard.write_text("".join(json.dumps(r) + "\n" for r in records[n::4]), encoding="utf-8")
        shards.append(str(shard))

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            written = archive.audit(shards, str(tmp_path / "out"), config_file=str(CONFIG))
            loads = client.run(lambda: list(__import__("post_lint.archive").archive.LOADS))
    lines = [json.loads(line) for name in written for line in Path(name).read_text(encoding="utf-8").splitlines()]
    assert all(len(pids) <= 1 for pids in loads.values()) and len(loads) == 2

    cli = run_cli("--config", str(CONFIG), "--format", "json", "--jobs", "1", str(posts))
    expected = json.loads(cli.stdout)["findings"]
    key = lambda f: (f["path"], f["offset"], f["check"], f["rule"])  # noqa: E731
    assert expected
    assert sorted(lines, key=key) == sorted(expected, key=key)
