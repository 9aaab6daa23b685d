"""Fetch LanguageTool's jars straight from Maven Central, pinned and verified.

The lock file beside this module (``languagetool_lock.txt``) names every jar the
server needs (``group:artifact:version[:classifier]``) with its SHA-256 and size.
Each jar is downloaded over HTTPS from Maven Central into the folder
``post-lint languagetool install`` has always used
(``~/.cache/post-lint/languagetool-6.6/jars``, named as Maven's
``copy-dependencies`` names them), checked against its hash, and only then moved
into place; ``.complete`` is written last, so a half-finished install is never
taken for a whole one. No Maven is needed; Java is needed only to run it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

LOCK_FILE = Path(__file__).with_name("languagetool_lock.txt")
MAVEN_CENTRAL = "https://repo1.maven.org/maven2"
_CHUNK = 1 << 16


class InstallError(Exception):
    """A jar could not be downloaded, or its hash did not match the lock file."""


@dataclass(frozen=True)
class Artifact:
    group: str
    artifact: str
    version: str
    classifier: str
    sha256: str
    size: int

    @property
    def filename(self) -> str:
        """The name Maven's copy-dependencies gives it (so older installs stay valid)."""
        suffix = f"-{self.classifier}" if self.classifier else ""
        return f"{self.artifact}-{self.version}{suffix}.jar"

    def url(self, base: str = MAVEN_CENTRAL) -> str:
        return f"{base.rstrip('/')}/{self.group.replace('.', '/')}/{self.artifact}/{self.version}/{self.filename}"


def read_lock(path: Path | None = None) -> tuple[str, list[Artifact]]:
    """(LanguageTool version, the jars) from a lock file (default: the one beside this module)."""
    path = path or LOCK_FILE
    version = ""
    artifacts = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("# version "):
            version = line.removeprefix("# version ").strip()
        if not line or line.startswith("#"):
            continue
        try:
            coordinates, sha256, size = line.split()
            parts = coordinates.split(":")
            if len(parts) not in (3, 4) or len(sha256) != 64:
                raise ValueError
            group, artifact, jar_version = parts[:3]
            artifacts.append(
                Artifact(group, artifact, jar_version, parts[3] if len(parts) == 4 else "", sha256.lower(), int(size))
            )
        except ValueError:
            raise InstallError(f"{path}:{number}: not 'group:artifact:version[:classifier] sha256 size': {line!r}") from None
    if not version or not artifacts:
        raise InstallError(f"{path}: no '# version' line or no jars")
    return version, artifacts


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fetch(artifact: Artifact, target: Path, base: str, timeout: float, progress: Callable[[int], None]) -> None:
    final = target / artifact.filename
    if final.is_file() and final.stat().st_size == artifact.size and sha256_of(final) == artifact.sha256:
        progress(artifact.size)  # kept from an interrupted install
        return
    url = artifact.url(base)
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(prefix=".part-", dir=target)
    try:
        with os.fdopen(handle, "wb") as out:
            try:
                with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (https, fixed host)
                    for chunk in iter(lambda: response.read(_CHUNK), b""):
                        digest.update(chunk)
                        out.write(chunk)
                        progress(len(chunk))
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", None) or exc
                raise InstallError(f"could not download {url}: {reason}") from None
        if digest.hexdigest() != artifact.sha256:
            raise InstallError(
                f"{artifact.filename} from {url} does not match the lock file "
                f"(SHA-256 {digest.hexdigest()}, expected {artifact.sha256}); nothing was installed from it"
            )
        os.replace(temporary, final)
    finally:
        Path(temporary).unlink(missing_ok=True)


def install(
    target: Path,
    lock: Path | None = None,
    base: str = MAVEN_CENTRAL,
    timeout: float = 60.0,
    workers: int = 4,
    progress: Callable[[int], None] = lambda _n: None,
) -> list[Artifact]:
    """Download every jar of the lock file into ``target``, verified; write ``.complete`` last."""
    version, artifacts = read_lock(lock)
    target.mkdir(parents=True, exist_ok=True)
    (target / ".complete").unlink(missing_ok=True)
    wanted = {a.filename for a in artifacts}
    for stray in target.glob("*.jar"):
        if stray.name not in wanted:
            stray.unlink()  # from another version: the class path takes every jar in the folder
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        for future in [pool.submit(_fetch, a, target, base, timeout, progress) for a in artifacts]:
            future.result()
    (target / ".complete").write_text(version, encoding="utf-8")
    return artifacts
