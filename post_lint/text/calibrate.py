"""Thresholds for several models that flag comments together, chosen on out-of-fold scores.

The comment checks' six models each send a comment to review; what a moderator feels is
their union. Choosing each threshold alone (at most x% of legitimate comments flagged by
each) lets six small shares add up, and spends them where the rules already decided. So
the thresholds are chosen together, on cross-validated scores of the comments the rules
keep (a model is read only there, and can only send a comment to review):

1. every model lowers its threshold for free while it passes only hideable comments or
   legitimate ones another model already flags;
2. then, a step at a time, the model whose next step catches the most hideable comments
   not yet caught for each legitimate comment it passes (one, or up to ``LOOKAHEAD`` when
   legitimate comments stand in a row) pays for them, while the legitimate comments
   flagged stay within ``budget`` (a share of all legitimate comments);
3. no threshold goes below ``floor``.

Thresholds fitted to one set of scores move when the set does: the gaps between a few
legitimate comments decide them. :func:`calibrate_robust` fits them by cross-validation:
once per fold on the other folds, and keeps each model's median; then it measures the
legitimate comments each fold's thresholds flag among the comments held out of it, and
lowers the budget (the margin) until that held-out share stays within the target too.

Used by ``scripts/train_comments.py``; pure Python, so the same scores give the same
thresholds on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass

LOOKAHEAD = 3  # legitimate comments a model may pay for in one step, when the hideable ones lie past them


@dataclass(frozen=True)
class Candidate:
    score: float
    index: int  # the comment, in the list ``legit`` describes


@dataclass
class Calibrated:
    thresholds: dict[str, float]
    summary: str  # what the models flag together, in cross-validation


class _Walk:
    """One model's candidates, best score first, and how far down its threshold has come."""

    def __init__(self, candidates: list[Candidate], floor: float) -> None:
        self.items = sorted((c for c in candidates if c.score >= floor), key=lambda c: (-c.score, c.index))
        self.at = 0  # items[:at] are flagged
        self.floor = floor

    def threshold(self) -> float:
        if self.at == 0:
            return 1.0  # flags nothing: no comment scores above 1
        last = self.items[self.at - 1].score
        following = self.items[self.at].score if self.at < len(self.items) else self.floor
        return max(self.floor, last if following >= last else (last + following) / 2)


def calibrate(
    candidates: dict[str, list[Candidate]], legit: list[bool], budget: float, floor: float, population: int | None = None
) -> Calibrated:
    """Thresholds per model so that together they flag at most ``budget`` of the legitimate comments.

    ``population``: how many legitimate comments the budget is a share of (default: all in ``legit``).
    """
    walks = {name: _Walk(items, floor) for name, items in sorted(candidates.items())}
    allowed = int(budget * (sum(legit) if population is None else population))
    flagged: set[int] = set()
    spent = 0
    while True:
        _free_steps(walks, legit, flagged)
        best: tuple[float, int, str, int] | None = None
        for name, walk in walks.items():
            for pay in range(1, min(LOOKAHEAD, allowed - spent) + 1):
                gain, end = _paid_step(walk, legit, flagged, pay)
                # The most hideable comments per legitimate one; two legitimate comments in a row no
                # longer stop a model whose next hideable ones lie just past them.
                if gain and (best is None or gain / pay > best[0]):
                    best = (gain / pay, pay, name, end)
        if best is None:
            break
        _, pay, name, end = best
        walk = walks[name]
        flagged.update(c.index for c in walk.items[walk.at : end])
        walk.at, spent = end, spent + pay
    caught = sum(1 for i in flagged if not legit[i])
    summary = f"{caught} hideable comments the rules keep are flagged, and {spent} of {sum(legit)} legitimate ones"
    return Calibrated({name: round(walk.threshold(), 4) for name, walk in walks.items()}, summary)


def _free_steps(walks: dict[str, _Walk], legit: list[bool], flagged: set[int]) -> None:
    moved = True
    while moved:
        moved = False
        for walk in walks.values():
            while walk.at < len(walk.items) and (not legit[walk.items[walk.at].index] or walk.items[walk.at].index in flagged):
                flagged.add(walk.items[walk.at].index)
                walk.at += 1
                moved = True


def _paid_step(walk: _Walk, legit: list[bool], flagged: set[int], pay: int = 1) -> tuple[int, int]:
    """(new hideable comments caught, where the walk would stop) for taking ``pay`` more legitimate comments."""
    if walk.at >= len(walk.items):
        return 0, walk.at
    end, gain = walk.at, 0
    taken: set[int] = set()
    while end < len(walk.items):
        index = walk.items[end].index
        if legit[index] and index not in flagged and index not in taken:
            if len(taken) == pay:
                break
            taken.add(index)
        gain += int(not legit[index] and index not in flagged)
        end += 1
    return gain, end


def _flagged(candidates: dict[str, list[Candidate]], thresholds: dict[str, float], keep: set[int]) -> set[int]:
    return {c.index for name, items in candidates.items() for c in items if c.index in keep and c.score >= thresholds[name]}


def calibrate_robust(
    candidates: dict[str, list[Candidate]],
    legit: list[bool],
    budget: float,
    floor: float,
    folds: list[set[int]],
    margins: tuple[float, ...] = (1.0, 0.75, 0.5, 0.25, 0.0),
) -> Calibrated:
    """Thresholds calibrated on each fold's complement, their median kept, and the budget lowered by the
    first of ``margins`` whose thresholds flag at most ``budget`` of the legitimate comments held out.

    ``folds`` partition the comments' indices. The held-out figures (over all folds together) are in
    the summary, beside those of the median thresholds on every comment.
    """
    names = sorted(candidates)
    everyone = set(range(len(legit)))
    legit_total = sum(legit)
    for margin in margins:
        per_fold, held_legit, held_caught = [], 0, 0
        for fold in folds:
            rest = everyone - fold
            subset = {name: [c for c in candidates[name] if c.index in rest] for name in names}
            population = sum(legit[i] for i in rest)
            fitted = calibrate(subset, legit, budget * margin, floor, population).thresholds
            per_fold.append(fitted)
            out = _flagged(candidates, fitted, fold)
            held_legit += sum(legit[i] for i in out)
            held_caught += sum(not legit[i] for i in out)
        if held_legit <= budget * legit_total or margin == margins[-1]:
            break
    thresholds = {name: round(_median([t[name] for t in per_fold]), 4) for name in names}
    flagged = _flagged(candidates, thresholds, everyone)
    summary = (
        f"budget x{margin:g}; held out: {held_caught} hideable comments the rules keep are flagged, and {held_legit} "
        f"of {legit_total} legitimate ones; median thresholds on all: {sum(not legit[i] for i in flagged)} and "
        f"{sum(legit[i] for i in flagged)}"
    )
    return Calibrated(thresholds, summary)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
