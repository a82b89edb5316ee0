/**
 * The KCP bi-annual review headings (seed 003, §3.1): structure and operational headings, each with a red/amber/green
 * rating and notes. The seed proposes the headings and their questions; the rating is asked for by issue #2.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED, SCORED_SILENCES, type ItemInput } from './shared.js';

const heading = (id: string, text: string): ItemInput => ({ id, text, fields: ['score', 'comment'] });

export const biannualReview: FrameworkInput = {
  id: 'biannual-review',
  title: 'Bi-annual partnership review',
  description: 'The structure and operational headings of the KCP bi-annual review, each rated red, amber or green with notes.',
  kind: 'questionnaire',
  source: {
    seed: '003_7c9eb4337a863b71.txt',
    reference: 'Kensington and Chelsea Partnership Steering Group, KCP Review (bi-annual review paper), §3.1',
  },
  instructions: [
    'A review of the KCP should therefore serve the purpose of addressing both the structural and operational composition of the partnership, highlighting weaknesses and recognising strengths.',
    'Based on the intended purpose of the review, sessions could therefore focus on the following: Structure (membership, theme group structure) and Operational (role, governance and accountability, risk, challenges and opportunities).',
  ],
  howTo: [
    'Rate each heading Red, Amber or Green and write the notes from the discussion beside it. This rating is our editable default: the paper proposes the headings but no rating.',
  ],
  scales: [
    {
      id: 'rag',
      points: [
        { value: 1, label: 'Red' },
        { value: 2, label: 'Amber' },
        { value: 3, label: 'Green' },
      ],
      notScored: NOT_SCORED,
      isDefault: true,
      entry: 'labels',
      header: 'Rating',
      note: 'Default scale: the paper asks no rating; a red/amber/green rating per heading is our default.',
    },
  ],
  defaultScale: 'rag',
  sections: [
    {
      id: 'STRUCTURE',
      title: 'Structure',
      items: [
        heading('MEMBERSHIP', 'Membership – is the membership of the Steering Group right, do other organisations need to be invited?'),
        heading('THEME-GROUPS', 'Theme group structure – is this adequate, do people understand how it works, does it need strengthening?'),
      ],
    },
    {
      id: 'OPERATIONAL',
      title: 'Operational',
      items: [
        heading(
          'ROLE',
          'Role – is this clear to KCP members, wider organisations and the public? How has this evolved over time and how well is the KCP performing?',
        ),
        heading(
          'GOVERNANCE',
          'Governance and Accountability – is this clear to KCP members and to anyone outside the partnership? Have new responsibilities evolved over time and are these captured in the Terms of Reference?',
        ),
        heading('RISK', 'Risk – does the partnership consider risks to carrying out core business and if so, how are these addressed?'),
        heading(
          'CHALLENGES',
          'Challenges and opportunities – does the partnership consider and/or undertake innovative practices or solutions to problems? Are these communicated to partners and the public?',
        ),
      ],
    },
  ],
  silences: [
    'Rating: the paper proposes the headings and their questions but asks for no rating. The red/amber/green rating per heading (1 = Red, 2 = Amber, 3 = Green) is our default.',
    'Notes: the paper does not say how the discussion is recorded; a notes (comment) column per heading is our default.',
    'The questions name the KCP and its Steering Group, as in the paper; edit them in a custom framework for another partnership.',
    '"Bi-annual" in the paper means every two years ("undertaking a review of the partnership every two years"); the cycle is entered when the review is created.',
    ...SCORED_SILENCES,
  ],
};
