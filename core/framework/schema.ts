/**
 * A framework as data: one definition drives the template, validation, scoring and the improvement plan.
 * Every built-in traces to a seed paper (see `source`); where the paper is silent the value is a configurable
 * default and is listed in `silences` so a person can see it was our choice, not the paper's.
 */
import { z } from 'zod';

const id = z
  .string()
  .trim()
  .min(1, 'an id cannot be empty')
  .max(40, 'an id can be at most 40 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id may use only letters, digits, dots, dashes and underscores');

export const ScalePointSchema = z.object({
  value: z.number({ error: 'each scale point needs a number as its value' }),
  label: z.string().trim().min(1, 'each scale point needs a label (for example "Strong")'),
});

export const ScaleSchema = z
  .object({
    id,
    /** Points in ascending order of value; the lowest is scaleMin, the highest scaleMax. */
    points: z.array(ScalePointSchema).min(2, 'a scale needs at least two points'),
    /** Answers that are allowed but not scored (count as missing), e.g. "N/A", "Don't know". */
    notScored: z.array(z.string().trim().min(1)).default([]),
    /** True when the source paper gave no labels/values and this scale is our editable default. */
    isDefault: z.boolean().default(false),
    note: z.string().optional(),
    /** What a score cell offers: the numbers (when absent) or the labels (a rating the paper words, e.g. Red/Amber/Green). */
    entry: z.enum(['numbers', 'labels']).optional(),
    /** Column header word for scores on this scale, e.g. "Rating"; default "Score". */
    header: z.string().min(1).optional(),
  })
  .superRefine((s, ctx) => {
    for (let i = 1; i < s.points.length; i++) {
      if (!(s.points[i]!.value > s.points[i - 1]!.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'value'],
          message: `scale "${s.id}": list the points in ascending order of value, each value once`,
        });
      }
    }
    const labels = new Set<string>();
    for (const p of s.points) {
      const k = p.label.toLowerCase();
      if (labels.has(k))
        ctx.addIssue({ code: 'custom', path: ['points'], message: `scale "${s.id}": the label "${p.label}" is used twice` });
      labels.add(k);
    }
  });

/** What a person records for an item on the entry tab, one column each, in this order. */
export const ItemFieldSchema = z.enum([
  'score', // a rating on the item's scale
  'answer', // free-text answer (interviews)
  'themes', // theme tags for a free-text answer, separated by ";" or ","
  'comment', // comment explaining the score
  'evidence', // "What evidence do we have to demonstrate this standard?"
  'progress', // "What key progress have we made?"
]);

export const ItemSchema = z.object({
  id,
  /** The wording exactly as in the seed. */
  text: z.string().trim().min(1, 'each item needs its wording'),
  /** Extra wording shown as guidance, e.g. a standard to assess against. */
  guidance: z.string().optional(),
  /** True when the guidance/standard is cut short in the seed and must be completed by the partnership. */
  guidanceIncomplete: z.boolean().default(false),
  /** Scale id; defaults to the framework's defaultScale. Ignored for items without a 'score' field. */
  scale: z.string().optional(),
  fields: z.array(ItemFieldSchema).min(1, 'each item needs at least one field, for example "score"'),
  /** Validation: evidence must be given whenever a score is given. */
  evidenceRequired: z.boolean().default(false),
  weight: z.number().positive().default(1),
});

export const SectionSchema = z.object({
  id,
  title: z.string().trim().min(1, 'each section needs a title'),
  description: z.string().optional(),
  weight: z.number().positive().default(1),
  items: z.array(ItemSchema).min(1, 'each section needs at least one item'),
});

export const RagThresholdsSchema = z
  .object({
    /** percent >= green → green */
    green: z.number().min(0).max(100).default(75),
    /** percent >= amber → amber, else red */
    amber: z.number().min(0).max(100).default(50),
  })
  .refine((r) => r.green >= r.amber, { message: 'the green threshold must be at least the amber threshold' });

/** Register columns for record-style frameworks (delivery tracker, risk exercise). */
export const RegisterColumnSchema = z.object({
  id,
  header: z.string().min(1),
  type: z.enum(['text', 'date', 'score', 'flag', 'rag', 'group']),
  /** for type 'score' */
  scale: z.string().optional(),
  required: z.boolean().default(false),
  width: z.number().optional(),
  note: z.string().optional(),
});

export const RegisterSchema = z.object({
  /** Tab name, e.g. "Progress Tracker" or "Risk Register". */
  tab: z.string().min(1).max(31),
  /** What one group is called ("Theme", "Cluster", "Risk theme"). */
  groupLabel: z.string().min(1),
  /** The groups offered in the dropdown (editable; people may add others in settings). */
  groups: z.array(z.string().min(1)),
  columns: z.array(RegisterColumnSchema).min(1),
  /** Per-group review summary (delivery tracker appendix 3), one row per group on its own tab. */
  groupSummary: z.object({ tab: z.string().min(1).max(31), columns: z.array(RegisterColumnSchema).min(1) }).optional(),
});

