"""Reads .docx files with python-docx, as another program would, and prints what they hold as JSON:
paragraphs with their style, tables with their rows and whether the first row repeats as a header row, and each
chart with its alternative text and the values and categories cached in its chart part."""
import json
import sys

import docx
from docx.oxml.ns import qn

C = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
WP = '{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}'
R_ID = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'


def dump(path):
    d = docx.Document(path)
    body = []
    for block in d.element.body.iterchildren():
        if block.tag == qn('w:p'):
            p = docx.text.paragraph.Paragraph(block, d)
            charts = []
            for inline in block.iter(WP + 'inline'):
                pr = inline.find(WP + 'docPr')
                chart = inline.find('.//' + C + 'chart')
                if chart is None:
                    continue
                part = d.part.related_parts[chart.get(R_ID)]
                from lxml import etree
                x = etree.fromstring(part.blob)
                cats = [v.text for v in x.iterfind('.//' + C + 'cat//' + C + 'pt/' + C + 'v')]
                vals = {int(pt.get('idx')): float(pt.find(C + 'v').text) for pt in x.iterfind('.//' + C + 'val//' + C + 'pt')}
                charts.append({'title': pr.get('title'), 'alt': pr.get('descr'), 'categories': cats,
                               'values': [vals.get(i) for i in range(len(cats))]})
            body.append({'kind': 'p', 'style': p.style.name, 'text': p.text, 'charts': charts})
        elif block.tag == qn('w:tbl'):
            t = docx.table.Table(block, d)
            rows = [[c.text for c in r.cells] for r in t.rows]
            first = t.rows[0]._tr
            header = first.trPr is not None and first.trPr.find(qn('w:tblHeader')) is not None
            style = t.style.name if t.style is not None else None
            body.append({'kind': 'table', 'style': style, 'headerRepeats': header, 'rows': rows})
    lang = d.styles.element.find('.//' + qn('w:docDefaults') + '//' + qn('w:lang'))
    sections = [{'landscape': s.page_width > s.page_height} for s in d.sections]
    return {'body': body, 'language': lang.get(qn('w:val')) if lang is not None else None, 'sections': sections,
            'title': d.core_properties.title}


print(json.dumps({p: dump(p) for p in sys.argv[1:]}))
