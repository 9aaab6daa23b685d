"""`post-lint languagetool install|start|stop|status`: a local LanguageTool for the grammar check."""

from __future__ import annotations

import sys
import threading
import time

import click

from . import install as install_module
from . import languagetool as lt


@click.group(name="languagetool")
def languagetool() -> None:
    """A local LanguageTool server for the grammar check (Java 17+, jars from Maven Central)."""


@languagetool.command()
@click.option("--force", is_flag=True, help="download and verify every jar again even when installed")
@click.option("--mirror", default=install_module.MAVEN_CENTRAL, show_default=True, help="a Maven repository URL")
def install(force: bool, mirror: str) -> None:
    """Download LanguageTool's pinned jars (~260 MB) from Maven Central into the per-user cache.

    Each jar is checked against the SHA-256 in the lock file beside the grammar
    check; no Maven is needed. Java 17 or newer is needed to run it.
    """
    version, artifacts = install_module.read_lock()
    target = lt.jars_dir(version)
    java = lt.find_java()
    major = lt.java_major(java) if java else None
    if java is None:
        click.echo(f"warning: {lt.JAVA_MISSING}.", err=True)
    elif major is not None and major < 17:
        click.echo(f"warning: {java} is Java {major}; LanguageTool {version} needs Java 17 or newer.", err=True)
    if (target / ".complete").exists() and not force:
        click.echo(f"LanguageTool {version} is already installed in {target}")
        _next_steps(java, major)
        return
    total = sum(a.size for a in artifacts)
    click.echo(
        f"Downloading LanguageTool {version} ({len(artifacts)} jars, {total / 1e6:.0f} MB) from {mirror} into {target} ..."
    )
    started = time.monotonic()
    lock = threading.Lock()
    with click.progressbar(length=total, label="MB", file=sys.stderr, show_percent=True) as bar:

        def progress(n: int) -> None:
            with lock:
                bar.update(n)

        try:
            install_module.install(target, base=mirror, progress=progress)
        except install_module.InstallError as exc:
            raise click.ClickException(f"{exc}\nRun 'post-lint languagetool install' again to resume.") from None
    click.echo(
        f"Installed LanguageTool {version}: {len(artifacts)} jars, {total / 1e6:.0f} MB, every SHA-256 verified, "
        f"in {time.monotonic() - started:.0f} s."
    )
    _next_steps(java, major)


def _next_steps(java: str | None, major: int | None) -> None:
    if java is None or (major is not None and major < 17):
        click.echo("It cannot run until Java 17 or newer is installed; the grammar check uses its builtin engine meanwhile.")
        return
    click.echo(
        'With [grammar] engine = "auto" (the default) the grammar check now starts LanguageTool in the background '
        "on first need and later runs reuse it; it stops itself when idle. "
        "'post-lint languagetool start|status|stop' run it by hand."
    )


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
    click.echo(f"java: {lt.find_java() or 'not found'}")
    state = lt.read_state()
    if state is not None:
        url = f"http://{lt.LOOPBACK}:{state['port']}"
        if not state.get("warm", True):
            up = "starting (loading its rules)"
        else:
            up = "answering" if lt.answers(url) else "starting (not answering yet)"
        idle = float(state.get("idle") or 0)
        stops = f"; stops after {idle / 60:g} idle minutes" if idle > 0 else ""
        click.echo(f"server: pid {state['pid']} on {url}, {up}{stops}")
        return
    url = f"http://{lt.LOOPBACK}:{port}"
    if lt.answers(url):
        click.echo(f"server: a LanguageTool not started by post-lint answers on {url}")
        return
    click.echo("server: not running (post-lint languagetool start)")
    sys.exit(3)
