// The page's CSV: the same contract as the command line's (src/csv.rs), tested against the
// same cases (tests/data/csv_cells.txt): a text cell that starts with = + - @, a tab or a CR
// gets a ' first, so that a spreadsheet shows it instead of running it as a formula; a field
// with a comma, a quote, a CR or a LF is quoted, quotes doubled (RFC 4180); records end in
// CRLF and the file starts with a byte order mark. Numbers (a fact's value, its max) are
// written as plain numbers and never get the ': a lone number runs nothing, and the ' would
// make the column text that no longer sums.

/** A text cell as a CSV field. */
export function textField(cell) {
  let s = String(cell ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number as a CSV field: empty when it is missing or not finite. */
export function numberField(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  if (Object.is(v, -0)) return '0';
  // Never an exponent: String(1e21) is "1e+21".
  return Math.abs(v) >= 1e21 ? BigInt(Math.round(v)).toString() : String(v);
}

/** A whole file: a byte order mark, then each record's fields (already fields) and CRLF. */
export function csvFile(records) {
  return '\uFEFF' + records.map((r) => r.join(',') + '\r\n').join('');
}
