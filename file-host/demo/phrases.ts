/**
 * Text for generated demo reviews. Where a seed has words for the thing, they are the seed's (seed numbers in the
 * comments); the rest are plain, generic remarks of the kind partners write, marked as illustrative.
 */

/** Illustrative comments by how well the respondent rated the item. */
export const COMMENTS = {
  low: [
    'Not in place yet; we need a named lead and a date to agree it.',
    'Happens in some partner organisations but not across the partnership.',
    'We talk about this but there is little evidence of it in practice.',
    'Depends on a few individuals; would not survive a change of staff.',
    'No agreed process; raised at the last two meetings without an outcome.',
  ],
  mid: [
    'Present in parts: good in some themes, weaker in others.',
    'Agreed on paper; needs checking that it is followed.',
    'Improving since the last review but not yet consistent.',
    'Partners have different views on how well this works.',
    'Some good examples, but they are not shared widely.',
  ],
  high: [
    'Well established and reviewed each year.',
    'Clear, written down and understood by partners.',
    'A real strength: partners point to it as good practice.',
    'Working well; evidence in the minutes and the annual report.',
    'Consistently done across all the theme groups.',
  ],
} as const;

/** Evidence and progress notes (nru-partnership): illustrative, in the terms of seed 004. */
export const EVIDENCE = [
  'Steering Group minutes; terms of reference agreed by all partners',
  'Annual report and progress trackers for each cluster',
  'Community Strategy consultation report',
  'Protocol agreed with the Community Empowerment Network',
  'Performance reports to the Steering Group each quarter',
  'Induction pack for new members; attendance records',
];
export const PROGRESS = [
  'Terms of reference revised and agreed',
  'Cluster champions in place for every theme',
  'Improvement Plan agreed and reported on twice a year',
  'Joint training session held for partners',
  'Data sharing protocol signed by the main partners',
  'Little progress since the last review',
];

/** Answers to open questions (framework-review): the seed's own points (seed 002). */
export const OPEN_ANSWERS = [
  'Improved / extended networking & relationship building',
  "Focus & 'buy in'",
  'Greater awareness & understanding of the work of partners in delivering LSP objectives & the issues they face',
  'Opportunity for joint working: pooling & aligning resources',
  'Information sharing: best practice, innovation, Cheshire wide information',
  'LAA: taken over by it - too much time spent talking about it & speed of the process',
  'Lack of resources: employee support, time, funding, lack of practical, achievable projects',
  'Lack of clarity: aims, purpose, vision, role & responsibility, membership & representation',
  "Lack of 'buy in': commitment from individuals but not necessarily from organisations, working in silos",
  'Communication: more coming up from the local to LSP than vice versa',
  'Collective ownership & vision: agreed priorities & objectives, clear strategic plan',
  'Improved accountability - clarity of role & responsibility',
  'Clear communication: appropriate channels, website maintained, keeping in touch with partners & the community',
  'Resources: funding, support, time',
  'Structure / representation: right partners need to be involved at the right level',
];

/** Register text by column id (delivery-tracker from seed 004 appendix 2; risk-exercise from seed 003). */
export const REGISTER_TEXT: Record<string, string[]> = {
  issue: [
    'Low satisfaction with streetscape and street cleansing',
    'High rates of worklessness in the two wards',
    'Fear of crime higher than the borough average',
    'Low take-up of health checks',
    'Overcrowding in social housing',
    'Attainment at 16 below the borough average',
  ],
  outcome: [
    'Increase local satisfaction rates with street cleaning to the borough average',
    'More residents into sustained work',
    'Reduce fear of crime as measured by the residents panel',
    'Increase take-up of health checks',
    'Fewer overcrowded households',
    'Raise attainment at 16',
  ],
  evaluation: ["Residents' panel", 'Annual performance indicators', 'Project monitoring returns', 'Survey of service users'],
  action: [
    'NRF funding: establish street closure protocols to facilitate regular street cleaning',
    'Joint outreach with Jobcentre Plus in community venues',
    'Environmental improvements with enhanced lighting, developed with the local community',
    'Targeted health check sessions in community centres',
    'Develop a streetscape proposal with local residents',
  ],
  partners: [
    'RBKC Environmental Services; The Westway Project',
    'Jobcentre Plus; Social Council',
    'Police; Community Safety team',
    'Primary Care Trust; voluntary sector',
  ],
  lead: ['RBKC', 'Jobcentre Plus', 'Metropolitan Police', 'Primary Care Trust', 'Social Council'],
  progress1: ['Consultation with residents and agencies undertaken', 'Project manager appointed', 'Not started: funding to be confirmed'],
  progress2: ['Protocol in place', 'Work delayed: structural issues to be resolved', 'Pilot completed and evaluated'],
  progress3: ['Target met', 'Partly met; extended for a year', ''],
  scenario: [
    'Recognition of the partnership, local and regionally',
    'Ensuring a consistent approach to theme group structure',
    'Ensuring the LAA and Community Strategy links with other plans and strategies',
    'Performance of the partnership within new CAA framework',
    'Achieving LAA targets',
    'Formal induction process to the partnership',
    'Individual partners engagement with the partnership',
  ],
  owner: ['Partnership manager', 'Steering Group chair', 'Theme group lead', 'Policy officer'],
  notes: ['Raised at the risk exercise', 'Review at the next Steering Group', 'Linked to the bi-annual review', ''],
  attendance: ['Both cluster champions and co-ordinators', 'One champion and both co-ordinators', 'Co-ordinators only'],
  achievements: ['New street cleaning protocol in place', 'Health check take-up above target', 'Two projects mainstreamed'],
  barriers: ['Policy changes and short-term funding', 'Structural issues delayed capital works', 'Data not available at ward level'],
  solutions: ['Agree funding for a second year', 'Share data through the new protocol', 'Joint commissioning with the PCT'],
};

/** Stage 2 of the delivery review (seed 004 annex A, c and d): what champions and co-ordinators write, illustrative. */
export const STAGE_2_TEXT = {
  whyNotMet: [
    'Funding for years four and five was confirmed late, so the work started six months behind',
    'The lead partner changed and the target was not handed over',
    'Structural issues with the bridge delayed the capital works',
  ],
  keyActions: [
    'Agree a revised timetable with the lead partner by the next Steering Group and report progress quarterly',
    'Name a new lead officer and hand over the target and its monitoring data within a month',
  ],
  supportNeeded: ['NRF project manager time; a joint meeting with the funding body', 'Data sharing with the Primary Care Trust'],
};

/** Illustrative respondents by role, for generated reviews. */
export const ORGANISATIONS = [
  'District council',
  'County council',
  'Police',
  'Primary Care Trust',
  'Fire and rescue service',
  'Voluntary sector forum',
  'Housing association',
  'Local business representative',
  'Jobcentre Plus',
  'Community representative',
];
