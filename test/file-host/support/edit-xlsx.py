"""Edit an .xlsx file as a person would in a spreadsheet, independently of the add-in's own .xlsx engine.

Usage: python3 edit-xlsx.py FILE ACTION... where each ACTION is one of
  set:SHEET:ROW:COL:VALUE     type VALUE (a number when it looks like one; empty clears the cell)
  rename:OLD:NEW              rename a tab
  delete:SHEET                delete a tab
  deleterow:SHEET:ROW         delete a row (rows below move up)
"""
import sys
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
for action in sys.argv[2:]:
    kind, _, rest = action.partition(':')
    if kind == 'set':
        sheet, row, col, value = rest.split(':', 3)
        v = None if value == '' else value
        try:
            v = float(value) if '.' in value else int(value)
        except ValueError:
            pass
        wb[sheet].cell(row=int(row), column=int(col)).value = v
    elif kind == 'rename':
        old, new = rest.split(':', 1)
        wb[old].title = new
    elif kind == 'delete':
        del wb[rest]
    elif kind == 'deleterow':
        sheet, row = rest.split(':', 1)
        wb[sheet].delete_rows(int(row), 1)
    else:
        raise SystemExit(f'unknown action {action}')
wb.save(path)
