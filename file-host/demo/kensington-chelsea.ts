/**
 * The Kensington and Chelsea LSP pilot workshop on the Audit Commission's draft partnership tree, 22nd February
 * 2008 (seed 000), as a filled-in review.
 *
 * From the seed, word for word: every specific comment, placed under the score it was made with, and the
 * strengths and areas for improvement agreed per characteristic. The seed does not say who was there, how many took
 * part, or the scores of people who made no comment. Our reconstruction: nine participants (the most comments made
 * under any one characteristic is nine), identified only as "Participant 1…9" with an illustrative organisation
 * drawn from the partners the seed mentions, each comment given to a different participant, and a score without a
 * comment where a participant is needed to make up the nine.
 */
import type { CellValue } from '../../core/review/types.js';
import type { DemoRespondent, DemoReview } from './types.js';

const PARTNERSHIP = 'Kensington and Chelsea LSP';

/** Illustrative: partners the seed names (fire, the Social Council, the VOF, the Children's Trust, the council…). */
const PARTICIPANTS: Array<[name: string, organisation: string]> = [
  ['Participant 1', 'Royal Borough of Kensington and Chelsea (community safety)'],
  ['Participant 2', 'London Fire Brigade'],
  ['Participant 3', 'Kensington and Chelsea Social Council'],
  ['Participant 4', 'Primary Care Trust'],
  ['Participant 5', 'Metropolitan Police'],
  ['Participant 6', 'Voluntary Organisations Forum'],
  ['Participant 7', "Children's Trust"],
  ['Participant 8', 'Jobcentre Plus'],
  ['Participant 9', 'Royal Borough of Kensington and Chelsea (environmental services)'],
];

type Entry = [score: number, comment: string | null];

/** Per characteristic, one entry per participant in the order above. Comments are the seed's. */
const SCORES: Record<string, Entry[]> = {
  ASPIRE: [
    [2, "Strong on all indicators here except 'seeking challenging outcomes' – we are too risk averse"],
    [2, 'LAA – fire safety outcome – PIs established to promote safety in the home'],
    [
      2,
      'Our knowledge of local priorities is good in our silos (eg community strategy themes) we are much less good at connecting e.g. link between culture and community safety',
    ],
    [2, 'Clear understanding of what is needed but possibly affected by changing agenda of local government and partners'],
    [3, null],
    [2, 'Good at focussing on specific outcomes but could be more citizen focussed'],
    [2, 'Well established stakeholder network but could be more comprehensive'],
    [2, null],
    [
      2,
      'Has been determined effort to consult and build views into the community strategy and is ongoing in terms of new strategies – need to be careful not to arouse false expectations',
    ],
  ],
  THINK: [
    [1, 'Most proposals/papers to the partnership suggest a preferred option rather than a choice'],
    [2, 'Good use of data to inform decision making'],
    [3, 'Good use of data and research to support service redesign'],
    [2, 'Need deeper scrutiny of single agency versus multi agency delivery'],
    [3, 'Bi-annual review of LSP offers opportunity to consistently review purpose and what value can be added'],
    [3, 'Confidence in partnership which allows all partners to be valued'],
    [3, 'Working in tandem with social services to achieve targets for both parties'],
    [2, 'Use data, research and views to challenge service design'],
    [2, 'Some progress e.g. new timetable for waste collection, parks strategy consultation'],
  ],
  LEAD: [
    [1, 'We critique more than we propose (as partnership – individuals often have suggestions)'],
    [2, 'Strong on leadership but weaker on being transformational (need to take more risks to be transformational)'],
    [2, 'Challenge status quo and empower citizens'],
    [2, null],
    [2, 'Beginning in current round of consultations – needs very careful handling so that empowerment is practical'],
    [2, 'Partners could be in a different place in forward thinking strategies'],
    [3, 'Youth Intervention Programme – creates improvement in demonstrating responsibilities of each partner'],
    [2, null],
    [2, null],
  ],
  COLLABORATE: [
    [2, 'Some good examples of successful collaboration across sectors'],
    [2, 'Collaboration needs to be underpinned more by joining up resources and expertise ⇒ joint delivery'],
    [3, 'Partnership with voluntary sector – provide funding and assist in their expansion'],
    [2, 'The way meetings of the whole LSP work is a 3 but we should be better at bringing new members on board'],
    [1, 'Co-producers - yet to see but hopefully will do so'],
    [3, 'Strengthened VOF network has led to better equipped VOF representatives'],
    [3, "Many success stories e.g. Children's Trust"],
    [3, 'All partners valued equally'],
    [3, null],
  ],
  ACCOUNT: [
    [
      2,
      "Systems of accountability (e.g. forums feeding into forums) are in place but I don't always believe that they are used effectively and I'm not convinced that users and communities know about the partnership (in general) although they do benefit from its outcomes. I'm not aware of any mechanisms for direct feedback etc from citizens, however effective routes of accountability through the partnerships would facilitate this indirectly",
    ],
    [2, 'Trust among partners but possibly could be unbalanced by resource differentials'],
    [2, 'Engage, involve and inform – made progress with last community strategy better still with this one'],
    [3, 'Sharply focussed on getting priorities right ⇒ informs resource allocation and vfm'],
    [2, 'How many people know about the partnership as opposed to individual members – if we are not visible how accountable are we?'],
    [2, null],
    [2, 'Youth intervention programme/ YOT / Connexions – develop outcomes further'],
    [2, 'Robust accountability systems in place though only just starting to address risk management seriously'],
    [3, "Speedy and clear communications e.g. LA's website"],
  ],
  DELIVER: [
    [
      1,
      'Strong leadership and ownership in parts of the delivery chain but difficult for partnership to feel collectively responsible for delivery',
    ],
    [3, 'Aligning fire service targets to the LAA and LA Community targets'],
    [1, 'Partnership with voluntary organisations – clarity of delivery needs development'],
    [3, 'Memorandum of understanding establishes key responsibilities for data sharing'],
    [2, 'Good potential to join up the delivery chain'],
    [1, 'Getting delivery chains right – yet to see but hopefully will do so'],
    [2, "Need to 'work up' delivery chain enablers at operational subgroup level"],
    [
      2,
      "I'm not convinced that the LSP always focuses on delivery. Although it has the capacity, I think there are weak links in the chains of delivery",
    ],
    [3, 'Very good LAA setting process and community strategy LAA monitoring'],
  ],
};

