/**
 * The Audit Commission's draft partnership tree, as piloted by the Kensington and Chelsea LSP (seed 000).
 * Each characteristic is a section holding one scored item of the same id: the item is scored, the section groups it
 * and carries the strengths / areas for improvement free text.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED, SCORED_SILENCES } from './shared.js';

/** The six characteristics in the seed's order, with the verb of seed 003 §3.3 ("how the partnership aspires, …"). */
const CHARACTERISTICS: [id: string, verb: string][] = [
  ['ASPIRE', 'aspires'],
  ['THINK', 'thinks'],
  ['LEAD', 'leads'],
  ['COLLABORATE', 'collaborates'],
  ['ACCOUNT', 'accounts'],
  ['DELIVER', 'delivers'],
];

export const partnershipTree: FrameworkInput = {
  id: 'partnership-tree',
  title: 'Partnership tree self-assessment',
  description: "The six characteristics of the Audit Commission's draft partnership tree, each scored 1–3 with a comment.",
  kind: 'questionnaire',
  source: {
    seed: '000_b340f0028edd27e7.txt',
    reference: 'Kensington and Chelsea LSP, outputs from the partnership framework pilot workshop, 22nd February 2008',
  },
  instructions: [
    "Partners participating in the workshop completed a self assessment against the characteristics in the Audit Commission's draft partnership tree.",
    'Each characteristic was scored by each participant where 1 = weak/needs improvement, 2 = present in parts, 3 = strong.',
  ],
  howTo: [
    'Give a comment with each score. Record the strengths and areas for improvement agreed for each characteristic on the Workshop Notes tab.',
  ],
  scales: [
    {
      id: 'tree',
      points: [
        { value: 1, label: 'weak/needs improvement' },
        { value: 2, label: 'present in parts' },
        { value: 3, label: 'strong' },
      ],
      notScored: NOT_SCORED,
      isDefault: false,
      note: 'The workshop paper (February 2008): "1 = weak/needs improvement, 2 = present in parts, 3 = strong".',
    },
  ],
  defaultScale: 'tree',
  sections: CHARACTERISTICS.map(([id, verb]) => ({
    id,
    title: id,
    items: [{ id, text: id, guidance: `How the partnership ${verb}`, fields: ['score', 'comment'] }],
  })),
  sectionFreeText: ['strengths', 'areasForImprovement'],
  silences: [
    'Wording of each characteristic: the paper gives only the names (ASPIRE … DELIVER). The guidance "How the partnership aspires" (thinks, leads, collaborates, accounts, delivers) follows §3.3 of the KCP Review (bi-annual review paper) ("how the partnership aspires, thinks, leads, collaborates, accounts and delivers"); the Audit Commission\'s indicators under each characteristic are not in the source papers.',
    'Comments are grouped by the score they came with, as in the paper\'s "Specific comments"; a comment without a valid score is listed under "other" (our choice).',
    ...SCORED_SILENCES,
  ],
};
