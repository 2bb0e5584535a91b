#!/usr/bin/env python3
"""Checks an exported workbook with a second, independent reader (openpyxl): the five sheets,
frozen and filtered heading rows, £ number formats, no formulas, and the Summary's total row
equal to the figures of `cluster-planner summary --json` to the penny.

usage: xlsx_check.py WORKBOOK.xlsx SUMMARY.json
"""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
summary = json.load(open(sys.argv[2], encoding="utf-8"))
want = ["Summary", "Structure", "People and outcomes", "One-off costs", "Assumptions"]
assert wb.sheetnames == want, wb.sheetnames
for ws in wb.worksheets:
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    for row in ws.iter_rows():
        for c in row:
            assert not (isinstance(c.value, str) and c.value.startswith("=")), (ws.title, c.coordinate, c.value)
ws = wb["Summary"]
heads = [c.value for c in ws[1]]
total = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Total")
for col, key in [("Baseline", "baseline_pence"), ("Planned", "planned_pence"), ("Target", "target_pence")]:
    cell = total[heads.index(col)]
    assert "£" in cell.number_format, (col, cell.number_format)
    got = round(cell.value * 100)
    assert got == summary["totals"][key], (col, got, summary["totals"][key])
people = wb["People and outcomes"]
print(f"{sys.argv[1]}: 5 sheets, frozen and filtered headings, no formulas; "
      f"{people.max_row - 1} people; totals equal the summary to the penny")
