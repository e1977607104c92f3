#!/usr/bin/env python3
"""FastPM parity: convert a C FastPM snapshot to a displacement .npy and compare it with ours.

The build-free half of the check in docs/physics.md ("FastPM parity"): given a snapshot
directory the C FastPM wrote (``write_snapshot = "fastpm"``, e.g. ``fastpm_0.5000``), write its
particles as a displacement (3, N, N, N) float32, indexed by the particle's lattice index from its
ID ``(ix N + iy) N + iz`` and wrapped into [-L/2, L/2) (the layout of
shared/data/fastpm-same-field), and print rms(ours - FastPM) / rms(FastPM) for each displacement
given to compare with (ours from ``./d3m simulate ... output=x.npy``, or a fixture file); with
``--momentum``, also our momentum p = a^3 E dx/da (``momentum_output=p.npy``) as the velocity
100 p / a [km/s] against the snapshot's ``1/Velocity`` (not wrapped).

    python3 scripts/checks/fastpm_parity.py SNAPSHOT_DIR [--npy OUT.npy] [--compare A.npy ...] [--momentum P.npy]

Needs only numpy. The box size and N come from the snapshot's header.
"""
import argparse
import os
import sys

import numpy as np


def read_block(path):
    """A bigfile block (a directory: header, attr-v2, data files 000000 ...) as a numpy array."""
    dtype, nmemb, files = None, 1, []
    with open(os.path.join(path, "header")) as f:
        for line in f:
            key, _, rest = line.partition(":")
            key, rest = key.strip(), rest.strip()
            if key == "DTYPE":
                dtype = np.dtype(rest)
            elif key == "NMEMB":
                nmemb = int(rest)
            elif key == "NFILE":
                pass
            elif key:
                files.append((key, int(rest.split(":")[0])))
    parts = []
    for name, items in files:
        a = np.fromfile(os.path.join(path, name), dtype=dtype, count=items * nmemb)
        if a.size != items * nmemb:
            sys.exit(f"{path}/{name}: {a.size} values, header says {items * nmemb}")
        parts.append(a)
    a = np.concatenate(parts) if parts else np.zeros(0, dtype)
    return a.reshape(-1, nmemb) if nmemb > 1 else a


def attribute(block, name):
    """A numeric attribute of a block (attr-v2: 'name dtype count HEXBYTES #HUMANE [ ... ]')."""
    with open(os.path.join(block, "attr-v2")) as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 4 and fields[0] == name:
                return np.frombuffer(bytes.fromhex(fields[3]), dtype=np.dtype(fields[1]))
    sys.exit(f"{block}: no attribute {name}")


def by_lattice(values, ids, n):
    """Per-particle 3-vectors (np, 3) as a (3, N, N, N) array indexed by the lattice index of their ID."""
    ix, iy, iz = ids // (n * n), (ids // n) % n, ids % n
    out = np.zeros((3, n, n, n), np.float32)
    for c in range(3):
        out[c, ix, iy, iz] = values[:, c]
    return out


def displacement(snapshot):
    """The snapshot's displacement x - q, (3, N, N, N) float32, by lattice index; also L and N."""
    box = float(attribute(os.path.join(snapshot, "Header"), "BoxSize")[0])
    n = int(attribute(os.path.join(snapshot, "Header"), "NC")[0])
    pos = read_block(os.path.join(snapshot, "1", "Position")).astype(np.float64)
    ids = read_block(os.path.join(snapshot, "1", "ID")).astype(np.int64)
    if len(ids) != n ** 3 or np.unique(ids).size != n ** 3 or ids.min() != 0 or ids.max() != n ** 3 - 1:
        sys.exit(f"{snapshot}: expected the IDs 0 .. {n ** 3 - 1} once each")
    ix, iy, iz = ids // (n * n), (ids // n) % n, ids % n
    q = np.stack([ix, iy, iz], axis=1) * (box / n)
    d = pos - q
    d -= box * np.floor(d / box + 0.5)  # into [-L/2, L/2)
    return by_lattice(d, ids, n), box, n


def relative_rms(ours, ref, box):
    """rms over particles of the periodic difference ours - ref, divided by the rms of ref."""
    diff = ours.astype(np.float64) - ref.astype(np.float64)
    diff -= box * np.floor(diff / box + 0.5)
    return np.sqrt(np.mean(diff ** 2) / np.mean(ref.astype(np.float64) ** 2))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("snapshot", help="a C FastPM snapshot directory (fastpm_A.AAAA)")
    p.add_argument("--npy", help="write the displacement here, float32 (3, N, N, N)")
    p.add_argument("--compare", nargs="*", default=[], help="displacement .npy files (3, N, N, N) to compare with")
    p.add_argument("--momentum", help="our momentum .npy (3, N, N, N) at the snapshot's time, against 1/Velocity")
    a = p.parse_args()
    ref, box, n = displacement(a.snapshot)
    time = float(attribute(os.path.join(a.snapshot, "Header"), "Time")[0])
    rms = np.sqrt(np.mean(np.sum(ref.astype(np.float64) ** 2, axis=0)))
    print(f"{a.snapshot}: a = {time:.4f}, L = {box:g} Mpc/h, {n}^3 particles, rms |Psi| {rms:.4f} Mpc/h")
    if a.npy:
        np.save(a.npy, ref)
        print(f"written to {a.npy}")
    for f in a.compare:
        other = np.load(f)
        if other.shape != ref.shape:
            sys.exit(f"{f}: shape {other.shape}, expected {ref.shape}")
        print(f"{f}: rms difference / rms displacement = {relative_rms(other, ref, box):.3e}")
    if a.momentum:
        vel = read_block(os.path.join(a.snapshot, "1", "Velocity")).astype(np.float64)
        ids = read_block(os.path.join(a.snapshot, "1", "ID")).astype(np.int64)
        ref_v = by_lattice(vel, ids, n).astype(np.float64)
        ours_v = 100.0 * np.load(a.momentum).astype(np.float64) / time  # v = H0 p / a, H0 = 100 km/s per Mpc/h
        err = np.sqrt(np.mean((ours_v - ref_v) ** 2) / np.mean(ref_v ** 2))
        print(f"{a.momentum}: velocity 100 p / a vs 1/Velocity, rms difference / rms = {err:.3e}")


if __name__ == "__main__":
    main()
