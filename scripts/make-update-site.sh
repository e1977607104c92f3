#!/usr/bin/env bash
# Builds an ImageJ update-site folder (db.xml.gz + plugins/D3M_Fiji.jar-<timestamp> +
# jars/<dep>.jar-<timestamp>) from the built tree, with org.d3m.ij.site.UpdateSiteBuilder.
# Downloads nothing. Usage: scripts/make-update-site.sh [OUT_DIR]   (default: target/update-site)
# Then host OUT_DIR's content at a URL and add that URL in Fiji (docs/user-guide.md, section 1).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/update-site}"
if [ ! -f plugins/D3M_Fiji.jar ]; then
  mvn -q -B -DskipTests package
fi
exec java -cp plugins/D3M_Fiji.jar org.d3m.ij.site.UpdateSiteBuilder "$out" .
