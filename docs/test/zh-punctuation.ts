// How Chinese is punctuated (K-5: Simplified Chinese by default): in Chinese text the comma,
// colon, semicolon, question and exclamation marks and brackets are full-width (，：；？！（）),
// as the Chinese pages and the door, hub and core messages write them. Shared by the pages' test
// and the messages' test; each decides what of its text is prose.

/** A Chinese character or full-width punctuation. */
export const HAN = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/;
/** A Chinese character (an ideograph): what makes a piece of text Chinese. */
export const IDEOGRAPH = /[\u3400-\u9fff]/;
/** ASCII punctuation that has a full-width form Chinese text uses instead. */
export const ASCII_PUNCTUATION = /[,:;!?()]/;

/**
 * The ASCII punctuation of a line of Chinese prose: all of it, but a comma or colon between
 * digits (`1,000`, `14:12`) and the colon of an address (`http://`).
 *
 * @param line - prose, its code and link targets already taken out
 * @returns the marks found, in order
 */
export function asciiPunctuation(line: string): string[] {
  return line.replace(/\d[,:]\d/g, '').match(/[(),;]|:(?!\/\/)/g) ?? [];
}

/**
 * The ASCII punctuation beside Chinese in a piece of text: a mark with a Chinese character, a
 * full-width mark or a Chinese quotation mark on either side of it, or — where the text stands for
 * a template (`hole` marks where a value goes in) — with a value on either side of it. Times,
 * ranges, addresses and code between Latin letters or digits (`14:12`, `BYDAY=MO,WE`,
 * `192.168.1.20:4173`) have neither, and stay.
 *
 * @param text - Chinese text
 * @param hole - the character that stands for a value put into the text, if any
 * @returns each mark with a little of the text around it
 */
export function asciiBesideChinese(text: string, hole?: string): string[] {
  const chinese = (c: string | undefined) =>
    c !== undefined && (HAN.test(c) || '“”‘’'.includes(c) || c === hole);
  const found: string[] = [];
  [...text].forEach((c, i, all) => {
    if (ASCII_PUNCTUATION.test(c) && (chinese(all[i - 1]) || chinese(all[i + 1])))
      found.push(all.slice(Math.max(0, i - 3), i + 4).join(''));
  });
  return found;
}
