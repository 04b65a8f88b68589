"""Opens CSV files in a real spreadsheet: LibreOffice headless converts them all to xlsx in
one run, then openpyxl reads the cells back. Prints, per file, every cell's value and type
as JSON: {"file.csv": [[[value, type], ...], ...]}, type "n" number, "s" text, "f" formula.

Usage: spreadsheet_cells.py OUT_DIR FILE.csv ...

The CSV filter reads comma-separated UTF-8 with a header line (options 44,34,76,1).
"""
import json
import os
import subprocess
import sys

import openpyxl

out_dir, files = sys.argv[1], sys.argv[2:]
result = subprocess.run(
    ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{out_dir}/profile",
     "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out_dir] + files,
    capture_output=True, text=True, timeout=300)
cells = {}
for path in files:
    name = os.path.basename(path)
    xlsx = os.path.join(out_dir, os.path.splitext(name)[0] + ".xlsx")
    if not os.path.exists(xlsx):
        print(f"LibreOffice did not convert {path}: {result.stdout} {result.stderr}", file=sys.stderr)
        sys.exit(1)
    sheet = openpyxl.load_workbook(xlsx).active
    cells[name] = [[[cell.value, cell.data_type] for cell in row] for row in sheet.iter_rows()]
json.dump(cells, sys.stdout, ensure_ascii=False, default=str)
