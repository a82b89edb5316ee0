/**
 * The review the issue measured: Hallmarks, two partnerships × eight respondents, filled in from the demo's
 * generated answers (respondent i of partnership p takes the answers of generated respondent 8p + i, cycling), then
 * summarised twice as the demo does (the plan keeps what was typed into it). Written with the command line's host.
 */
import { runCreate, runSummarise } from '../../core/operations/run.js';
import { getFramework } from '../../core/framework/catalogue.js';
import { generatedReview } from '../../file-host/demo/generated.js';
import { fillDemo, fillPlanContacts } from '../../file-host/demo/fill.js';
import type { DemoReview } from '../../file-host/demo/types.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';

export const PARTNERSHIPS = ['Community Safety Partnership', 'Economic Development Partnership'];

export function hallmarksTwoDemo(today: string): DemoReview {
  const framework = getFramework('hallmarks');
  const base = generatedReview(framework, { cycle: '2026/27', today });
  const orgs = ['District Council', 'County Council', 'Police', 'Fire and Rescue', 'Health', 'Voluntary sector', 'Housing', 'Business'];
  const respondents = PARTNERSHIPS.flatMap((partnership, p) =>
    orgs.map((organisation, i) => {
      const from = base.respondents[(p * 8 + i) % base.respondents.length]!;
      return {
        respondent: `${['Ann', 'Ben', 'Cara', 'Dev', 'Eve', 'Fin', 'Gus', 'Hal'][i]} ${p === 0 ? 'Smith' : 'Jones'}`,
        partnership,
        organisation,
        answers: from.answers,
      };
    }),
  );
  return {
    ...base,
    partnerships: PARTNERSHIPS,
    respondents,
    planContacts: { keyContact: 'Partnership manager', leadAgency: PARTNERSHIPS[0]! },
  };
}

/** Writes the review to `path`. */
export async function writeHallmarksTwo(path: string, today: string): Promise<void> {
  const framework = getFramework('hallmarks');
  const demo = hallmarksTwoDemo(today);
  const host = XlsxHost.create();
  await runCreate(host, {
    framework: 'hallmarks',
    partnerships: demo.partnerships,
    respondents: demo.respondents.map((r) => r.respondent),
    cycle: demo.cycle,
    protect: true,
    today,
  });
  await fillDemo(host, framework, demo);
  await runSummarise(host, { today });
  await fillPlanContacts(host, demo);
  await runSummarise(host, { today });
  await host.save(path);
}
