/** A small custom framework, as a person would write it in a .json file: one scale, one section, one item. */
export const OUR_REVIEW = {
  id: 'our-review',
  title: 'Our review',
  scales: [
    {
      id: 'yn',
      points: [
        { value: 0, label: 'No' },
        { value: 1, label: 'Yes' },
      ],
    },
  ],
  sections: [{ id: 'A', title: 'Aims', items: [{ id: 'A1', text: 'Are our aims written down?' }] }],
};
