/** `partnership-review frameworks [--json]` */
import { frameworkSummaries } from '../../../core/framework/catalogue.js';
import type { CommandContext } from '../context.js';

export async function frameworksCommand(ctx: CommandContext): Promise<number> {
  const list = frameworkSummaries();
  if (ctx.options.json) {
    const out = list.map((f) => ({
      id: f.id,
      title: f.title,
      source: f.source.reference,
      seed: f.source.seed,
      items: f.items,
      description: f.description,
      multiplePartnerships: f.multiplePartnerships,
    }));
    ctx.io.out(JSON.stringify(out, null, 2));
    return 0;
  }
  const width = Math.max(...list.map((f) => f.id.length));
  for (const f of list) {
    ctx.io.out(`${f.id.padEnd(width)}  ${f.title} (${f.items} scored ${f.items === 1 ? 'item' : 'items'})`);
    ctx.io.out(`${''.padEnd(width)}  ${f.description}`);
    ctx.io.out(`${''.padEnd(width)}  Source: ${f.source.reference}`);
  }
  return 0;
}
