/**
 * Reviewing delivery: the progress trackers of seed 004 (appendix 1 section 1, annex A, appendices 2 and 3).
 * One register row per issue, grouped by theme (the seed's clusters), and one review summary row per theme.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED, SMART_DEFINITION, type RegisterColumnInput } from './shared.js';

const text = (id: string, header: string, note?: string): RegisterColumnInput => ({ id, header, type: 'text', ...(note ? { note } : {}) });
const flag = (id: string, header: string, note: string): RegisterColumnInput => ({ id, header, type: 'flag', note });

/** Seed 004, annex A, stage 1 and stage 2 (a) to (d), word for word: the two stages of the delivery review. */
export const STAGE_1_SCORE =
  'Co-ordinators would make a judgement on whether a target outcome or action has been achieved, partially achieved, etc and allocate a score between five and one accordingly. If the co-ordinators feel unable to make these judgments then they should be discussed with the champions in stage 2 – see below.';
export const STAGE_2_CONFIRM =
  "a) Confirm the co-ordinator's assessment of the level of progress in meeting the desired outcomes for the NRS. Scoring on a scale from five (achieved) to one (not achieved).";
export const STAGE_2_APPROPRIATE =
  "b) Assess whether the actions have been effective in meeting the desired outcomes for the NRS, i.e. were the actions appropriate or 'plausible' for each particular objective.";
export const STAGE_2_WHY =
  'c) To discuss with co-ordinators WHY some outcomes or issues have not been met or addressed in the NRS (barriers, policy changes, inappropriate actions, etc) and the possible solutions to the problems.';
export const STAGE_2_KEY_ACTIONS =
  'd) Identify key actions to meet outstanding targets and the support needed to implement them, focusing on the NRS.';