export const ThemeTagsSchema = z.object({
  /** Default tags offered for free-text answers (seed 002: the barrier headings). Editable. */
  tags: z.array(z.string().min(1)),
});

export const FrameworkKindSchema = z.enum(['questionnaire', 'tracker', 'risk', 'interview']);

export const FrameworkSchema = z
  .object({
    id,
    title: z.string().min(1),
    /** One line for pickers. */
    description: z.string().min(1),
    kind: FrameworkKindSchema,
    source: z.object({ seed: z.string(), reference: z.string() }),
    /** Instructions quoted from the source paper, word for word (shown under "From the source paper"). Paragraphs. */
    instructions: z.array(z.string()).default([]),
    /** How this workbook works: the product's own guidance for filling it in (never mixed with the paper's words). */
    howTo: z.array(z.string()).default([]),
    scales: z.array(ScaleSchema).min(1),
    defaultScale: z.string(),
    rag: RagThresholdsSchema.default({ green: 75, amber: 50 }),
    /** ⅔ of the scale range by default (issue #2). */
    dividedFraction: z
      .number()
      .gt(0)
      .max(1)
      .default(2 / 3),
    /**
     * Change since the previous review (issue #11): a mean counts as improved or declined only when it moved by at
     * least this fraction of its scale's range (max − min); less is "unchanged". Default 0.1, a tenth of the range:
     * 0.2 on a 1–3 scale, 0.3 on 1–4, 0.4 on 1–5 or 0–4. One person of eight moving one step on 1–3 is 0.125 and
     * does not count; 0 counts any change.
     */
    changeThreshold: z.number().min(0).max(1).default(0.1),
    sections: z.array(SectionSchema).default([]),
    /** The paper defines a total per section (the 2004 review paper's "Total Score" per criterion): the Summary shows
     *  a Total column only then, since adding up means means nothing elsewhere. */
    sectionTotals: z.boolean().default(false),
    /** One review holds several partnerships (hallmarks: completed once per partnership under the LSP). */
    multiplePartnerships: z.boolean().default(false),
    /** Sections that may be chosen for in-depth review in a cycle, each at least every `inDepthEveryYears`. */
    inDepth: z.object({ everyYears: z.number().int().positive() }).optional(),
    /** Strengths/areas for improvement free text per section (seed 000). */
    sectionFreeText: z.array(z.enum(['strengths', 'areasForImprovement'])).default([]),
    register: RegisterSchema.optional(),
    themeTags: ThemeTagsSchema.optional(),
    /** Where the seed was silent and what we chose (shown on the Instructions tab). */
    silences: z.array(z.string()).default([]),
  })
  .superRefine((f, ctx) => {
    const scaleIds = new Set(f.scales.map((s) => s.id));
    if (!scaleIds.has(f.defaultScale)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultScale'],
        message: `defaultScale "${f.defaultScale}" is not one of the scales (${[...scaleIds].join(', ')})`,
      });
    }
    const ids = new Set<string>();
    f.sections.forEach((s, si) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'id'], message: `the id "${s.id}" is used twice` });
      ids.add(s.id);
      s.items.forEach((it, ii) => {
        // A section holding a single item may give it its own id (partnership-tree: section ASPIRE, item ASPIRE).
        const ownSectionId = s.items.length === 1 && it.id === s.id;
        if (ids.has(it.id) && !ownSectionId)
          ctx.addIssue({ code: 'custom', path: ['sections', si, 'items', ii, 'id'], message: `the id "${it.id}" is used twice` });
        ids.add(it.id);
        if (it.scale && !scaleIds.has(it.scale)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'items', ii, 'scale'],
            message: `item "${it.id}" uses scale "${it.scale}", which is not defined`,
          });
        }
      });
    });
    for (const c of f.register?.columns ?? []) {
      if (c.type === 'score' && (!c.scale || !scaleIds.has(c.scale))) {
        ctx.addIssue({ code: 'custom', path: ['register', 'columns'], message: `register column "${c.id}" needs a scale that is defined` });
      }
    }
    if (f.sections.length === 0 && !f.register) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'a framework needs at least one section (or a register)' });
    }
  });

export type ScalePoint = z.infer<typeof ScalePointSchema>;
export type Scale = z.infer<typeof ScaleSchema>;
export type ItemField = z.infer<typeof ItemFieldSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type RagThresholds = z.infer<typeof RagThresholdsSchema>;
export type RegisterColumn = z.infer<typeof RegisterColumnSchema>;
export type Register = z.infer<typeof RegisterSchema>;
export type FrameworkKind = z.infer<typeof FrameworkKindSchema>;
/** A parsed, defaulted framework. */
export type Framework = z.infer<typeof FrameworkSchema>;
/** What authors write (defaults optional). */
export type FrameworkInput = z.input<typeof FrameworkSchema>;
