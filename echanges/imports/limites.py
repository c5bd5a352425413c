"""How big an imported file may be, checked before the file is read, and while it is read.

A class list is a few dozen rows, a section's list of hosts a few hundred: the limits are
far above that, and far below what would hold a web worker for minutes or fill its memory.
Each refusal says which limit the file passed (`FichierIllisible`, echanges/imports/lecture.py).
"""

from __future__ import annotations

# The uploaded file: 2 Mo is ample for either list.
TAILLE_MAX = 2 * 1024 * 1024

# Rows of data, below the header. The preview and the confirmation each write every row
# (then roll the preview back): about 6 ms a row for a host with its site and tutor on
# PostgreSQL, so 2 000 rows stay well inside a worker's 30 seconds.
LIGNES_MAX = 2_000
# Rows read in all, blank ones included: a spreadsheet can declare a million empty rows.
LIGNES_PARCOURUES_MAX = 20_000
# Columns: an export of the student information system has a few dozen.
COLONNES_MAX = 100

# A XLSX file is a zip archive of XML: what it holds once uncompressed is bounded before
# openpyxl opens it (a 500 Ko "zip bomb" can unpack to gigabytes).
XLSX_DECOMPRESSE_MAX = 30 * 1024 * 1024
# Spreadsheet XML shrinks about 10 times in the archive; a part that shrank 200 times more
# than its size is filler, not data.
XLSX_TAUX_MAX = 200
XLSX_TAUX_AU_DELA_DE = 1024 * 1024  # checked for parts above 1 Mo: small ones may shrink more
XLSX_PARTIES_MAX = 500  # files inside the archive: sheets, styles, images


def en_mo(octets: int) -> str:
    """2097152 -> "2 Mo"."""
    return f"{octets // (1024 * 1024)} Mo"
