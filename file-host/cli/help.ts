/** The text `partnership-review --help` prints. */
export const USAGE = `partnership-review — partnership self-assessment reviews in .xlsx workbooks

Usage:
  partnership-review frameworks [--json]
  partnership-review new <review.xlsx> --framework <id> [--partnership <name>]... [--respondent <name>]...
                         [--respondents <n>] [--cycle <label>] [--no-protect]
  partnership-review import <review.xlsx> <responses.csv|responses.xlsx> [--prefer-export]
  partnership-review check <review.xlsx> [--json]
  partnership-review summarise <review.xlsx> [--json] [--previous <last-review.xlsx>]
  partnership-review score <review.xlsx> [--json] [--previous <last-review.xlsx>]
  partnership-review report <review.xlsx> [--out <report.docx>] [--previous <last-review.xlsx>] [--force]
  partnership-review plan <plan.xlsx> <review.xlsx>... [--cycle <label>] [--json]
  partnership-review demo <review.xlsx> [--framework <id>] [--force]

  frameworks  list the built-in frameworks (--json: [{id, title, source, items}])
  new         create a review workbook from a framework (--framework: a built-in id, or a custom framework .json)
  import      add or update respondents from a Microsoft Forms or Google Forms export (CSV UTF-8, or .xlsx);
              cells changed in the workbook since the last import are kept and listed (--prefer-export: take the export's)
  check       list the errors (entries that cannot be scored, bad dates, broken layout), then the reminders
              (unanswered questions per respondent, plan rows still to complete), each as Sheet!A1: message
  summarise   rewrite the Summary and Improvement Plan tabs (keeps everything people typed);
              --json prints the summary model (only JSON on stdout); --previous compares with last cycle's workbook
  score       the same figures and drafted plan as summarise, printed only: the workbook is not written
  report      write the review report for the board as a Word document (default: "<review> report.docx"
              beside the workbook; --force replaces an existing one); the workbook is not changed
  plan        pull the Improvement Plans of several reviews into one LSP improvement plan workbook: Part 1 Delivery
              by theme (delivery trackers), Part 2 Partnership by criterion (partnership reviews, risk exercise), each
              row naming its review, partnership and Ref; creates <plan.xlsx>, or updates it keeping every edit made
              there (rows whose source has gone are flagged, never deleted); the reviews are not changed
  demo        write a complete, filled-in example review (default: the Kensington and Chelsea workshop)

Options for every command:
  --today YYYY-MM-DD   the date to work to (default: today's date from the clock)
  --quiet, -q          no progress messages on stderr
  --help, -h           this text
  --                   everything after it is a file name: a file whose name begins with "-" goes after it
                       (or is given as ./-name.xlsx)

Exit codes: 0 done (check: no errors; reminders alone do not fail); 1 check found errors; 2 the command could not be done
(a missing, damaged or open file, not a review workbook, a wrong option) and nothing was changed;
3 an unexpected error (please report it).
`;
