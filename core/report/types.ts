/**
 * The review report as content: headings, paragraphs, lists, tables and a chart, in reading order. Pure data, built
 * by `buildReportContent` from the summary model; a renderer (report/docx.ts) turns it into a Word document and
 * decides nothing about what it says. Every table's first row is its header row.
 */
import type { Framework } from '../framework/schema.js';
import type { SummaryModel } from '../operations/types.js';
import type { CommentsByScore, Rag } from '../scoring/types.js';

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'note' }
  | { kind: 'bullets'; items: string[] }
  /** `header` is repeated at the top of every page the table runs onto; `widths` are relative */
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; widths?: number[] }
  | {
      kind: 'chart';
      title: string;
      /** alternative text for people who cannot see the chart */
      alt: string;
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
      /** the RAG of each category (the bar's colour), null when not scored */
      rag: (Rag | null)[];
      min: number;
      max: number;
      axisTitle: string;
    }
  | { kind: 'pageBreak' }
  /** the blocks after it print on pages of this orientation (a new section, on a new page) */
  | { kind: 'orientation'; orientation: 'portrait' | 'landscape' };

export interface ReportContent {
  /** BCP 47 language of the text */
  language: 'en-GB';
  title: string;
  /** title page lines after the title, in order */
  titlePage: { label: string; value: string }[];
  blocks: ReportBlock[];
}

/** What the report says besides the summary model: facts read from the same workbook (no I/O here). */
export interface ReportFacts {
  framework: Framework;
  /** partnerships in the order of Review Settings, then as they appear in the responses */
  partnerships: string[];
  /** ISO date the report is written */
  today: string;
  /** respondents with at least one entry, counted by organisation (blank organisation as "Not given") */
  byOrganisation: { organisation: string; respondents: number }[];
  /** comments grouped by the score they came with, per item */
  comments: CommentsByScore[];
  /** the previous review's cycle, when compared */
  previousCycle: string | null;
}

export interface ReportInput {
  summary: SummaryModel;
  facts: ReportFacts;
}
