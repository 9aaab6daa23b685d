"""`post-lint languagetool install|start|stop|status`: a local LanguageTool for the grammar check."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time

import click

from . import languagetool as lt

# The jars LanguageTool's server needs, fetched from Maven Central by Maven itself.
_POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.post-lint</groupId>
  <artifactId>languagetool-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>languagetool-server</artifactId>
      <version>{version}</version>
    </dependency>
    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>language-en</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""
_EXPECTED_JARS = 165  # LanguageTool 6.6 with English: for the progress bar only


@click.group(name="languagetool")
def languagetool() -> None:
    """A local LanguageTool server for the grammar check (Java 17+, jars from Maven Central)."""


@languagetool.command()
@click.option("--version", "version", default=lt.VERSION, show_default=True, help="LanguageTool version (6.x)")
@click.option("--force", is_flag=True, help="fetch again even when installed")
def install(version: str, force: bool) -> None:
    """Fetch LanguageTool's jars (~250 MB) into the per-user cache."""
    target = lt.jars_dir(version)
    if (target / ".complete").exists() and not force:
        click.echo(f"LanguageTool {version} is already installed in {target}")
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise click.ClickException(
            "Maven (mvn) is needed to fetch LanguageTool from Maven Central; install it (apt-get install maven)"
        )
    if shutil.which("java") is None:
        click.echo("warning: Java is not installed; LanguageTool needs Java 17 or newer to run", err=True)
    folder = lt.install_dir(version)
    folder.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.rmtree(target)
    (folder / "pom.xml").write_text(_POM.format(version=version), encoding="utf-8")
    command = [
        mvn,
        "-B",
        "-f",
        str(folder / "pom.xml"),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={target}",
        "-DincludeScope=runtime",
    ]
    click.echo(f"Fetching LanguageTool {version} from Maven Central into {target} ...")
    started = time.monotonic()
    log_lines: list[str] = []
    jars = 0
    with click.progressbar(length=_EXPECTED_JARS, label="jars", show_pos=True, file=sys.stderr) as bar:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert process.stdout is not None
        for line in process.stdout:
            log_lines.append(line)
            # "Downloaded from central: .../x.jar" while fetching; "Copying x.jar to ..." from the local repository
            if re.search(r"(Downloaded from \S+: \S+\.jar|Copying \S+\.jar)", line):
                jars += 1
                bar.update(1 if jars <= _EXPECTED_JARS else 0)
        code = process.wait()
        bar.update(_EXPECTED_JARS)
    if code != 0:
        tail = "".join(log_lines[-15:])
        raise click.ClickException(f"mvn failed (exit {code}):\n{tail}")
    count = len(list(target.glob("*.jar")))
    (target / ".complete").write_text(version, encoding="utf-8")
    size = sum(p.stat().st_size for p in target.glob("*.jar")) / 1e6
    click.echo(f"Installed LanguageTool {version}: {count} jars, {size:.0f} MB, in {time.monotonic() - started:.0f} s.")
    click.echo("Start it with 'post-lint languagetool start'; the grammar check also starts it when needed.")


@languagetool.command()
@click.option("--port", default=lt.DEFAULT_PORT, show_default=True, help="port on 127.0.0.1")
@click.option("--wait", default=90.0, show_default=True, help="seconds to wait until it answers")
def start(port: int, wait: float) -> None:
    """Start LanguageTool in the background on 127.0.0.1; later runs reuse it."""
    state = lt.read_state()
    if state is not None and lt.answers(f"http://{lt.LOOPBACK}:{state['port']}"):
        click.echo(f"LanguageTool is already running on http://{lt.LOOPBACK}:{state['port']} (pid {state['pid']})")
        return
    if lt.answers(f"http://{lt.LOOPBACK}:{port}"):
        click.echo(f"A LanguageTool server already answers on http://{lt.LOOPBACK}:{port}; post-lint will use it")
        return
    click.echo(f"Starting LanguageTool on http://{lt.LOOPBACK}:{port} ...")
    try:
        state = lt.start_server(port, wait=wait)
    except lt.LanguageToolError as exc:
        raise click.ClickException(str(exc)) from None
    if not state["ready"]:
        raise click.ClickException(
            f"LanguageTool (pid {state['pid']}) did not answer within {wait:g} s; see {state['log']}, "
            "or check 'post-lint languagetool status' in a moment"
        )
    click.echo(f"LanguageTool is running (pid {state['pid']}, {state['origin']}). Stop it with 'post-lint languagetool stop'.")


@languagetool.command()
def stop() -> None:
    """Stop the server 'start' left running."""
    state = lt.stop_server()
    if state is None:
        click.echo("No LanguageTool server started by post-lint is running.")
        return
    click.echo(f"Stopped LanguageTool (pid {state['pid']}, port {state['port']}).")


@languagetool.command()
@click.option("--port", default=lt.DEFAULT_PORT, show_default=True, help="port to look at on 127.0.0.1")
def status(port: int) -> None:
    """Is LanguageTool installed, and is a server running?"""
    found = lt.find_installation()
    click.echo(f"installed: {found[1] if found else 'no (run post-lint languagetool install)'}")
    click.echo(f"java: {shutil.which('java') or 'not found'}")
    state = lt.read_state()
    if state is not None:
        url = f"http://{lt.LOOPBACK}:{state['port']}"
        up = "answering" if lt.answers(url) else "starting (not answering yet)"
        click.echo(f"server: pid {state['pid']} on {url}, {up}")
        return
    url = f"http://{lt.LOOPBACK}:{port}"
    if lt.answers(url):
        click.echo(f"server: a LanguageTool not started by post-lint answers on {url}")
        return
    click.echo("server: not running (post-lint languagetool start)")
    sys.exit(3)
