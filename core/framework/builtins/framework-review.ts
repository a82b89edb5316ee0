/**
 * The Cheshire East LSP Framework Review interview schedule (seed 002): looking back, looking forward (the eight
 * roles of the LSP), learning activities. Free-text answers are tagged with themes; the summary counts mentions per
 * theme. The two connection questions are rated on the seed's four-point scale.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED, SCORED_SILENCES, type ItemInput } from './shared.js';

/** A free-text question whose answer is tagged with themes. */
const open = (id: string, text: string): ItemInput => ({ id, text, fields: ['answer', 'themes'] });
/** A connection question rated on the four-point scale, with a comment. */
const rated = (id: string, text: string): ItemInput => ({ id, text, scale: 'connection', fields: ['score', 'comment'] });

export const frameworkReview: FrameworkInput = {
  id: 'framework-review',
  title: 'LSP framework review interviews',
  description:
    'Interview schedule: looking back, looking forward (the eight roles of the LSP) and learning activities, with answers tagged by theme.',
  kind: 'interview',
  source: {
    seed: '002_62de2b41f36f4a10.txt',
    reference: 'Cheshire East Partnerships Project Team, LSP Framework Review: overview of feedback from the LSP/CCP interviews',
  },
  instructions: [
    'Overview of feedback from the LSP/CCP interviews: Looking back 2005-2008; Looking forward; Learning activities to help inform approach to agreeing future arrangement.',
  ],
  howTo: [
    "Write each answer in the interviewee's words and tag it with one or more themes, separated by semicolons (;). The default themes are the paper's barrier headings; add your own in the list.",
    'Rate each connection question: Very effective, Effective, Not very effective or Very ineffective, and say why in the comment.',
  ],
  scales: [
    {
      id: 'connection',
      points: [
        { value: 1, label: 'Very ineffective' },
        { value: 2, label: 'Not very effective' },
        { value: 3, label: 'Effective' },
        { value: 4, label: 'Very effective' },
      ],
      notScored: NOT_SCORED,
      isDefault: false,
      note: 'Labels from the paper ("Very effective / effective", "Not very effective / very ineffective"); the numbers 1–4 are ours.',
    },
  ],
  defaultScale: 'connection',
  sections: [
    {
      id: 'LB',
      title: 'Looking back',
      description: 'Looking back 2005 - 2008',
      items: [
        open('LB1', 'What has been the added value of the LSP over the last 3 years?'),
        open('LB2', 'What barriers have limited the potential to achieve more?'),
        rated('LB3', 'How effective has the connection between the thematic groups and the LSP been?'),
        rated(
          'LB4',
          'How effective has the connection between the district LSP/thematic groups and the CCP/county wide thematic groups been?',
        ),
      ],
    },
    {
      id: 'LF',
      title: 'Looking forward',
      description: "What do you see as being the key issues for Cheshire East LSP's Partnership Framework in terms of:",
      items: [
        open('LF1', 'Exercising a leadership and governing role?'),
        open('LF2', 'Having oversight of and aiming to co-ordinate community consultation and engagement activities?'),
        open('LF3', 'Producing a Sustainable Community Strategy?'),
        open('LF4', 'Agreeing a Local Area Agreement?'),
        open('LF5', 'Having oversight of the planning and alignment of resources in the locality?'),
        open('LF6', 'Reviewing and performance managing progress?'),
        open('LF7', 'The commissioning & delivery of services to meet local needs?'),
        open('LF8', 'Enabling innovation & new ways of working?'),
      ],
    },
    {
      id: 'LA',
      title: 'Learning activities',
      items: [open('LA1', 'What learning activities would help inform our approach to agreeing future arrangements?')],
    },
  ],
  themeTags: {
    tags: [
      'LAA',
      'Two tier local government',
      'Lack of resources',
      'Lack of clarity',
      'Unclear accountability',
      "Lack of 'buy in'",
      'Limited guidance, advice & information',
      'Performance',
      'Relationships',
      'Communication',
      'Instability',
    ],
  },
  silences: [
    "The paper is the feedback from the interviews, not the schedule itself: the questions are taken word for word from the feedback's headings, and the answer columns (answer, themes; score and comment for the two connection questions) are ours.",
    'Connection scale: the paper gives the four labels (very effective, effective, not very effective, very ineffective) but no numbers. Default 4 = very effective … 1 = very ineffective.',
    'Theme tags: the default list is the paper\'s barrier headings, offered for every answer (added value, roles and learning too); the paper\'s own headings for those answers (e.g. "Focus & \'buy in\'", "Collective ownership & vision") can be added as tags.',
    'The tag "Limited guidance, advice & information" contains a comma: separate several tags with semicolons (;).',
    'The period "2005 - 2008" and "Cheshire East" are the paper\'s; edit them in a custom framework for another review.',
    ...SCORED_SILENCES,
  ],
};
