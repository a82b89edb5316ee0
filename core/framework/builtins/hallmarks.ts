/**
 * Home Office six Hallmarks of effective partnerships: the Rochford LSP Partnership Self Assessment Guidance &
 * Questionnaire (June 2009, seed 001). All 67 questions, wording exactly as in the seed (only its markdown `**` removed).
 * The questionnaire is completed once per partnership under the LSP, so one review holds several partnerships.
 */
import type { FrameworkInput } from '../schema.js';
import { NOT_SCORED, SCORED_SILENCES, type ItemInput } from './shared.js';

/** A question scored on the Hallmarks scale with a comment. */
const q = (id: string, text: string): ItemInput => ({ id, text, fields: ['score', 'comment'] });

export const hallmarks: FrameworkInput = {
  id: 'hallmarks',
  title: 'Hallmarks of effective partnerships self-assessment',
  description: 'The six Home Office Hallmarks with all 67 questions, completed once for each partnership under the LSP.',
  kind: 'questionnaire',
  source: {
    seed: '001_c1ea8c746b4e09d2.txt',
    reference: 'Rochford District LSP (Vision 100), Partnership Self Assessment Guidance & Questionnaire, June 2009',
  },
  instructions: [
    'Partners are invited (with the assistance of the Local Strategic Partnership officers) to complete the following partnership self-assessment questionnaire for each of the partnerships that make up the Rochford Local Strategic Partnership.',
    'The intention of this exercise is to more formally ascertain the health of the partnerships that exist under the auspices of the LSP. That they are all working towards an agreed set of shared principles and standards of operation. Furthermore the results of the self assessment can be used by the LSP Executive to annually assess the partnership.',
    "'The Hallmarks of effective Partnerships are intended to summarise the core elements of effective partnership working. They provide a way for partnerships to check if they are delivering effectively or if there are areas where they should target improvements.'",
  ],
  howTo: [
    "Answer each question Yes, Partly or No (or Don't know / N/A) and add a comment. This answer scale is our editable default: the questionnaire gives none.",
  ],
  scales: [
    {
      id: 'hallmarks',
      points: [
        { value: 1, label: 'No' },
        { value: 2, label: 'Partly' },
        { value: 3, label: 'Yes' },
      ],
      notScored: NOT_SCORED,
      isDefault: true,
      note: 'Default scale: the paper gives no answer scale.',
    },
  ],
  defaultScale: 'hallmarks',
  multiplePartnerships: true,
  sections: [
    {
      id: '1',
      title: 'Empowered and Effective Leadership',
      items: [
        q('1.1', 'Do you have an effective governance structure that is able to provide strategic leadership for your partnership?'),
        q('1.2', 'Does the partnership involve senior representatives from relevant partners?'),
        q('1.3', 'Are other bodies and agencies represented as appropriate?'),
        q('1.4', 'Do you have a clear process for reviewing the chair?'),
        q(
          '1.5',
          'Do you need a locally elected member with responsibility for the reason for the partnership sitting on this body? If so, who is best placed to fulfil this role?',
        ),
        q('1.6', 'Do you have a clear meeting structure?'),
        q('1.7', 'Do you need any additional protocols to govern processes where there has been confusion or disagreement in the past?'),
        q('1.8', 'Have you ensured that there are actions ascribed to relevant partners?'),
        q('1.9', 'Have you considered ownership of any individual action plans?'),
        q('1.10', 'Within your strategy group, are you able to constructively challenge each other in order to improve performance?'),
        q('1.11', 'Are the right people from the right organisations involved in the partnership?'),
        q('1.12', 'Is the District wide or Sub-District partnership group accountable to a countywide body?'),
        q('1.13', 'Are the appropriate information and data sharing arrangements in place?'),
        q(
          '1.14',
          'Do the personnel involved understand the legislation relating to information sharing and are they equipped to solve any information sharing problems?',
        ),
      ],
    },
    {
      id: '2',
      title: 'Intelligence-led Business Processes',
      items: [
        q('2.1', 'Do you have an information sharing protocol?'),
        q('2.2', 'Are there other parties who could sign up to, and comply with, the protocol?'),
        q('2.3', 'Do you share personal data when necessary and appropriate to do so?'),
        q(
          '2.4',
          'Do you have all the additional information from partners that you need to build a profile of your community and the community needs that your partnership aims to impact upon?',
        ),
        q('2.5', 'Do you have a process for ensuring that district level priorities are fed into the Local Area Agreement?'),
        q('2.6', 'Have you embedded problem-solving and evaluation processes within your business planning?'),
        q('2.7', 'Are you clear on the priorities for your area, based on what the community thinks and what your information says?'),
        q('2.8', 'Have conducted or made sufficient links with appropriate strategic assessments available in your area?'),
        q('2.9', 'Have you ensured that you have worked together as a partnership to identify those most vulnerable and at risk?'),
        q('2.10', 'Does your plan contain details of how you will measure performance against priorities?'),
        q(
          '2.11',
          'Have you ensured that the decisions made have been influenced by the priorities that you have identified and also the ability to deliver?',
        ),
        q('2.12', 'Is there a clear process for allocating tasks and resources to delivery groups, bodies and individuals?'),
        q('2.13', 'Do you have a process for weighing up emerging issues with existing priorities?'),
        q('2.14', 'Do you have a process for deciding which projects to evaluate?'),
        q('2.15', 'Have you embedded the need to evaluate within these projects?'),
        q('2.16', 'Have you made resources available to carry out evaluation?'),
      ],
    },
    {
      id: '3',
      title: 'Effective and Responsive Delivery Systems',
      items: [
        q('3.1', 'Have you considered how you will resource the delivery of your priorities?'),
        q('3.2', 'Have you maximised the opportunities for the joint delivery of actions?'),
        q('3.3', 'Are you making the best use of other avenues for the publication of your partnership/action plan?'),
        q('3.4', 'Do you have action groups structured around your key priorities?'),
        q('3.5', 'Are these groups delivering what is required to meet the objectives set out in your partnership plan?'),
        q('3.6', 'Are you able to respond flexibly to emerging issues within the community?'),
      ],
    },
    {
      id: '4',
      title: 'Engaged Communities',
      items: [
        q('4.1', 'Does all the information gathered through community consultation feed into your priority-setting activities?'),
        q(
          '4.2',
          'Are you targeting your community consultation activities to diverse groups within the community and those most likely to be affected by your priorities?',
        ),
        q('4.3', 'Have you ensured that aspects of your partnership/action plan can be shared with the community?'),
        q(
          '4.4',
          'Have you identified the correct medium for sharing information with the community, including those who are hard to reach and hard to hear?',
        ),
        q('4.5', 'Have you ensured that your partnership plan can be accessed by diverse communities?'),
        q('4.6', 'Are you actively seeking ways to involve diverse groups within your community in problem solving initiatives?'),
      ],
    },
    {
      id: '5',
      title: 'Visible and Constructive Accountability',
      items: [
        q('5.1', 'Have you ensured that the information collected from community engagement is included in the partnership plan?'),
        q(
          '5.2',
          'Do you have appropriate structures and documents in place to ensure that all community members, including hard to reach and hard to hear communities, can be involved in any community meetings being scheduled?',
        ),
        q('5.3', 'Are the community aware of the community focused meetings being scheduled?'),
        q(
          '5.4',
          'Are you taking steps to ensure that the community will receive regular feedback and update on the progress of the community?',
        ),
        q(
          '5.5',
          'Are all your partners aware of the existing processes and approaches adopted within agencies to engage and feedback to communities?',
        ),
        q('5.6', 'Are there effective performance management arrangements in place?'),
        q('5.7', "Does the strategy group consider 'Value for Money' when commissioning and evaluating projects?"),
        q('5.8', 'Do you have a clear idea how effectively your previous partnership plan has been implemented?'),
        q('5.9', 'Do you share the results of your evaluations with others?'),
      ],
    },
    {
      id: '6',
      title: 'Appropriate Skills and Knowledge',
      items: [
        q('6.1', 'Is there a clear understanding amongst all partners of the purpose and aims of the partnership?'),
        q('6.2', 'Is there clarity over the roles and responsibilities of those who make up the partnership?'),
        q(
          '6.3',
          'Is there clarity over membership of the partnership, are there any identifiable gaps, and how frequently is the membership reviewed?',
        ),
        q(
          '6.4',
          'Does the person facilitating the sharing of information understand the objectives of the partnership and what can be shared and by whom?',
        ),
        q('6.5', 'Do all the partners understand the importance of sharing information?'),
        q('6.6', 'Do you know the make-up of the communities you represent, including the groups and organisations within it?'),
        q(
          '6.7',
          'Do you have adequate processes in place for listening to all sections of the community, including minority and hard to reach groups?',
        ),
        q('6.8', 'Do you understand any new requirements and or legislation and what they mean for the partnership?'),
        q(
          '6.9',
          'Have you ensured that there are people within the partnership who can review the economy, efficiency and effectiveness of the partnerships work?',
        ),
        q('6.10', 'Is there the analytical capacity/capability across the partnership to support its work?'),
        q('6.11', 'Do you know that the messages of the partnership are reaching the intended audience?'),
        q('6.12', 'Can the partnership identify areas, themes or issues for cross-partnership working?'),
        q('6.13', 'Are you familiar with the planning processes and the links to other areas of partnership business?'),
        q('6.14', 'Do you understand the various problem solving models and how they can be applied to the business of the partnership?'),
        q('6.15', 'Do you have a process for learning from previous evaluations?'),
        q('6.16', 'Do you understand what makes a good evaluation?'),
      ],
    },
  ],
  silences: [
    'Answer scale: the paper gives none. Default 3 = Yes, 2 = Partly, 1 = No; "Don\'t know" and "N/A" are not scored (editable).',
    'Hallmark titles: the paper spells them two ways — the numbered list ("1. Empowered and Effective Leadership" … "6. Appropriate Skills and Knowledge") and the questionnaire headings ("Empowered & Effective Leadership", "Visible & Constructive Accountability", "Appropriate Skills & Knowledge", the last without its number). We use the numbered list\'s wording, without the stray space in "Intelligence- led".',
    'Question wording is kept exactly as in the paper, including its slips (e.g. 2.8 "Have conducted or made sufficient links…", 5.4 "…on the progress of the community?").',
    'Comment per question: the paper gives no answer boxes; a comment column is our default.',
    'Partnerships: the paper says the questionnaire is completed "for each of the partnerships that make up" the LSP but does not list them; the partnerships are entered when the review is created.',
    ...SCORED_SILENCES,
  ],
};
