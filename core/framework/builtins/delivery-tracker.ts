/**
 * Reviewing delivery: the progress trackers of seed 004 (appendix 1 section 1, annex A, appendices 2 and 3).
 * One register row per issue, grouped by theme (the seed's clusters), and one review summary row per theme.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED, SMART_DEFINITION, type RegisterColumnInput } from './shared.js';

const text = (id: string, header: string, note?: string): RegisterColumnInput => ({ id, header, type: 'text', ...(note ? { note } : {}) });
const flag = (id: string, header: string, note: string): RegisterColumnInput => ({ id, header, type: 'flag', note });

export const deliveryTracker: FrameworkInput = {
  id: 'delivery-tracker',
  title: 'Reviewing delivery (progress trackers)',
  description:
    'Per theme: issues, outcomes, actions, partners and progress, scored 5 (achieved) to 1 (not achieved), with a review summary per theme.',
  kind: 'tracker',
  source: {
    seed: '004_e7baff590d1b2cf4.txt',
    reference:
      'Kensington and Chelsea Partnership, Review of Partnership Strategies and Partnership Working, 17th March 2004: appendix 1 section 1, annex A, appendices 2 and 3',
  },
  instructions: [
    'This section will monitor and measure your progress in implementing the local neighbourhood renewal strategy or the LNRS section of the community strategy and examine your progress in meeting the targets and milestones you committed to in the strategy.',
    'Cluster Co-ordinators provide factual evidence of progress on delivery of the strategies, including performance indicators where available, and record this in the Progress Trackers. All NRF projects will be highlighted.',
    'Co-ordinators would make a judgement on whether a target outcome or action has been achieved, partially achieved, etc and allocate a score between five and one accordingly.',
    "Confirm the co-ordinator's assessment of the level of progress in meeting the desired outcomes for the NRS. Scoring on a scale from five (achieved) to one (not achieved).",
    "Assess whether the actions have been effective in meeting the desired outcomes for the NRS, i.e. were the actions appropriate or 'plausible' for each particular objective.",
    'Plausibility means that the action you take to achieve the desired outcomes is likely to deliver them because there are clear logical links between actions and outcomes; what you are doing is the best possible approach based on knowledge and evidence of what works.',
    "Optional: identify which projects or actions may have human interest potential to use as case studies for the Annual Report; made a positive contribution to the Equalities agenda; could potentially make a greater contribution to the Equalities agenda; could potentially make a greater contribution to the sustainability/green agenda; could potentially be 'mainstreamed'.",
    'Conclusions would be recorded on a summary sheet with four categories: Achievements, Barriers, Solutions, and Action for Improvement.',
    SMART_DEFINITION,
  ],
  howTo: [
    'The summary sheet of four categories is the Theme Review tab: one row per theme.',
    'Flag columns (NRF-funded and the optional ones) take Yes or No from the dropdown; a blank cell counts as No.',
  ],
  scales: [
    {
      id: 'achievement',
      points: [
        { value: 1, label: 'not achieved' },
        { value: 2, label: '2' },
        { value: 3, label: 'partially achieved' },
        { value: 4, label: '4' },
        { value: 5, label: 'achieved' },
      ],
      notScored: NOT_SCORED,
      isDefault: false,
      note: 'The 2004 review paper: "Scoring on a scale from five (achieved) to one (not achieved)". The paper names the two ends and "partially achieved" without a number: "partially achieved" is put at 3, the middle of the scale (our choice, editable); 4 and 2 carry no label.',
    },
    {
      id: 'appropriateness',
      points: [
        { value: 1, label: '1' },
        { value: 2, label: '2' },
        { value: 3, label: '3' },
        { value: 4, label: '4' },
        { value: 5, label: '5' },
      ],
      notScored: NOT_SCORED,
      isDefault: true,
      note: 'Default scale: the paper asks for a "Score on Appropriateness of Action" but gives no scale. 5 (most appropriate) to 1, like the achievement score.',
    },
  ],
  defaultScale: 'achievement',
  register: {
    tab: 'Progress Tracker',
    groupLabel: 'Theme',
    groups: ['Crime', 'Education', 'Employment', 'Health', 'Housing', 'Environment & Transport', 'Liveability'],
    columns: [
      { id: 'theme', header: 'Theme', type: 'group', required: true, note: 'The theme or cluster, e.g. "Environment & Transport".' },
      { id: 'issue', header: 'Issue', type: 'text', required: true },
      text('outcome', 'Outcome'),
      text('evaluation', 'Means of Evaluation'),
      text(
        'action',
        'Action Required',
        'The paper: "Action Required by 2005". Prefix NRF-funded actions with "NRF funding:" as the paper does, or tick NRF-funded.',
      ),
      text('partners', 'Partners & Contacts'),
      text('lead', 'Lead Partner', 'The paper: "Lead partner in bold" within Partners & Contacts.'),
      text(
        'progress1',
        'Progress (1)',
        'The paper: "Progress as at: 31st March 2003". Rename to "Progress as at dd/mm/yyyy" for your review.',
      ),
      text('progress2', 'Progress (2)', 'The paper: "2004". Rename to "Progress as at dd/mm/yyyy" for your review.'),
      text('progress3', 'Progress (3)', 'A third dated point; rename to "Progress as at dd/mm/yyyy".'),
      { id: 'achievement', header: 'Achievement Score', type: 'score', scale: 'achievement', note: '5 = achieved … 1 = not achieved.' },
      {
        id: 'appropriateness',
        header: 'Score on Appropriateness of Action',
        type: 'score',
        scale: 'appropriateness',
        note: "Were the actions appropriate or 'plausible' for the objective? 5 (most) to 1 (least): default scale.",
      },
      flag('nrf', 'NRF-funded', 'The paper: "All NRF projects will be highlighted."'),
      flag(
        'caseStudy',
        'Case-study potential',
        'The paper: "Human interest potential to use as case studies for the Annual Report" (optional).',
      ),
      flag(
        'equalitiesMade',
        'Equalities contribution made',
        'The paper: "Made a positive contribution to the Equalities agenda" (optional).',
      ),
      flag(
        'equalitiesPotential',
        'Equalities potential',
        'The paper: "Could potentially make a greater contribution to the Equalities agenda" (optional).',
      ),
      flag(
        'sustainabilityPotential',
        'Sustainability potential',
        'The paper: "Could potentially make a greater contribution to the sustainability/green agenda" (optional).',
      ),
      flag('mainstream', 'Could be mainstreamed', 'The paper: "Could potentially be \'mainstreamed\'?" (optional).'),
    ],
    groupSummary: {
      tab: 'Theme Review',
      columns: [
        { id: 'theme', header: 'Theme', type: 'group', required: true },
        text('attendance', 'Attendance at review meeting'),
        { id: 'reviewDate', header: 'Date of Review', type: 'date', note: 'dd/mm/yyyy' },
        text('achievements', 'Special Achievements'),
        text('barriers', 'Barriers'),
        text('solutions', 'Possible Solutions'),
        text('action', 'Action for Improvement'),
      ],
    },
  },
  silences: [
    'Themes: the paper names crime, education, health, housing, employment and the \'liveability\' agenda (appendix 1 and annex A) and shows "ENVIRONMENT & TRANSPORT" (appendix 2). These are the default themes; add or rename your own clusters.',
    'Achievement score: the paper names 5 = achieved and 1 = not achieved, and "partially achieved" without a number. "Partially achieved" is accepted as 3, the middle of the scale (our choice, editable in a custom framework); 4 and 2 have no label.',
    'Appropriateness of action: the paper asks for a score but gives no scale. Default 5 to 1 like the achievement score, higher meaning more appropriate.',
    'Progress at dated points: the paper shows "Progress as at: 31st March 2003" and "2004". Three generic columns "Progress (1)", "(2)", "(3)" are our default; rename them with your own dates.',
    'Outcome and Means of Evaluation share one heading in the paper; they are two columns here. The lead partner is shown "in bold" in the paper; here it has its own column.',
    'The paper\'s "Action Required by 2005" is "Action Required" here, with no fixed year.',
    'NRF-funded and the five optional flags (part e of annex A) are Yes/No columns (a blank cell counts as No): the paper gives no format.',
    'Theme Review: appendix 3 has Attendance at review meeting, Date of Review, Special Achievements, Barriers, Possible Solutions and Action for Improvement; annex A calls the four categories "Achievements, Barriers, Solutions, and Action for Improvement". We use appendix 3\'s wording.',
  ],
};
