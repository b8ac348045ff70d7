"""Where each entity of the network is drawn, and the graph measures: the only importer of
numpy and networkx.

The layout is a force-directed one (Fruchterman–Reingold) written over numpy arrays: edges pull
their ends together (more for a heavier edge, on a log scale), every node pushes every other
away — against a fixed-size random sample of the others per step when the network is large, so
a step costs the same for 2,000 nodes as for 400 — and a weak pull towards the centre keeps
separate groups in view. networkx's own spring layout needs scipy above 500 nodes and loops in
Python there.

Stable between refreshes: the random numbers come from a fixed seed, a node that has a
position keeps it exactly, and only new nodes move — starting next to their placed
neighbours. So a tag or a merge never rearranges the picture the analyst was reading.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping, Sequence

import networkx as nx
import numpy as np

from desktop.analysis.network import Network, node_radius

Point = tuple[float, float]
SPACING = 60.0
"""The ideal edge length, in scene units (pixels at 100 % zoom)."""
SAMPLE = 400
"""Nodes each node is pushed away from per step, at most."""
SEED = 16
GRAVITY = 1.0
"""The pull towards the middle, in units of SPACING × √nodes (see ``layout``)."""
GAP = 16.0
"""The room kept between two nodes' edges (a name is written under its node, 11 units high)."""
LEAF = SPACING * 0.75
"""How far a node of one link is from its neighbour's edge, at most."""
PACK_GAP = SPACING
"""The room kept between a group of nodes not linked to the others (a lone node) and them."""
PACK_RAYS = 144
"""The directions in which such a group may be put beside the others."""
APART = 150
"""Networks of at most this many nodes are pushed apart until no two nodes overlap. Pairs
are compared all with all: 150 dense nodes cost about 0.3 s more in the background, 1,000 cost
28 s; a bigger network is read zoomed in, where its nodes do not cover each other."""


def _arrays(
    network: Network,
) -> tuple[list[int], np.ndarray, np.ndarray, np.ndarray]:
    ids = [node.id for node in network.nodes]
    where = {node_id: i for i, node_id in enumerate(ids)}
    pairs = [(where[e.source], where[e.target], e.weight) for e in network.edges]
    if pairs:
        src = np.array([p[0] for p in pairs], dtype=np.int64)
        dst = np.array([p[1] for p in pairs], dtype=np.int64)
        weight = np.log1p(np.array([p[2] for p in pairs], dtype=np.float64))
    else:
        src = dst = np.zeros(0, dtype=np.int64)
        weight = np.zeros(0, dtype=np.float64)
    return ids, src, dst, weight


def layout(
    network: Network,
    previous: Mapping[int, Point] | None = None,
    *,
    iterations: int = 80,
    seed: int = SEED,
    cancelled: Callable[[], bool] | None = None,
    aspect: float | None = None,
) -> dict[int, Point]:
    """Entity id → (x, y) for every node of ``network``: those in ``previous`` where they
    were, the others placed among them.

    Each group of nodes linked among themselves that has no node placed before (a connected
    component; a node without links is one) is laid out on its own, then packed close
    around what is placed already, the biggest group first (:func:`_pack`): laid out
    together, the force pushed the small groups and lone nodes to the edge of the picture
    (إدلب, فرانسوا هولاند far out), and the fitted figure was a small blob in an empty
    frame. The groups holding a placed node are laid out as before: the placed nodes stay,
    the new ones start next to their placed neighbours.

    ``aspect``: the width over the height of the view it is drawn in (a dock under the
    article): each new group is drawn out across towards it (:func:`widened`)."""
    previous = previous or {}
    ids, src, dst, weight = _arrays(network)
    n = len(ids)
    if n == 0:
        return {}
    rng = np.random.default_rng(seed)
    fixed = np.array([node_id in previous for node_id in ids], dtype=bool)
    radii = np.array([node_radius(node.mentions) for node in network.nodes])
    pos = np.zeros((n, 2))
    if fixed.any():
        pos[fixed] = np.array([previous[i] for i, keep in zip(ids, fixed, strict=True) if keep])
    groups = _components(n, src, dst)
    anchored = [group for group in groups if fixed[group].any()]
    free = [group for group in groups if not fixed[group].any()]
    if anchored:
        members = np.sort(np.concatenate(anchored))
        _anchored(pos, members, fixed, src, dst, weight, radii, rng, iterations, cancelled)
    packer = _Packer(pos, radii)
    if anchored:
        packer.start(members)
    for group in free:  # the biggest first
        if cancelled is not None and cancelled():
            break
        local = _free_group(group, src, dst, weight, radii, rng, iterations, cancelled)
        if n <= ACROSS:
            local = landscape(local)
        if aspect is not None:
            local = widened(local, aspect)
        if not packer.placed.size:
            pos[group] = local  # the first group is the middle of the picture
            packer.start(group)
        else:
            packer.put(group, local)
    return {node_id: (float(x), float(y)) for node_id, (x, y) in zip(ids, pos, strict=True)}


