/**
 * The budgets of a report template: what a user's template may be, and what rendering it may produce.
 * The built-in templates are 6–7 KB with 165 tags and blocks nested 4 deep. A large province's report (50
 * units, 20 items each) is about 150,000 characters and 1,500 paragraphs; 200 units with 30 items each would
 * be about 1.2 million characters and 6,000 paragraphs. The output budget sits above that and low enough that
 * building the .docx stays within seconds (a report of 2.8 million characters from one file took 5 s and 310 MB on a 2-core VM).
 * README.md ("Giới hạn") lists these for users; a template over one is refused with a message naming it.
 */
export const TEMPLATE_LIMITS = {
  /** Bytes of the template file. */
  fileBytes: 256 * 1024,
  /** Tags ({{…}}) in the template. */
  tags: 5_000,
  /** Blocks ({{#each}}, {{#if}}…) open inside one another. */
  blockDepth: 32,
  /** Partials ({{> name}}) called inside one another: recursion stops here. */
  partialDepth: 16,
  /** Times a block body runs during one render (every iteration of every {{#each}}, every {{#if}} taken). */
  blockRuns: 1_000_000,
  /** Characters the block bodies produce, summed over every run at every level (nested output counts again at each level). */
  blockChars: 50_000_000,
  /** Characters of the rendered report body (about 1,200 pages). */
  outputChars: 3_000_000,
  /** Lines (paragraphs, headings, table marks) of the rendered report body. */
  outputLines: 30_000,
  /** Tables placed with [[bang:…]] (each can be as long as the units or models). */
  tables: 20,
} as const;

export type TemplateLimitName = keyof typeof TEMPLATE_LIMITS;
