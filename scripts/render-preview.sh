#!/usr/bin/env bash
# Förhandsvisning av DOCX-utskriften: ritar sidan 1 av referensfallet
# (fixtures/sodermalm-ks-2025-804.yaml) till docs/forsta-sidan.png.
#
#   YAML --remiss draft--> DOCX --LibreOffice--> PDF --pdftoppm--> PNG
#
# Kräver LibreOffice (libreoffice-writer-nogui) och poppler-utils.
# Användning: scripts/render-preview.sh [fall.yaml] [utfil.png]
set -euo pipefail
cd "$(dirname "$0")/.."

case_file="${1:-fixtures/sodermalm-ks-2025-804.yaml}"
png="${2:-docs/forsta-sidan.png}"
name="$(basename "$case_file" .yaml)"

for tool in soffice pdfinfo pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "render-preview: $tool saknas. Installera libreoffice-writer-nogui och poppler-utils." >&2
    exit 2
  fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# tsc skriver ut det som går att bygga även när typkontrollen hittar fel
# någon annanstans i projektet; då fortsätter förhandsvisningen med en varning.
if ! npm run build --silent; then
  echo "render-preview: varning: bygget rapporterade fel (se ovan), fortsätter med det som byggdes." >&2
fi

node bin/remiss.js draft "$case_file" --out-dir "$tmp" --format docx >/dev/null
soffice "-env:UserInstallation=file://$tmp/profil" --headless --norestore \
  --convert-to pdf --outdir "$tmp" "$tmp/$name.docx" >/dev/null 2>&1

pdf="$tmp/$name.pdf"
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
mkdir -p "$(dirname "$png")"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "${png%.png}"
echo "Skrev $png (sida 1 av $pages)"