def _components(n: int, src: np.ndarray, dst: np.ndarray) -> list[np.ndarray]:
    """The indices of each connected component, the biggest first (ties: by their first
    node, for a stable order). Each node takes the least label of its neighbours' and its
    labels' labels until none changes: a few numpy passes (networkx's graph of 20,000
    edges alone took 70 ms)."""
    label = np.arange(n)
    while True:
        before = label.copy()
        if src.size:
            least = np.minimum(label[src], label[dst])
            np.minimum.at(label, src, least)
            np.minimum.at(label, dst, least)
        label = label[label]
        if np.array_equal(label, before):
            break
    order = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[order])) + 1
    found = np.split(order, cuts)
    found.sort(key=lambda part: (-len(part), int(part[0])))
    return found


def _subgraph(
    members: np.ndarray, src: np.ndarray, dst: np.ndarray, weight: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The edges between ``members`` (sorted indices), renumbered into them."""
    inside = np.isin(src, members) & np.isin(dst, members)
    return (
        np.searchsorted(members, src[inside]),
        np.searchsorted(members, dst[inside]),
        weight[inside],
    )


def _free_group(
    group: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    weight: np.ndarray,
    radii: np.ndarray,
    rng: np.random.Generator,
    iterations: int,
    cancelled: Callable[[], bool] | None,
) -> np.ndarray:
    """A component with no placed node laid out on its own, around (0, 0)."""
    n = len(group)
    if n == 1:
        return np.zeros((1, 2))
    s, d, w = _subgraph(group, src, dst, weight)
    side = SPACING * max(1.0, np.sqrt(n))
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    moving = np.ones(n, dtype=bool)
    _force(pos, moving, s, d, w, rng, iterations, side / 8, iterations, cancelled)
    _tuck_leaves(pos, moving, s, d, radii[group])
    if n <= APART:
        separate(pos, radii[group], moving)
    centred: np.ndarray = pos - pos.mean(axis=0)
    return centred


ACROSS = 20
"""A network of up to this many nodes laid out anew has each group turned to lie across
(:func:`landscape`); a bigger one fills its room whichever way it lies, its names placed
around it as laid out (turning its small groups changed how they packed, and names came to
lie over nodes in the accepted sample's briefing figure)."""


def landscape(pos: np.ndarray) -> np.ndarray:
    """Points centred on (0, 0) turned so that their longest extent runs across: a force
    layout comes out at any angle, and a tall one made a page-high figure of six entities in
    the briefing (a page is wider than the room left on it) and a strip in a wide dock.
    Turned by the principal axis, the heavier end of it (the first, biggest nodes' side)
    kept to the left, so that the same network always comes out the same way."""
    if len(pos) < 2:
        return pos
    values, vectors = np.linalg.eigh(np.cov(pos.T))
    axis = vectors[:, int(np.argmax(values))]
    if not np.isfinite(axis).all():
        return pos
    if axis @ pos[0] > 0:
        axis = -axis
    turned = np.column_stack((pos @ axis, pos @ np.array([-axis[1], axis[0]])))
    return turned


WIDEST = 4.0
"""The widest (width over height) :func:`widened` draws a group out to."""
STRETCH = 3.0
"""The most :func:`widened` stretches a group across: more, and its links ran nearly flat."""


def widened(pos: np.ndarray, aspect: float) -> np.ndarray:
    """Landscape points stretched across towards ``aspect`` (at most WIDEST, by STRETCH at
    most): fitted whole in a dock under the article at 1024×640, about 1000×180 px, a
    network laid out 1.4 times as wide as tall was drawn in a fifth of the dock's width, its
    names over each other's links and nodes (a trial also saw a name left out). Only the
    groups laid out anew: placed nodes stay where the analyst saw them."""
    if len(pos) < 2:
        return pos
    width, height = np.ptp(pos[:, 0]), np.ptp(pos[:, 1])
    target = min(aspect, WIDEST)
    if height <= 0 or width <= 0 or width >= target * height:
        return pos
    stretched = pos.copy()
    stretched[:, 0] *= min(target * height / width, STRETCH)
    return stretched


def _anchored(
    pos: np.ndarray,
    members: np.ndarray,
    fixed: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    weight: np.ndarray,
    radii: np.ndarray,
    rng: np.random.Generator,
    iterations: int,
    cancelled: Callable[[], bool] | None,
) -> None:
    """The new nodes of the components holding a placed node placed among the placed ones
    (which stay), in place: each starts next to its placed neighbours (the middle of them),
    else at the edge of the picture."""
    sub = pos[members]
    keep = fixed[members]
    s, d, w = _subgraph(members, src, dst, weight)
    n = len(members)
    total = np.zeros((n, 2))
    count = np.zeros(n)
    for a, b in ((s, d), (d, s)):
        placed = keep[b]
        np.add.at(total, a[placed], sub[b[placed]])
        np.add.at(count, a[placed], 1)
    fresh = ~keep
    near = fresh & (count > 0)
    sub[near] = total[near] / count[near, None] + rng.normal(0, SPACING / 3, (int(near.sum()), 2))
    lonely = fresh & (count == 0)
    if lonely.any():
        centre = sub[keep].mean(axis=0)
        radius = np.abs(sub[keep] - centre).max() + SPACING
        angle = rng.uniform(0, 2 * np.pi, int(lonely.sum()))
        sub[lonely] = centre + radius * np.column_stack((np.cos(angle), np.sin(angle)))
    if fresh.any():
        _force(
            sub, fresh, s, d, w, rng, iterations, SPACING * 2, max(30, iterations // 3), cancelled
        )
        _tuck_leaves(sub, fresh, s, d, radii[members])
        if n <= APART:
            separate(sub, radii[members], fresh)
    pos[members] = sub


def _tuck_leaves(
    pos: np.ndarray, moving: np.ndarray, src: np.ndarray, dst: np.ndarray, radii: np.ndarray
) -> None:
    """Bring each moving node of one link (to a node of more) back to :data:`LEAF` from its
    neighbour, in place: held by one pull against the push of the whole network, such nodes
    ended three links' length out (إدلب at the far corner of a briefing's figure)."""
    degree = np.bincount(np.concatenate((src, dst)), minlength=len(pos))
    for leaf_end, other_end in ((src, dst), (dst, src)):
        chosen = (degree[leaf_end] == 1) & (degree[other_end] > 1) & moving[leaf_end]
        leaf, hub = leaf_end[chosen], other_end[chosen]
        if not leaf.size:
            continue
        away = pos[leaf] - pos[hub]
        far = np.maximum(np.sqrt((away**2).sum(axis=1)), 1e-9)
        length = radii[leaf] + radii[hub] + LEAF
        closer = far > length
        pos[leaf[closer]] = (
            pos[hub[closer]] + away[closer] / far[closer, None] * length[closer, None]
        )


def _force(
    pos: np.ndarray,
    moving_mask: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    weight: np.ndarray,
    rng: np.random.Generator,
    iterations: int,
    temperature: float,
    steps: int,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Fruchterman–Reingold steps over ``pos`` (in place), only the ``moving_mask`` nodes
    moving."""
    n = len(pos)
    moving = np.flatnonzero(moving_mask)
    if moving.size == 0:
        return
    k = SPACING
    cool = temperature / (iterations + 1)
    pull_weight = (1 + weight) / 2
    gravity = k * np.sqrt(n) * GRAVITY
    for _step in range(steps):
        if cancelled is not None and cancelled():
            break
        if n > SAMPLE:
            others = rng.choice(n, SAMPLE, replace=False)
            scale = n / SAMPLE
        else:
            others = np.arange(n)
            scale = 1.0
        # Repulsion, x and y apart in float32: 2-D arrays of moving × sampled nodes.
        xs, ys = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
        dx = xs[moving, None] - xs[None, others]
        dy = ys[moving, None] - ys[None, others]
        strength = dx * dx
        strength += dy * dy
        np.maximum(strength, np.float32(0.01 * k * k), out=strength)
        np.divide(np.float32(k * k * scale), strength, out=strength)
        fx = np.zeros(n)
        fy = np.zeros(n)
        fx[moving] = (dx * strength).sum(axis=1)
        fy[moving] = (dy * strength).sum(axis=1)
        if src.size:
            ex = pos[dst, 0] - pos[src, 0]
            ey = pos[dst, 1] - pos[src, 1]
            pull = np.sqrt(ex * ex + ey * ey) / k * pull_weight
            ex *= pull
            ey *= pull
            fx += np.bincount(src, ex, n) - np.bincount(dst, ex, n)
            fy += np.bincount(src, ey, n) - np.bincount(dst, ey, n)
        centre = pos.mean(axis=0)
        # Gravity of a constant strength towards the middle: it balances the push of the
        # whole network at about its own radius, so a node without links stays near the
        # others instead of drifting out (a pull growing with distance left it thousands
        # of units away, and the fitted picture tiny).
        gx = pos[:, 0] - centre[0]
        gy = pos[:, 1] - centre[1]
        reach = np.maximum(np.sqrt(gx * gx + gy * gy), 1e-9)
        fx -= gx / reach * gravity
        fy -= gy / reach * gravity
        step = np.column_stack((fx[moving], fy[moving]))
        size = np.sqrt((step**2).sum(axis=1))[:, None]
        step = step / np.maximum(size, 1e-9) * np.minimum(size, temperature)
        pos[moving] += step
        temperature = max(temperature - cool, SPACING / 20)


class _Packer:
    """Puts groups of nodes not linked to the others (lone nodes) just outside the nodes
    placed, where they come nearest their middle: along each of :data:`PACK_RAYS` rays from
    the middle, the nearest point beyond every placed node at which a group's circle keeps
    :data:`PACK_GAP` from each — close around the picture, clear of it (a lone node in a
    hole among the others would look linked to them). Exact for each ray: a few numpy
    operations over the rays × the nodes, for the nodes placed first; then only a placed
    group's own nodes are added (a hundred lone nodes beside 2,000 cost 17 ms each when all
    were measured again)."""

    def __init__(self, pos: np.ndarray, radii: np.ndarray) -> None:
        self.pos = pos
        self.radii = radii
        # From the top left round (a fixed start: the same picture every time).
        angles = -3 * math.pi / 4 + np.arange(PACK_RAYS) * (2 * math.pi / PACK_RAYS)
        self.rays = np.column_stack((np.cos(angles), np.sin(angles)))
        self.centre = np.zeros(2)
        self.placed = np.zeros(0, dtype=np.int64)
        self.reach = np.zeros(PACK_RAYS)
        self.size = -1.0  # the group size ``reach`` keeps room for

    def start(self, placed: np.ndarray) -> None:
        """The nodes (indices) placed before any group."""
        others = self.pos[placed]
        self.centre = (others.min(axis=0) + others.max(axis=0)) / 2
        self.placed = placed

    def _blocked(self, nodes: np.ndarray, size: float) -> np.ndarray:
        """How far along each ray ``nodes`` keep a group of ``size`` (a radius) away."""
        relative = self.pos[nodes] - self.centre
        need = self.radii[nodes] + size + PACK_GAP
        along = self.rays @ relative.T  # each node's distance along each ray
        room2 = need[None, :] ** 2 - ((relative**2).sum(axis=1)[None, :] - along**2)
        # A node closer to the ray than ``need`` blocks it up to ``along + √room2``.
        blocked = np.where(room2 > 0, along + np.sqrt(np.maximum(room2, 0.0)), 0.0)
        found: np.ndarray = blocked.max(axis=1)
        return found

    def put(self, group: np.ndarray, local: np.ndarray) -> None:
        """``group`` (laid out at ``local``, around (0, 0)) placed, in ``pos``."""
        size = float(np.sqrt((local**2).sum(axis=1)).max() + self.radii[group].max())
        if size > self.size or size < 0.8 * self.size:
            # Room kept for a bigger group is close enough for a smaller one (the groups
            # come biggest first); measured again when much smaller.
            self.reach = self._blocked(self.placed, size)
            self.size = size
        best = int(np.argmin(self.reach))
        self.pos[group] = local + self.centre + self.reach[best] * self.rays[best]
        self.placed = np.concatenate((self.placed, group))
        self.reach = np.maximum(self.reach, self._blocked(group, self.size))


def separate(pos: np.ndarray, radii: np.ndarray, moving: np.ndarray, *, rounds: int = 200) -> None:
    """Push the ``moving`` nodes apart, in place, until no two nodes of ``radii`` come closer
    than their radii and :data:`GAP` (or ``rounds`` have passed). The force-directed layout
    treats nodes as points: in a small network of a few much-mentioned entities their discs
    covered each other and the names under them (a briefing's figure showed four persons
    piled on one another). A node that stays (placed before) is not moved."""
    n = len(pos)
    if n < 2 or not moving.any():
        return
    need = radii[:, None] + radii[None, :] + GAP
    rng = np.random.default_rng(SEED)
    for _round in range(rounds):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        distance = np.sqrt(dx * dx + dy * dy)
        np.fill_diagonal(distance, np.inf)
        over = need - distance
        if not (over > 0.01).any():
            return
        np.maximum(over, 0.0, out=over)
        same = distance < 1e-6
        if same.any():  # two nodes on one point: a nudge gives them a direction
            pos[moving] += rng.normal(0, 1.0, (int(moving.sum()), 2))
            continue
        # Each node of an overlapping pair moves half the overlap (all of it when the
        # other stays), along the line between them.
        share = np.where(moving[None, :], 0.5, 1.0)
        push = over / distance * share
        step = np.column_stack(((dx * push).sum(axis=1), (dy * push).sum(axis=1)))
        pos[moving] += step[moving]
    # A new node caught between nodes that stay is pushed to and fro: it takes the nearest
    # free place on rings around where it is instead.
    for i in (int(k) for k in np.flatnonzero(moving)):
        others = np.arange(n) != i
        if _free(pos, need, i, pos[i], others):
            continue
        angles = np.linspace(0, 2 * np.pi, 24, endpoint=False)
        ring = np.column_stack((np.cos(angles), np.sin(angles)))
        for distance in np.arange(1, 80) * (GAP + radii[i]) / 2:
            spot = next(
                (p for p in pos[i] + distance * ring if _free(pos, need, i, p, others)), None
            )
            if spot is not None:
                pos[i] = spot
                break


def _free(pos: np.ndarray, need: np.ndarray, i: int, at: np.ndarray, others: np.ndarray) -> bool:
    distance = np.sqrt(((pos[others] - at) ** 2).sum(axis=1))
    return bool((distance >= need[i, others] - 0.01).all())


def _graph(network: Network) -> nx.Graph:
    graph = nx.Graph()
    for node in network.nodes:
        graph.add_node(node.id)
    for edge in network.edges:
        graph.add_edge(edge.source, edge.target, weight=edge.weight)
    return graph


BETWEENNESS_SAMPLE = 300
"""Above this many nodes betweenness is estimated from this many sources (fixed seed): exact
betweenness of 2,000 nodes takes minutes in networkx."""


def betweenness(network: Network, selection: Sequence[int] | None = None) -> dict[int, float]:
    """Entity id → betweenness centrality (normalised) of the network's nodes, or only of
    ``selection``'s — computed on request, since it costs far more than the degrees."""
    graph = _graph(network)
    if graph.number_of_nodes() == 0:
        return {}
    sample = BETWEENNESS_SAMPLE if graph.number_of_nodes() > BETWEENNESS_SAMPLE else None
    values: dict[int, float] = nx.betweenness_centrality(graph, k=sample, seed=SEED)
    if selection is not None:
        chosen = set(selection)
        return {key: value for key, value in values.items() if key in chosen}
    return values


def write_graphml(
    network: Network,
    path: str | os.PathLike[str],
    clean: Callable[[str], str],
    positions: Mapping[int, Point] | None = None,
) -> None:
    """The network as GraphML at ``path`` (names passed through ``clean``: XML 1.0 cannot
    hold most control characters)."""
    graph = nx.Graph()
    positions = positions or {}
    for node in network.nodes:
        x, y = positions.get(node.id, (0.0, 0.0))
        graph.add_node(
            node.id,
            name=clean(node.name),
            type=node.type,
            mentions=node.mentions,
            x=float(x),
            y=float(y),
        )
    for edge in network.edges:
        graph.add_edge(
            edge.source,
            edge.target,
            weight=edge.weight,
            cooccurrence=edge.cooccurrence,
            claims=edge.claims,
            kinds=" ".join(edge.kinds),
        )
    graph.graph["level"] = network.options.level
    graph.graph["min_weight"] = network.options.min_weight
    nx.write_graphml(graph, os.fspath(path), encoding="utf-8")


class Segments:
    """Line segments (x1, y1, x2, y2) to draw, cut to a rectangle at numpy speed: a zoomed-in
    view draws only what it shows (Qt strokes a wide pen's whole line, even the part
    thousands of pixels outside the window)."""

    def __init__(self, coords: Sequence[tuple[float, float, float, float]]) -> None:
        self._all = np.asarray(coords, dtype=np.float64).reshape(-1, 4)
        self._low = np.minimum(self._all[:, 0:2], self._all[:, 2:4])
        self._high = np.maximum(self._all[:, 0:2], self._all[:, 2:4])

    def __len__(self) -> int:
        return len(self._all)

    def clipped(
        self, left: float, top: float, right: float, bottom: float
    ) -> list[tuple[float, float, float, float]]:
        """The parts of the segments inside the rectangle (Liang–Barsky)."""
        return self.first_clipped(left, top, right, bottom, len(self._all))[1]

    def cut(self, left: float, top: float, right: float, bottom: float) -> Cut:
        """The same parts as ``clipped``, in the same order, kept as numbers: a view drawing
        them a chunk at a time makes Python's numbers for one chunk at a time (thousands
        of lines held between the window's events as objects fed the cycle collector)."""
        a = self._all
        low, high = self._low, self._high
        near = np.flatnonzero(
            (high[:, 0] >= left)
            & (low[:, 0] <= right)
            & (high[:, 1] >= top)
            & (low[:, 1] <= bottom)
        )
        return Cut(_liang_barsky(a[near], left, top, right, bottom)[1])

    def first_clipped(
        self, left: float, top: float, right: float, bottom: float, limit: int
    ) -> tuple[list[int], list[tuple[float, float, float, float]]]:
        """The first ``limit`` segments (in their stored order) that cross the rectangle:
        their indices, and their parts inside it. Stored strongest first, these are the
        strongest edges in sight (what a view draws while it is being zoomed or panned).
        Only the first of those near the rectangle are cut, a few more at a time until
        ``limit`` are found (zoomed in, most of 20,000 edges pass near the window)."""
        a = self._all
        if not len(a) or limit <= 0:
            return [], []
        low, high = self._low, self._high
        near = np.flatnonzero(
            (high[:, 0] >= left)
            & (low[:, 0] <= right)
            & (high[:, 1] >= top)
            & (low[:, 1] <= bottom)
        )
        chosen: list[np.ndarray] = []
        parts: list[np.ndarray] = []
        found = 0
        done = 0
        step = max(2 * limit, 256)
        while done < len(near) and found < limit:
            index = near[done : done + step]
            done += len(index)
            step *= 4
            kept, cut = _liang_barsky(a[index], left, top, right, bottom)
            chosen.append(index[kept][: limit - found])
            parts.append(cut[: limit - found])
            found += len(chosen[-1])
        if not chosen:
            return [], []
        coords: list[tuple[float, float, float, float]] = list(
            map(tuple, np.concatenate(parts).tolist())
        )
        return np.concatenate(chosen).tolist(), coords


class Cut:
    """Segments cut to a rectangle (``Segments.cut``), read a chunk at a time."""

    def __init__(self, rows: np.ndarray) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, start: int, stop: int) -> list[list[float]]:
        """Segments ``start`` to ``stop`` (x1, y1, x2, y2 each)."""
        found: list[list[float]] = self._rows[start:stop].tolist()
        return found


def _liang_barsky(
    segments: np.ndarray, left: float, top: float, right: float, bottom: float
) -> tuple[np.ndarray, np.ndarray]:
    """Which of the segments (rows x1, y1, x2, y2) cross the rectangle, and those parts of
    them inside it (one row each)."""
    x1, y1, x2, y2 = segments[:, 0], segments[:, 1], segments[:, 2], segments[:, 3]
    dx, dy = x2 - x1, y2 - y1
    start = np.zeros(len(x1))
    end = np.ones(len(x1))
    out = np.zeros(len(x1), dtype=bool)
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        flat = p == 0
        out |= flat & (q < 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(flat, 0.0, q / np.where(flat, 1.0, p))
        start = np.where(~flat & (p < 0), np.maximum(start, ratio), start)
        end = np.where(~flat & (p > 0), np.minimum(end, ratio), end)
    keep = np.flatnonzero(~out & (start <= end))
    cut = np.empty((len(keep), 4))
    cut[:, 0] = (x1 + start * dx)[keep]
    cut[:, 1] = (y1 + start * dy)[keep]
    cut[:, 2] = (x1 + end * dx)[keep]
    cut[:, 3] = (y1 + end * dy)[keep]
    return keep, cut


class Boxes:
    """Rectangles (left, top, right, bottom) in a stored order, those touching a window found
    at numpy speed: the nodes a view must draw, without asking each node in Python."""

    def __init__(self, boxes: Sequence[tuple[float, float, float, float]]) -> None:
        self._all = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)

    def __len__(self) -> int:
        return len(self._all)

    def touching(self, left: float, top: float, right: float, bottom: float) -> list[int]:
        """The indices (in stored order) of the boxes that touch the rectangle."""
        a = self._all
        hit = (a[:, 2] >= left) & (a[:, 0] <= right) & (a[:, 3] >= top) & (a[:, 1] <= bottom)
        found: list[int] = np.flatnonzero(hit).tolist()
        return found


class Labels:
    """Names beside their nodes — each row the node's centre and radius (scene units), the
    name's width and height (pixels on screen, as big at any zoom) and its place (below,
    above, right, left, the four corners, across it: ``NodeItem.name_boxes``' order) —, those on
    screen found at numpy speed for any zoom: a zoom out's frames draw them over pictures
    drawn without names."""

    def __init__(self, rows: Sequence[tuple[float, float, float, float, float, int]]) -> None:
        table = np.asarray(rows, dtype=np.float64).reshape(-1, 6)
        self._centre = table[:, 0:2]
        self._radius = table[:, 2]
        self._size = table[:, 3:5]
        place = table[:, 5]
        # The corner as a part of the radius (+1 away, -1 towards) and of the name's size.
        self._by_radius = np.zeros((len(table), 2))
        self._by_size = np.zeros((len(table), 2))
        self._gap = np.zeros((len(table), 2))
        for index, (radius, size, gap) in enumerate(
            (
                ((0, 1), (-0.5, 0), (0, 1)),  # below
                ((0, -1), (-0.5, -1), (0, -1)),  # above
                ((1, 0), (0, -0.5), (2, 0)),  # right
                ((-1, 0), (-1, -0.5), (-2, 0)),  # left
                ((1, 1), (0, 0), (1, 1)),  # below right
                ((-1, 1), (-1, 0), (-1, 1)),  # below left
                ((1, -1), (0, -1), (1, -1)),  # above right
                ((-1, -1), (-1, -1), (-1, -1)),  # above left
                ((0, 0), (-0.5, -0.5), (0, 0)),  # across the node
            )
        ):
            mask = place == index
            self._by_radius[mask] = radius
            self._by_size[mask] = size
            self._gap[mask] = gap

    def __len__(self) -> int:
        return len(self._centre)

    def on_screen(
        self, scale: float, dx: float, dy: float, window: Box, skip: Box | None = None
    ) -> tuple[list[int], list[tuple[float, float]]]:
        """The names reaching ``window`` (pixels) at zoom ``scale`` with the scene moved by
        ``dx``, ``dy``, leaving out those reaching ``skip``: their indices (in stored
        order) and top left corners."""
        if not len(self._centre):
            return [], []
        corner = (
            self._centre * scale
            + (dx, dy)
            + self._by_radius * (self._radius * scale)[:, None]
            + self._by_size * self._size
            + self._gap
        )
        end = corner + self._size
        left, top, right, bottom = window
        hit = (end[:, 0] >= left) & (corner[:, 0] <= right)
        hit &= (end[:, 1] >= top) & (corner[:, 1] <= bottom)
        if skip is not None:
            left, top, right, bottom = skip
            inside = (end[:, 0] >= left) & (corner[:, 0] <= right)
            hit &= ~(inside & (end[:, 1] >= top) & (corner[:, 1] <= bottom))
        found = np.flatnonzero(hit)
        corners: list[tuple[float, float]] = list(map(tuple, corner[found].tolist()))
        return found.tolist(), corners


Box = tuple[float, float, float, float]
"""left, top, right, bottom."""


class _Grid:
    """Boxes in cells of a grid, to find those near a box quickly — each a label placed or
    an obstacle —; a box over many cells is kept apart and checked against every box asked
    about."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1e-9)
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float, bool]]] = {}
        self.huge: list[tuple[float, float, float, float, bool]] = []

    def _near(self, box: Box) -> tuple[range, range]:
        left, top, right, bottom = box
        cell = self.cell
        return (
            range(math.floor(left / cell), math.floor(right / cell) + 1),
            range(math.floor(top / cell), math.floor(bottom / cell) + 1),
        )

    def overlaps(self, box: Box, pad: float = 0.0, own: Box | None = None) -> tuple[bool, bool]:
        """Whether ``box`` grown by ``pad`` on every side overlaps a label, and whether
        ``box`` itself overlaps an obstacle other than ``own`` (boxes that only touch do not
        overlap)."""
        left, top, right, bottom = box
        wide = (left - pad, top - pad, right + pad, bottom + pad)
        columns, rows = self._near(wide)
        if len(columns) * len(rows) > 64:
            near = [b for cells in self.cells.values() for b in cells]
        else:
            cells = self.cells
            near = [b for c in columns for r in rows for b in cells.get((c, r), ())]
        near += self.huge
        label = obstacle = False
        for b in near:
            if b[4]:
                if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom:
                    obstacle = obstacle or own is None or b[:4] != own
            elif wide[0] < b[2] and b[0] < wide[2] and wide[1] < b[3] and b[1] < wide[3]:
                label = True
                break
        return label, obstacle

    def add(self, box: Box, obstacle: bool = False) -> None:
        columns, rows = self._near(box)
        entry = (*box, obstacle)
        if len(columns) * len(rows) > 64:
            self.huge.append(entry)
            return
        for c in columns:
            for r in rows:
                self.cells.setdefault((c, r), []).append(entry)


def place_labels(
    choices: Sequence[Sequence[Box]],
    obstacles: Sequence[Box] = (),
    keep: int = 0,
    moved: int | None = None,
    pad: float = 0.0,
    owners: Sequence[Box | None] = (),
) -> list[int | None]:
    """Where to put each label, in the given order (the first are the most wanted): the index
    of the first of its boxes that comes within ``pad`` of no label placed before it and
    overlaps no obstacle (the nodes); None when none is free. The first ``keep`` labels are
    left out while a box is clear of labels: with no box free, the last such (a name's last
    place is across its own node, where the reader looks for it) — a label is never placed
    over another (the biggest were, where nothing was clear: names over names). A bigger node's
    name placed first wins; a smaller one's tries below, above, beside. Only
    the first ``moved`` labels (None: all) try other places; the rest take their first box
    if it is free (thousands of small nodes' names trying four places each cost five times
    as much, for names few would look for there).

    A name whose places all covered a node took its usual place if no label was there, over
    the node (a trial's figure wrote الولايات المتحدة across two nodes); and two names that
    only touched ran together into one ("بشار الأسدسيرغي لافروف"): ``pad`` keeps them apart.
    ``owners``: each label's own obstacle (its node), which it may cover (a big node's name
    written across it), or None."""
    if not choices:
        return []
    sizes = sorted(max(b[2] - b[0], b[3] - b[1]) for boxes in choices for b in boxes[:1])
    cell = sizes[len(sizes) // 2] if sizes else 1.0
    grid = _Grid(cell)
    for box in obstacles:
        grid.add(box, True)
    chosen: list[int | None] = []
    for number, boxes in enumerate(choices):
        found: int | None = None
        if moved is not None and number >= moved:
            boxes = boxes[:1]
        clear: int | None = None  # the last box clear of labels
        own = owners[number] if number < len(owners) else None
        for index, box in enumerate(boxes):
            label, obstacle = grid.overlaps(box, pad, own)
            if not label:
                clear = index
            if not label and not obstacle:
                found = index
                break
        if found is None and number < keep:
            found = clear
        chosen.append(found)
        if found is not None:
            grid.add(boxes[found])
    return chosen


def apart(boxes: Sequence[Box]) -> list[bool]:
    """Which boxes (left, top, right, bottom) to keep, in the given order (the first are the
    most wanted): each box that overlaps none kept before it — boxes that only touch do not
    overlap."""
    return [found is not None for found in place_labels([(box,) for box in boxes])]
