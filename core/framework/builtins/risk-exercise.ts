/**
 * The KCP risk exercise (seed 003, §3.2): scenarios under 13 risk themes, each rated with a traffic light.
 * The seed's seven scenarios are given in the instructions as examples only, never as data.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED } from './shared.js';

const ONE_TO_FIVE = [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }));

export const riskExercise: FrameworkInput = {
  id: 'risk-exercise',
  title: 'Risk exercise',
  description: 'Risk scenarios under the 13 risk themes, each rated red (high), amber (moderate) or green (low).',
  kind: 'risk',
  source: {
    seed: '003_7c9eb4337a863b71.txt',
    reference: 'Kensington and Chelsea Partnership Steering Group, KCP Review (bi-annual review paper), §3.2 Risk Exercise',
  },
  instructions: [
    'The exercise was structured around some common risk management methodology which consisted of considering the following themes: Roles and responsibilities; Objectives; Legal; Resources; Strategic; Legislative/regulatory; Business case; Communication and relationships; Governance; Political; Skills; Change Management; Stakeholders.',
    'The sessions focussed on the degree to which some of these areas could provide real risks to the KCP undertaking agreed responsibilities. Some potential scenarios were then developed and scored using traffic lights, suggesting areas which the partnership should focus for improvement.',
  ],
  howTo: [
    'Examples of scenarios from the paper (for illustration only): Recognition of the KCP, local and regionally; Ensuring a consistent approach to KCP theme group structure; Ensuring the LAA and Community Strategy links with other plans and strategies; Performance of the KCP within new CAA framework; Achieving LAA targets; Formal induction process to the KCP; Individual partners engagement with KCP. "The first risk was rated high, with the remainder being rated moderate."',
    'Write one scenario per row under its theme, as many as you need, and give it a rating: Red = high, Amber = moderate, Green = low. Likelihood and impact (1 to 5) are optional.',
  ],
  scales: [
    {
      id: 'likelihood',
      points: ONE_TO_FIVE,
      notScored: NOT_SCORED,
      isDefault: true,
      note: 'Default scale: the paper gives no likelihood scale. 1 (least likely) to 5 (most likely).',
    },
    {
      id: 'impact',
      points: ONE_TO_FIVE,
      notScored: NOT_SCORED,
      isDefault: true,
      note: 'Default scale: the paper gives no impact scale. 1 (least impact) to 5 (most impact).',
    },
  ],
  defaultScale: 'likelihood',
  register: {
    tab: 'Risk Register',
    groupLabel: 'Risk theme',
    groups: [
      'Roles and responsibilities',
      'Objectives',
      'Legal',
      'Resources',
      'Strategic',
      'Legislative/regulatory',
      'Business case',
      'Communication and relationships',
      'Governance',
      'Political',
      'Skills',
      'Change Management',
      'Stakeholders',
    ],
    columns: [
      { id: 'theme', header: 'Risk theme', type: 'group', required: true },
      {
        id: 'scenario',
        header: 'Scenario',
        type: 'text',
        required: true,
        note: "A potential scenario that could put the partnership's agreed responsibilities at risk.",
      },
      {
        id: 'likelihood',
        header: 'Likelihood',
        type: 'score',
        scale: 'likelihood',
        note: '1 (least likely) to 5 (most likely): default scale, optional.',
      },
      { id: 'impact', header: 'Impact', type: 'score', scale: 'impact', note: '1 (least) to 5 (most): default scale, optional.' },
      {
        id: 'rating',
        header: 'Rating',
        type: 'rag',
        note: 'Traffic light: Red = high, Amber = moderate, Green = low ("high" and "moderate" are the paper\'s words; "low" for green is our default).',
      },
      { id: 'owner', header: 'Owner', type: 'text' },
      { id: 'notes', header: 'Notes', type: 'text' },
    ],
  },
  silences: [
    'Traffic-light meaning: the paper rates scenarios "high" and "moderate". Red = high and Amber = moderate follow it; Green = low is our default.',
    'Likelihood and impact: the paper does not say how a traffic light was reached. Likelihood and impact columns on a 1–5 scale are our optional default. The Rating is typed by the group; where it is left blank and likelihood and impact are given, the rating is taken from likelihood × impact (1 to 25): 15 or more Red, 8 or more Amber, otherwise Green. The paper gives no thresholds: these are our defaults and can be changed.',
    "Owner and Notes columns are our default: the paper does not list the exercise's columns.",
    "The paper's seven scenarios are examples in the instructions, not rows: each review writes its own scenarios.",
  ],
};