/** Seed 000's table "Strengths and areas for improvement", one point a line. */
const NOTES: DemoReview['notes'] = {
  ASPIRE: {
    strengths: 'Determined effort to consult but need to manage expectations\nClear outcomes e.g. fire and safer communities',
    areasForImprovement: 'We know what we need to achieve\nSilos, (themes) but need to join up\nCould be more citizen focussed',
  },
  THINK: {
    strengths: 'Good use of information to inform decisions\nPartners valued\nWaste collection – adding value',
    areasForImprovement:
      'We need to recognise we do not always have to do things together\nChoice versus preferred option – used to being lead rather than choices\nEscalation process?',
  },
  LEAD: {
    strengths:
      'Options for skill sharing across the partnership (further development needed e.g. half day event)\nNew members – having a position paper or learn from experienced member\nEstablish what the core function and priorities are for the partnership',
    areasForImprovement:
      'We critique rather than propose e.g. specific issues — partnership view needed on the LDF\nA need to take more risks',
  },
  COLLABORATE: {
    strengths:
      'LSP working together\nAll partners valued equally\nVoluntary organisations engagement\nSocial council leading the community strategy\nMaturity of the partnership and recognition of what everyone adds',
    areasForImprovement: 'Link with LDF needed',
  },
  ACCOUNT: {
    strengths: 'Working well',
    areasForImprovement: 'Addressing risk management for the partnership\nTrust/equity/allocation of resources – what is the impact?',
  },
  DELIVER: {
    strengths:
      "LAA – an opportunity for 'joined up' work e.g. worklessness (transformational)\nLAA monitoring\nGood delivery via LAA e.g. Fire prevention and safety",
    areasForImprovement:
      'Who is accountable? Collective responsibility versus individualism\nWhat are the levers and sanctions?\nDo people know how to feed into the partnership process?\nLink between feed in from people and decisions made needs to be made clearer',
  },
};

export function kensingtonChelseaWorkshop(): DemoReview {
  const respondents: DemoRespondent[] = PARTICIPANTS.map(([respondent, organisation], i) => {
    const answers: Record<string, CellValue> = {};
    for (const [id, entries] of Object.entries(SCORES)) {
      const [score, comment] = entries[i]!;
      answers[`${id}|score`] = score;
      if (comment !== null) answers[`${id}|comment`] = comment;
    }
    return { respondent, partnership: PARTNERSHIP, organisation, answers };
  });
  return {
    frameworkId: 'partnership-tree',
    cycle: '2007/08',
    partnerships: [PARTNERSHIP],
    respondents,
    notes: structuredClone(NOTES),
    register: [],
    groupSummary: {},
    // roles, not people: seed 003 is signed by the KCP Manager; the lead agency is the partnership itself
    planContacts: { keyContact: 'KCP Manager', leadAgency: 'Kensington and Chelsea Partnership' },
    // summarised the week after the workshop, inside its 2007/08 cycle: the plan's dates follow from it
    today: '2008-02-29',
    about:
      "Kensington and Chelsea LSP pilot workshop, 22/02/2008 (“Outputs from Partnership framework pilot workshop”, February 2008): the paper's comments under the scores they came with and its strengths and areas for improvement; participants, scores without comments and the plan's key contacts are illustrative.",
  };
}

/** For tests: the seed's comments per characteristic and score, as placed above. */
export const WORKSHOP_SCORES = SCORES;
