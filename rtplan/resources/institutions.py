"""The institution diagram (diagram Venn kelembagaan): where each circle goes.

Importance sets a circle's size, closeness its distance from the residents' circle;
:func:`institution_diagram` places them deterministically, and
:func:`rtplan.charts.resources.institution_figure` draws them.
"""

from __future__ import annotations

import math

import pandas as pd

CENTRE_RADIUS = 1.4
"""Radius of the residents' circle in the middle of the diagram."""


def institution_radius(importance: int) -> float:
    """Circle radius for importance 1-5: 0.3 (1) to 0.7 (5)."""
    return 0.2 + 0.1 * max(1, min(5, int(importance)))


def institution_distance(closeness: int, radius: float) -> float:
    """Distance of an institution's centre from the residents' centre, by closeness 1-5.

    5: the circle mostly inside the residents' circle; 4: its centre on the edge;
    3: overlapping the edge a little; 2: apart; 1: far apart. For a given circle size,
    closer always means nearer the centre.
    """
    c = max(1, min(5, int(closeness)))
    return {5: CENTRE_RADIUS - 0.8 * radius, 4: CENTRE_RADIUS, 3: CENTRE_RADIUS + 0.8 * radius,
            2: CENTRE_RADIUS + radius + 0.45, 1: CENTRE_RADIUS + radius + 1.0}[c]


def _separation(d1: float, d2: float, need: float) -> float:
    """Smallest angle between two centres at distances d1, d2 so they are ``need`` apart."""
    if d1 <= 0 or d2 <= 0:
        return 0.0
    cos = (d1 * d1 + d2 * d2 - need * need) / (2 * d1 * d2)
    if cos >= 1:
        return 0.0
    if cos <= -1:
        return math.pi
    return math.acos(cos)


def institution_diagram(institutions: pd.DataFrame) -> pd.DataFrame:
    """Where each institution's circle goes in the Venn diagram (deterministic).

    Importance sets the circle's size (:func:`institution_radius`), closeness its
    distance from the residents' circle (:func:`institution_distance`); the angle is
    chosen so that circles of neighbours overlap as little as possible: institutions
    go round the centre in ``institutions.csv`` order, starting at the top, each one
    as close to the previous as it can be without overlapping, and the room left is
    shared out evenly. When they cannot all fit, every circle is shrunk a little
    (``scale`` < 1) before accepting overlaps.

    Returns
    -------
    DataFrame with ``institution_id``, ``name``, ``importance``, ``closeness``,
    ``radius``, ``distance``, ``angle`` (degrees, counter-clockwise from the right),
    ``x``, ``y``, ``scale``.
    """
    cols = ["institution_id", "name", "importance", "closeness", "radius", "distance", "angle", "x", "y", "scale"]
    rows = institutions.reset_index(drop=True)
    rows = rows[rows["importance"].notna() & rows["closeness"].notna()].reset_index(drop=True)
    n = len(rows)
    if n == 0:
        return pd.DataFrame(columns=cols)
    importance = [max(1, min(5, int(v))) for v in rows["importance"]]
    closeness = [max(1, min(5, int(v))) for v in rows["closeness"]]
    gap = 0.08
    scale = 1.0
    for _ in range(12):
        radius = [institution_radius(i) * scale for i in importance]
        distance = [institution_distance(c, r) for c, r in zip(closeness, radius)]
        steps = [_separation(distance[k], distance[(k + 1) % n], radius[k] + radius[(k + 1) % n] + gap)
                 for k in range(n)] if n > 1 else [2 * math.pi]
        if sum(steps) <= 2 * math.pi or n == 1:
            break
        scale *= 0.92
    spare = max(0.0, 2 * math.pi - sum(steps)) / n if n > 1 else 0.0
    angles = []
    angle = math.pi / 2
    for k in range(n):
        angles.append(angle)
        angle -= steps[k] + spare  # clockwise from the top, like reading a clock
    out = pd.DataFrame({
        "institution_id": rows["institution_id"].astype(str),
        "name": rows["name"].astype(str),
        "importance": importance,
        "closeness": closeness,
        "radius": radius,
        "distance": distance,
        "angle": [math.degrees(a) % 360 for a in angles],
        "x": [d * math.cos(a) for d, a in zip(distance, angles)],
        "y": [d * math.sin(a) for d, a in zip(distance, angles)],
        "scale": scale,
    })
    return out[cols]
