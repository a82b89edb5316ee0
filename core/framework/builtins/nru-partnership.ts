/**
 * Reviewing partnership working: the Neighbourhood Renewal Unit's six core criteria (seed 004, appendix 1 section 2,
 * annex B and appendix 4). Per sub-category: the standard (guidance), evidence, key progress and a score; the
 * scoring gives a total per criterion. Only the two Strategic sub-categories the seed shows are filled in, and their
 * standards are cut short in the seed: they ship as editable text marked incomplete, never completed by guesswork.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED, SCORED_SILENCES, SMART_DEFINITION, type ItemInput } from './shared.js';

const FIELDS: ItemInput['fields'] = ['evidence', 'progress', 'score'];

/** A criterion the seed gives no sub-categories for: one placeholder item, its standard left for the partnership. */
const toBeAdded = (id: string, criterion: string, guidance = ''): ItemInput => ({
  id,
  text: `${criterion} (sub-categories to be added by the partnership)`,
  guidance,
  // only an empty standard is incomplete: Inclusive quotes a whole sentence of appendix 1
  guidanceIncomplete: guidance === '',
  fields: FIELDS,
  evidenceRequired: true,
});

export const nruPartnership: FrameworkInput = {
  id: 'nru-partnership',
  title: 'Reviewing partnership working (NRU core criteria)',
  description: 'The six NRU core criteria — standard, evidence, key progress and a score per sub-category, with a total per criterion.',
  kind: 'questionnaire',
  sectionTotals: true,
  source: {
    seed: '004_e7baff590d1b2cf4.txt',
    reference:
      'Kensington and Chelsea Partnership, Review of Partnership Strategies and Partnership Working, 17th March 2004: appendix 1 section 2, annex B, appendix 4',
  },
  instructions: [
    'This section will assess the contribution made by individual partners to the success of your LSP, review the effectiveness of your LSP and the added value it brings to the delivery of local services. It will build on the process of accreditation.',
    'You must carry out a full review at least once every three years. However any areas of weakness you identify should be reviewed more frequently.',
    'Guidance from NRU states that each of the six categories in the Accreditation Action Plan should be reviewed thoroughly at least once every three years. So, for example, two categories could be reviewed in detail each year.',
    SMART_DEFINITION,
  ],
  howTo: [
    'For each sub-category: What Evidence do we have to demonstrate this standard? What key progress have we made? Then give a score.',
  ],
  scales: [
    {
      id: 'nru',
      points: [
        { value: 1, label: '1' },
        { value: 2, label: '2' },
        { value: 3, label: '3' },
        { value: 4, label: '4' },
        { value: 5, label: '5' },
      ],
      notScored: NOT_SCORED,
      isDefault: true,
      note: 'Default scale: the paper refers to "a detailed set of indicators to help us decide which score to give each sub-category (not shown)". Replace it with the NRU indicators when you have them.',
    },
  ],
  defaultScale: 'nru',
  inDepth: { everyYears: 3 },
  sections: [
    {
      id: '2.1',
      title: 'Strategic',
      description: 'Strategic Criteria',
      items: [
        {
          id: '2.1.3',
          text: 'Leadership',
          guidance: "Strategic leadership is provided by the LS reflected in partners' business strategies work objectives",
          guidanceIncomplete: true,
          fields: FIELDS,
          evidenceRequired: true,
        },
        {
          id: '2.1.4',
          text: 'Structure & accountability',
          guidance:
            'The Partnership organises itself in a system board is effective with members having the and there is genuine community involvem',
          guidanceIncomplete: true,
          fields: FIELDS,
          evidenceRequired: true,
        },
      ],
    },
    {
      id: '2.2',
      title: 'Inclusive',
      items: [
        toBeAdded(
          '2.2.1',
          'Inclusive',
          'to include a measure of how well the LSP is engaging with the community and voluntary sectors through the Community Empowerment Network and black and minority ethnic and other minority communities',
        ),
      ],
    },
    { id: '2.3', title: 'Action-Focused', items: [toBeAdded('2.3.1', 'Action-Focused')] },
    { id: '2.4', title: 'Performance Managed', items: [toBeAdded('2.4.1', 'Performance Managed')] },
    { id: '2.5', title: 'Efficient', items: [toBeAdded('2.5.1', 'Efficient')] },
    { id: '2.6', title: 'Learning and Development', items: [toBeAdded('2.6.1', 'Learning and Development')] },
  ],
  silences: [
    'Score scale: the paper\'s indicators for choosing a score are "not shown". Default: 1 to 5 with the labels "1" … "5" and no meaning attached; we read a higher score as better. Replace it with the NRU indicators.',
    'Standards for 2.1.3 Leadership and 2.1.4 Structure & accountability are cut short in the paper; they are shipped exactly as far as the paper gives them, marked incomplete, for the partnership to complete.',
    'Sub-categories 2.1.1 and 2.1.2 of Strategic are not shown in the paper (appendix 4 starts at 2.1.3); add them in a custom framework if you have them.',
    "Only Strategic is numbered in the paper (2.1). The numbers 2.2 Inclusive, 2.3 Action-Focused, 2.4 Performance Managed, 2.5 Efficient and 2.6 Learning and Development follow the paper's order and are ours.",
    'The paper gives no sub-categories for Inclusive, Action-Focused, Performance Managed, Efficient and Learning and Development: each has one placeholder item with an empty standard marked incomplete (Inclusive quotes appendix 1 as its guidance). Add the real sub-categories in a custom framework.',
    'Criterion names: the paper writes "Action-Focused" (appendix 1) and "Action Focused" (annex B), "Learning and development" (appendix 1) and "Learning and Development" (annex B); we use "Action-Focused" and "Learning and Development".',
    'Evidence is required whenever a score is given: our reading of the standard-evidence-progress-score table of appendix 4.',
    'In-depth review: the paper requires every criterion to be reviewed thoroughly at least once every three years; which criteria are reviewed in depth this cycle is chosen in Review Settings (empty means all).',
    'Total per criterion: the paper\'s "Total Score" is taken as the sum of the sub-category scores (mean over respondents per sub-category).',
    ...SCORED_SILENCES,
  ],
};