/** Headers of the two stages' columns on the Progress Tracker. */
export const COORDINATOR_HEADER = "Co-ordinator's Achievement Score";
export const CONFIRMED_HEADER = "Champions' Confirmed Score";
export const WHY_HEADER = 'Why not met';
export const KEY_ACTIONS_HEADER = 'Key actions';
export const SUPPORT_HEADER = 'Support needed';

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
    'Stage 1 – 18th March to 16th April 2004',
    'Cluster Co-ordinators provide factual evidence of progress on delivery of the strategies, including performance indicators where available, and record this in the Progress Trackers. All NRF projects will be highlighted. A sample page from the newly-formatted Tracker is attached in the Appendix 2.',
    STAGE_1_SCORE,
    'Stage 2 – Week ending 23rd April',
    'Co-ordinators to meet with their cluster champions. It is suggested that both of the champions and both the co-ordinators are involved in the second stage of this process in order to reach a consensus on progress, reflect on what has worked or not worked and start to develop an Improvement Plan. Also NRU has emphasised the need to share learning throughout the process. The method proposed here satisfies the core requirements but is nevertheless likely to be spread over two fairly long meetings.',
    "GO-L have also suggested an 'independent challenge' or peer group review at this stage in order to avoid the person responsible for an outcome being the same person assessing progress on that outcome. The proposal presented here is a compromise solution as, in most cases, one of the cluster champions for each cluster is a non-specialist.",
    'More specifically Champions would be asked to work with co-ordinators to:',
    STAGE_2_CONFIRM,
    STAGE_2_APPROPRIATE,
    STAGE_2_WHY,
    STAGE_2_KEY_ACTIONS,
    'e) Identify which projects or actions may have:',
    '1) Human interest potential to use as case studies for the Annual Report',
    '2) Made a positive contribution to the Equalities agenda',
    '3) Could potentially make a greater contribution to the Equalities agenda',
    '4) Could potentially make a greater contribution to the sustainability/green agenda',
    "5) Could potentially be 'mainstreamed'?",
    'f) Conclusions would be recorded on a summary sheet with four categories: Achievements, Barriers, Solutions, and Action for Improvement -see Appendix 3.',
    'Note that parts a) to d) above are based on NRU core requirements for assessing performance on Neighbourhood Renewal Strategies. Part e) is optional and part f) is based on the general guidance from NRU, to help move towards the development of the Improvement Action Plan. We are not obliged to go through this process for the Community Strategy but it would be useful for the current process of revision.',
    'Plausibility means that the action you take to achieve the desired outcomes is likely to deliver them because there are clear logical links between actions and outcomes; what you are doing is the best possible approach based on knowledge and evidence of what works.',
    SMART_DEFINITION,
  ],
  howTo: [
    `The review runs in two stages, as the paper runs it. Stage 1: the co-ordinator records the evidence of progress on each row and gives it a "${COORDINATOR_HEADER}" (5 = achieved to 1 = not achieved). Stage 2: the champions meet the co-ordinators and enter the score they agree in "${CONFIRMED_HEADER}" (the same number when they agree with the co-ordinator), and for outcomes not met, why ("${WHY_HEADER}"), the key actions ("${KEY_ACTIONS_HEADER}") and the support needed ("${SUPPORT_HEADER}").`,
    `The score that counts is the champions' confirmed score where there is one, otherwise the co-ordinator's: the Summary, the Improvement Plan and the report all use it, and the Summary lists every row where the champions changed the co-ordinator's score. A confirmed score with no co-ordinator's score is accepted (the paper sends judgements the co-ordinator cannot make to stage 2). Leave "${CONFIRMED_HEADER}" blank until the champions have met: the co-ordinator's score counts meanwhile.`,
    `Key actions and support needed on a row go into the Improvement Plan word for word, one plan row for each tracker row that has them, ahead of the drafted action for its theme.`,
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
      {
        id: 'achievement',
        header: COORDINATOR_HEADER,
        type: 'score',
        scale: 'achievement',
        note: `Stage 1, the co-ordinator: 5 = achieved … 1 = not achieved. The paper: "${STAGE_1_SCORE}"`,
      },
      {
        id: 'confirmed',
        header: CONFIRMED_HEADER,
        type: 'score',
        scale: 'achievement',
        note: `Stage 2, the champions with the co-ordinators; where given, this is the score that counts. The paper: "${STAGE_2_CONFIRM}"`,
      },
      {
        id: 'appropriateness',
        header: 'Score on Appropriateness of Action',
        type: 'score',
        scale: 'appropriateness',
        note: `Stage 2: 5 (most) to 1 (least), a default scale. The paper: "${STAGE_2_APPROPRIATE}"`,
      },
      text('whyNotMet', WHY_HEADER, `Stage 2, the champions with the co-ordinators. The paper: "${STAGE_2_WHY}"`),
      text(
        'keyActions',
        KEY_ACTIONS_HEADER,
        `Stage 2. The paper: "${STAGE_2_KEY_ACTIONS}" Each row's key actions become an Improvement Plan row word for word.`,
      ),
      text(
        'supportNeeded',
        SUPPORT_HEADER,
        'Stage 2, the support needed to implement the key actions (step d above); it goes into the plan row\'s "Support needed" word for word.',
      ),
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
    "Two stages: the paper asks the champions to \"confirm\" the co-ordinator's assessment but does not say how a different view is recorded. Here the co-ordinator's score stays as given and the champions' confirmed score sits beside it; where there is one, it is the score that counts (blank means not yet confirmed, and the co-ordinator's score counts). A confirmed score without a co-ordinator's score is accepted, not an error.",
    'Step d) names key actions and the support needed together; here they are two columns, so each reaches its own column of the Improvement Plan word for word. The paper does not say how stage 2 reaches the plan beyond "start to develop an Improvement Plan".',
    'NRF-funded and the five optional flags (part e of annex A) are Yes/No columns (a blank cell counts as No): the paper gives no format.',
    'Theme Review: appendix 3 has Attendance at review meeting, Date of Review, Special Achievements, Barriers, Possible Solutions and Action for Improvement; annex A calls the four categories "Achievements, Barriers, Solutions, and Action for Improvement". We use appendix 3\'s wording.',
  ],
};
