#!/usr/bin/env bash
# Regenerates sample-data/ with the project's own commands (run from anywhere; about 30 s).
# The paper's box: L = 128 Mpc/h, 32^3 particles, Planck 2015 from A_s, seed 42, z = 0.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
d=sample-data
./d3m lpt order=1 seed=42 output=$d/za-displacement.tif
./d3m simulate seed=42 output=$d/fastpm-displacement.tif
./d3m paint-density input=$d/za-displacement.tif output=$d/za-density.tif
./d3m paint-density input=$d/fastpm-displacement.tif output=$d/fastpm-density.tif
./d3m power-spectrum input=$d/za-displacement.tif input2=$d/fastpm-displacement.tif \
    output=$d/displacement-spectra.csv plot_output=$d/displacement-spectra.png
./d3m power-spectrum input=$d/za-density.tif input2=$d/fastpm-density.tif \
    output=$d/density-spectra.csv plot_output=$d/density-spectra.png
