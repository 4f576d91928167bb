/**
 * A sample block in a documentation comment: Javadoc's and Doxygen's `<pre>` … `</pre>`, Doxygen's `@code` /
 * `\code` … `@endcode`, JSDoc's `@example`. What introduces a value inside such a block is the text before the block
 * opens (`… flattened in the same way. E.g.` above `<pre class="code">`), not the sample lines right above it.
 *
 * Bounded: at most `BLOCK_REACH` lines are read back from the value, so the cost per finding does not grow with the file.
 */
import { TextIndex } from '../text-index';

/** How many lines above a value the block's opener is looked for. */
const BLOCK_REACH = 40;

const OPENS = /<pre\b|[@\\]code\b|@example\b/i;
const CLOSES = /<\/pre>|[@\\]endcode\b/i;

/** The line that opens the sample block holding `line`, or undefined when the line is not in one. */
export function sampleBlockOpener(index: TextIndex, line: number): number | undefined {
  const stop = Math.max(0, line - BLOCK_REACH);
  for (let l = line - 1; l >= stop; l--) {
    const text = index.lineText(l).slice(0, 400);
    if (CLOSES.test(text)) return undefined;
    if (OPENS.test(text)) return l;
    // JSDoc's `@example` runs to the next tag: any other tag above means the value is not in the example.
    if (/^\s*\*?\s*@(?!example\b)\w/.test(text)) return undefined;
  }
  return undefined;
}
